"""trl (GRPO) reward functions: Δr of the edit, and the format reward.

Both have trl's shape ``reward_fn(completions, **dataset_columns) -> list[float]`` and score
through the one edit evaluator (:mod:`arc_pipeline.rewards.edit`).

>>> class Ex:  # an executor that runs every program as the identity
...     def run(self, program, grids):
...         from collections import namedtuple
...         return [namedtuple("R", "status output")("ok", g) for g in grids]
>>> task = '{"train": [{"input": [[1]], "output": [[1]]}], "test": []}'
>>> fn = make_trl_reward(lambda: Ex())
>>> fn(["<think>keep</think>def solve(I):\\n    return I", "no idea"], task_json=[task] * 2, reward_before=[0.5] * 2)
[0.5, -0.5]
>>> make_format_reward()(["<think>x</think>def solve(I):\\n    return I", "<think></think>def solve("])
[1.0, 0.0]
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from arc_pipeline.parsing import completion_text
from arc_pipeline.line_refs import expand_refs
from arc_pipeline.rewards.edit import evaluate_batch, parse_edit
from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig, delta, result_grid, thinking_penalty

FORMAT_SCORES = {"ok": 1.0, "missing_think": 0.5}  # every other status scores 0


def _default_executor() -> Any:
    from arc_pipeline.execution import default_executor  # lazy: the sandbox is optional here

    return default_executor()


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


def _tasks(kwargs: Mapping[str, Any], n: int, required: bool) -> list[Any]:
    out = []
    for task_json in _column(kwargs, "task_json", n):
        if task_json is None:
            if required:
                raise ValueError("make_trl_reward needs a 'task_json' column")
            out.append(None)
            continue
        if isinstance(task_json, Mapping):
            task_json = json.dumps(task_json, sort_keys=True)
        out.append(_task_from_json(task_json))
    return out


def _grids(results: Sequence[Any] | None) -> tuple | None:
    """A run's output grids (``None`` for a failed example), comparable across programs."""
    if results is None:
        return None
    return tuple(result_grid(r) for r in results)


