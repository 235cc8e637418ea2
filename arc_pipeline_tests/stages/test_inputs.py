"""The stages' typed warehouse accessors, over a real DuckDB file."""

import doctest
import json

import polars as pl
import pytest

import arc_pipeline.layout
from arc_pipeline.curriculum import CurriculumConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.stages import inputs
from arc_pipeline.warehouse import Warehouse

TASK = {"train": [{"input": [[1]], "output": [[2]]}], "test": [{"input": [[3]], "output": [[4]]}]}
TRAIN_ONLY = {"train": TASK["train"], "test": []}


@pytest.fixture
def wh(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    wh.replace_table("tasks", pl.DataFrame({
        "task_id": ["a", "b"], "role": ["train", "eval"], "data_revision": ["rev1", "rev1"],
        "train_json": [json.dumps(TRAIN_ONLY)] * 2, "task_json": [json.dumps(TASK)] * 2}))
    wh.replace_table("verified_solutions", pl.DataFrame({
        "task_id": ["a", "b", "c"], "program": ["pa", "pb", "pc"], "rule": ["ra", "rb", "rc"],
        "passed": [True, True, False]}))
    return wh


def test_tasks_by_role_reads_test_pairs_only_when_asked(wh):
    train = inputs.tasks_by_role(wh, "train")
    assert list(train) == ["a"] and train["a"].test == ()
    every = inputs.tasks_by_role(wh, None, with_test=True)
    assert sorted(every) == ["a", "b"] and every["b"].test[0].output == ((4,),)
    with pytest.raises(ValueError, match="unknown task role 'dev'"):
        inputs.tasks_by_role(wh, "dev")


def test_revision_programs_and_rules(wh, tmp_path):
    assert inputs.data_revision(wh) == "rev1"
    assert inputs.data_revision(Warehouse(tmp_path / "empty.duckdb")) == ""
    assert inputs.verified_programs(wh) == {"a": "pa", "b": "pb"}
    assert inputs.verified_programs(wh, pool_only=True) == {"a": "pa"}
    assert inputs.verified_rules(wh) == {"a": "ra", "b": "rb"}
    assert inputs.task_ids(wh, "eval") == {"b"}
    assert inputs.non_eval_verified(wh)["task_id"].to_list() == ["a"]


def test_layout_doctest_and_unknown_stage(tmp_path):
    assert doctest.testmod(arc_pipeline.layout).failed == 0
    with pytest.raises(ValueError, match="unknown checkpoint stage 'dpo'"):
        RunLayout(tmp_path).checkpoint("dpo")


def test_curriculum_settings_are_checked():
    assert CurriculumConfig.from_settings({"boost_weight": 2.0}).boost_weight == 2.0
    with pytest.raises(ValueError, match=r"unknown curriculum settings \['boost'\]"):
        CurriculumConfig.from_settings({"boost": 2.0})


def test_executor_for_applies_the_sandbox_section():
    """`sandbox:` settings reach the shared pool (and are what `settings()` records)."""
    import dataclasses

    from arc_pipeline.config import PipelineConfig, SandboxConfig
    from arc_pipeline.execution import shutdown_default_executor
    from arc_pipeline.stages.inputs import executor_for

    cfg = dataclasses.replace(PipelineConfig(), sandbox=SandboxConfig(workers=1, timeout_s=2.5, memory_mb=512))
    try:
        settings = executor_for(cfg).settings()
        assert settings["num_workers"] == 1 and settings["timeout_s"] == 2.5 and settings["memory_limit_mb"] == 512
    finally:
        shutdown_default_executor()


def test_settings_in_effect_records_sandbox_and_reward():
    """What SFT/GRPO metrics and the eval report's meta record: the pool's limits and cfg.reward."""
    import dataclasses

    from arc_pipeline.config import PipelineConfig, SandboxConfig
    from arc_pipeline.execution import shutdown_default_executor
    from arc_pipeline.rewards.smooth import RewardConfig
    from arc_pipeline.stages.inputs import settings_in_effect

    reward = RewardConfig(thinking_penalty_weight=0.5)
    cfg = dataclasses.replace(PipelineConfig(), sandbox=SandboxConfig(workers=1, timeout_s=3.0, memory_mb=768),
                              reward=reward)
    try:
        settings = settings_in_effect(cfg)
        assert settings["sandbox"]["timeout_s"] == 3.0 and settings["sandbox"]["memory_limit_mb"] == 768
        assert settings["sandbox"]["num_workers"] == 1
        assert settings["reward"] == dataclasses.asdict(reward) and settings["reward"]["thinking_penalty_weight"] == 0.5
        assert json.loads(json.dumps(settings)) == settings  # stored as JSON next to results
    finally:
        shutdown_default_executor()
