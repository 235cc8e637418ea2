"""Baseline programs: imperfect starting points per task, and difficulty levels from them.

Sources (``source`` column):
- ``corrupted``: a verified solution with 1-2 documented mutations
  (``arc_pipeline.mutations.CORRUPTIONS``), kept when its train reward is < 1;
- ``search``: the search teacher's best partial program grown from ``identity``;
- ``teacher``: a configured teacher's first attempt from scratch (optional, paid).

Difficulty (the seed): difficulty = 1 / mean baseline reward, bucketed into five levels by
``LEVEL_THRESHOLDS`` on the mean reward: level-1 >= 0.4 > level-2 >= 0.25 > level-3 >= 0.18 >
level-4 >= 0.12 > level-5 (difficulty <= 2.5, 4, 5.6, 8.3, above). The thresholds were set so
that the default slice's 30 tasks spread over all five levels (4/5/8/8/5 with seed 0):
corrupted solutions and search partials score 0.2 on average, so levels 1-2 hold the tasks
whose broken programs are already close.
"""

from __future__ import annotations

import hashlib
import random
from typing import Mapping

import polars as pl

from arc_pipeline.mutations import CORRUPTIONS, mutate
from arc_pipeline.program import strip_comments
from arc_pipeline.rewards.smooth import score_programs
from arc_pipeline.tasks import ArcTask

LEVELS = ("level-1", "level-2", "level-3", "level-4", "level-5")
LEVEL_THRESHOLDS = (0.4, 0.25, 0.18, 0.12)  # mean baseline reward lower bounds of levels 1-4
EMPTY_PROGRAM = "def solve(I):\n    O = identity(I)\n    return O\n"
MAX_DIFFICULTY = 100.0

BASELINE_SCHEMA = {
    "task_id": pl.Utf8, "baseline_id": pl.Utf8, "source": pl.Utf8, "program": pl.Utf8,
    "reward": pl.Float64, "n_correct": pl.Int64, "n_examples": pl.Int64, "provenance": pl.Utf8,
    "seed": pl.Int64, "data_revision": pl.Utf8,
}


def level_for(mean_reward: float) -> str:
    """Bucket a mean baseline reward into level-1 (easy) .. level-5 (hard).

    >>> level_for(0.9), level_for(0.3), level_for(0.2), level_for(0.15), level_for(0.0)
    ('level-1', 'level-2', 'level-3', 'level-4', 'level-5')
    """
    for level, threshold in zip(LEVELS, LEVEL_THRESHOLDS):
        if mean_reward >= threshold:
            return level
    return LEVELS[-1]


def difficulty(mean_reward: float) -> float:
    """The seed's difficulty, 1 / mean baseline reward, capped at 100.

    >>> difficulty(0.5), difficulty(0.0)
    (2.0, 100.0)
    """
    return MAX_DIFFICULTY if mean_reward <= 1.0 / MAX_DIFFICULTY else 1.0 / mean_reward


def baseline_id(task_id: str, program: str) -> str:
    return hashlib.sha256(f"{task_id}\n{strip_comments(program)}".encode()).hexdigest()[:16]


def corrupted_candidates(task_id: str, solution: str, n: int, seed: int) -> list[tuple[str, str]]:
    """(program, provenance) pairs: 1-2 corruptions each, distinct, deterministic per seed."""
    rng = random.Random(f"{seed}:{task_id}:corrupt")
    out, seen = [], {strip_comments(solution)}
    for _ in range(n * 6):
        m = mutate(solution, rng, CORRUPTIONS)
        if m is None:
            break
        program, why = m.program, [m.description]
        if rng.random() < 0.35:
            m2 = mutate(program, rng, CORRUPTIONS)
            if m2 is not None:
                program, why = m2.program, why + [m2.description]
        key = strip_comments(program)
        if key in seen:
            continue
        seen.add(key)
        out.append((program, "; ".join(why)))
        if len(out) >= n * 3:
            break
    return out


def build_baselines(tasks: Mapping[str, ArcTask], solutions: Mapping[str, str], executor,
                    corruptions_per_task: int = 3, search_starts: bool = True, seed: int = 0,
                    data_revision: str = "", progress: bool = True) -> pl.DataFrame:
    """The `baseline_programs` table for the given tasks (train rewards only)."""
    from tqdm import tqdm

    rows = []
    # corrupted solutions: score all candidates in one batch, keep the first n with reward < 1
    candidates = [(t, p, why) for t in sorted(tasks) if t in solutions
                  for p, why in corrupted_candidates(t, solutions[t], corruptions_per_task, seed)]
    scores = score_programs([(p, tasks[t]) for t, p, _ in candidates], executor)
    kept: dict[str, int] = {}
    for (task_id, program, why), score in zip(candidates, scores):
        if score.reward >= 1.0 or kept.get(task_id, 0) >= corruptions_per_task:
            continue
        kept[task_id] = kept.get(task_id, 0) + 1
        rows.append(_row(task_id, "corrupted", program, score, f"verified solution, then: {why}", seed, data_revision))
    if search_starts:
        for task_id in tqdm(sorted(tasks), desc="search baselines", disable=not progress):
            start, partial = search_partials(tasks[task_id], executor, seed, "search-baseline")
            top = max(partial, key=lambda c: c.score.reward)
            how = "search from identity: " + ("; ".join(top.history) if top.history else "no improving edit")
            rows.append(_row(task_id, "search", top.program, top.score, how, seed, data_revision))
    frame = pl.DataFrame(rows, schema=BASELINE_SCHEMA)
    return frame.unique(subset=["task_id", "baseline_id"], keep="first", maintain_order=True)


