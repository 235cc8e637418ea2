"""Stage `sft_dataset`: edit traces filtered into SFT rows -> `sft_examples` + a HF export.

Before the selection rules, traces carrying a lint flag in ``dataset.drop_lint_flags`` and traces a
reviewer rejected (``trace_reviews``) are dropped; how many, and the review coverage, are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.stages.inputs import executor_for, task_ids, tasks_by_role, verified_rules
from arc_pipeline.warehouse import Warehouse


@dataclass
class SFTBuild:
    """The `sft_examples` frame, its hash, what the lint/review filter removed, and review coverage."""

    frame: pl.DataFrame
    digest: str
    dropped: dict[str, int] = field(default_factory=dict)
    review: dict = field(default_factory=dict)


def student_prompts(tasks: dict, executor):
    """``(task_id, start_program) -> student prompt``: the start program re-run in the sandbox on
    the task's train inputs (cached), rendered by :func:`arc_pipeline.prompts.render_student_prompt`
    -- the same prompt GRPO and the evaluation give the student."""
    from functools import lru_cache

    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.traces import outcomes_of

    @lru_cache(maxsize=None)
    def render(task_id: str, program: str) -> str:
        task = tasks[task_id]
        return render_student_prompt([(p.input, p.output) for p in task.train], program,
                                     outcomes_of(program, task, executor))

    return render


def build_sft_dataset(cfg: PipelineConfig, wh: Warehouse) -> tuple[pl.DataFrame, str]:
    """`sft_examples` (+ a HF datasets export under datasets/) from all edit traces."""
    built = build_sft_dataset_report(cfg, wh)
    return built.frame, built.digest


def build_sft_dataset_report(cfg: PipelineConfig, wh: Warehouse) -> SFTBuild:
    """``build_sft_dataset`` plus the counts the asset reports (dropped rows, review coverage)."""
    from arc_pipeline.dataset import build_sft_frame, dataset_hash, drop_flagged_and_rejected, export_hf
    from arc_pipeline.review import rejected_traces, review_coverage
    from arc_pipeline.slices import held_out_task_ids

    traces = wh.read("edit_traces")
    held_out = held_out_task_ids(cfg.tasks, task_ids(wh, "eval"))
    traces, dropped = drop_flagged_and_rejected(traces, cfg.dataset.drop_lint_flags, rejected_traces(wh))
    tasks = tasks_by_role(wh, "train")
    frame = build_sft_frame(traces, held_out, verified_rules(wh), student_prompt=student_prompts(tasks, executor_for(cfg)),
                            n_examples={t: len(task.train) for t, task in tasks.items()},
                            max_cot_chars=cfg.sft.max_cot_chars)
    digest = dataset_hash(frame)
    frame = frame.with_columns(pl.lit(digest).alias("dataset_hash"))
    wh.replace_table("sft_examples", frame)
    out = RunLayout.of(cfg).sft_dataset(digest)
    if not out.exists() and frame.height:
        export_hf(frame, out)
    sft_keys = frame.select("task_id", "start_id", "teacher", "model", "sample_index", "seed")
    review = review_coverage(wh, sft_keys)
    return SFTBuild(frame, digest, dropped, review)
