"""`make_teacher` for the paid APIs: current default models, and no USD budget it cannot enforce."""

from types import SimpleNamespace

import pytest

from arc_pipeline.config import TeacherOverrides, apply_teacher_overrides, load_config
from arc_pipeline.teachers import DEFAULT_MODELS, make_teacher


def _build(tmp_path, settings=None, **teacher):
    """``settings``: what the environment gives (ARC_PIPELINE_TEACHER*), merged by the config layer."""
    cfg = load_config("cpu-tiny", overrides={"teacher": {"name": "anthropic", **teacher}})
    cfg = apply_teacher_overrides(cfg, TeacherOverrides(**(settings or {})))
    warehouse = SimpleNamespace(path=tmp_path / "warehouse.duckdb")
    return make_teacher(cfg, {"anthropic_api_key": "test"}, warehouse)


def test_default_claude_model_is_current_in_the_installed_sdk():
    from typing import get_args

    from anthropic._data import DEPRECATED_MODELS
    from anthropic.types.model_param import ModelParam

    listed = {m for arg in get_args(ModelParam) for m in get_args(arg)}
    assert DEFAULT_MODELS["anthropic"] in listed
    assert DEFAULT_MODELS["anthropic"] not in DEPRECATED_MODELS


def test_unpriced_model_with_a_usd_budget_is_refused_by_name(tmp_path):
    with pytest.raises(ValueError, match=r"claude-unpriced-9.*price_per_mtok"):
        _build(tmp_path, model="claude-unpriced-9", budget_usd=5.0)


def test_configured_price_is_what_calls_cost(tmp_path):
    teacher = _build(tmp_path, model="claude-unpriced-9", budget_usd=5.0, price_per_mtok=[2.0, 10.0])
    assert teacher.cost_usd(1_000_000, 100_000) == pytest.approx(3.0)


def test_environment_price_overrides_the_profile(tmp_path):
    teacher = _build(tmp_path, {"price_per_mtok": "1,4"}, model="claude-unpriced-9", price_per_mtok=[2.0, 10.0])
    assert teacher.cost_usd(1_000_000, 1_000_000) == pytest.approx(5.0)


@pytest.mark.parametrize("bad", ["abc", "1", "1,-2", "1,2,3"])
def test_malformed_price_is_an_error(tmp_path, bad):
    with pytest.raises(ValueError, match="ARC_PIPELINE_TEACHER_PRICE"):
        _build(tmp_path, {"price_per_mtok": bad}, model="claude-haiku-4-5")


def test_table_priced_model_needs_no_configured_price(tmp_path):
    teacher = _build(tmp_path, model="claude-haiku-4-5", budget_usd=5.0)
    assert teacher.price is None and teacher.cost_usd(1_000_000, 0) == pytest.approx(1.0)


def test_unpriced_model_without_a_usd_budget_is_allowed(tmp_path):
    teacher = _build(tmp_path, model="claude-unpriced-9", budget_usd=None)
    assert teacher.model == "claude-unpriced-9"


def test_teacher_settings_outside_the_keys_are_refused(tmp_path):
    """Stale callers that still pass name/model to make_teacher fail loudly instead of being ignored."""
    cfg = load_config("cpu-tiny")
    with pytest.raises(ValueError, match=r"only API keys.*'name'"):
        make_teacher(cfg, {"name": "anthropic"}, SimpleNamespace(path=tmp_path / "w.duckdb"))
