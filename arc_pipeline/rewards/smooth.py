"""The smooth reward for ARC programs (and :class:`RewardConfig`, its constants), and Δr.

Per train example (see :class:`RewardConfig` for the constants)::

    r = valid_grid_bonus                         # 0.1: the program ran and returned a valid grid
      + shape_bonus        * [shape matches]     # 0.1
      + pixel_weight       * accuracy ** pixel_exponent   # 0.8 * (fraction of equal pixels)^10,
                                                          #   only when the shape matches

A failed run (any status other than ``"ok"``, or an output that is not a valid grid) scores
0. A task's reward is the mean over its **train** examples, so it lies in [0, 1] and is 1.0
exactly when every train output is reproduced.

**The reward is only ever computed on train pairs.** Functions that take a task
(:func:`score_program`, :func:`delta_r`, :func:`arc_pipeline.rewards.trl.make_trl_reward`) use ``task.train`` only;
:func:`test_correct` compares against test outputs and exists for evaluation alone.

The pure functions (:func:`example_reward`, :func:`task_reward`, :func:`delta`,
:func:`thinking_penalty`, ...) take ExecResult-like objects (anything with ``.status`` and
``.output``) so they can be used and tested without the sandbox; the thin wrappers call an
:class:`arc_pipeline.execution.Executor` (``default_executor()`` when none is given).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from arc_pipeline.dsl.types import Grid, is_grid


class ResultLike(Protocol):
    status: str
    output: Any


class _Result(NamedTuple):
    status: str
    output: Any


@dataclass(frozen=True)
class RewardConfig:
    """Every constant of the reward.

    Attributes:
        valid_grid_bonus: added when the program ran (status ``"ok"``) and returned a valid
            grid (rectangular, 1..30 per side, ints 0..9).
        shape_bonus: added when, in addition, the output has the expected shape.
        pixel_weight: weight of the pixel term ``accuracy ** pixel_exponent`` (shape must
            match; otherwise the pixel term is 0). With the defaults
            ``0.1 + 0.1 + 0.8 = 1.0`` for a perfect output.
        pixel_exponent: sharpens the pixel term so that near-misses are worth much less than
            exact answers (0.9 ** 10 ≈ 0.35) while staying smooth and monotone.
        thinking_penalty_weight: weight of the thinking-length penalty; 0 (the default)
            disables it. The penalty is
            ``min(thinking_penalty_max,
            weight * max(0, thinking_tokens - thinking_budget_tokens) / thinking_budget_tokens)``,
            i.e. free up to the budget, then linear in the overrun (weight per budget's worth
            of extra tokens), and never more than ``thinking_penalty_max``.
        thinking_budget_tokens: thinking tokens (whitespace-separated) allowed for free.
        thinking_penalty_max: upper bound of the penalty (so it can never dominate Δr).
    """

    valid_grid_bonus: float = 0.1
    shape_bonus: float = 0.1
    pixel_weight: float = 0.8
    pixel_exponent: float = 10
    thinking_penalty_weight: float = 0.0
    thinking_budget_tokens: int = 1024
    thinking_penalty_max: float = 0.1

    def __post_init__(self) -> None:
        for name in ("valid_grid_bonus", "shape_bonus", "pixel_weight", "thinking_penalty_weight", "thinking_penalty_max"):
            if getattr(self, name) < 0:
                raise ValueError(f"RewardConfig.{name} must be >= 0, got {getattr(self, name)}")
        if self.pixel_exponent <= 0:
            raise ValueError(f"RewardConfig.pixel_exponent must be > 0, got {self.pixel_exponent}")
        if self.thinking_budget_tokens <= 0:
            raise ValueError(f"RewardConfig.thinking_budget_tokens must be > 0, got {self.thinking_budget_tokens}")

    @property
    def max_example_reward(self) -> float:
        return self.valid_grid_bonus + self.shape_bonus + self.pixel_weight


DEFAULT_REWARD = RewardConfig()


@dataclass(frozen=True)
class ExampleScore:
    """Score of one train example. ``status`` is the executor status, or ``"bad_output"``
    when the status was ``"ok"`` but the output is not a valid grid."""

    status: str
    shape_ok: bool
    pixel_accuracy: float
    reward: float

    @property
    def correct(self) -> bool:
        return self.shape_ok and self.pixel_accuracy == 1.0


@dataclass(frozen=True)
class TaskScore:
    """Mean reward over the train examples, plus the per-example scores."""

    reward: float
    examples: list[ExampleScore]

    @property
    def all_correct(self) -> bool:
        """Every train output reproduced exactly."""
        return bool(self.examples) and all(e.correct for e in self.examples)


def as_grid(output: Any) -> Grid | None:
    """A program output as a grid (tuples), or ``None`` when it is not a valid grid. The one
    normalisation of outputs: lists of lists (fakes, JSON) are accepted.

    >>> as_grid([[1, 2]]), as_grid("x"), as_grid(((1,), (2, 3)))
    (((1, 2),), None, None)
    """
    if is_grid(output):
        return output
    if isinstance(output, list):  # tolerate lists of lists of int from fakes / JSON
        try:
            converted = tuple(tuple(row) for row in output)
        except TypeError:
            return None
        return converted if is_grid(converted) else None
    return None


def pixel_accuracy(output: Grid, expected: Grid) -> float:
    """Fraction of equal pixels; 0.0 when the shapes differ.

    >>> pixel_accuracy(((1, 2), (3, 4)), ((1, 2), (3, 0)))
    0.75
    >>> pixel_accuracy(((1, 2),), ((1,), (2,)))
    0.0
    """
    if len(output) != len(expected) or len(output[0]) != len(expected[0]):
        return 0.0
    width = len(expected[0])
    same = 0
    for row_out, row_exp in zip(output, expected):
        if row_out == row_exp:
            same += width
        else:
            same += sum(map(operator.eq, row_out, row_exp))
    return same / (width * len(expected))


def example_reward(result: ResultLike, expected: Grid, config: RewardConfig = DEFAULT_REWARD) -> ExampleScore:
    """Score one executor result against the expected (train) output.

    >>> example_reward(_Result("ok", ((1, 2), (3, 4))), ((1, 2), (3, 4)))
    ExampleScore(status='ok', shape_ok=True, pixel_accuracy=1.0, reward=1.0)
    >>> example_reward(_Result("ok", ((1, 2),)), ((1, 2), (3, 4))).reward
    0.1
    >>> example_reward(_Result("timeout", None), ((1,),)).reward
    0.0
    """
    if not is_grid(expected):
        raise ValueError("expected output is not a valid grid")
    status = result.status
    if status != "ok":
        return ExampleScore(status, False, 0.0, 0.0)
    output = as_grid(result.output)
    if output is None:
        return ExampleScore("bad_output", False, 0.0, 0.0)
    shape_ok = len(output) == len(expected) and len(output[0]) == len(expected[0])
    if not shape_ok:
        return ExampleScore(status, False, 0.0, config.valid_grid_bonus)
    acc = pixel_accuracy(output, expected)
    reward = config.valid_grid_bonus + config.shape_bonus + config.pixel_weight * acc**config.pixel_exponent
    return ExampleScore(status, True, acc, reward)


def example_score_from_grids(output: Any, expected: Grid, config: RewardConfig = DEFAULT_REWARD) -> ExampleScore:
    """:func:`example_reward` for a program output given directly (``None`` = no output).

    >>> example_score_from_grids(((1, 2), (3, 4)), ((1, 2), (3, 4))).reward
    1.0
    >>> round(example_score_from_grids(((1, 2), (3, 0)), ((1, 2), (3, 4))).reward, 4)
    0.2451
    >>> example_score_from_grids(((1, 2, 3),), ((1, 2), (3, 4))).reward
    0.1
    >>> example_score_from_grids(None, ((1,),)).reward
    0.0
    """
    if output is None:
        return example_reward(_Result("runtime_error", None), expected, config)
    return example_reward(_Result("ok", output), expected, config)


def task_reward(
    results: Sequence[ResultLike], expected_outputs: Sequence[Grid], config: RewardConfig = DEFAULT_REWARD
) -> TaskScore:
    """Mean :func:`example_reward` over the train examples (results aligned with outputs).

    >>> ok, bad = _Result("ok", ((5,),)), _Result("runtime_error", None)
    >>> task_reward([ok, bad], [((5,),), ((5,),)]).reward
    0.5
    """
    if len(results) != len(expected_outputs):
        raise ValueError(f"{len(results)} results for {len(expected_outputs)} expected outputs")
    if not expected_outputs:
        raise ValueError("task_reward needs at least one example")
    examples = [example_reward(r, e, config) for r, e in zip(results, expected_outputs)]
    return TaskScore(sum(e.reward for e in examples) / len(examples), examples)


def failed_task_score(n_examples: int, status: str = "no_program") -> TaskScore:
    """The score of a program that never ran (e.g. none could be parsed): reward 0.

    >>> failed_task_score(2).reward
    0.0
    """
    return TaskScore(0.0, [ExampleScore(status, False, 0.0, 0.0) for _ in range(n_examples)])


def delta(before: float, after: float) -> float:
    """Δr of an edit: ``after - before`` (positive = the edit helped).

    >>> delta(0.25, 1.0)
    0.75
    >>> delta(0.5, 0.0)
    -0.5
    """
    return after - before


def thinking_penalty(thinking_tokens: int | None, config: RewardConfig = DEFAULT_REWARD) -> float:
    """Penalty for thinking beyond the budget (0 with the default config; see RewardConfig).

    >>> thinking_penalty(5000)
    0.0
    >>> cfg = RewardConfig(thinking_penalty_weight=0.05, thinking_budget_tokens=100)
    >>> thinking_penalty(100, cfg), thinking_penalty(200, cfg), thinking_penalty(10**6, cfg)
    (0.0, 0.05, 0.1)
    """
    if not thinking_tokens or config.thinking_penalty_weight == 0:
        return 0.0
    over = max(0, thinking_tokens - config.thinking_budget_tokens) / config.thinking_budget_tokens
    return min(config.thinking_penalty_max, config.thinking_penalty_weight * over)


def apply_thinking_penalty(reward: float, thinking_tokens: int | None, config: RewardConfig = DEFAULT_REWARD) -> float:
    """``reward - thinking_penalty(thinking_tokens, config)``.

    >>> apply_thinking_penalty(0.5, 10_000)
    0.5
    >>> apply_thinking_penalty(0.5, 300, RewardConfig(thinking_penalty_weight=0.1, thinking_budget_tokens=100))
    0.4
    """
    return reward - thinking_penalty(thinking_tokens, config)


# --------------------------------------------------------------------------- executor wrappers


def result_grid(result: ResultLike) -> Grid | None:
    """The output grid of an executor result with status ``"ok"``, else ``None``.

    >>> result_grid(_Result("ok", [[1]])), result_grid(_Result("timeout", ((1,),)))
    (((1,),), None)
    """
    return as_grid(result.output) if getattr(result, "status", None) == "ok" else None


def _default_executor() -> Any:
    from arc_pipeline.execution import default_executor  # lazy: the sandbox is optional here

    return default_executor()


def _train(task: Any) -> tuple[list[Grid], list[Grid]]:
    return [p.input for p in task.train], [p.output for p in task.train]


def score_program(program: str | None, task: Any, executor: Any = None, config: RewardConfig = DEFAULT_REWARD) -> TaskScore:
    """Run ``program`` on the task's **train** inputs and score it against the train outputs.

    ``task`` is an :class:`arc_pipeline.tasks.ArcTask` (only ``task.train`` is read). A
    ``None`` program scores 0 without running anything.
    """
    inputs, outputs = _train(task)
    if program is None:
        return failed_task_score(len(outputs))
    executor = executor if executor is not None else _default_executor()
    results = executor.run(program, inputs)
    return task_reward(results, outputs, config)


def score_programs(
    items: Sequence[tuple[str | None, Any]], executor: Any = None, config: RewardConfig = DEFAULT_REWARD
) -> list[TaskScore]:
    """:func:`score_program` for many ``(program, task)`` pairs at once (train pairs only).

    Uses ``executor.run_many`` when the executor has it, so the programs run in parallel
    over the sandbox workers; otherwise ``executor.run`` one program at a time.
    """
    items = list(items)
    runnable = [i for i, (program, _) in enumerate(items) if program is not None]
    scores: list[TaskScore | None] = [None] * len(items)
    for i, (program, task) in enumerate(items):
        if program is None:
            scores[i] = failed_task_score(len(task.train))
    if runnable:
        executor = executor if executor is not None else _default_executor()
        jobs = [(items[i][0], [p.input for p in items[i][1].train]) for i in runnable]
        if hasattr(executor, "run_many"):
            all_results = executor.run_many(jobs)
        else:
            all_results = [executor.run(program, grids) for program, grids in jobs]
        for i, results in zip(runnable, all_results):
            scores[i] = task_reward(results, [p.output for p in items[i][1].train], config)
    return scores  # type: ignore[return-value]


def test_correct(program: str, task: Any, executor: Any = None) -> list[bool]:
    """Exact match of the program's output on each **test** pair.

    For evaluation only: never use this (or test outputs in any form) for rewards, prompts
    or selection during training.
    """
    executor = executor if executor is not None else _default_executor()
    results = executor.run(program, [p.input for p in task.test])
    return [
        r.status == "ok" and as_grid(r.output) == p.output for r, p in zip(results, task.test)
    ]


test_correct.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def delta_r(
    program_before: str | None,
    program_after: str | None,
    task: Any,
    executor: Any = None,
    config: RewardConfig = DEFAULT_REWARD,
) -> float:
    """Δr = train reward of ``program_after`` − train reward of ``program_before``."""
    executor = executor if executor is not None else _default_executor()
    before = score_program(program_before, task, executor, config).reward
    after = score_program(program_after, task, executor, config).reward
    return delta(before, after)
