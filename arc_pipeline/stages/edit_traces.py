"""Stage `edit_traces` (one partition per level): teacher edits with executed Δr -> `edit_traces`.

Also the two checks on the stored traces: no prompt leaks a test output, and Δr recomputes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.stages.inputs import baseline_starts, data_revision, executor_for, tasks_by_role
from arc_pipeline.warehouse import Warehouse


@dataclass
class TraceResult:
    rows: pl.DataFrame
    inserted: int
    stats: object
    seed: int


def build_edit_traces(cfg: PipelineConfig, wh: Warehouse, teacher_settings: dict, level: str,
                      run_id: str, seed: int | None = None) -> TraceResult:
    """Sample edits for every baseline of one difficulty level; append keyed rows."""
    from arc_pipeline.dsl.reference import render_reference
    from arc_pipeline.teachers import make_teacher
    from arc_pipeline.traces import TRACE_KEY, sample_traces

    seed = cfg.seed if seed is None else seed
    tasks = tasks_by_role(wh, "train")
    starts = baseline_starts(wh, level)
    executor = executor_for(cfg)
    teacher = make_teacher(cfg, teacher_settings, wh, executor)
    rows, stats = sample_traces(
        starts, tasks, teacher, executor, samples_per_start=cfg.teacher.samples_per_start,
        rounds=cfg.teacher.rounds, seed=seed, run_id=run_id, data_revision=data_revision(wh),
        dsl_reference=render_reference(), temperature=cfg.teacher.temperature,
        max_output_tokens=cfg.teacher.max_output_tokens, reward_config=cfg.reward)
    inserted = wh.append_rows("edit_traces", rows, key=TRACE_KEY)
    return TraceResult(rows, inserted, stats, seed)


def leaked_prompts(wh: Warehouse) -> list[dict]:
    """Stored trace prompts that contain a test output of their task."""
    from arc_pipeline.prompts import find_leaks

    if not wh.has_table("edit_traces"):
        return []
    tasks = tasks_by_role(wh, None, with_test=True)
    frame = wh.read("select distinct task_id, prompt from edit_traces")
    leaks = []
    for r in frame.iter_rows(named=True):
        task = tasks.get(r["task_id"])
        if task is None:
            continue
        train_grids = [g for p in task.train for g in (p.input, p.output)]
        found = find_leaks(r["prompt"], list(task.test_outputs), train_grids)
        if found:
            leaks.append({"task_id": r["task_id"], "test_outputs": found})
    return leaks


def recheck_delta_r(wh: Warehouse, sample: int = 200, tolerance: float = 1e-9,
                    cfg: PipelineConfig | None = None) -> tuple[int, list[dict]]:
    """Re-execute stored (start, edited) programs and compare Δr with the stored value."""
    from arc_pipeline.rewards.smooth import DEFAULT_REWARD, score_programs

    if not wh.has_table("edit_traces"):
        return 0, []
    frame = wh.read("select task_id, start_program, edited_program, reward_before, reward_after, delta_r "
                    "from edit_traces where delta_r is not null")
    rows = list(frame.iter_rows(named=True))
    rows = random.Random(0).sample(rows, min(sample, len(rows)))
    tasks = tasks_by_role(wh, "train")
    rows = [r for r in rows if r["task_id"] in tasks]
    items = [(r["start_program"], tasks[r["task_id"]]) for r in rows] + [(r["edited_program"], tasks[r["task_id"]]) for r in rows]
    scores = score_programs(items, executor_for(cfg), cfg.reward if cfg else DEFAULT_REWARD)
    n = len(rows)
    mismatches = []
    for i, r in enumerate(rows):
        dr = scores[n + i].reward - scores[i].reward
        if abs(dr - r["delta_r"]) > tolerance:
            mismatches.append({"task_id": r["task_id"], "stored": r["delta_r"], "recomputed": dr})
    return n, mismatches
