"""The smooth reward for ARC programs, and Δr for program edits.

Per train example (see :class:`RewardConfig` for the constants)::

    r = valid_grid_bonus                         # 0.1: the program ran and returned a valid grid
      + shape_bonus        * [shape matches]     # 0.1
      + pixel_weight       * accuracy ** pixel_exponent   # 0.8 * (fraction of equal pixels)^10,
                                                          #   only when the shape matches

A failed run (any status other than ``"ok"``, or an output that is not a valid grid) scores
0. A task's reward is the mean over its **train** examples, so it lies in [0, 1] and is 1.0
exactly when every train output is reproduced.

**The reward is only ever computed on train pairs.** Functions that take a task
(:func:`score_program`, :func:`delta_r`, :func:`make_trl_reward`) use ``task.train`` only;
:func:`test_correct` compares against test outputs and exists for evaluation alone.

The pure functions (:func:`example_reward`, :func:`task_reward`, :func:`delta`,
:func:`thinking_penalty`, ...) take ExecResult-like objects (anything with ``.status`` and
``.output``) so they can be used and tested without the sandbox; the thin wrappers call an
:class:`arc_pipeline.execution.Executor` (``default_executor()`` when none is given).
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from arc_pipeline.dsl.types import Grid, is_grid
from arc_pipeline.parsing import completion_text, count_tokens, extract_program


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


def _as_output_grid(output: Any) -> Grid | None:
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
    output = _as_output_grid(result.output)
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
        r.status == "ok" and _as_output_grid(r.output) == p.output for r, p in zip(results, task.test)
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


# --------------------------------------------------------------------------- trl


@functools.lru_cache(maxsize=4096)
def _task_from_json(task_json: str) -> Any:
    from arc_pipeline.tasks import parse_task

    return parse_task(json.loads(task_json), "task_json", source="task_json", require_test=False)


def _column(kwargs: Mapping[str, Any], name: str, n: int) -> list[Any]:
    value = kwargs.get(name)
    if value is None:
        return [None] * n
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"column {name!r} must be a list aligned with completions")
    if len(value) != n:
        raise ValueError(f"column {name!r} has {len(value)} rows for {n} completions")
    return list(value)


def make_trl_reward(
    executor_factory: Callable[[], Any] | None = None,
    config: RewardConfig = DEFAULT_REWARD,
    name: str = "delta_r",
) -> Callable[..., list[float]]:
    """A trl (GRPO) reward function ``reward_fn(completions, **kwargs) -> list[float]``.

    Each completion (a string, or a conversational list of message dicts) is parsed with
    :func:`arc_pipeline.parsing.extract_program`; the edited program is scored on the task's
    **train** pairs and the function returns::

        Δr = reward(edited program) − reward_before − thinking_penalty(CoT whitespace tokens)

    Dataset columns (passed by trl as kwargs, lists aligned with ``completions``):

    * ``task_json`` (required): ARC JSON string (or dict) of the task; only ``train`` is
      read, so the column should hold train pairs only (``ArcTask.train_json()``).
    * ``reward_before``: the train reward of the starting program. Where it is missing
      (column absent or ``None``), it is computed from ``start_program``.
    * ``start_program``: the program being edited (only needed without ``reward_before``).

    Choice for unusable completions: a completion with no parseable program (``no_program``
    or ``truncated``) is scored like a failed program, reward 0, so Δr = −reward_before
    (and the thinking penalty still applies to whatever CoT it produced). ``missing_think``
    completions are scored normally.

    The executor is created lazily on the first call (``executor_factory()``, default
    ``arc_pipeline.execution.default_executor``). ``reward_fn.__name__`` is ``name`` (trl logs
    rewards under it); after each call ``reward_fn.last_details`` holds one dict per
    completion (parse status, reward_after, reward_before, penalty, delta).
    """
    state: dict[str, Any] = {}

    def executor() -> Any:
        if "executor" not in state:
            state["executor"] = executor_factory() if executor_factory is not None else _default_executor()
        return state["executor"]

    def reward_fn(completions: Sequence[Any], **kwargs: Any) -> list[float]:
        n = len(completions)
        task_jsons = _column(kwargs, "task_json", n)
        befores = _column(kwargs, "reward_before", n)
        starts = _column(kwargs, "start_program", n)
        tasks, parsed = [], []
        for task_json in task_jsons:
            if task_json is None:
                raise ValueError("make_trl_reward needs a 'task_json' column")
            if isinstance(task_json, Mapping):
                task_json = json.dumps(task_json, sort_keys=True)
            tasks.append(_task_from_json(task_json))
        for i in range(n):
            if befores[i] is None and starts[i] is None:
                raise ValueError("each row needs 'reward_before' or 'start_program'")
        parsed = [extract_program(completion_text(c)) for c in completions]
        # One batched run: the edited programs, plus start programs lacking reward_before.
        items = [(program, task) for (_, program, _), task in zip(parsed, tasks)]
        need_before = [i for i in range(n) if befores[i] is None]
        items += [(starts[i], tasks[i]) for i in need_before]
        runnable = any(program is not None for program, _ in items)
        scores = score_programs(items, executor() if runnable else None, config)
        befores = list(befores)
        for k, i in enumerate(need_before):
            befores[i] = scores[n + k].reward
        rewards: list[float] = []
        details: list[dict[str, Any]] = []
        for i, (cot, program, status) in enumerate(parsed):
            before = float(befores[i])
            after = scores[i].reward  # 0.0 when no program could be parsed
            penalty = thinking_penalty(count_tokens(cot), config)
            value = delta(before, after) - penalty
            rewards.append(value)
            details.append(
                {"parse_status": status, "reward_after": after, "reward_before": before, "penalty": penalty, "delta": value}
            )
        reward_fn.last_details = details  # type: ignore[attr-defined]
        return rewards

    reward_fn.__name__ = name
    reward_fn.__qualname__ = name
    reward_fn.last_details = []  # type: ignore[attr-defined]
    return reward_fn
