"""Assets for baseline programs and edit traces (partitioned by difficulty level)."""


import dagster as dg

from arc_pipeline.defs.foundation import arc_tasks, verified_solutions
from arc_pipeline.defs.metadata import frame_version, rounded, stage_code_version, stored_table_metadata, table_metadata
from arc_pipeline.defs.partitions import difficulty_partitions
from arc_pipeline.defs.resources import PipelineResource, TeacherResource

GROUP = "traces"
SEED_TAG = "arc/sampling_seed"
PREVIEW_EDITS = 3  # edits shown with CoT and diff on each partition's materialization


@dg.asset(group_name=GROUP, deps=[arc_tasks, verified_solutions], kinds={"duckdb", "polars"},
          code_version=stage_code_version("baseline_programs"),
          description="Imperfect starting programs per task (corrupted solutions, search partials) and "
                      "difficulty levels -> tables `baseline_programs`, `task_difficulty`.")
def baseline_programs(context: dg.AssetExecutionContext, pipeline: PipelineResource,
                      teacher: TeacherResource) -> dg.MaterializeResult:
    from arc_pipeline.render import markdown_table
    from arc_pipeline.stages.baseline_programs import build_baseline_programs

    baselines, levels = build_baseline_programs(pipeline.config(), pipeline.warehouse(), teacher.settings())
    counts = levels.group_by("difficulty_level").len().sort("difficulty_level")
    context.log.info(f"{baselines.height} baselines for {levels.height} tasks")
    return dg.MaterializeResult(data_version=frame_version(baselines, levels), metadata={
        **stored_table_metadata(pipeline.warehouse(), "baseline_programs"),
        "tasks": levels.height,
        "task_difficulty_table": "warehouse.main.task_difficulty",
        "mean_reward": rounded(float(baselines["reward"].mean() or 0.0)),
        "by_source": dg.MetadataValue.json({k: v for k, v in baselines.group_by("source").len().iter_rows()}),
        "tasks_per_level": dg.MetadataValue.md(markdown_table(counts)),
    })


@dg.asset(group_name=GROUP, deps=[baseline_programs], partitions_def=difficulty_partitions,
          kinds={"duckdb", "polars"}, code_version=stage_code_version("edit_traces"),
          description="Teacher edit chains-of-thought with executed Δr, one partition per difficulty "
                      "level -> table `edit_traces` (appended, keyed; teacher calls cached in `teacher_calls`).")
def edit_traces(context: dg.AssetExecutionContext, pipeline: PipelineResource,
                teacher: TeacherResource) -> dg.MaterializeResult:
    from arc_pipeline.render import edits_markdown, histogram_png, png_markdown
    from arc_pipeline.stages.edit_traces import build_edit_traces

    seed_tag = context.run.tags.get(SEED_TAG)
    result = build_edit_traces(pipeline.config(), pipeline.warehouse(), teacher.settings(),
                               level=context.partition_key, run_id=context.run.run_id,
                               seed=int(seed_tag) if seed_tag else None)
    s = result.stats
    context.log.info(f"{context.partition_key}: {s.samples} samples, {s.accepted} accepted, "
                     f"{s.teacher_calls} teacher calls, {s.cache_hits} cache hits, ${s.spend_usd:.4f}")
    deltas = [d for d in result.rows["delta_r"].to_list() if d is not None]
    stored = pipeline.warehouse().read("select * from edit_traces where difficulty_level = ?", [context.partition_key])
    best = stored.sort("delta_r", descending=True, nulls_last=True).head(PREVIEW_EDITS)
    return dg.MaterializeResult(data_version=frame_version(stored), metadata={
        # the partition's rows as stored (all seeds so far); `samples`/`rows_inserted`: this run only
        **table_metadata("edit_traces", stored),
        "samples": s.samples,
        "rows_inserted": result.inserted,
        "acceptance_rate": rounded(s.accepted / max(1, s.samples)),
        "teacher_calls": s.teacher_calls,
        "cache_hits": s.cache_hits,
        "spend_usd": rounded(s.spend_usd),
        "budget_stopped": s.budget_stopped,
        "seed": result.seed,
        "statuses": dg.MetadataValue.json(s.statuses),
        "delta_r_histogram": dg.MetadataValue.md(png_markdown(histogram_png(deltas, "Δr of edits"), "Δr") if deltas else "no samples"),
        "top_edits": dg.MetadataValue.md(edits_markdown(best.to_dicts())),
    })


@dg.asset_check(asset=baseline_programs, description="Every baseline reward is < 1: a perfect start leaves the "
                                                     "edit model nothing to improve.")
def baseline_rewards_below_one(pipeline: PipelineResource) -> dg.AssetCheckResult:
    from arc_pipeline.defs.invariants import perfect_baselines

    perfect = perfect_baselines(pipeline.warehouse())
    return dg.AssetCheckResult(passed=not perfect, metadata={"perfect": len(perfect),
                                                             "examples": dg.MetadataValue.json(rounded(perfect[:5]))})


@dg.asset_check(asset=edit_traces, description="No stored prompt contains a test output of its task.")
def no_test_output_in_prompts(pipeline: PipelineResource) -> dg.AssetCheckResult:
    from arc_pipeline.stages.edit_traces import leaked_prompts

    leaks = leaked_prompts(pipeline.warehouse())
    return dg.AssetCheckResult(passed=not leaks, metadata={"leaks": len(leaks), "examples": dg.MetadataValue.json(leaks[:5])})


@dg.asset_check(asset=edit_traces, description="Δr recomputes from the stored programs (re-executed in the sandbox).")
def delta_r_recomputes(pipeline: PipelineResource) -> dg.AssetCheckResult:
    from arc_pipeline.stages.edit_traces import recheck_delta_r

    checked, mismatches = recheck_delta_r(pipeline.warehouse(), sample=200, cfg=pipeline.config())
    return dg.AssetCheckResult(passed=not mismatches, metadata={"checked": checked, "mismatches": len(mismatches),
                                                                 "examples": dg.MetadataValue.json(mismatches[:5])})


@dg.asset_check(asset=edit_traces, description="CoT lint flag rates (repetition, colour arithmetic, answer "
                 "leak, over budget) over all stored traces; warns above lint.max_flagged_rate.")
def cot_lint_flag_rates(pipeline: PipelineResource) -> dg.AssetCheckResult:
    from arc_pipeline.stages.edit_traces import lint_flag_rates

    cfg = pipeline.config()
    linted, rates = lint_flag_rates(pipeline.warehouse())
    return dg.AssetCheckResult(passed=rates["any"] <= cfg.lint.max_flagged_rate, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"linted": linted, **{f"rate_{k}": v for k, v in rates.items()},
                                         "max_flagged_rate": cfg.lint.max_flagged_rate})


traces_job = dg.define_asset_job("edit_traces_job", selection=[edit_traces])


@dg.schedule(job=traces_job, cron_schedule="0 3 * * *", default_status=dg.DefaultScheduleStatus.STOPPED,
             description="Nightly: re-sample every level with a fresh seed (rows append; keys prevent duplicates).")
def resample_traces_schedule(context: dg.ScheduleEvaluationContext):
    seed = int(context.scheduled_execution_time.timestamp()) if context.scheduled_execution_time else 0
    for level in difficulty_partitions.get_partition_keys():
        yield dg.RunRequest(run_key=f"{level}-{seed}", partition_key=level, tags={SEED_TAG: str(seed)})
