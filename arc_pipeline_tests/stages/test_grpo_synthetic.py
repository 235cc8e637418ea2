"""GRPO's synthetic one-step tasks: fresh tasks on pool train inputs, never a held-out task, the
outputs their program computes, started from the empty program at level 1 -- and the Δr trend
reported per source."""

from __future__ import annotations

import dataclasses
import json

import polars as pl
import pytest

import arc_pipeline.slices  # noqa: F401 -- imported BEFORE the patch below: a module first imported
import arc_pipeline.tasks  # while load_tasks is patched would keep the small pool for the whole session
from arc_pipeline.baselines import EMPTY_PROGRAM
from arc_pipeline.config import PipelineConfig
from arc_pipeline.execution import default_executor
from arc_pipeline.stages import grpo_checkpoint
from arc_pipeline.tasks import load_tasks
from arc_pipeline.warehouse import Warehouse

POOL = ["007bbfb7", "00d62c1b", "017c7c7b", "025d127b", "045e512c", "0520fde7"]
HELD_OUT = "00d62c1b"  # given the eval role below: no synthetic task may use its inputs


@pytest.fixture
def setup(tmp_path, monkeypatch):
    every = load_tasks("arc-agi-1", "training")
    real = arc_pipeline.tasks.load_tasks
    monkeypatch.setattr(arc_pipeline.tasks, "load_tasks",  # a small training pool; the eval split as it is
                        lambda d, s=None: {t: every[t] for t in POOL} if s == "training" else real(d, s))
    wh = Warehouse(tmp_path / "w.duckdb")
    train = every["007bbfb7"]
    wh.replace_table("tasks", pl.DataFrame({
        "task_id": ["007bbfb7", HELD_OUT], "role": ["train", "eval"], "data_revision": ["r", "r"],
        "train_json": [train.train_json(), every[HELD_OUT].train_json()],
        "task_json": [train.train_json(), every[HELD_OUT].train_json()]}))
    wh.replace_table("task_difficulty", pl.DataFrame({"task_id": ["007bbfb7"], "difficulty_level": ["level-2"]}))
    wh.replace_table("baseline_programs", pl.DataFrame({
        "task_id": ["007bbfb7"], "baseline_id": ["b0"], "program": [EMPTY_PROGRAM], "reward": [0.1]}))
    cfg = PipelineConfig()
    cfg = dataclasses.replace(cfg, data_dir=str(tmp_path / "data"),
                              grpo=dataclasses.replace(cfg.grpo, synthetic_tasks=3, empty_starts=False))
    return cfg, wh, every


def test_synthetic_tasks_are_fresh_pool_tasks_with_computed_outputs(setup):
    cfg, wh, every = setup
    tasks = grpo_checkpoint.grpo_tasks(cfg, wh)
    syn = sorted(t for t in tasks if grpo_checkpoint.is_synthetic(t))
    assert len(syn) == 3 and "007bbfb7" in tasks
    assert not any(t.startswith(f"syn-{HELD_OUT}-") for t in syn)
    from arc_pipeline.training.synthetic_tasks import CATALOGUE, catalogue_program

    executor = default_executor()
    for t in syn:
        pool_id, index = t[len("syn-"):].rsplit("-", 1)
        task = tasks[t]
        assert task.test == ()
        pool_inputs = [tuple(map(tuple, g)) for g in every[pool_id].train_inputs]
        for pair in task.train:  # a top-left window of one of the pool task's train inputs
            assert any(tuple(r[:len(pair.input[0])] for r in g[:len(pair.input)]) == pair.input for g in pool_inputs)
        results = executor.run(catalogue_program(CATALOGUE[int(index)][0]), list(task.train_inputs))
        assert [tuple(map(tuple, r.output)) for r in results] == [p.output for p in task.train]
        assert task.train != tuple((p.input, p.input) for p in task.train)


def test_rows_and_curriculum_put_them_at_level_one_from_the_empty_program(setup):
    cfg, wh, _ = setup
    tasks = grpo_checkpoint.grpo_tasks(cfg, wh)
    rows = grpo_checkpoint.grpo_prompt_rows(cfg, wh, tasks)
    syn = rows.filter(pl.col("task_id").str.starts_with("syn-"))
    assert syn.height == 3 and set(syn["start_program"]) == {EMPTY_PROGRAM}
    assert set(syn["difficulty_level"]) == {"level-1"}
    assert all(0 < r < 1 for r in syn["reward_before"])  # the empty program does not solve them
    for r in syn.iter_rows(named=True):
        assert json.loads(r["task_json"])["test"] == []
    cur = grpo_checkpoint.prior_curriculum(cfg, wh, tasks)
    decisions = {d.task_id: d for d in cur.decide()}
    assert all(decisions[t].level == "level-1" and decisions[t].action == "keep" for t in syn["task_id"])
    assert decisions["007bbfb7"].action == "locked"  # level-2 waits for level 1, synthetic tasks included


def test_off_means_only_the_training_tasks(setup):
    cfg, wh, _ = setup
    off = dataclasses.replace(cfg, grpo=dataclasses.replace(cfg.grpo, synthetic_tasks=0))
    assert list(grpo_checkpoint.grpo_tasks(off, wh)) == ["007bbfb7"]


def test_trend_is_split_by_source():
    from types import SimpleNamespace

    visits = [{"task_id": "syn-a-1", "call": c, "delta_r": 0.1 * c} for c in range(8)] + [
        {"task_id": "real", "call": c, "delta_r": -0.1} for c in range(8)]
    series = grpo_checkpoint.source_series([SimpleNamespace(round=1, visits=visits)])
    assert series["real"] == [-0.1] * 8
    assert series["synthetic"] == pytest.approx([0.1 * c for c in range(8)])


def test_baseline_starts_off_leaves_only_the_empty_program(setup):
    """grpo.baseline_starts=false: the baseline_programs starts stay out of GRPO; with empty_starts
    every real training task is started from the empty program, at its own level."""
    cfg, wh, _ = setup
    wh.replace_table("baseline_programs", pl.DataFrame({  # a non-empty start that must be left out
        "task_id": ["007bbfb7"], "baseline_id": ["b1"], "program": ["def solve(I):\n    O = transpose(I)\n    return O\n"],
        "reward": [0.2]}))
    grpo = dataclasses.replace(cfg.grpo, synthetic_tasks=0, empty_starts=True, baseline_starts=False)
    rows = grpo_checkpoint.grpo_prompt_rows(dataclasses.replace(cfg, grpo=grpo), wh)
    assert rows["start_program"].to_list() == [EMPTY_PROGRAM] and rows["difficulty_level"].to_list() == ["level-2"]
    with_baselines = grpo_checkpoint.grpo_prompt_rows(
        dataclasses.replace(cfg, grpo=dataclasses.replace(grpo, baseline_starts=True)), wh)
    assert with_baselines.height == 2 and "transpose" in with_baselines["start_program"][0]
