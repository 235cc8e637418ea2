"""Rewards, in trl's shape: the smooth reward, THE edit evaluator, and the trl reward functions.

* :mod:`arc_pipeline.rewards.smooth` -- the smooth per-example reward and
  :class:`~arc_pipeline.rewards.smooth.RewardConfig` (its constants; ``reward:`` in the profile).
* :mod:`arc_pipeline.rewards.edit` -- the one edit evaluator (parse -> validate -> sandbox ->
  score -> status), the one :data:`~arc_pipeline.rewards.edit.USABLE_STATUSES` and the one
  seed derivation :func:`~arc_pipeline.rewards.edit.sample_seed`.
* :mod:`arc_pipeline.rewards.trl` -- the GRPO reward functions (Δr and format).

Reward-hacking rules (GRPO optimises whatever is paid for; each rule has a test in
``arc_pipeline_tests/rewards/test_hacking.py`` built from the case that found it):

1. **Lookup tables score as invalid.** A program with a grid literal equal to one of the
   task's train inputs (the key of ``if_else(equals(I, <train input>), <train output>, ...)``)
   or any grid literal larger than ``MAX_GRID_LITERAL_CELLS`` = 81 cells (the largest literal
   among the 400 verified solvers: 4522001f's 9x9 template) gets the status
   ``literal_output``: it is not run, its reward is 0, so its Δr <= 0. A literal equal to a
   train *output* alone is allowed: four verified solvers pick among fixed output patterns.
   Not covered: a table keyed on something other than a pasted input (e.g. the input's
   height) whose answers are <= 81-cell literals; such a program still fails the test pairs.
2. **The format reward pays only for a program that parses and validates** (and is no lookup
   table): ``<think></think>def solve(`` scores 0, not 1.
3. **The thinking penalty cannot be avoided by dropping the tags**: without a ``<think>``
   block, every token of the answer that is not the program counts as thinking.

Only the smooth reward is imported here (``config.py`` needs :class:`RewardConfig`; the other
modules import the program validator).
"""

from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig, TaskScore

__all__ = ["DEFAULT_REWARD", "RewardConfig", "TaskScore"]
