"""Intervals for learning claims: paired bootstrap over tasks, and trends over training steps.

Why bootstrap: with 8-40 held-out tasks and rewards bounded in [0, 1] with many ties, a normal
approximation is poor; the percentile bootstrap of the mean difference (tasks resampled with
replacement, the same resample for both models: a *paired* comparison) makes no distribution
assumption. Deterministic in ``seed`` so a report is reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Interval:
    """A point estimate with a percentile-bootstrap interval."""

    estimate: float
    low: float
    high: float
    n: int
    level: float = 0.95

    @property
    def excludes_zero(self) -> bool:
        """The interval lies strictly on one side of 0 (a difference we can claim)."""
        return self.low > 0 or self.high < 0

    def text(self, digits: int = 3) -> str:
        """``+0.120 [+0.050, +0.190]`` (signed, rounded)."""
        return f"{self.estimate:+.{digits}f} [{self.low:+.{digits}f}, {self.high:+.{digits}f}]"

    def as_dict(self) -> dict:
        return {"estimate": round(self.estimate, 6), "low": round(self.low, 6), "high": round(self.high, 6),
                "n": self.n, "level": self.level, "excludes_zero": self.excludes_zero}


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile of already sorted values (q in [0, 1])."""
    if not sorted_values:
        return 0.0
    pos = q * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def bootstrap_mean(values: Sequence[float], resamples: int = 2000, level: float = 0.95, seed: int = 0) -> Interval:
    """Mean of ``values`` with a percentile-bootstrap interval.

    >>> iv = bootstrap_mean([0.0, 0.0, 1.0, 1.0])
    >>> iv.estimate, 0.0 <= iv.low <= iv.estimate <= iv.high <= 1.0
    (0.5, True)
    >>> bootstrap_mean([0.2, 0.2, 0.2]).text()
    '+0.200 [+0.200, +0.200]'
    """
    values = [float(v) for v in values]
    if not values:
        return Interval(0.0, 0.0, 0.0, 0, level)
    rng = random.Random(seed)
    n = len(values)
    means = sorted(_mean([values[rng.randrange(n)] for _ in range(n)]) for _ in range(resamples))
    alpha = (1 - level) / 2
    return Interval(_mean(values), _percentile(means, alpha), _percentile(means, 1 - alpha), n, level)


def paired_difference(a: Sequence[float], b: Sequence[float], resamples: int = 2000, level: float = 0.95,
                      seed: int = 0) -> Interval:
    """Mean of ``a[i] - b[i]`` over paired units (tasks) with a bootstrap interval.

    >>> paired_difference([0.5, 0.7, 0.9], [0.1, 0.3, 0.5]).text()
    '+0.400 [+0.400, +0.400]'
    >>> paired_difference([1.0, 0.0], [0.0, 1.0]).excludes_zero
    False
    """
    if len(a) != len(b):
        raise ValueError(f"paired_difference needs equal lengths, got {len(a)} and {len(b)}")
    return bootstrap_mean([float(x) - float(y) for x, y in zip(a, b)], resamples, level, seed)


def quarter_trend(series: Sequence[float], resamples: int = 2000, level: float = 0.95, seed: int = 0) -> Interval:
    """Mean of the last quarter of ``series`` minus the mean of its first quarter, with a
    bootstrap interval (each quarter's points resampled independently).

    Used for "the reward rises over the run": per-step means are noisy, so a claim needs the
    interval to exclude 0, not just a higher last value.

    >>> quarter_trend([0.0, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5]).estimate
    0.5
    >>> quarter_trend([1.0, 2.0]).n
    2
    """
    values = [float(v) for v in series]
    q = max(1, len(values) // 4)
    if len(values) < 2:
        return Interval(0.0, 0.0, 0.0, len(values), level)
    first, last = values[:q], values[-q:]
    rng = random.Random(seed)
    diffs = sorted(_mean([last[rng.randrange(q)] for _ in range(q)]) - _mean([first[rng.randrange(q)] for _ in range(q)])
                   for _ in range(resamples))
    alpha = (1 - level) / 2
    return Interval(_mean(last) - _mean(first), _percentile(diffs, alpha), _percentile(diffs, 1 - alpha),
                    len(values), level)


COMPARED = (("score", "official score"), ("train_reward", "best train reward"),
            ("pixel_accuracy", "pixel accuracy"), ("valid_rate", "valid-edit rate"), ("mean_delta_r", "mean Δr"))


def per_task_metrics(tasks_frame: Any) -> dict[str, dict[str, dict[str, float]]]:
    """model -> metric -> task -> value, from :func:`arc_pipeline.evaluation.scoring.task_summary`
    (valid-edit rate per task = valid edits / edits; a task without edits counts 0)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for r in tasks_frame.iter_rows(named=True):
        m = out.setdefault(r["model"], {k: {} for k, _ in COMPARED})
        m["score"][r["task_id"]] = float(r["task_score"])
        m["train_reward"][r["task_id"]] = float(r["train_reward"])
        m["pixel_accuracy"][r["task_id"]] = float(r["pixel_accuracy"])
        m["valid_rate"][r["task_id"]] = float(r["n_valid_edits"]) / r["n_edits"] if r["n_edits"] else 0.0
        m["mean_delta_r"][r["task_id"]] = float(r["mean_delta_r"]) if r["mean_delta_r"] is not None else 0.0
    return out


def compare_to(tasks_frame: Any, reference: str = "base", seed: int = 0) -> list[dict]:
    """Each other model's paired difference from ``reference`` per metric (:data:`COMPARED`),
    over the tasks both evaluated, with a 95% bootstrap interval. One dict per (model, metric)."""
    metrics = per_task_metrics(tasks_frame)
    if reference not in metrics:
        return []
    rows = []
    for model, values in metrics.items():
        if model == reference:
            continue
        for key, label in COMPARED:
            ref, mine = metrics[reference][key], values[key]
            common = sorted(set(ref) & set(mine))
            iv = paired_difference([mine[t] for t in common], [ref[t] for t in common], seed=seed)
            rows.append({"model": model, "versus": reference, "metric": label, "key": key,
                         "model_mean": round(_mean([mine[t] for t in common]), 4),
                         "reference_mean": round(_mean([ref[t] for t in common]), 4), **iv.as_dict(),
                         "difference": iv.text()})
    return rows
