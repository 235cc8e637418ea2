"""Edit chains-of-thought: ask a teacher to edit start programs, execute, measure Δr.

For each (task, start program): render the leak-free edit prompt, get n samples from the
teacher, evaluate each answer with the one edit evaluator
(:func:`arc_pipeline.rewards.edit.evaluate_edits`: parse CoT + program, validate -- a bad answer
becomes a row with its status, never a crash --, execute the edited program in the sandbox on the *train* pairs, and record reward_after and
Δr = reward_after - reward_before. With ``rounds > 1`` the best edit becomes the next start.
A spent budget stops sampling cleanly: the rows so far are returned and flagged.
Every row carries its CoT lint (``arc_pipeline.traces_lint``: ``lint_repetition``, ``lint_flags``,
``lint_notes``), computed here so that it is stored with the trace.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Mapping

import polars as pl

from arc_pipeline.parsing import count_tokens
from arc_pipeline.prompts import PROMPT_VERSION, SYSTEM_PROMPT, ExampleOutcome, render_edit_prompt
from arc_pipeline.rewards.edit import evaluate_edits, sample_seed
from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig
from arc_pipeline.config import LintConfig
from arc_pipeline.tasks import ArcTask
from arc_pipeline.teachers.base import BudgetExceededError, EditRequest
from arc_pipeline.traces_lint import lint_columns

TRACE_SCHEMA = {
    "task_id": pl.Utf8, "difficulty_level": pl.Utf8, "teacher": pl.Utf8, "model": pl.Utf8,
    "prompt_version": pl.Utf8, "prompt": pl.Utf8, "start_id": pl.Utf8, "start_program": pl.Utf8,
    "reward_before": pl.Float64, "cot": pl.Utf8, "edited_program": pl.Utf8, "status": pl.Utf8,
    "reward_after": pl.Float64, "delta_r": pl.Float64, "examples_solved": pl.Utf8,
    "thinking_tokens": pl.Int64, "round": pl.Int64, "sample_index": pl.Int64, "seed": pl.Int64,
    "run_id": pl.Utf8, "data_revision": pl.Utf8, "input_tokens": pl.Int64,
    "output_tokens": pl.Int64, "cost_usd": pl.Float64, "cached": pl.Boolean,
    "created_at": pl.Datetime("us"),
    "lint_repetition": pl.Float64, "lint_flags": pl.List(pl.Utf8), "lint_notes": pl.Utf8,
}
#: Columns added after the first release: an older ``edit_traces`` table gets them (``ensure_columns``).
LINT_COLUMNS = {"lint_repetition": "DOUBLE", "lint_flags": "VARCHAR[]", "lint_notes": "VARCHAR"}
TRACE_KEY = ["task_id", "start_id", "teacher", "model", "prompt_version", "round", "sample_index", "seed"]


@dataclass
class TraceStats:
    samples: int = 0
    accepted: int = 0
    teacher_calls: int = 0
    cache_hits: int = 0
    spend_usd: float = 0.0
    budget_stopped: bool = False
    statuses: dict = field(default_factory=dict)


def outcomes_of(program: str, task: ArcTask, executor) -> list[ExampleOutcome]:
    results = executor.run(program, list(task.train_inputs))
    return [ExampleOutcome(r.status, r.output, r.error) for r in results]


def _start_id(task_id: str, program: str) -> str:
    from arc_pipeline.baselines import baseline_id

    return baseline_id(task_id, program)


def sample_traces(starts: pl.DataFrame, tasks: Mapping[str, ArcTask], teacher, executor, *,
                  samples_per_start: int, rounds: int, seed: int, run_id: str, data_revision: str,
                  dsl_reference: str | None, temperature: float = 1.0, max_output_tokens: int = 4096,
                  progress: bool = True, reward_config: RewardConfig = DEFAULT_REWARD,
                  lint: LintConfig | None = None, base_thinking_budget: int = 256) -> tuple[pl.DataFrame, TraceStats]:
    """Rows of the `edit_traces` table for ``starts`` (task_id, program, reward, difficulty_level).

    ``lint`` / ``base_thinking_budget``: thresholds of the CoT lint (defaults: ``LintConfig()``, the
    curriculum's base budget of 256 tokens per level)."""
    lint = lint or LintConfig()
    from tqdm import tqdm

    stats = TraceStats()
    rows: list[dict] = []
    bar = tqdm(total=starts.height * rounds, desc="edit traces", disable=not progress, mininterval=2.0)
    try:
        for start in starts.iter_rows(named=True):
            task = tasks[start["task_id"]]
            program, reward_before = start["program"], float(start["reward"])
            for rnd in range(rounds):
                new_rows = _one_request(task, start["difficulty_level"], program, reward_before, teacher,
                                        executor, samples_per_start, rnd, seed, run_id, data_revision,
                                        dsl_reference, temperature, max_output_tokens, stats, reward_config)
                for row in new_rows:
                    row.update(lint_columns(row["cot"], row["thinking_tokens"], row["difficulty_level"], lint,
                                            base_thinking_budget))
                rows += new_rows
                bar.update(1)
                bar.set_postfix(samples=stats.samples, accepted=stats.accepted, spend=f"${stats.spend_usd:.2f}")
                best = max((r for r in new_rows if r["delta_r"] is not None and r["delta_r"] > 0),
                           key=lambda r: r["delta_r"], default=None)
                if best is None or best["reward_after"] >= 1.0:
                    break
                program, reward_before = best["edited_program"], best["reward_after"]
    except BudgetExceededError:
        stats.budget_stopped = True
    finally:
        bar.close()
    return pl.DataFrame(rows, schema=TRACE_SCHEMA), stats


def _one_request(task, level, program, reward_before, teacher, executor, n, rnd, seed, run_id,
                 revision, dsl_reference, temperature, max_output_tokens, stats,
                 reward_config: RewardConfig = DEFAULT_REWARD) -> list[dict]:
    train_pairs = [(p.input, p.output) for p in task.train]
    prompt = render_edit_prompt(train_pairs, program, outcomes_of(program, task, executor), dsl_reference)
    request = EditRequest(task_id=task.id, prompt=prompt, system=SYSTEM_PROMPT, start_program=program,
                          task_json=task.train_json(), n_samples=n, seed=sample_seed(seed, rnd),
                          temperature=temperature, max_output_tokens=max_output_tokens)
    samples = teacher.sample(request)
    outcomes = evaluate_edits([(s.text, task) for s in samples], executor, reward_config)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = []
    start_id = _start_id(task.id, program)
    for s, out in zip(samples, outcomes):
        cot, edited, status = out.cot, out.program, out.run_status()
        reward_after = delta = solved = None
        if out.scored:
            reward_after = out.reward
            delta = reward_after - reward_before
            solved = json.dumps([i for i, e in enumerate(out.score.examples) if e.correct])
        stats.samples += 1
        stats.accepted += int(delta is not None and delta > 0)
        stats.statuses[status] = stats.statuses.get(status, 0) + 1
        stats.cache_hits += int(s.cached)
        stats.teacher_calls += int(not s.cached)
        stats.spend_usd += 0.0 if s.cached else s.cost_usd
        rows.append({
            "task_id": task.id, "difficulty_level": level, "teacher": teacher.name, "model": teacher.model,
            "prompt_version": PROMPT_VERSION, "prompt": prompt, "start_id": start_id,
            "start_program": program, "reward_before": reward_before, "cot": cot,
            "edited_program": edited, "status": status, "reward_after": reward_after, "delta_r": delta,
            "examples_solved": solved, "thinking_tokens": count_tokens(cot), "round": rnd,
            "sample_index": s.sample_index, "seed": seed, "run_id": run_id, "data_revision": revision,
            "input_tokens": s.input_tokens, "output_tokens": s.output_tokens, "cost_usd": s.cost_usd,
            "cached": s.cached, "created_at": now,
        })
    return rows
