"""Assets for raw ARC tasks and DSL-verified solutions."""


import dagster as dg

from arc_pipeline.defs.metadata import frame_version, rounded, stage_code_version, stored_table_metadata
from arc_pipeline.defs.resources import PipelineResource

GROUP = "foundation"


@dg.asset(group_name=GROUP, kinds={"duckdb", "polars"}, code_version=stage_code_version("arc_tasks"),
          description="Raw ARC tasks of this profile (training pool + held-out evaluation) -> table `tasks`.")
def arc_tasks(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    from arc_pipeline.render import markdown_table, png_markdown, task_png
    from arc_pipeline.stages.arc_tasks import build_arc_tasks

    cfg = pipeline.config()
    out = build_arc_tasks(cfg, pipeline.warehouse())
    frame, train, evals, revision = out.frame, out.train, out.evals, out.revision
    context.log.info(f"{len(train)} training-pool tasks, {len(evals)} evaluation tasks, revision {revision}")
    first = train[sorted(train)[0]] if train else None
    return dg.MaterializeResult(data_version=frame_version(frame), metadata={
        **stored_table_metadata(pipeline.warehouse(), "tasks"),
        "train_tasks": len(train),
        "eval_tasks": len(evals),
        "data_revision": revision,
        "profile": cfg.profile,
        "preview": dg.MetadataValue.md(markdown_table(frame.select("task_id", "role", "n_train", "n_test", "max_side").head(10))),
        "example_task": dg.MetadataValue.md(png_markdown(task_png(first), first.id) if first else "no tasks"),
    })


@dg.asset(group_name=GROUP, deps=[arc_tasks], kinds={"duckdb", "polars"},
          code_version=stage_code_version("verified_solutions"),
          description="Every DSL solver run in the sandbox on all train+test pairs -> table `verified_solutions`.")
def verified_solutions(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    from arc_pipeline.render import markdown_table
    from arc_pipeline.stages.verified_solutions import build_verified_solutions

    report = build_verified_solutions(pipeline.config(), pipeline.warehouse())
    context.log.info(f"verified {report.passed}/{report.rows.height} solvers in {report.seconds:.1f}s")
    failing = report.rows.filter(~report.rows["passed"])
    return dg.MaterializeResult(data_version=frame_version(report.rows), metadata={
        **stored_table_metadata(pipeline.warehouse(), "verified_solutions"),
        "solvers": report.rows.height,
        "passed": report.passed,
        "pass_rate": rounded(report.passed / max(1, report.rows.height)),
        "data_revision": report.data_revision,
        "python": report.python,
        "seconds": rounded(report.seconds, 2),
        "with_data_flaw": ", ".join(report.with_data_flaw) or "none",
        "failing": dg.MetadataValue.md(markdown_table(failing.select("task_id", "first_failure")) if failing.height else "none"),
    })


@dg.asset_check(asset=verified_solutions,
                description="Every solver passes all its train+test pairs and every training-pool task has one "
                            "(400/400 on the full set, all solvers of the slice otherwise).")
def all_solvers_verified(pipeline: PipelineResource) -> dg.AssetCheckResult:
    from arc_pipeline.defs.invariants import unverified_solvers

    checked, failures = unverified_solvers(pipeline.warehouse())
    return dg.AssetCheckResult(passed=checked > 0 and not failures, metadata={
        "solvers": checked, "passed": checked - len(failures),
        "failures": dg.MetadataValue.json(failures[:10])})
