"""The evaluation report asset: held-out tasks, official 2-attempt scoring, per level."""

import dagster as dg

from arc_pipeline.defs.metadata import rounded, stage_code_version, table_metadata
from arc_pipeline.defs.resources import PipelineResource
from arc_pipeline.defs.training import GPU_TAGS, grpo_checkpoint

GROUP = "evaluation"
PREVIEW_COLUMNS = ["task_id", "model", "difficulty_level", "test_index", "attempt", "correct",
                   "train_reward", "start_reward", "task_score", "n_valid_edits", "n_edits"]


@dg.asset(group_name=GROUP, deps=[grpo_checkpoint], kinds={"html"}, op_tags=GPU_TAGS,
          code_version=stage_code_version("eval_report"),
          description="Test-time refinement on held-out tasks for the GRPO, SFT and base models and the search "
                      "teacher; official 2-attempt score per difficulty level -> table `eval_results` + an HTML "
                      "report `data/reports/latest/report.html` (one timestamped folder per evaluation), `report.json` "
                      "(scores, provenance) and an ARC Prize `submissions/MODEL/submission.json` per model.")
def eval_report(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    from arc_pipeline.render import markdown_table
    from arc_pipeline.stages.eval_report import build_eval_report

    wh = pipeline.warehouse()
    out = build_eval_report(pipeline.config(), wh, context.run.run_id)
    headline = rounded(out["headline"])
    context.log.info(f"report: {out['html']}; headline: {headline}; reused={out['reused']}")
    results = wh.read("eval_results")
    preview = results.select([c for c in PREVIEW_COLUMNS if c in results.columns]).sort("task_id", "model")
    summary = (f"**Report:** `{out['html']}`\n\n"
               + (markdown_table(_headline_frame(headline)) + "\n\n" if headline else "")
               + (out["markdown_snippet"] or ""))
    metadata = {
        **table_metadata("eval_results", results),
        "report": dg.MetadataValue.path(out["html"]),
        "report_url": dg.MetadataValue.url(f"file://{out['html']}"),
        "summary": dg.MetadataValue.md(summary),
        "headline": dg.MetadataValue.json(headline),
        "eval_rows": dg.MetadataValue.md(markdown_table(preview, max_rows=12)),
        "eval_tasks": out["meta"]["eval_tasks"],
        "models": dg.MetadataValue.json(out["meta"]["models"]),
        "fingerprint": out["meta"]["fingerprint"],
        "reused": bool(out.get("reused", False)),
    }
    return dg.MaterializeResult(data_version=dg.DataVersion(str(out["meta"]["fingerprint"])), metadata=metadata)


def _headline_frame(headline: dict):
    """The headline ({model: score} or nested) as a two-column table for the inline summary."""
    import json

    import polars as pl

    return pl.DataFrame({"model": list(headline),
                         "official score": [v if isinstance(v, (int, float)) else json.dumps(v)
                                            for v in headline.values()]}, strict=False)


@dg.asset_check(asset=eval_report, description="No evaluation prompt (train pairs + a stored program's train "
                                               "outputs, rendered from the train-only view) contains a test output.")
def no_test_output_in_eval_prompts(pipeline: PipelineResource) -> dg.AssetCheckResult:
    from arc_pipeline.defs.invariants import leaked_eval_prompts
    from arc_pipeline.stages.inputs import executor_for

    leaks = leaked_eval_prompts(pipeline.warehouse(), executor_for(pipeline.config()))
    return dg.AssetCheckResult(passed=not leaks, metadata={"leaks": len(leaks),
                                                           "examples": dg.MetadataValue.json(leaks[:5])})
