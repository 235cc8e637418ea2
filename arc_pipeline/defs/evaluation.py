"""The evaluation report asset: held-out tasks, official 2-attempt scoring, per level."""

import dagster as dg

from arc_pipeline.defs.resources import PipelineResource
from arc_pipeline.defs.training import GPU_TAGS, grpo_checkpoint

GROUP = "evaluation"


@dg.asset(group_name=GROUP, deps=[grpo_checkpoint], kinds={"html"}, op_tags=GPU_TAGS,
          description="Test-time refinement on held-out tasks for the GRPO, SFT and base models and the search "
                      "teacher; official 2-attempt score per difficulty level -> table `eval_results` + an HTML "
                      "report under data/reports/<run>/.")
def eval_report(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    from arc_pipeline.stages.eval_report import build_eval_report

    out = build_eval_report(pipeline.config(), pipeline.warehouse(), context.run.run_id)
    headline = out["headline"]
    context.log.info(f"report: {out['html']}; headline: {headline}; reused={out['reused']}")
    metadata = {
        "report": dg.MetadataValue.path(out["html"]),
        "headline": dg.MetadataValue.json(headline),
        "eval_tasks": out["meta"]["eval_tasks"],
        "models": dg.MetadataValue.json(out["meta"]["models"]),
        "reused": bool(out.get("reused", False)),
    }
    if out["markdown_snippet"]:
        metadata["summary"] = dg.MetadataValue.md(out["markdown_snippet"])
    return dg.MaterializeResult(metadata=metadata)
