"""Precision flags shared by the trl trainers: CPU bf16 autocast only when configured and native."""

import pytest

from arc_pipeline.config import ModelConfig
from arc_pipeline.training.common import cpu_autocast, precision_flags, use_cuda


def test_cpu_runs_stay_fp32_unless_bf16_autocast_is_asked_for():
    if use_cuda():
        pytest.skip("the GPU path follows model.dtype instead")
    assert precision_flags(ModelConfig()) == {"bf16": False, "fp16": False, "use_cpu": True}
    asked = precision_flags(ModelConfig(cpu_autocast="bfloat16"))
    assert asked["use_cpu"] and not asked["fp16"]
    assert asked["bf16"] == (cpu_autocast("bfloat16") == "bfloat16")  # never emulated bf16
    assert not precision_flags(ModelConfig(cpu_autocast="bfloat16"), allow_cpu_autocast=False)["bf16"]  # GRPO
