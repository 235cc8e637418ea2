"""The default slice follows its documented rule and never mixes training and held-out tasks."""

from __future__ import annotations

from arc_pipeline.config import TasksConfig
from arc_pipeline.slices import DEFAULT_EVAL_SLICE, DEFAULT_TRAIN_SLICE, _cells, held_out_task_ids, select_tasks
from arc_pipeline.tasks import load_tasks


def test_eval_slice_is_the_evaluation_tasks_with_the_fewest_cells():
    evals = load_tasks("arc-agi-1", "evaluation")
    by_size = sorted(evals, key=lambda t: (_cells(evals[t]), t))
    assert list(DEFAULT_EVAL_SLICE) == by_size[: len(DEFAULT_EVAL_SLICE)]
    assert len(DEFAULT_EVAL_SLICE) == 16 and len(set(DEFAULT_EVAL_SLICE)) == 16


def test_default_slice_is_disjoint_and_every_eval_task_is_held_out():
    train, evals = select_tasks(TasksConfig(slice="default"))
    assert set(evals) == set(DEFAULT_EVAL_SLICE)
    assert set(train) == set(DEFAULT_TRAIN_SLICE)
    assert not set(train) & held_out_task_ids(TasksConfig(slice="default"), set(evals))


def test_validation_slice_is_the_rules_next_tasks_and_never_reported_or_trained():
    from arc_pipeline.slices import DEFAULT_VALIDATION_SLICE

    evals = load_tasks("arc-agi-1", "evaluation")
    by_size = sorted(evals, key=lambda t: (_cells(evals[t]), t))
    n = len(DEFAULT_EVAL_SLICE)
    assert list(DEFAULT_VALIDATION_SLICE) == by_size[n: n + len(DEFAULT_VALIDATION_SLICE)]
    train, reported = select_tasks(TasksConfig(slice="default"))
    assert not set(DEFAULT_VALIDATION_SLICE) & (set(reported) | set(train))
    assert set(DEFAULT_VALIDATION_SLICE) <= held_out_task_ids(TasksConfig(slice="default"), set(reported))
