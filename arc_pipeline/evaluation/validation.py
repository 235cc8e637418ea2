"""Probe a model on the validation slice: the honest place to choose a knob.

Why: the default slice's 16 held-out tasks are what the report and the README claim; choosing
``eval.temperature`` or ``eval.top_p`` by looking at them makes those figures optimistic. The
validation slice (:data:`arc_pipeline.slices.DEFAULT_VALIDATION_SLICE`, the next 16 evaluation
tasks by the same fewest-cells rule) is held out from training like every evaluation task and is
never reported, so a knob chosen here costs the report nothing. The probe is the eval's own
refinement (:func:`arc_pipeline.evaluation.refine.refine_many`) from the empty program on train
pairs only (no test output is read), with the eval's rounds and samples.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from arc_pipeline.baselines import EMPTY_PROGRAM
from arc_pipeline.evaluation.refine import Proposer, refine_many, train_only
from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig


@dataclass(frozen=True)
class Probe:
    """One model's validation figures: every sampled edit counts (like the report's valid rate)."""

    tasks: int
    edits: int
    valid: int
    improved: int  # tasks whose best train reward beats the empty program's
    mean_gain: float  # mean over tasks of best train reward minus the empty program's
    mean_best: float = 0.0  # mean over tasks of the best train reward reached

    @property
    def valid_rate(self) -> float:
        return self.valid / max(1, self.edits)

    def line(self) -> str:
        """A one-line summary.

        >>> Probe(16, 128, 100, 4, 0.02).line()
        'valid 100/128 (78.1%), improved 4/16 tasks, mean gain +0.020'
        """
        return (f"valid {self.valid}/{self.edits} ({self.valid_rate:.1%}), improved {self.improved}/{self.tasks} "
                f"tasks, mean gain {self.mean_gain:+.3f}")


def validation_tasks(ids: Sequence[str] | None = None) -> list:
    """The validation slice's tasks, train pairs only (ARC-AGI-1 evaluation split)."""
    from arc_pipeline.slices import DEFAULT_VALIDATION_SLICE
    from arc_pipeline.tasks import load_tasks

    every = load_tasks("arc-agi-1", "evaluation")
    return [train_only(every[t]) for t in (ids or DEFAULT_VALIDATION_SLICE)]


def probe(proposer: Proposer, tasks: Sequence, executor, rounds: int, samples_per_round: int, seed: int = 0,
          reward_config: RewardConfig = DEFAULT_REWARD) -> Probe:
    """Refine every task from the empty program and count valid edits and improved tasks (also
    GRPO's per-round held-out score, :func:`arc_pipeline.stages.grpo_checkpoint.heldout_scorer`)."""
    results = refine_many(list(tasks), proposer, executor, rounds, samples_per_round, EMPTY_PROGRAM, seed,
                          attempts=0, model="probe", reward_config=reward_config)
    edits = [e for r in results for e in r.edits]
    return Probe(len(results), len(edits), sum(e.valid for e in edits),
                 sum(r.best_reward > r.start_reward + 1e-9 for r in results),
                 sum(r.best_reward - r.start_reward for r in results) / max(1, len(results)),
                 sum(r.best_reward for r in results) / max(1, len(results)))
