"""Compact training progress: one line every N optimizer steps instead of one raw dict per step.

Why: with ``disable_tqdm=True`` transformers' ``PrinterCallback`` prints every ``logging_steps``
dict (``{'loss': 1.2345678, 'grad_norm': ...}``), which floods the terminal at ``logging_steps=1``;
we keep ``logging_steps=1`` (the report plots every step's loss from ``log_history``) and only
change what is printed.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from transformers import PrinterCallback, TrainerCallback

__all__ = ["CompactLogCallback", "use_compact_log", "format_progress"]


def format_progress(stage: str, step: int, max_steps: int, logs: dict[str, Any], elapsed: float) -> str:
    """``sft step 8/40 (20%) loss 1.234 eval_loss 1.456 lr 2.0e-04 3.1s``: the numbers a person watches."""
    pct = f" ({100 * step / max_steps:.0f}%)" if max_steps > 0 else ""
    parts = [f"{stage} step {step}/{max_steps if max_steps > 0 else '?'}{pct}"]
    for key in ("loss", "eval_loss", "train_loss"):
        if isinstance(logs.get(key), (int, float)):
            parts.append(f"{key} {logs[key]:.3f}")
    if isinstance(logs.get("learning_rate"), (int, float)):
        parts.append(f"lr {logs['learning_rate']:.1e}")
    parts.append(f"{elapsed:.1f}s")
    return " ".join(parts)


class CompactLogCallback(TrainerCallback):
    """Prints :func:`format_progress` on the first, every ``every``-th and the last step, and on eval."""

    def __init__(self, stage: str = "train", every: int = 10, stream: TextIO | None = None) -> None:
        self.stage, self.every, self.stream = stage, max(1, int(every)), stream
        self.t0 = time.perf_counter()

    def on_train_begin(self, args, state, control, **kwargs):  # noqa: D102
        self.t0 = time.perf_counter()

    def on_log(self, args, state, control, logs=None, **kwargs):  # noqa: D102
        logs = logs or {}
        step = int(state.global_step)
        last = state.max_steps > 0 and step >= state.max_steps
        if "eval_loss" in logs or "train_loss" in logs or last or step <= 1 or step % self.every == 0:
            print(format_progress(self.stage, step, int(state.max_steps), logs, time.perf_counter() - self.t0),
                  file=self.stream or sys.stderr, flush=True)


def use_compact_log(trainer: Any, stage: str, every: int = 10) -> None:
    """Swap the trainer's raw-dict ``PrinterCallback`` for :class:`CompactLogCallback`."""
    trainer.remove_callback(PrinterCallback)
    trainer.add_callback(CompactLogCallback(stage, every))
