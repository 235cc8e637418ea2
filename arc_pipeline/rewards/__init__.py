"""Rewards, in trl's shape: the smooth reward, THE edit evaluator, and the trl reward functions.

* :mod:`arc_pipeline.rewards.smooth` -- the smooth per-example reward and
  :class:`~arc_pipeline.rewards.smooth.RewardConfig` (its constants; ``reward:`` in the profile).
* :mod:`arc_pipeline.rewards.edit` -- the one edit evaluator (parse -> validate -> sandbox ->
  score -> status), the one :data:`~arc_pipeline.rewards.edit.USABLE_STATUSES` and the one
  seed derivation :func:`~arc_pipeline.rewards.edit.sample_seed`.
* :mod:`arc_pipeline.rewards.trl` -- the GRPO reward functions (Δr and format).

Only the smooth reward is imported here (``config.py`` needs :class:`RewardConfig`; the other
modules import the program validator).
"""

from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig, TaskScore

__all__ = ["DEFAULT_REWARD", "RewardConfig", "TaskScore"]
