"""One module per Dagster asset, named after it: read inputs, call the library, write tables.

Each stage module reads its inputs through the typed accessors of
:mod:`arc_pipeline.stages.inputs`, calls the pure library and writes its own table(s), so an
asset body in :mod:`arc_pipeline.defs` is one call plus its metadata. No stage imports another
stage's module: shared code lives in the library (or in ``inputs``). Nothing here imports
dagster.

| asset | module |
|---|---|
| ``arc_tasks`` | :mod:`arc_pipeline.stages.arc_tasks` |
| ``verified_solutions`` | :mod:`arc_pipeline.stages.verified_solutions` |
| ``baseline_programs`` | :mod:`arc_pipeline.stages.baseline_programs` |
| ``edit_traces`` | :mod:`arc_pipeline.stages.edit_traces` |
| ``sft_dataset`` | :mod:`arc_pipeline.stages.sft_dataset` |
| ``sft_checkpoint`` | :mod:`arc_pipeline.stages.sft_checkpoint` |
| ``grpo_checkpoint`` | :mod:`arc_pipeline.stages.grpo_checkpoint` |
| ``eval_report`` | :mod:`arc_pipeline.stages.eval_report` |
"""
