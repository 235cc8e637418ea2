"""The validation probe: the eval's refinement on the validation slice, train pairs only."""

from __future__ import annotations

import doctest

import arc_pipeline.evaluation.validation
from arc_pipeline.evaluation.validation import probe, validation_tasks
from arc_pipeline.execution import default_executor
from arc_pipeline.slices import DEFAULT_VALIDATION_SLICE

MIRROR = "<think>mirror</think>\n```python\ndef solve(I):\n    O = flip_horizontal(I)\n    return O\n```"
BROKEN = "<think>?</think>\n```python\ndef solve(I):\n    O = downscale(I)\n    return O\n```"


class Fixed:
    """A proposer that answers every request with the same completions."""

    def __init__(self, completions):
        self.completions = completions

    def propose(self, requests, n, seed):
        return [list(self.completions[:n]) for _ in requests]


def test_doctests():
    assert doctest.testmod(arc_pipeline.evaluation.validation).failed == 0


def test_validation_tasks_carry_no_test_pair():
    tasks = validation_tasks()
    assert [t.id for t in tasks] == list(DEFAULT_VALIDATION_SLICE)
    assert all(t.test == () and t.train for t in tasks)


def test_probe_counts_valid_edits_and_improved_tasks():
    tasks = validation_tasks(DEFAULT_VALIDATION_SLICE[:3])
    result = probe(Fixed([MIRROR, BROKEN]), tasks, default_executor(), rounds=1, samples_per_round=2)
    assert (result.tasks, result.edits, result.valid) == (3, 6, 3)  # the arity error is not a valid edit
    assert result.valid_rate == 0.5
    assert 0 <= result.improved <= 3 and result.mean_gain >= 0
    assert result.mean_best >= result.mean_gain  # best rewards include the empty program's own
