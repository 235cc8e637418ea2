"""Which models the eval report scores: the base always, the warm start only when asked for."""

from __future__ import annotations

import doctest
from pathlib import Path

import arc_pipeline.stages.eval_report
from arc_pipeline.config import load_config
from arc_pipeline.stages.eval_report import models_to_score


def test_doctests():
    assert doctest.testmod(arc_pipeline.stages.eval_report).failed == 0


def test_base_is_always_scored_and_the_warm_start_follows_the_switch():
    ckpts = {"grpo": Path("g"), "sft": Path("s")}
    on = models_to_score(ckpts, Path("tiny-warm"), Path("tiny"), True)
    off = models_to_score(ckpts, Path("tiny-warm"), Path("tiny"), False)
    assert list(on) == ["grpo", "sft", "warm-start", "base"] and on["base"] == Path("tiny")
    assert list(off) == ["grpo", "sft", "base"]


def test_the_default_profile_skips_the_warm_start_to_stay_in_budget():
    cfg = load_config("cpu-tiny")
    assert cfg.eval.warm_start is False and cfg.model.warm_start_steps > 0