def search_partials(task: ArcTask, executor, seed: int, salt: str):
    """The search teacher grown from the empty program: ``(start, partials)``, where partials
    are the candidates (start included) that do not solve the train pairs. ``salt`` separates
    the random streams of the uses (training baselines vs held-out levels)."""
    from arc_pipeline.teachers.search import search_edits

    rng = random.Random(f"{seed}:{task.id}:{salt}")
    best, start, _ = search_edits(task, EMPTY_PROGRAM, executor, rng, 4, generations=2, population=6)
    return start, [c for c in [start] + best if c.score.reward < 1.0]


def search_levels(tasks: Mapping[str, ArcTask], executor, seed: int) -> dict[str, str]:
    """level-1..5 per held-out task from a search baseline grown from the empty program (such
    tasks have no verified solution to corrupt); same rule as :func:`level_for` on training tasks."""
    levels = {}
    for task_id in sorted(tasks):
        start, partial = search_partials(tasks[task_id], executor, seed, "eval-baseline")
        rewards = [c.score.reward for c in partial] or [start.score.reward]
        levels[task_id] = level_for(sum(rewards) / len(rewards))
    return levels


def _row(task_id, source, program, score, provenance, seed, revision) -> dict:
    return {
        "task_id": task_id, "baseline_id": baseline_id(task_id, program), "source": source,
        "program": program, "reward": float(score.reward),
        "n_correct": sum(e.correct for e in score.examples), "n_examples": len(score.examples),
        "provenance": provenance, "seed": seed, "data_revision": revision,
    }


def task_difficulty_frame(baselines: pl.DataFrame) -> pl.DataFrame:
    """The `task_difficulty` table: mean baseline reward, 1/mean and the level bucket."""
    agg = baselines.group_by("task_id").agg(
        pl.col("reward").mean().alias("mean_baseline_reward"),
        pl.len().alias("n_baselines"),
    ).sort("task_id")
    return agg.with_columns(
        pl.col("mean_baseline_reward").map_elements(difficulty, return_dtype=pl.Float64).alias("difficulty"),
        pl.col("mean_baseline_reward").map_elements(level_for, return_dtype=pl.Utf8).alias("difficulty_level"),
    )


def teacher_first_tries(tasks: Mapping[str, ArcTask], teacher, executor, seed: int = 0,
                        dsl_reference: str | None = None, data_revision: str = "") -> pl.DataFrame:
    """Source ``teacher``: a configured teacher's first attempt from scratch (the edit prompt
    with the empty program), kept when the edit evaluator scores it (it parses and validates)
    and it scores < 1 on the train pairs; a bad answer is skipped, never raised."""
    from arc_pipeline.prompts import SYSTEM_PROMPT, ExampleOutcome, render_edit_prompt
    from arc_pipeline.rewards.edit import evaluate_edits
    from arc_pipeline.teachers.base import EditRequest

    rows, answers = [], []
    for task_id in sorted(tasks):
        task = tasks[task_id]
        outcomes = [ExampleOutcome(r.status, r.output, r.error)
                    for r in executor.run(EMPTY_PROGRAM, list(task.train_inputs))]
        prompt = render_edit_prompt([(p.input, p.output) for p in task.train], EMPTY_PROGRAM, outcomes, dsl_reference)
        request = EditRequest(task_id=task_id, prompt=prompt, system=SYSTEM_PROMPT, start_program=EMPTY_PROGRAM,
                              task_json=task.train_json(), n_samples=1, seed=seed)
        samples = teacher.sample(request)
        if samples:
            answers.append((task_id, samples[0].text))
    edits = evaluate_edits([(text, tasks[t]) for t, text in answers], executor)
    for (task_id, _), edit in zip(answers, edits):
        if edit.scored and edit.reward < 1.0:
            rows.append(_row(task_id, "teacher", edit.program, edit.score,
                             f"{teacher.name}/{teacher.model} first attempt from the empty program", seed, data_revision))
    return pl.DataFrame(rows, schema=BASELINE_SCHEMA)
