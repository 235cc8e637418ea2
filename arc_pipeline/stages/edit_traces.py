"""Stage `edit_traces` (one partition per level): teacher edits with executed Δr -> `edit_traces`.

Also the checks on the stored traces: no prompt leaks a test output, Δr recomputes, and the
rates of the CoT lint flags (``arc_pipeline.traces_lint``).
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
        max_output_tokens=cfg.teacher.max_output_tokens, reward_config=cfg.reward,
        lint=cfg.lint, base_thinking_budget=base_thinking_budget(cfg))
    relint_missing(cfg, wh)
    inserted = wh.append_rows("edit_traces", rows, key=TRACE_KEY)
    return TraceResult(rows, inserted, stats, seed)


def base_thinking_budget(cfg: PipelineConfig) -> int:
    """The curriculum's tokens-per-level budget (``curriculum.base_thinking_budget`` in the profile)."""
    from arc_pipeline.curriculum import CurriculumConfig

    return CurriculumConfig.from_settings(cfg.curriculum).base_thinking_budget


def relint_missing(cfg: PipelineConfig, wh: Warehouse) -> int:
    """Give an ``edit_traces`` table written before the lint its lint columns and values.

    Why: rows append across runs, so a warehouse from an older version would otherwise mix linted
    and never-linted traces (and the dataset filter could not tell them apart). Returns rows linted.
    """
    from arc_pipeline.traces import LINT_COLUMNS, TRACE_KEY
    from arc_pipeline.traces_lint import lint_columns

    if not wh.has_table("edit_traces"):
        return 0
    with wh.connect() as con:
        for name, sql_type in LINT_COLUMNS.items():
            con.execute(f'alter table edit_traces add column if not exists "{name}" {sql_type}')
    keys = ", ".join(f'"{k}"' for k in TRACE_KEY)
    old = wh.read(f"select {keys}, difficulty_level, cot, thinking_tokens from edit_traces where lint_flags is null")
    if old.height == 0:
        return 0
    budget = base_thinking_budget(cfg)
    lint = [lint_columns(r["cot"], r["thinking_tokens"] or 0, r["difficulty_level"], cfg.lint, budget)
            for r in old.iter_rows(named=True)]
    patch = old.select(TRACE_KEY).with_columns(
        pl.Series("lint_repetition", [x["lint_repetition"] for x in lint], pl.Float64),
        pl.Series("lint_flags", [x["lint_flags"] for x in lint], pl.List(pl.Utf8)),
        pl.Series("lint_notes", [x["lint_notes"] for x in lint], pl.Utf8))
    cond = " and ".join(f't."{k}" is not distinct from p."{k}"' for k in TRACE_KEY)
    with wh.connect() as con:
        con.execute("begin transaction")
        con.register("_patch", patch.to_arrow())
        con.execute("update edit_traces t set lint_repetition = p.lint_repetition, lint_flags = p.lint_flags, "
                    f"lint_notes = p.lint_notes from _patch p where {cond}")
        con.execute("commit")
    return old.height


def lint_flag_rates(wh: Warehouse) -> tuple[int, dict[str, float]]:
    """(traces linted, share carrying each flag) over the whole ``edit_traces`` table."""
    from arc_pipeline.traces_lint import flag_rates

    if not wh.has_table("edit_traces"):
        return 0, flag_rates([])
    flags = wh.read("select lint_flags from edit_traces where lint_flags is not null")["lint_flags"].to_list()
    return len(flags), flag_rates(flags)


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
