"""Official ARC scoring: 2 attempts per test output, mean over test outputs, per level."""

from __future__ import annotations

import json

import polars as pl
import pytest

from arc_pipeline.evaluation.refine import Attempt, RefineResult
from arc_pipeline.evaluation.scoring import (
    EVAL_SCHEMA,
    attempt1_pixel_accuracy,
    eval_rows,
    level_summary,
    model_summary,
    task_score,
    test_output_solved,
)
from arc_pipeline.tasks import ArcTask

A = ((1, 2), (3, 4))
B = ((4, 3), (2, 1))
C = ((0, 0), (0, 0))


def test_either_attempt_solves():
    assert test_output_solved([A, B], A)
    assert test_output_solved([B, A], A)  # second attempt counts
    assert not test_output_solved([B, C], A)
    assert not test_output_solved([], A)
    assert not test_output_solved([B, C, A], A)  # only 2 attempts are allowed
    assert not test_output_solved([((1, 2),)], A)  # wrong shape
    assert test_output_solved([[[1, 2], [3, 4]]], A)  # lists are fine


def test_task_score_is_mean_over_test_outputs():
    assert task_score([[A, B]], [A]) == 1.0
    assert task_score([[C, B], [B]], [A, B]) == 0.5  # 2 test outputs, one solved
    assert task_score([[C], []], [A, B]) == 0.0
    with pytest.raises(ValueError):
        task_score([[A]], [A, B])


def test_attempt1_pixel_accuracy():
    assert attempt1_pixel_accuracy([((1, 2), (3, 0)), A], A) == 0.75  # attempt 1 only
    assert attempt1_pixel_accuracy([], A) == 0.0
    assert attempt1_pixel_accuracy([((1, 2),)], A) == 0.0


def _task(task_id: str, outputs) -> ArcTask:
    return ArcTask.from_json({
        "train": [{"input": [[1]], "output": [[1]]}],
        "test": [{"input": [[5, 5], [5, 5]], "output": [list(r) for r in o]} for o in outputs],
    }, task_id)


def _result(task_id: str, model: str, attempts_per_test, reward: float = 0.5) -> RefineResult:
    atts = [[Attempt(g, f"def solve(I):\n    return I\n# {k}", reward, k) for k, g in enumerate(per)]
            for per in attempts_per_test]
    return RefineResult(task_id=task_id, model=model, seed=3, rounds=2, samples_per_round=2,
                        start_program="p", start_reward=0.1, best_program="p", best_reward=reward, best_round=1,
                        round_best_rewards=[reward, reward], attempts=atts)


def test_eval_rows_and_level_aggregation():
    tasks = {"t1": _task("t1", [A, B]), "t2": _task("t2", [A]), "t3": _task("t3", [C])}
    levels = {"t1": "level-1", "t2": "level-1", "t3": "level-3"}
    results = [
        _result("t1", "m", [[C, A], [C]]),   # test 0 solved by attempt 2, test 1 not -> 0.5
        _result("t2", "m", [[A]]),           # 1.0 (a single distinct attempt)
        _result("t3", "m", [[]], 0.0),       # no attempt at all -> 0.0
        _result("t2", "other", [[B, C]]),    # 0.0
    ]
    frame = eval_rows(results, tasks, levels, seed=3, data_revision="rev1")
    assert frame.schema == pl.Schema(EVAL_SCHEMA)
    # one row per task x model x test index x attempt
    assert frame.height == (2 + 1 + 1 + 1) * 2
    t1 = frame.filter((pl.col("task_id") == "t1") & (pl.col("model") == "m")).sort(["test_index", "attempt"])
    assert t1["correct"].to_list() == [False, True, False, False]
    assert t1["test_solved"].to_list() == [True, True, False, False]
    assert set(t1["task_score"].to_list()) == {0.5}
    assert json.loads(t1["predicted"][1]) == [[1, 2], [3, 4]]
    assert t1["predicted"][3] is None  # missing 2nd attempt
    assert set(frame["seed"].to_list()) == {3} and set(frame["data_revision"].to_list()) == {"rev1"}

    summary = {r["model"]: r for r in model_summary(frame).iter_rows(named=True)}
    assert summary["m"]["score"] == pytest.approx((0.5 + 1.0 + 0.0) / 3)
    assert summary["m"]["tasks"] == 3 and summary["m"]["tasks_solved"] == 1
    assert summary["other"]["score"] == 0.0

    by_level = {(r["model"], r["difficulty_level"]): r for r in level_summary(frame).iter_rows(named=True)}
    assert by_level[("m", "level-1")]["score"] == pytest.approx(0.75)
    assert by_level[("m", "level-1")]["tasks"] == 2
    assert by_level[("m", "level-3")]["score"] == 0.0
    assert by_level[("other", "level-1")]["score"] == 0.0
    assert ("other", "level-3") not in by_level
