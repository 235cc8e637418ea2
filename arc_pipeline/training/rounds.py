"""GRPO in rounds with a curriculum that adapts to the student.

Before round 1, an optional ``probe(rows) -> visits`` (:mod:`arc_pipeline.training.probe`: the
SFT student edits every row ``grpo.probe_samples`` times) feeds the student's own rewards into
the curriculum (source ``probe``, round 0), so round 1 already adapts to the student.

Each round (``grpo.rounds`` of them, ``grpo.steps_per_round`` optimizer steps each):

1. the curriculum decides per task (sunset / boost / keep / locked, with reasons) from every
   reward seen so far -- once the student has tried a task, from the student's own rewards;
2. the round's prompt rows are the open, not-sunset tasks' (task, start program) rows, sampled
   with the decisions' weights; a **boosted** task also gets ``augment_variants`` augmented
   variants (:mod:`arc_pipeline.augment`: D4 x background-keeping colour permutations of its
   *train* pairs; the start program is re-scored on the variant, so ``reward_before`` and Δr are
   the variant's), each row carrying its ``variant_id``;
3. every row carries the thinking budget of its level, ``k x B`` tokens for ``level-k``
   (``curriculum.base_thinking_budget``), which the reward's thinking penalty uses; the
   round's completion budget is the largest open level's ``k x B`` plus ``program_tokens``;
4. GRPO trains from the previous round's weights (round 1: the SFT checkpoint) into
   ``<out>/round-<r>``; every completion's absolute reward is a *visit* recorded with task,
   variant and round (``visits.jsonl`` in the round dir) and fed back into the curriculum
   (source ``grpo``) with its Δr, so the next round's decisions see the student (a task whose
   edits stall -- almost no Δr > 0 -- is boosted and augmented);
5. an optional ``heldout(model_dir)`` callback scores the round's model on held-out tasks.

Resumable and content-addressed: a round whose directory holds a finished run with the same
fingerprint (rows, init model, settings) is reused, with its visits read back from disk, so a
run killed in round r resumes at round r and an unchanged re-run trains nothing. The last
round's model is the GRPO checkpoint (``<out>/merged``, a copy).
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

ROUND_DIR = "round-{}"


@dataclass
class RoundsConfig:
    """What the round loop needs beyond the GRPO section (all from the pipeline config)."""

    rounds: int = 3
    steps_per_round: int = 10
    program_tokens: int = 160  # completion tokens allowed beyond the thinking budget
    augment_variants: int = 2  # augmented variants per boosted (task, start) row
    seed: int = 0


@dataclass
class RoundResult:
    round: int
    metrics: dict
    decisions: pl.DataFrame
    visits: list[dict]
    rows: int
    augmented_rows: int
    open_levels: list[str]
    max_completion_length: int
    heldout: dict | None = None
    reused: bool = False


@dataclass
class RoundsResult:
    rounds: list[RoundResult] = field(default_factory=list)
    probe_visits: list[dict] = field(default_factory=list)  # the student probe's (round 0)
    merged_dir: Path | None = None
    final_decisions: pl.DataFrame | None = None

    @property
    def visits(self) -> list[dict]:
        return [dict(v, round=r.round) for r in self.rounds for v in r.visits]


def variant_id(transform: Any) -> str:
    """``d<dihedral>-c<colour permutation>``: names an augmentation in rows and visits."""
    return f"d{transform.dihedral}-c{''.join(str(c) for c in transform.colors)}"


def augmented_rows(row: dict, task: Any, count: int, rng: random.Random, render: Callable[..., str],
                   executor: Any) -> list[dict]:
    """``count`` variants of one prompt row: the task's train pairs under a random non-identity
    transform, the start program re-run and re-scored on the variant (honest ``reward_before``),
    the student prompt rendered from the variant. Test pairs are never touched (the task given
    is train-only, and only ``train_json`` goes into the row)."""
    from arc_pipeline.augment import apply_task, random_transform
    from arc_pipeline.prompts import ExampleOutcome
    from arc_pipeline.rewards.smooth import task_reward

    out, seen = [], set()
    for _ in range(count * 4):
        if len(out) >= count:
            break
        t = random_transform(rng)
        vid = variant_id(t)
        if vid in seen or (t.dihedral == 0 and tuple(t.colors) == tuple(range(10))):
            continue
        seen.add(vid)
        variant = apply_task(task, t)
        results = executor.run(row["start_program"], list(variant.train_inputs))
        score = task_reward(results, [p.output for p in variant.train])
        prompt = render([(p.input, p.output) for p in variant.train], row["start_program"],
                        [ExampleOutcome(r.status, r.output, r.error) for r in results])
        out.append({**row, "prompt": prompt, "task_json": variant.train_json(),
                    "reward_before": float(score.reward), "variant_id": vid})
    return out


def round_rows(rows: Sequence[dict], decisions: pl.DataFrame, tasks: dict, cfg: RoundsConfig, round_no: int,
               render: Callable[..., str], executor: Any, budget_of: Callable[[str | None], int]
               ) -> tuple[list[dict], list[float], int]:
    """The round's rows and sampling weights (see the module docstring); returns
    ``(rows, weights, augmented)``. Falls back to every row (weight 1) when all are sunset/locked."""
    by_task = {r["task_id"]: r for r in decisions.iter_rows(named=True)}
    rng = random.Random(f"{cfg.seed}:round-{round_no}:augment")
    out, weights, augmented = [], [], 0
    for row in rows:
        d = by_task.get(row["task_id"])
        weight = 1.0 if d is None else float(d["weight"])
        if weight <= 0:
            continue
        base = {**row, "variant_id": None, "thinking_budget": budget_of(row.get("difficulty_level"))}
        out.append(base)
        weights.append(weight)
        if d is not None and d["augment"] and cfg.augment_variants > 0:
            extra = augmented_rows(base, tasks[row["task_id"]], cfg.augment_variants, rng, render, executor)
            out.extend(extra)
            weights.extend([weight] * len(extra))
            augmented += len(extra)
    if not out:  # everything sunset or locked: train on all rather than nothing
        out = [{**r, "variant_id": None, "thinking_budget": budget_of(r.get("difficulty_level"))} for r in rows]
        weights = [1.0] * len(out)
    return out, weights, augmented


def record_visits(curriculum: Any, visits: Sequence[dict], source: str, round_no: int) -> None:
    """Feed visits (absolute reward after the edit, Δr) into the curriculum, per task."""
    for task_id in sorted({v["task_id"] for v in visits}):
        mine = [v for v in visits if v["task_id"] == task_id]
        curriculum.record(task_id, [v["reward_after"] for v in mine], source, round_no,
                          [v.get("delta_r") for v in mine])


def run_rounds(rows: Sequence[dict], tasks: dict, curriculum: Any, init_model: Path, out_dir: Path,
               cfg: RoundsConfig, train: Callable[..., dict], render: Callable[..., str], executor: Any,
               heldout: Callable[[Path], dict] | None = None,
               on_round: Callable[[RoundResult], None] | None = None,
               probe: Callable[[Sequence[dict]], list[dict]] | None = None) -> RoundsResult:
    """The round loop (module docstring). ``train(rows, init, out, seed, weights, max_steps,
    max_completion_length) -> metrics`` is :func:`arc_pipeline.training.grpo.train_grpo` bound to
    its configs; ``curriculum`` is an :class:`arc_pipeline.curriculum.Curriculum` holding the prior
    rewards (it is updated in place with the student's)."""
    from arc_pipeline.curriculum import PROBE, STUDENT
    from arc_pipeline.training.grpo import read_visits

    out_dir = Path(out_dir)
    result = RoundsResult()
    init = Path(init_model)
    if probe is not None:
        result.probe_visits = [dict(v, round=0) for v in probe(rows)]
        record_visits(curriculum, result.probe_visits, PROBE, 0)
    for r in range(1, cfg.rounds + 1):
        decisions = curriculum.decisions_frame().with_columns(pl.lit(r).alias("round"))
        open_levels = curriculum.open_levels()
        think = max([curriculum.thinking_budget(lv) for lv in open_levels] or [curriculum.thinking_budget(None)])
        completion = think + cfg.program_tokens
        todo, weights, augmented = round_rows(rows, decisions, tasks, cfg, r, render, executor,
                                              curriculum.thinking_budget)
        round_dir = out_dir / ROUND_DIR.format(r)
        metrics = train(todo, init, round_dir, cfg.seed + r, weights, cfg.steps_per_round, completion)
        visits = read_visits(round_dir)
        record_visits(curriculum, visits, STUDENT, r)
        init = Path(metrics["merged_dir"])
        res = RoundResult(r, metrics, decisions, visits, len(todo), augmented, open_levels, completion,
                          heldout(init) if heldout else None, bool(metrics.get("reused")))
        result.rounds.append(res)
        if on_round:
            on_round(res)
    result.final_decisions = curriculum.decisions_frame().with_columns(pl.lit(cfg.rounds + 1).alias("round"))
    final = out_dir / "merged"
    if result.rounds:
        last = Path(result.rounds[-1].metrics["merged_dir"])
        if last.resolve() != final.resolve():
            shutil.rmtree(final, ignore_errors=True)
            shutil.copytree(last, final)
        result.merged_dir = final
    return result
