"""Official ARC scoring (2 attempts per test output) and the ``eval_results`` table.

The rule (ARC Prize / ARC-AGI-1 public eval): each test output gets up to 2 attempts; it is
solved when EITHER attempt equals the expected grid exactly (shape and every pixel). A task's
score is the mean over its test outputs (a task with 2 test outputs, one solved, scores 0.5);
a model's score is the mean task score over tasks. This module is the only place in the
evaluation that reads test outputs.

Other measures: ``train_reward`` (the best program's smooth train reward, what refinement
optimised), ``pixel_accuracy`` (attempt 1 vs the expected test output; 0 for a wrong shape
or no attempt), Δr and thinking length of the refinement edits.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from arc_pipeline.dsl.types import Grid
from arc_pipeline.rewards.smooth import pixel_accuracy
from arc_pipeline.tasks import ArcTask

__all__ = [
    "EVAL_SCHEMA", "UNKNOWN_LEVEL", "attempt_matches", "test_output_solved", "task_score",
    "attempt1_pixel_accuracy", "eval_rows", "task_summary", "level_summary", "model_summary", "score_submission",
]

UNKNOWN_LEVEL = "unknown"

EVAL_SCHEMA = {
    "task_id": pl.Utf8, "model": pl.Utf8, "difficulty_level": pl.Utf8, "test_index": pl.Int64,
    "attempt": pl.Int64, "predicted": pl.Utf8, "correct": pl.Boolean, "test_solved": pl.Boolean,
    "task_score": pl.Float64, "train_reward": pl.Float64, "start_reward": pl.Float64,
    "pixel_accuracy": pl.Float64, "task_pixel_accuracy": pl.Float64, "rounds": pl.Int64,
    "best_round": pl.Int64, "mean_delta_r": pl.Float64, "thinking_tokens": pl.Float64,
    "n_edits": pl.Int64, "n_valid_edits": pl.Int64, "n_candidates": pl.Int64,
    "delta_r_by_round": pl.Utf8, "program": pl.Utf8, "program_train_reward": pl.Float64,
    "best_program": pl.Utf8, "seed": pl.Int64, "data_revision": pl.Utf8,
}


def _as_grid(value: Any) -> Grid | None:
    if value is None:
        return None
    try:
        return tuple(tuple(int(v) for v in row) for row in value)
    except (TypeError, ValueError):
        return None


def attempt_matches(predicted: Any, expected: Grid) -> bool:
    """Exact match (shape and every pixel); ``None`` (no attempt) never matches.

    >>> attempt_matches(((1, 2),), ((1, 2),)), attempt_matches([[1, 2]], ((1, 2),)), attempt_matches(None, ((1,),))
    (True, True, False)
    """
    grid = _as_grid(predicted)
    return grid is not None and grid == _as_grid(expected)


def test_output_solved(attempts: Sequence[Any], expected: Grid, max_attempts: int = 2) -> bool:
    """Solved when any of the first ``max_attempts`` attempts matches exactly.

    >>> test_output_solved([((0,),), ((1,),)], ((1,),)), test_output_solved([((0,),), ((1,),)], ((1,),), 1)
    (True, False)
    """
    return any(attempt_matches(a, expected) for a in list(attempts)[:max_attempts])


test_output_solved.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def task_score(attempts_per_test: Sequence[Sequence[Any]], expected_outputs: Sequence[Grid],
               max_attempts: int = 2) -> float:
    """Official task score: mean over test outputs of "solved by one of 2 attempts".

    >>> task_score([[((1,),)], [((0,),), ((5,),)]], [((1,),), ((2,),)])
    0.5
    """
    if not expected_outputs:
        raise ValueError("task_score needs at least one test output")
    if len(attempts_per_test) != len(expected_outputs):
        raise ValueError(f"{len(attempts_per_test)} attempt lists for {len(expected_outputs)} test outputs")
    solved = [test_output_solved(a, e, max_attempts) for a, e in zip(attempts_per_test, expected_outputs)]
    return sum(solved) / len(solved)


def attempt1_pixel_accuracy(attempts: Sequence[Any], expected: Grid) -> float:
    """Pixel accuracy of the first attempt (0.0 with no attempt or a wrong shape)."""
    grid = _as_grid(attempts[0]) if attempts else None
    return pixel_accuracy(grid, expected) if grid else 0.0


def _outputs(result: Any) -> list[list[Grid]]:
    return [[a.output for a in per_test] for per_test in result.attempts]


def eval_rows(refine_results: Sequence[Any], tasks: Mapping[str, ArcTask], levels: Mapping[str, str],
              seed: int, data_revision: str, attempts: int = 2) -> pl.DataFrame:
    """The ``eval_results`` table: one row per task x model x test index x attempt (1..attempts).

    A missing attempt (fewer distinct outputs than ``attempts``) is a row with ``predicted``
    null and ``correct`` false, so every (task, model, test index) has exactly ``attempts``
    rows. ``predicted`` is the grid as JSON (list of lists). ``rounds`` = rounds actually run.
    """
    rows: list[dict[str, Any]] = []
    for res in refine_results:
        task = tasks[res.task_id]
        expected = list(task.test_outputs)
        per_test = _outputs(res)
        if len(per_test) != len(expected):
            raise ValueError(f"{res.task_id}: {len(per_test)} attempt lists for {len(expected)} test outputs")
        score = task_score(per_test, expected, attempts)
        pixel = [attempt1_pixel_accuracy(a, e) for a, e in zip(per_test, expected)]
        task_pixel = sum(pixel) / len(pixel)
        valid = sum(1 for e in res.edits if e.valid)
        by_round = json.dumps({str(k): round(v, 6) for k, v in res.delta_r_by_round().items()})
        common = {
            "task_id": res.task_id, "model": res.model, "difficulty_level": levels.get(res.task_id, UNKNOWN_LEVEL),
            "task_score": score, "train_reward": float(res.best_reward), "start_reward": float(res.start_reward),
            "task_pixel_accuracy": task_pixel, "rounds": res.rounds_run, "best_round": res.best_round,
            "mean_delta_r": res.mean_delta_r, "thinking_tokens": res.mean_thinking_tokens,
            "n_edits": len(res.edits), "n_valid_edits": valid, "n_candidates": res.n_candidates,
            "delta_r_by_round": by_round, "best_program": res.best_program, "seed": int(seed),
            "data_revision": data_revision,
        }
        for t, exp in enumerate(expected):
            solved = test_output_solved(per_test[t], exp, attempts)
            for k in range(attempts):
                att = res.attempts[t][k] if k < len(res.attempts[t]) else None
                rows.append({
                    **common, "test_index": t, "attempt": k + 1,
                    "predicted": json.dumps([list(r) for r in att.output]) if att else None,
                    "correct": bool(att is not None and attempt_matches(att.output, exp)),
                    "test_solved": solved, "pixel_accuracy": pixel[t],
                    "program": att.program if att else None,
                    "program_train_reward": float(att.train_reward) if att else None,
                })
    return pl.DataFrame(rows, schema=EVAL_SCHEMA)


def task_summary(results: pl.DataFrame) -> pl.DataFrame:
    """One row per (model, task): official score, train reward, pixel accuracy, Δr, thinking."""
    return (
        results.group_by(["model", "task_id"], maintain_order=True)
        .agg(
            pl.col("difficulty_level").first(), pl.col("task_score").first(), pl.col("train_reward").first(),
            pl.col("start_reward").first(), pl.col("task_pixel_accuracy").first().alias("pixel_accuracy"),
            pl.col("mean_delta_r").first(), pl.col("thinking_tokens").first(), pl.col("n_edits").first(),
            pl.col("n_valid_edits").first(), pl.col("rounds").first(), pl.col("best_round").first(),
            pl.col("test_index").n_unique().alias("n_test"),
        )
    )


def _weighted(col: str) -> pl.Expr:
    """Edit-weighted mean of a per-task mean column (tasks without edits drop out)."""
    w = pl.when(pl.col(col).is_not_null()).then(pl.col("n_edits")).otherwise(0)
    return ((pl.col(col).fill_null(0.0) * w).sum() / pl.max_horizontal(w.sum(), pl.lit(1))).alias(col)


def model_summary(results: pl.DataFrame) -> pl.DataFrame:
    """One row per model: tasks, official score (mean task score), tasks fully solved, mean
    train reward, train-solved tasks, attempt-1 pixel accuracy, edit-weighted mean Δr and
    thinking tokens, edits, valid-edit rate."""
    tasks = task_summary(results)
    return (
        tasks.group_by("model", maintain_order=True)
        .agg(
            pl.len().alias("tasks"),
            pl.col("task_score").mean().alias("score"),
            (pl.col("task_score") == 1.0).sum().alias("tasks_solved"),
            pl.col("train_reward").mean().alias("train_reward"),
            (pl.col("train_reward") >= 1.0).sum().alias("train_solved"),
            pl.col("pixel_accuracy").mean().alias("pixel_accuracy"),
            _weighted("mean_delta_r"), _weighted("thinking_tokens"),
            pl.col("n_edits").sum().alias("edits"),
            (pl.col("n_valid_edits").sum() / pl.max_horizontal(pl.col("n_edits").sum(), pl.lit(1))).alias("valid_rate"),
        )
    )


def level_summary(results: pl.DataFrame) -> pl.DataFrame:
    """One row per (model, difficulty level): tasks, official score, tasks solved, train
    reward and pixel accuracy; sorted by model order then level."""
    tasks = task_summary(results)
    order = {m: i for i, m in enumerate(tasks["model"].unique(maintain_order=True).to_list())}
    out = (
        tasks.group_by(["model", "difficulty_level"], maintain_order=True)
        .agg(
            pl.len().alias("tasks"), pl.col("task_score").mean().alias("score"),
            (pl.col("task_score") == 1.0).sum().alias("tasks_solved"),
            pl.col("train_reward").mean().alias("train_reward"),
            pl.col("pixel_accuracy").mean().alias("pixel_accuracy"),
        )
    )
    if out.is_empty():
        return out
    return (
        out.with_columns(pl.col("model").replace_strict(order, return_dtype=pl.Int64).alias("_o"))
        .sort(["_o", "difficulty_level"]).drop("_o")
    )


def score_submission(submission: Mapping[str, Sequence[Mapping[str, Any]]], tasks: Mapping[str, ArcTask],
                     origin: str = "submission") -> dict[str, Any]:
    """Score an ARC Prize submission (already structurally valid, see
    :func:`arc_pipeline.evaluation.submission.load_submission`) against ``tasks``' test outputs.

    Official rule: a test output counts if ``attempt_1`` or ``attempt_2`` matches exactly; task
    score = mean over its test outputs; ``score`` = mean over the tasks in the file (what the
    report's official score is). Tasks of ``tasks`` absent from the file score 0: they are listed
    in ``missing`` and counted in ``score_with_missing`` (mean over file tasks + missing ones).
    A task of the file that ``tasks`` lacks, or a wrong number of test entries, raises
    ``ValueError`` naming ``origin`` and the task.
    """
    rows: list[dict[str, Any]] = []
    for task_id in sorted(submission):
        task = tasks.get(task_id)
        if task is None:
            raise ValueError(f"{origin}: task {task_id} is not in the task set ({len(tasks)} tasks)")
        entries, expected = list(submission[task_id]), list(task.test_outputs)
        if len(entries) != len(expected):
            raise ValueError(f"{origin}: task {task_id} has {len(entries)} test entries, the task has "
                             f"{len(expected)} test inputs")
        attempts = [[e.get("attempt_1"), e.get("attempt_2")] for e in entries]
        solved = [test_output_solved(a, x) for a, x in zip(attempts, expected)]
        rows.append({"task_id": task_id, "test_outputs": len(solved), "solved": sum(solved),
                     "score": task_score(attempts, expected)})
    missing = sorted(set(tasks) - set(submission))
    total = sum(r["score"] for r in rows)
    return {"tasks": rows, "n_tasks": len(rows), "score": total / len(rows) if rows else 0.0,
            "missing": missing, "n_missing": len(missing),
            "score_with_missing": total / (len(rows) + len(missing)) if rows or missing else 0.0}
