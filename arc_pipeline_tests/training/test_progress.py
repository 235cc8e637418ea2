"""SFT progress: one compact line every N steps instead of a raw dict per logging step."""

from __future__ import annotations

import io

from transformers import TrainerControl, TrainerState, TrainingArguments

from arc_pipeline.training.progress import CompactLogCallback, format_progress


def test_format_progress_line():
    line = format_progress("sft", 8, 40, {"loss": 1.23456, "learning_rate": 0.0002, "grad_norm": 3.2}, 3.14)
    assert line == "sft step 8/40 (20%) loss 1.235 lr 2.0e-04 3.1s"


def test_callback_prints_every_n_steps_only(tmp_path):
    stream = io.StringIO()
    cb = CompactLogCallback("sft", every=5, stream=stream)
    args = TrainingArguments(output_dir=str(tmp_path), report_to="none")
    state = TrainerState(max_steps=12)
    for step in range(1, 13):
        state.global_step = step
        cb.on_log(args, state, TrainerControl(), logs={"loss": 1.0 / step, "grad_norm": 1.0})
    lines = stream.getvalue().splitlines()
    assert [line.split()[2] for line in lines] == ["1/12", "5/12", "10/12", "12/12"]
    assert all("{" not in line and "grad_norm" not in line for line in lines)
