"""Curriculum: which tasks to train on, how often, and with how much thinking.

A :class:`Curriculum` keeps a running record per task of the **absolute** rewards seen (train
reward in [0, 1] of baselines, teacher edits, GRPO samples -- pass ``reward_after``, not Δr)
and turns it into one :class:`Decision` per task:

* **sunset** (weight 0, no longer sampled): at least ``min_visits`` rewards seen, and over the
  last ``window`` of them mean > ``sunset_mean`` (0.8) and std < ``sunset_std`` (0.1): the
  task is reliably solved.
* **boost** (weight ``boost_weight``, 3; ``augment=True``: also train on D4/colour-augmented
  variants, see :mod:`arc_pipeline.augment`): at least one reward seen and mean <
  ``boost_mean`` (0.05): the task is nearly never solved, sample it more often. Also boosted:
  a task the student *fails as an editor* -- at least ``stall_min_edits`` of its edits seen and,
  over the last ``window``, fewer than ``stall_improve_rate`` (5 %) of them improved on their
  start (Δr > 0). With the smooth reward a valid grid of the right shape already earns 0.2, so
  a student that reliably writes valid programs never falls under ``boost_mean`` on a task it
  cannot edit; what it fails there is the edit, and that is what boosting and augmenting are for.
* **keep** (weight 1): everything else, including tasks with no reward yet.
* **locked** (weight 0): the task's difficulty level is not open yet (only with
  ``gate_levels=True``, the default).

A *visit* is one reward observation (one program scored on the task); ``record`` may add many
at once (a GRPO group, a teacher's samples).

Levels: tasks carry a difficulty level ``level-1`` (easy) .. ``level-5`` (hard) (see
:mod:`arc_pipeline.baselines`). ``level-1`` is always open; ``level-k+1`` opens once every level
up to ``k`` is open and ``level-k`` is saturated: at least ``open_fraction`` (70 %) of its tasks
are sunset (an empty level counts as saturated). Tasks with no level are always open.
A level also saturates when the *student's* reward on it stopped improving: over the tasks
tried in both of the level's last two GRPO rounds, the mean change is below ``plateau_delta``
(training it longer is not paying, so the next one opens). With ``min_learning_tasks`` > 0 a
level also saturates while the open levels hold fewer than that many tasks in the student's
*learning zone* (:meth:`Curriculum.in_learning_zone`: its edits improve the task at least
``stall_improve_rate`` of the time) once the student has tried each of the level's tasks: a
level whose tasks the student can neither solve nor improve gives GRPO's groups no rule to
learn, so the next level opens beside it (the probe before round 1 supplies that evidence).
``thinking_budget(level) = k × base_thinking_budget`` tokens for ``level-k``.

Adapting to the student: once a task has rewards from the student (source ``"grpo"``, or
``"probe"``: the SFT student's edits before round 1, :mod:`arc_pipeline.training.probe`), its
decision rests on those alone; baseline and teacher rewards are only the prior before the
student has tried it. ``source`` on each decision says which (``grpo`` once GRPO samples are
among them).

Every decision has a human-readable ``reason``. :meth:`Curriculum.decisions_frame` gives the
decisions as a polars DataFrame; :meth:`Curriculum.to_frame` / :meth:`Curriculum.from_frame`
round-trip the raw record (one row per reward) for storage in DuckDB. Pure Python + polars.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import polars as pl

LEVELS = ("level-1", "level-2", "level-3", "level-4", "level-5")
ACTIONS = ("sunset", "boost", "keep", "locked")

STUDENT = "grpo"  # the source name of the student's own (GRPO) rewards
PROBE = "probe"  # the student's rewards before GRPO: the SFT student's edits (training/probe.py)
STUDENT_SOURCES = (STUDENT, PROBE)
RECORD_SCHEMA = {"task_id": pl.Utf8, "level": pl.Utf8, "seq": pl.Int64, "source": pl.Utf8, "reward": pl.Float64,
                 "round": pl.Int64, "delta_r": pl.Float64}
DECISION_SCHEMA = {
    "task_id": pl.Utf8, "level": pl.Utf8, "action": pl.Utf8, "weight": pl.Float64, "augment": pl.Boolean,
    "visits": pl.Int64, "mean_reward": pl.Float64, "std_reward": pl.Float64, "thinking_budget": pl.Int64,
    "reason": pl.Utf8, "source": pl.Utf8, "student_visits": pl.Int64,
}


@dataclass(frozen=True)
class CurriculumConfig:
    sunset_mean: float = 0.8
    sunset_std: float = 0.1
    min_visits: int = 3
    boost_mean: float = 0.05
    boost_weight: float = 3.0
    # boost a task whose student edits stall: >= stall_min_edits edits with a known Δr, and fewer
    # than stall_improve_rate of the last `window` improved on their start (0 turns the rule off)
    stall_min_edits: int = 16
    stall_improve_rate: float = 0.05
    keep_weight: float = 1.0
    window: int = 64  # statistics over the last `window` rewards of a task
    open_fraction: float = 0.7
    # a level also saturates when the student's reward on it improved less than this between
    # its last two rounds (a plateau): training it longer is not paying, open the next one
    plateau_delta: float = 0.02
    # a level also saturates while the open levels hold fewer than this many tasks in the
    # student's learning zone (its edits improve them at least stall_improve_rate of the time)
    # and the student has tried every task of the level: GRPO needs tasks it sometimes improves
    min_learning_tasks: int = 0
    gate_levels: bool = True
    base_thinking_budget: int = 256
    levels: tuple[str, ...] = LEVELS

    @classmethod
    def from_settings(cls, settings: dict) -> "CurriculumConfig":
        """The config from the profile's ``curriculum:`` overrides; unknown keys are an error
        naming them (a typo must not silently keep the default)."""
        import dataclasses

        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(settings) - known
        if unknown:
            raise ValueError(f"unknown curriculum settings {sorted(unknown)}; known: {sorted(known)}")
        return cls(**settings)


@dataclass(frozen=True)
class Decision:
    task_id: str
    action: str  # sunset | boost | keep | locked
    reason: str
    weight: float
    augment: bool = False
    level: str | None = None
    visits: int = 0
    mean_reward: float | None = None
    std_reward: float | None = None
    thinking_budget: int | None = None
    source: str = ""  # which visits the statistics use: "grpo" (the student's) or the prior sources
    student_visits: int = 0


def level_number(level: str | int) -> int:
    """``"level-3"`` -> 3 (ints pass through).

    >>> level_number("level-3"), level_number(2)
    (3, 2)
    """
    if isinstance(level, int):
        return level
    try:
        return int(str(level).rsplit("-", 1)[-1])
    except ValueError:
        raise ValueError(f"not a difficulty level: {level!r}") from None


def _stats(values: list[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


@dataclass
class Curriculum:
    config: CurriculumConfig = field(default_factory=CurriculumConfig)
    _rewards: dict[str, list[tuple[str, float, int | None, float | None]]] = field(default_factory=dict)
    _levels: dict[str, str] = field(default_factory=dict)

    # ---------------------------------------------------------------- input

    def set_level(self, task_id: str, level: str | None) -> None:
        if level is not None:
            level_number(level)  # validate
            self._levels[task_id] = level
        self._rewards.setdefault(task_id, [])

    def record(self, task_id: str, rewards: list[float], source: str, round: int | None = None,
               deltas: list[float | None] | None = None) -> None:
        """Add reward observations (absolute train rewards in [0, 1]) for a task; ``round`` is
        the GRPO round of student rewards (used for the plateau rule); ``deltas`` (aligned with
        ``rewards``) are the edits' Δr, for the stalled-edit boost."""
        if deltas is not None and len(deltas) != len(rewards):
            raise ValueError(f"task {task_id}: {len(deltas)} deltas for {len(rewards)} rewards")
        entries = self._rewards.setdefault(task_id, [])
        for i, r in enumerate(rewards):
            if r is None:
                continue
            r = float(r)
            if math.isnan(r):
                continue
            d = None if deltas is None or deltas[i] is None else float(deltas[i])
            entries.append((source, r, round, None if d is not None and math.isnan(d) else d))

    # ---------------------------------------------------------------- queries

    @property
    def task_ids(self) -> list[str]:
        return sorted(set(self._rewards) | set(self._levels))

    def level_of(self, task_id: str) -> str | None:
        return self._levels.get(task_id)

    def rewards(self, task_id: str) -> list[float]:
        return [r for _, r, _, _ in self._rewards.get(task_id, [])]

    def student_rewards(self, task_id: str) -> list[float]:
        """The student's rewards on a task (GRPO samples and the probe before them), in order."""
        return [r for s, r, _, _ in self._rewards.get(task_id, []) if s in STUDENT_SOURCES]

    def student_deltas(self, task_id: str) -> list[float]:
        """Δr of the student's edits of a task that were recorded with one, in order."""
        return [d for s, _, _, d in self._rewards.get(task_id, []) if s in STUDENT_SOURCES and d is not None]

    def in_learning_zone(self, task_id: str) -> bool:
        """The student has edited the task and, over its last ``window`` edits, improved the
        start (Δr > 0) at least once and at least ``stall_improve_rate`` of the time: a task
        GRPO's groups can learn a rule from (the complement of a stalled task)."""
        deltas = self.student_deltas(task_id)[-self.config.window:]
        improved = sum(d > 0 for d in deltas)
        return improved > 0 and improved >= self.config.stall_improve_rate * len(deltas)

    def _evidence(self, task_id: str) -> tuple[list[float], str]:
        """The rewards a decision rests on: the student's own once it has any (the curriculum
        adapts to the student), else the prior ones (baselines, teacher edits). The label is
        ``"grpo"`` once GRPO samples are among them, ``"probe"`` before."""
        student = self.student_rewards(task_id)
        if student:
            sources = {s for s, _, _, _ in self._rewards.get(task_id, [])}
            return student, STUDENT if STUDENT in sources else PROBE
        entries = self._rewards.get(task_id, [])
        return [r for _, r, _, _ in entries], "+".join(sorted({s for s, _, _, _ in entries}))

    def task_round_means(self, task_id: str) -> dict[int, float]:
        """The student's mean reward on a task per GRPO round (rounds it was visited in)."""
        sums: dict[int, list[float]] = {}
        for s, r, rnd, _ in self._rewards.get(task_id, []):
            if s == STUDENT and rnd is not None:  # GRPO rounds only: the probe is not a round
                sums.setdefault(rnd, []).append(r)
        return {k: sum(v) / len(v) for k, v in sorted(sums.items())}

    def plateaued(self, level: str) -> bool:
        """The student stopped improving on the level: over the tasks it tried in both of the
        level's last two rounds, the mean change of their reward is below ``plateau_delta``.
        (Per task, so a task leaving the sampler -- sunset -- does not look like a drop.)"""
        per_task = [self.task_round_means(t) for t, lv in self._levels.items() if lv == level]
        rounds = sorted({r for m in per_task for r in m})
        if len(rounds) < 2:
            return False
        last, prev = rounds[-1], rounds[-2]
        changes = [m[last] - m[prev] for m in per_task if last in m and prev in m]
        return bool(changes) and sum(changes) / len(changes) < self.config.plateau_delta

    def thinking_budget(self, level: str | int | None) -> int:
        """``k × base_thinking_budget`` for level ``k`` (level-1 for an unknown level)."""
        k = 1 if level is None else level_number(level)
        return k * self.config.base_thinking_budget

    def _rule(self, task_id: str) -> Decision:
        cfg = self.config
        level = self._levels.get(task_id)
        budget = self.thinking_budget(level)
        values, source = self._evidence(task_id)
        student = len(self.student_rewards(task_id))
        visits = len(self.rewards(task_id))  # every observation; the statistics use `values`
        if not values:
            return Decision(task_id, "keep", "no rewards recorded yet", cfg.keep_weight, False, level, 0, None, None,
                            budget, "", 0)
        window = values[-cfg.window:]
        mean, std = _stats(window)
        whose = "the student's" if source in STUDENT_SOURCES else f"prior ({source})"
        stats = f"mean {mean:.3f}, std {std:.3f} over the last {len(window)} of {len(values)} {whose} rewards"
        if len(values) >= cfg.min_visits and mean > cfg.sunset_mean and std < cfg.sunset_std:
            return Decision(task_id, "sunset",
                            f"solved reliably: {stats} (mean > {cfg.sunset_mean}, std < {cfg.sunset_std}, "
                            f">= {cfg.min_visits} visits) -> no longer sampled",
                            0.0, False, level, visits, mean, std, budget, source, student)
        if mean < cfg.boost_mean:
            return Decision(task_id, "boost",
                            f"rarely rewarded: {stats} (mean < {cfg.boost_mean}) -> sampled x{cfg.boost_weight:g} "
                            "with augmented variants", cfg.boost_weight, True, level, visits, mean, std, budget,
                            source, student)
        every = self.student_deltas(task_id) if source in STUDENT_SOURCES else []
        deltas = every[-cfg.window:]
        if len(every) >= cfg.stall_min_edits and deltas:
            improved = sum(d > 0 for d in deltas)
            if improved < cfg.stall_improve_rate * len(deltas):
                return Decision(task_id, "boost",
                                f"the student's edits stall: {improved} of its last {len(deltas)} edits improved on "
                                f"their start (< {cfg.stall_improve_rate:.0%}; {stats}) -> sampled "
                                f"x{cfg.boost_weight:g} with augmented variants", cfg.boost_weight, True, level, visits,
                                mean, std, budget, source, student)
        why = (f"only {len(values)} visits (< {cfg.min_visits}) to sunset" if len(values) < cfg.min_visits and mean > cfg.sunset_mean
               else "in the learning zone")
        return Decision(task_id, "keep", f"{why}: {stats}", cfg.keep_weight, False, level, visits, mean, std, budget,
                        source, student)

    def _level_status(self, rules: dict[str, Decision]) -> list[tuple[str, int, int, bool]]:
        """(level, sunset tasks, tasks, open) for each configured level."""
        out, previous_open, previous_saturated = [], True, True
        learning = 0  # tasks in the student's learning zone over the open levels so far
        for i, level in enumerate(self.config.levels):
            members = [t for t, lv in self._levels.items() if lv == level]
            sunset = sum(1 for t in members if rules[t].action == "sunset")
            is_open = i == 0 or (previous_open and previous_saturated)
            if is_open:
                learning += sum(1 for t in members if rules[t].action != "sunset" and self.in_learning_zone(t))
            short = (learning < self.config.min_learning_tasks and bool(members)
                     and all(self.student_deltas(t) for t in members))
            saturated = (not members or sunset >= self.config.open_fraction * len(members) or self.plateaued(level)
                         or short)
            out.append((level, sunset, len(members), is_open))
            previous_open, previous_saturated = is_open, saturated
        return out

    def open_levels(self) -> list[str]:
        """The open difficulty levels, easiest first (see the module docstring)."""
        rules = {t: self._rule(t) for t in self.task_ids}
        return [lv for lv, _, _, is_open in self._level_status(rules) if is_open]

    def decide(self) -> list[Decision]:
        """One decision per known task (sorted by task id)."""
        rules = {t: self._rule(t) for t in self.task_ids}
        if not self.config.gate_levels:
            return [rules[t] for t in sorted(rules)]
        status = {lv: (s, n, o) for lv, s, n, o in self._level_status(rules)}
        order = list(self.config.levels)
        decisions = []
        for t in sorted(rules):
            d = rules[t]
            level = d.level
            if level in status and not status[level][2]:
                prev = order[order.index(level) - 1]
                s, n, _ = status[prev]
                zone = (f", and the open levels hold >= {self.config.min_learning_tasks} tasks in the student's "
                        "learning zone" if self.config.min_learning_tasks > 0 else "")
                reason = (f"{level} is not open yet ({prev}: {s}/{n} tasks sunset, needs "
                          f"{self.config.open_fraction:.0%}, and the student's reward on it has not plateaued{zone}); "
                          f"would be {d.action}: {d.reason}")
                d = Decision(t, "locked", reason, 0.0, False, level, d.visits, d.mean_reward, d.std_reward,
                             d.thinking_budget, d.source, d.student_visits)
            decisions.append(d)
        return decisions

    def weights(self) -> dict[str, float]:
        return {d.task_id: d.weight for d in self.decide()}

    # ---------------------------------------------------------------- frames

    def decisions_frame(self) -> pl.DataFrame:
        rows = [{"task_id": d.task_id, "level": d.level, "action": d.action, "weight": d.weight, "augment": d.augment,
                 "visits": d.visits, "mean_reward": d.mean_reward, "std_reward": d.std_reward,
                 "thinking_budget": d.thinking_budget, "reason": d.reason, "source": d.source,
                 "student_visits": d.student_visits} for d in self.decide()]
        return pl.DataFrame(rows, schema=DECISION_SCHEMA)

    def to_frame(self) -> pl.DataFrame:
        """The raw record: one row per reward (``seq`` keeps the order); tasks with a level but
        no reward get one row with a null reward."""
        rows = []
        for t in self.task_ids:
            entries = self._rewards.get(t, [])
            level = self._levels.get(t)
            if not entries:
                rows.append({"task_id": t, "level": level, "seq": -1, "source": None, "reward": None, "round": None,
                             "delta_r": None})
            for i, (source, r, rnd, d) in enumerate(entries):
                rows.append({"task_id": t, "level": level, "seq": i, "source": source, "reward": r, "round": rnd,
                             "delta_r": d})
        return pl.DataFrame(rows, schema=RECORD_SCHEMA)

    @classmethod
    def from_frame(cls, frame: pl.DataFrame, config: CurriculumConfig | None = None) -> "Curriculum":
        cur = cls(config or CurriculumConfig())
        for r in frame.sort(["task_id", "seq"]).iter_rows(named=True):
            cur.set_level(r["task_id"], r["level"])
            if r["reward"] is not None:
                cur.record(r["task_id"], [r["reward"]], r["source"] or "", r.get("round"),
                           None if r.get("delta_r") is None else [r["delta_r"]])
        return cur


def changed_actions(before: pl.DataFrame | None, after: pl.DataFrame) -> dict[str, str]:
    """Tasks whose action differs between two decision frames: task id -> ``"old -> new"``
    (a task new in ``after`` counts from ``"none"``; no ``before``: nothing changed). How the
    curriculum moved between rounds.

    >>> a = pl.DataFrame({"task_id": ["x", "y"], "action": ["keep", "locked"]})
    >>> changed_actions(a, pl.DataFrame({"task_id": ["x", "y"], "action": ["boost", "locked"]}))
    {'x': 'keep -> boost'}
    """
    if before is None:
        return {}
    old = dict(zip(before["task_id"], before["action"]))
    return {t: f"{old.get(t, 'none')} -> {a}" for t, a in zip(after["task_id"], after["action"]) if old.get(t) != a}
