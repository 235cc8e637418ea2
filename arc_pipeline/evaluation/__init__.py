"""Evaluation: test-time refinement, official ARC scoring and the HTML/markdown report.

* :mod:`arc_pipeline.evaluation.refine` -- the refinement loop. A *proposer* (a trained model,
  or any teacher such as the offline search) repeatedly edits the best program so far; every
  edit is executed on the task's TRAIN inputs and ranked by the smooth TRAIN reward only. The
  two best distinct predictions per test input become the attempts.
* :mod:`arc_pipeline.evaluation.scoring` -- the official 2-attempt ARC score (the only place
  that reads test outputs), pixel accuracy, per-level aggregation and the ``eval_results``
  table.
* :mod:`arc_pipeline.evaluation.report` -- a self-contained HTML report (base64 images) and a
  markdown copy under ``data/reports/<run>/``.
* :mod:`arc_pipeline.evaluation.run` -- :func:`evaluate_models`: every model on every task.

Nothing here imports dagster; torch / transformers are imported lazily (ModelProposer only).
"""