def make_trl_reward(
    executor_factory: Callable[[], Any] | None = None,
    config: RewardConfig = DEFAULT_REWARD,
    name: str = "delta_r",
    noop_fails: bool = False,
) -> Callable[..., list[float]]:
    """A trl (GRPO) reward function ``reward_fn(completions, **kwargs) -> list[float]``.

    Each completion (a string, or a conversational list of message dicts) goes through
    :func:`arc_pipeline.rewards.edit.evaluate_edits` on the task's **train** pairs and the
    function returns::

        Δr = reward(edited program) − reward_before − thinking_penalty(CoT whitespace tokens)

    Dataset columns (passed by trl as kwargs, lists aligned with ``completions``):

    * ``task_json`` (required): ARC JSON string (or dict) of the task; only ``train`` is
      read, so the column should hold train pairs only (``ArcTask.train_json()``).
    * ``reward_before``: the train reward of the starting program. Where it is missing
      (column absent or ``None``), it is computed from ``start_program``.
    * ``start_program``: the program being edited (needed without ``reward_before``); an
      answer's bare ``@k`` lines keep its statement k (:func:`arc_pipeline.line_refs.expand_refs`).
    * ``thinking_budget`` (optional): the row's thinking budget in tokens (the curriculum's
      k·B for level k); overrides ``config.thinking_budget_tokens`` for that row's penalty.

    Unusable completions (no program, truncated, invalid, a lookup table, ...) score like a
    failed program, reward 0, so Δr = −reward_before (and the thinking penalty still applies
    to whatever CoT it produced). ``missing_think`` completions are scored normally.

    ``noop_fails``: an edit whose train outputs are exactly its start program's (it changed
    nothing the reward can see: the start itself, a comment, ``rotate_180(rotate_180(I))``)
    scores like a failed edit, Δr = −reward_before (needs ``start_program``). Why: on a task
    the student cannot improve, every try scores Δr ≤ 0 and returning the start scores 0, so
    GRPO would learn to do nothing -- and a student that does nothing never finds an edit at
    test time. ``reward_after`` in the details stays the program's true reward; ``noop`` says.

    The executor is created lazily on the first call (``executor_factory()``, default
    ``arc_pipeline.execution.default_executor``). ``reward_fn.__name__`` is ``name`` (trl logs
    rewards under it); after each call ``reward_fn.last_details`` holds one dict per
    completion (parse status, reward_after, reward_before, penalty, delta, valid, the extracted program).
    """
    state: dict[str, Any] = {}

    def executor() -> Any:
        if "executor" not in state:
            state["executor"] = executor_factory() if executor_factory is not None else _default_executor()
        return state["executor"]

    class _Lazy:
        """Creates the executor only when a program actually has to run."""

        def run(self, program, grids):
            return executor().run(program, grids)

        def run_many(self, jobs):
            ex = executor()
            return ex.run_many(jobs) if hasattr(ex, "run_many") else [ex.run(p, g) for p, g in jobs]

    def reward_fn(completions: Sequence[Any], **kwargs: Any) -> list[float]:
        n = len(completions)
        tasks = _tasks(kwargs, n, required=True)
        befores = _column(kwargs, "reward_before", n)
        starts = _column(kwargs, "start_program", n)
        for i in range(n):
            if befores[i] is None and starts[i] is None:
                raise ValueError("each row needs 'reward_before' or 'start_program'")
        # a student answer keeps lines of its start program by reference (line_refs)
        texts = [expand_refs(completion_text(c), starts[i]) for i, c in enumerate(completions)]
        need_before = [i for i in range(n) if befores[i] is None]
        # the distinct (start, task) pairs whose outputs the no-op rule compares against
        keys = [(starts[i], json.dumps(kwargs["task_json"][i], sort_keys=True)
                 if isinstance(kwargs["task_json"][i], Mapping) else kwargs["task_json"][i]) for i in range(n)]
        compare = sorted({k for i, k in enumerate(keys) if noop_fails and starts[i] is not None},
                         key=lambda k: keys.index(k))
        run_starts = [(starts[i], tasks[i]) for i in need_before] + [(k[0], tasks[keys.index(k)]) for k in compare]
        # one batched run: the edited programs, plus start programs lacking reward_before or compared
        outcomes, start_scores, start_runs = evaluate_batch(list(zip(texts, tasks)), run_starts, _Lazy(), config)
        for i, score in zip(need_before, start_scores):
            befores[i] = score.reward
        start_grids = {k: _grids(r) for k, r in zip(compare, start_runs[len(need_before):])}
        rewards: list[float] = []
        details: list[dict[str, Any]] = []
        budgets = _column(kwargs, "thinking_budget", n)
        for i, out in enumerate(outcomes):
            before = float(befores[i])
            after = out.reward
            row_config = config if budgets[i] is None else dataclasses.replace(
                config, thinking_budget_tokens=int(budgets[i]))
            penalty = thinking_penalty(out.thinking_tokens, row_config)
            noop = keys[i] in start_grids and out.results is not None and _grids(out.results) == start_grids[keys[i]]
            value = delta(before, 0.0 if noop else after) - penalty
            rewards.append(value)
            details.append({"parse_status": out.status, "reward_after": after, "reward_before": before,
                            "penalty": penalty, "delta": value, "valid": out.valid, "program": out.program,
                            "noop": noop})
        reward_fn.last_details = details  # type: ignore[attr-defined]
        return rewards

    reward_fn.__name__ = name
    reward_fn.__qualname__ = name
    reward_fn.last_details = []  # type: ignore[attr-defined]
    return reward_fn


def make_format_reward(counter: Counter | None = None) -> Callable[..., list[float]]:
    """The format reward: :data:`FORMAT_SCORES` of each completion's evaluator status (1 for a
    closed ``<think>..</think>`` then a program, 0.5 without think tags, 0 otherwise); counts
    the statuses into ``counter``. Logged by trl as ``rewards/format``."""
    def format_reward(completions: Sequence[Any], **kwargs: Any) -> list[float]:
        tasks = _tasks(kwargs, len(completions), required=False)
        starts = _column(kwargs, "start_program", len(completions))
        scores = []
        for c, task, start in zip(completions, tasks, starts):
            text = expand_refs(completion_text(c), start)
            status = parse_edit(text, list(task.train_inputs) if task is not None else ()).status
            if counter is not None:
                counter[status] += 1
            scores.append(FORMAT_SCORES.get(status, 0.0))
        return scores

    format_reward.__name__ = "format"
    format_reward.__qualname__ = "format"
    return format_reward
