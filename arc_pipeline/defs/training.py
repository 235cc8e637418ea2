"""Assets for the SFT dataset and the SFT and GRPO checkpoints."""


import dagster as dg
import polars as pl

from arc_pipeline.defs.metadata import rounded, stage_code_version, stored_table_metadata
from arc_pipeline.defs.resources import PipelineResource
from arc_pipeline.defs.traces import edit_traces

GROUP = "training"
# read by dagster-k8s / cluster executors to place the step on a GPU node (docs/cluster.md)
GPU_TAGS = {"arc/resources": "gpu"}
PREVIEW_ROWS = 3  # SFT rows shown (prompt end + completion) on each materialization


@dg.asset(group_name=GROUP, deps=[edit_traces], kinds={"duckdb", "polars"},
          code_version=stage_code_version("sft_dataset"),
          description="Edit traces filtered into SFT rows (Δr > 0, top-3 per start with coverage tie-break, "
                      "≤ 10 per task, no held-out task) -> table `sft_examples` + a HF datasets export.")
def sft_dataset(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    from arc_pipeline.stages.sft_dataset import build_sft_dataset_report
    from arc_pipeline.render import histogram_png, markdown_table, png_markdown, sft_rows_markdown

    built = build_sft_dataset_report(pipeline.config(), pipeline.warehouse())
    frame, digest = built.frame, built.digest
    context.log.info(f"{frame.height} SFT rows over {frame['task_id'].n_unique()} tasks, hash {digest}; dropped "
                     f"{built.dropped.get('lint_flagged', 0)} lint-flagged and {built.dropped.get('review_rejected', 0)} "
                     "rejected traces")
    per_level = frame.group_by("difficulty_level").len().sort("difficulty_level")
    preview = frame.sort("delta_r", descending=True).head(PREVIEW_ROWS).to_dicts() if frame.height else []
    return dg.MaterializeResult(data_version=dg.DataVersion(digest), metadata={
        **stored_table_metadata(pipeline.warehouse(), "sft_examples"),
        "tasks": frame["task_id"].n_unique(),
        "dataset_hash": digest,
        "mean_delta_r": rounded(float(frame["delta_r"].mean() or 0.0)),
        "sample_rows": dg.MetadataValue.md(sft_rows_markdown(preview)),
        "dropped_lint_flagged": built.dropped.get("lint_flagged", 0),
        "dropped_review_rejected": built.dropped.get("review_rejected", 0),
        "review_coverage": dg.MetadataValue.json(built.review),
        "rows_per_level": dg.MetadataValue.md(markdown_table(per_level)),
        "delta_r_histogram": dg.MetadataValue.md(png_markdown(histogram_png(frame["delta_r"].to_list(), "Δr of kept rows")) if frame.height else "empty"),
    })


@dg.asset(group_name=GROUP, deps=[sft_dataset], kinds={"pytorch"}, op_tags=GPU_TAGS,
          code_version=stage_code_version("sft_checkpoint"),
          description="trl SFTTrainer (+ peft LoRA when configured) on `sft_examples` -> data/checkpoints/sft.")
def sft_checkpoint(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    from arc_pipeline.render import line_png, png_markdown
    from arc_pipeline.stages.sft_checkpoint import build_sft_checkpoint

    m = build_sft_checkpoint(pipeline.config(), pipeline.warehouse())
    losses = m.get("losses") or []
    context.log.info(f"SFT: {m.get('steps')} steps, loss {losses[0] if losses else None} -> {losses[-1] if losses else None}, reused={m.get('reused', False)}")
    return dg.MaterializeResult(data_version=dg.DataVersion(str(m["fingerprint"])), metadata={
        "fingerprint": str(m["fingerprint"]),
        "steps": m.get("steps"),
        "loss_start": rounded(losses[0]) if losses else None,
        "loss_end": rounded(losses[-1]) if losses else None,
        "tokens_per_s": rounded(m.get("tokens_per_s"), 1),
        "wall_s": rounded(m.get("wall_s"), 1),
        "reused": bool(m.get("reused", False)),
        "path": dg.MetadataValue.path(str(m.get("merged_dir", ""))),
        "eval_loss_first": (m.get("eval_losses") or [{}])[0].get("loss"),
        "eval_loss_last": (m.get("eval_losses") or [{}])[-1].get("loss"),
        "eval_rows": m.get("eval_rows"),
        "loss_curve": dg.MetadataValue.md(png_markdown(line_png(
            {"train loss": (range(1, len(losses) + 1), losses),
             "eval loss (held-out SFT rows)": ([e["step"] for e in m.get("eval_losses") or []],
                                               [e["loss"] for e in m.get("eval_losses") or []])},
            "SFT loss"), "loss") if losses else "no losses"),
    })


@dg.asset(group_name=GROUP, deps=[sft_checkpoint], kinds={"pytorch"}, op_tags=GPU_TAGS,
          code_version=stage_code_version("grpo_checkpoint"),
          description="trl GRPOTrainer from the SFT checkpoint: reward = Δr of the smooth reward (sandboxed) + "
                      "format reward; groups share a start program; curriculum-weighted -> data/checkpoints/grpo.")
def grpo_checkpoint(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    from arc_pipeline.render import line_png, markdown_table, png_markdown
    from arc_pipeline.stages.grpo_checkpoint import build_grpo_checkpoint

    m, decisions = build_grpo_checkpoint(pipeline.config(), pipeline.warehouse())
    dr, valid = m.get("delta_r_per_step") or [], m.get("valid_rate_per_step") or []
    trend = m.get("delta_r_trend") or {}
    per_round = (decisions.group_by("round", "action").len().sort("round", "action")
                 .pivot(on="action", index="round", values="len") if decisions.height else decisions)
    rounds = pl.DataFrame([{"round": r["round"], "rows": r["rows"], "augmented rows": r["augmented_rows"],
                            "open levels": ", ".join(r["open_levels"]),
                            "tasks changed action": len(r.get("changed_actions") or {}), "completion budget": r["max_completion_length"],
                            "mean Δr": r["mean_delta_r"], "valid": r["valid_rate"], "start kept": r.get("start_kept"),
                            "held-out valid": (r["heldout"] or {}).get("valid_rate"),
                            "held-out best train reward": (r["heldout"] or {}).get("best_train_reward")}
                           for r in m.get("round_records", [])])
    context.log.info(f"GRPO: {m.get('rounds')} rounds, {m.get('steps')} steps, Δr trend {trend}")
    return dg.MaterializeResult(data_version=dg.DataVersion(str(m["fingerprint"])), metadata={
        **stored_table_metadata(pipeline.warehouse(), "curriculum_decisions"),
        "fingerprint": str(m["fingerprint"]),
        "path": dg.MetadataValue.path(str(m.get("merged_dir", ""))),
        "rounds": m.get("rounds"),
        "steps": m.get("steps"),
        "delta_r_first_quarter_to_last": dg.MetadataValue.json(rounded(trend)),
        "delta_r_trend_excludes_zero": bool(trend.get("excludes_zero", False)),
        "delta_r_trend_by_source": dg.MetadataValue.json(rounded(m.get("delta_r_trend_by_source") or {})),
        "delta_r_trend_within_start": dg.MetadataValue.json(rounded(m.get("delta_r_trend_within_start") or {})),
        "augmented_rows": sum(r["augmented_rows"] for r in m.get("round_records", [])),
        "curriculum_changes": dg.MetadataValue.json({
            **{f"round {r['round']}": r.get("changed_actions") or {} for r in m.get("round_records", [])},
            "after the last round": (m.get("after_last_round") or {}).get("changed_actions") or {}}),
        "wall_s": rounded(m.get("wall_s"), 1),
        "reused": bool(m.get("reused", False)),
        "rounds_table": dg.MetadataValue.md(markdown_table(rounds) if rounds.height else "no rounds"),
        "curriculum_actions_per_round": dg.MetadataValue.md(markdown_table(per_round) if decisions.height else "no decisions"),
        "reward_curve": dg.MetadataValue.md(png_markdown(line_png(
            {"Δr (mean per step)": (range(len(dr)), dr), "valid-edit rate": (range(len(valid)), valid)},
            "GRPO per step"), "GRPO per step") if dr else "no rewards"),
    })


@dg.asset_check(asset=sft_dataset, description="`sft_examples` has at most 10 rows per task and no held-out task "
                                               "(eval role or evaluation split).")
def sft_rows_per_task_and_no_held_out(pipeline: PipelineResource) -> dg.AssetCheckResult:
    from arc_pipeline.dataset import MAX_PER_TASK
    from arc_pipeline.defs.invariants import sft_violations
    from arc_pipeline.slices import held_out_task_ids
    from arc_pipeline.stages.inputs import task_ids

    wh = pipeline.warehouse()
    held_out = held_out_task_ids(pipeline.config().tasks, task_ids(wh, "eval"))
    problems = sft_violations(wh, held_out, MAX_PER_TASK)
    return dg.AssetCheckResult(passed=not problems, metadata={"violations": len(problems), "max_per_task": MAX_PER_TASK,
                                                              "examples": dg.MetadataValue.json(problems[:10])})


def _checkpoint_loads(pipeline: PipelineResource, stage: str) -> dg.AssetCheckResult:
    """The check shared by both checkpoints: the merged dir loads with ``from_pretrained``."""
    from arc_pipeline.defs.invariants import checkpoint_problems
    from arc_pipeline.layout import RunLayout

    merged = RunLayout.of(pipeline.config()).merged(stage)
    problems = checkpoint_problems(merged)
    return dg.AssetCheckResult(passed=not problems, metadata={"merged_dir": dg.MetadataValue.path(str(merged)),
                                                              "problems": dg.MetadataValue.json(problems)})


@dg.asset_check(asset=sft_checkpoint, description="The merged SFT checkpoint has config + tokenizer and loads "
                                                  "with from_pretrained.")
def sft_checkpoint_loads(pipeline: PipelineResource) -> dg.AssetCheckResult:
    return _checkpoint_loads(pipeline, "sft")


@dg.asset_check(asset=grpo_checkpoint, description="The merged GRPO checkpoint has config + tokenizer and loads "
                                                   "with from_pretrained.")
def grpo_checkpoint_loads(pipeline: PipelineResource) -> dg.AssetCheckResult:
    return _checkpoint_loads(pipeline, "grpo")
