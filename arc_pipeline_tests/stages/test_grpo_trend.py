"""The within-start Δr trend (stages/grpo_checkpoint.within_start_series): it separates the
student getting better from a step drawing easier or harder starts."""

from types import SimpleNamespace

import pytest

from arc_pipeline.evaluation.stats import quarter_trend
from arc_pipeline.stages.grpo_checkpoint import within_start_series


def visit(call, task, before, delta, variant=None):
    return {"call": call, "task_id": task, "variant_id": variant, "reward_before": before, "delta_r": delta}


def test_a_shifting_mix_of_starts_is_not_learning():
    """A student whose Δr per start never changes, while the curriculum moves the mix from easy
    starts (Δr -0.1) to hard ones (Δr -0.7): the raw trend falls, the within-start one is 0."""
    visits = []
    for call in range(16):
        hard_share = call / 15
        n_hard = round(4 * hard_share)
        visits += [visit(call, "hard", 0.75, -0.7) for _ in range(n_hard)]
        visits += [visit(call, "easy", 0.1, -0.1) for _ in range(4 - n_hard)]
    rounds = [SimpleNamespace(round=1, visits=visits)]
    raw = [sum(v["delta_r"] for v in visits if v["call"] == c) / 4 for c in range(16)]
    assert quarter_trend(raw).estimate < -0.3
    within = within_start_series(rounds)
    assert within == pytest.approx([0.0] * 16, abs=1e-9)


def test_better_on_the_same_starts_is_learning_across_rounds():
    """Each start improves by 0.05 per step; the starts drawn alternate. The raw series jumps
    with the draw, the within-start one rises steadily; rounds are kept apart (calls restart)."""
    rounds = []
    for rnd in (1, 2):
        visits = []
        for call in range(8):
            step = (rnd - 1) * 8 + call
            task, before = ("a", 0.8) if step % 2 else ("b", 0.1)
            visits += [visit(call, task, before, -before + 0.05 * step) for _ in range(4)]
        rounds.append(SimpleNamespace(round=rnd, visits=visits))
    within = within_start_series(rounds)
    assert len(within) == 16
    assert all(b > a for a, b in zip(within, within[2:]))  # same start two steps later: higher
    trend = quarter_trend(within)
    assert trend.estimate > 0.5 and trend.low > 0


def test_variants_are_their_own_starts():
    """An augmented variant is a different start (its reward_before is recomputed on the variant)."""
    visits = [visit(0, "a", 0.5, -0.5), visit(0, "a", 0.5, 0.0, variant="d1-c0123456789"),
              visit(1, "a", 0.5, -0.3), visit(1, "a", 0.5, 0.0, variant="d1-c0123456789")]
    within = within_start_series([SimpleNamespace(round=1, visits=visits)])
    assert within == pytest.approx([-0.05, 0.05])
