"""Stage `baseline_programs`: imperfect starts per task -> `baseline_programs`, `task_difficulty`."""

from __future__ import annotations

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.stages.inputs import data_revision, executor_for, tasks_by_role, verified_programs
from arc_pipeline.warehouse import Warehouse


def build_baseline_programs(cfg: PipelineConfig, wh: Warehouse,
                            teacher_settings: dict | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`baseline_programs` + `task_difficulty` for the training pool (sources: corrupted
    solutions, search partials and, with `baselines.teacher_first_try`, the teacher's first try)."""
    from arc_pipeline.baselines import build_baselines, task_difficulty_frame

    tasks = tasks_by_role(wh, "train")
    solutions = {t: p for t, p in verified_programs(wh).items() if t in tasks}
    revision = data_revision(wh)
    executor = executor_for(cfg)
    baselines = build_baselines(tasks, solutions, executor, cfg.baselines.corruptions_per_task,
                                cfg.baselines.search_starts, cfg.baselines.seed, revision)
    if cfg.baselines.teacher_first_try:
        from arc_pipeline.baselines import teacher_first_tries
        from arc_pipeline.dsl.reference import render_reference
        from arc_pipeline.teachers import make_teacher

        teacher = make_teacher(cfg, teacher_settings, wh, executor)
        tries = teacher_first_tries(tasks, teacher, executor, cfg.baselines.seed, render_reference(), revision)
        baselines = pl.concat([baselines, tries]).unique(subset=["task_id", "baseline_id"], keep="first",
                                                         maintain_order=True)
    levels = task_difficulty_frame(baselines)
    wh.replace_table("baseline_programs", baselines)
    wh.replace_table("task_difficulty", levels)
    return baselines, levels
