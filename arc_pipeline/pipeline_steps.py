"""Warehouse-aware steps behind the Dagster assets (plain Python: no dagster import).

Each function reads its inputs from the DuckDB warehouse, calls the pure stage library and
writes its table(s) back, so an asset body is one call plus metadata.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.tasks import ArcTask
from arc_pipeline.warehouse import Warehouse


def load_task_table(wh: Warehouse, role: str | None = None, with_test: bool = False) -> dict[str, ArcTask]:
    """Tasks as stored by `arc_tasks`; train-only unless ``with_test`` (evaluation only)."""
    where = f" where role = '{role}'" if role in ("train", "eval") else ""
    frame = wh.read(f"select task_id, train_json, task_json from tasks{where} order by task_id")
    column = "task_json" if with_test else "train_json"
    return {r["task_id"]: ArcTask.from_json(json.loads(r[column]), r["task_id"], require_test=with_test)
            for r in frame.iter_rows(named=True)}


def executor_for(cfg: PipelineConfig | None):
    """The process-wide sandbox pool (one per process: workers are forked before torch loads)."""
    from arc_pipeline.execution import default_executor

    return default_executor()


def build_baseline_tables(cfg: PipelineConfig, wh: Warehouse,
                          teacher_settings: dict | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`baseline_programs` + `task_difficulty` for the training pool (sources: corrupted
    solutions, search partials and, with `baselines.teacher_first_try`, the teacher's first try)."""
    from arc_pipeline.baselines import build_baselines, task_difficulty_frame

    tasks = load_task_table(wh, "train")
    verified = wh.read("select task_id, program from verified_solutions where passed")
    solutions = {r["task_id"]: r["program"] for r in verified.iter_rows(named=True) if r["task_id"] in tasks}
    revision = wh.scalar("select any_value(data_revision) from tasks") or ""
    baselines = build_baselines(tasks, solutions, executor_for(cfg), cfg.baselines.corruptions_per_task,
                                cfg.baselines.search_starts, cfg.baselines.seed, revision)
    if cfg.baselines.teacher_first_try:
        from arc_pipeline.baselines import teacher_first_tries
        from arc_pipeline.dsl.reference import render_reference
        from arc_pipeline.teachers import make_teacher

        teacher = make_teacher(cfg, teacher_settings, wh, executor_for(cfg))
        tries = teacher_first_tries(tasks, teacher, executor_for(cfg), cfg.baselines.seed, render_reference(), revision)
        baselines = pl.concat([baselines, tries]).unique(subset=["task_id", "baseline_id"], keep="first",
                                                         maintain_order=True)
    levels = task_difficulty_frame(baselines)
    wh.replace_table("baseline_programs", baselines)
    wh.replace_table("task_difficulty", levels)
    return baselines, levels


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
    tasks = load_task_table(wh, "train")
    starts = wh.read(
        "select b.task_id, b.program, b.reward, d.difficulty_level from baseline_programs b "
        "join task_difficulty d using (task_id) where d.difficulty_level = ? order by b.task_id, b.baseline_id",
        [level],
    )
    executor = executor_for(cfg)
    teacher = make_teacher(cfg, teacher_settings, wh, executor)
    revision = wh.scalar("select any_value(data_revision) from tasks") or ""
    rows, stats = sample_traces(
        starts, tasks, teacher, executor, samples_per_start=cfg.teacher.samples_per_start,
        rounds=cfg.teacher.rounds, seed=seed, run_id=run_id, data_revision=revision,
        dsl_reference=render_reference(), temperature=cfg.teacher.temperature,
        max_output_tokens=cfg.teacher.max_output_tokens)
    inserted = wh.append_rows("edit_traces", rows, key=TRACE_KEY)
    return TraceResult(rows, inserted, stats, seed)


def leaked_prompts(wh: Warehouse) -> list[dict]:
    """Stored trace prompts that contain a test output of their task."""
    from arc_pipeline.prompts import find_leaks

    if not wh.has_table("edit_traces"):
        return []
    tasks = load_task_table(wh, None, with_test=True)
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


def recheck_delta_r(wh: Warehouse, sample: int = 200, tolerance: float = 1e-9) -> tuple[int, list[dict]]:
    """Re-execute stored (start, edited) programs and compare Δr with the stored value."""
    from arc_pipeline.reward import score_programs

    if not wh.has_table("edit_traces"):
        return 0, []
    frame = wh.read("select task_id, start_program, edited_program, reward_before, reward_after, delta_r "
                    "from edit_traces where delta_r is not null")
    rows = list(frame.iter_rows(named=True))
    rows = random.Random(0).sample(rows, min(sample, len(rows)))
    tasks = load_task_table(wh, "train")
    rows = [r for r in rows if r["task_id"] in tasks]
    items = [(r["start_program"], tasks[r["task_id"]]) for r in rows] + [(r["edited_program"], tasks[r["task_id"]]) for r in rows]
    scores = score_programs(items, executor_for(None))
    n = len(rows)
    mismatches = []
    for i, r in enumerate(rows):
        dr = scores[n + i].reward - scores[i].reward
        if abs(dr - r["delta_r"]) > tolerance:
            mismatches.append({"task_id": r["task_id"], "stored": r["delta_r"], "recomputed": dr})
    return n, mismatches


def held_out_task_ids(cfg: PipelineConfig, wh: Warehouse) -> set[str]:
    """Tasks that must never reach training: the eval role, plus the whole evaluation split
    (minus the documented subset when the 'add 100 evaluation tasks' switch is on)."""
    from arc_pipeline.slices import eval_subset_for_training
    from arc_pipeline.tasks import load_tasks

    held = set(wh.read("select task_id from tasks where role = 'eval'")["task_id"].to_list())
    eval_split = load_tasks(cfg.tasks.eval_dataset, cfg.tasks.eval_split)
    moved = set(eval_subset_for_training(eval_split)) if cfg.tasks.add_eval_subset_to_training else set()
    return (held | set(eval_split)) - moved


def build_sft_dataset(cfg: PipelineConfig, wh: Warehouse) -> tuple[pl.DataFrame, str]:
    """`sft_examples` (+ a HF datasets export under data/datasets/) from all edit traces."""
    from arc_pipeline.dataset import build_sft_frame, dataset_hash, export_hf

    traces = wh.read("edit_traces")
    rules = {r["task_id"]: r["rule"] for r in wh.read("select task_id, rule from verified_solutions where passed").iter_rows(named=True)}
    frame = build_sft_frame(traces, held_out_task_ids(cfg, wh), rules)
    digest = dataset_hash(frame)
    frame = frame.with_columns(pl.lit(digest).alias("dataset_hash"))
    wh.replace_table("sft_examples", frame)
    out = cfg.data_path / "datasets" / f"sft-{digest}"
    if not out.exists() and frame.height:
        export_hf(frame, out)
    return frame, digest
