"""Baseline programs and difficulty levels."""

from __future__ import annotations

import polars as pl
import pytest

from arc_pipeline.baselines import (
    BASELINE_SCHEMA,
    LEVEL_THRESHOLDS,
    LEVELS,
    baseline_id,
    build_baselines,
    corrupted_candidates,
    difficulty,
    level_for,
    task_difficulty_frame,
)
from arc_pipeline.execution import default_executor
from arc_pipeline.solutions import load_solutions
from arc_pipeline.tasks import load_tasks

TASK_IDS = ("0d3d703e", "25ff71a9", "3af2c5a8")


def test_level_thresholds():
    assert LEVEL_THRESHOLDS == (0.4, 0.25, 0.18, 0.12)
    assert [level_for(r) for r in (1.0, 0.4, 0.3999, 0.25, 0.2499, 0.18, 0.1799, 0.12, 0.1199, 0.0)] == [
        "level-1", "level-1", "level-2", "level-2", "level-3", "level-3", "level-4", "level-4", "level-5", "level-5"]
    assert set(level_for(x / 100) for x in range(101)) == set(LEVELS)


def test_difficulty():
    assert difficulty(0.5) == 2.0
    assert difficulty(0.25) == 4.0
    assert difficulty(1.0) == 1.0
    assert difficulty(0.0) == 100.0
    assert difficulty(0.01) == 100.0
    assert difficulty(0.02) == pytest.approx(50.0)
    # monotone: lower mean reward -> harder
    values = [difficulty(x / 100) for x in range(1, 101)]
    assert values == sorted(values, reverse=True)


def test_task_difficulty_frame():
    frame = pl.DataFrame({"task_id": ["a", "a", "b", "c"], "reward": [0.9, 0.5, 0.3, 0.0]})
    out = task_difficulty_frame(frame)
    rows = {r["task_id"]: r for r in out.iter_rows(named=True)}
    assert rows["a"]["mean_baseline_reward"] == pytest.approx(0.7)
    assert rows["a"]["n_baselines"] == 2 and rows["a"]["difficulty_level"] == "level-1"
    assert rows["b"]["difficulty_level"] == "level-2" and rows["b"]["difficulty"] == pytest.approx(1 / 0.3)
    assert rows["c"]["difficulty_level"] == "level-5" and rows["c"]["difficulty"] == 100.0


@pytest.fixture(scope="module")
def three_tasks():
    tasks = load_tasks("arc-agi-1", "training")
    solutions = load_solutions()
    return {t: tasks[t] for t in TASK_IDS}, {t: solutions[t] for t in TASK_IDS}


@pytest.fixture(scope="module")
def baselines(three_tasks):
    tasks, solutions = three_tasks
    return build_baselines(tasks, solutions, default_executor(), corruptions_per_task=2, search_starts=True,
                           seed=0, data_revision="rev", progress=False)


def test_build_baselines_rewards_below_one(baselines):
    assert baselines.schema == pl.Schema(BASELINE_SCHEMA)
    assert baselines.height >= len(TASK_IDS)
    assert set(baselines["task_id"]) == set(TASK_IDS)
    assert (baselines["reward"] < 1.0).all()
    assert (baselines["reward"] >= 0.0).all()
    assert set(baselines["source"]) == {"corrupted", "search"}
    per_task = baselines.group_by("task_id", "source").len()
    for r in per_task.iter_rows(named=True):
        if r["source"] == "corrupted":
            assert 1 <= r["len"] <= 2
        else:
            assert r["len"] == 1
    # keyed by (task_id, baseline_id) and the id is the documented hash
    assert baselines.select("task_id", "baseline_id").n_unique() == baselines.height
    for r in baselines.iter_rows(named=True):
        assert r["baseline_id"] == baseline_id(r["task_id"], r["program"])
        assert r["n_correct"] < r["n_examples"]
        assert r["seed"] == 0 and r["data_revision"] == "rev"
        assert r["provenance"]


def test_corrupted_baselines_differ_from_the_solution(three_tasks, baselines):
    from arc_pipeline.program import strip_comments

    _, solutions = three_tasks
    for r in baselines.filter(pl.col("source") == "corrupted").iter_rows(named=True):
        assert strip_comments(r["program"]) != strip_comments(solutions[r["task_id"]])
        assert r["provenance"].startswith("verified solution, then: ")


def test_build_baselines_is_deterministic(three_tasks, baselines):
    tasks, solutions = three_tasks
    again = build_baselines(tasks, solutions, default_executor(), corruptions_per_task=2, search_starts=True,
                            seed=0, data_revision="rev", progress=False)
    assert again.equals(baselines)
    a = corrupted_candidates("0d3d703e", solutions["0d3d703e"], 2, seed=0)
    assert a == corrupted_candidates("0d3d703e", solutions["0d3d703e"], 2, seed=0)
    assert a != corrupted_candidates("0d3d703e", solutions["0d3d703e"], 2, seed=1)


def test_levels_from_baselines(baselines):
    levels = task_difficulty_frame(baselines)
    assert levels.height == len(TASK_IDS)
    for r in levels.iter_rows(named=True):
        assert r["difficulty_level"] == level_for(r["mean_baseline_reward"])
        assert r["difficulty"] == pytest.approx(difficulty(r["mean_baseline_reward"]))


class _FixedTeacher:
    """A teacher whose first try is always the same (partly right) program."""

    name, model = "fixed", "fixed-v1"

    def __init__(self, text):
        self.text, self.requests = text, []

    def sample(self, request):
        from arc_pipeline.teachers.base import TeacherSample

        self.requests.append(request)
        return [TeacherSample(sample_index=0, text=self.text)]


def test_teacher_first_tries_keep_imperfect_valid_programs(three_tasks):
    from arc_pipeline.baselines import EMPTY_PROGRAM, teacher_first_tries
    from arc_pipeline.execution import default_executor

    tasks, _ = three_tasks
    teacher = _FixedTeacher("<think>mirror</think>\n```python\ndef solve(I):\n    O = flip_horizontal(I)\n    return O\n```")
    frame = teacher_first_tries(tasks, teacher, default_executor(), seed=3)
    assert len(teacher.requests) == len(tasks)
    assert all(r.start_program == EMPTY_PROGRAM and r.task_json.endswith('"test":[]}') for r in teacher.requests)
    assert set(frame["source"]) <= {"teacher"} and (frame["reward"] < 1.0).all()
    garbage = teacher_first_tries(tasks, _FixedTeacher("no program here"), default_executor())
    assert garbage.height == 0
