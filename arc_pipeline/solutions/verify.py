"""Verify solver files through the sandbox on every train AND test pair of their task.

Verification is the one place where test outputs are compared against: it checks our own
ground truth, it never feeds a prompt, a reward or a training row.
"""

from __future__ import annotations

import ast
import hashlib
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import polars as pl

from arc_pipeline.tasks import ArcTask, data_revision
from arc_pipeline.solutions import data_flaw_note
from arc_pipeline.solutions.probes import ProbeReport, run_probes


@dataclass
class VerificationReport:
    """Per-task rows plus the run facts needed to reproduce them."""

    rows: pl.DataFrame
    data_revision: str
    python: str
    hash_seed: str
    seconds: float
    meta: dict = field(default_factory=dict)
    primitive_usage: dict[str, int] = field(default_factory=dict)
    probes: "ProbeReport | None" = None

    @property
    def unused_primitives(self) -> list[str]:
        """Primitives no verified solver refers to: candidates for removal or for new solvers."""
        return [name for name, n in self.primitive_usage.items() if n == 0]

    @property
    def passed(self) -> int:
        return int(self.rows["passed"].sum()) if self.rows.height else 0

    @property
    def failed(self) -> int:
        return self.rows.height - self.passed

    @property
    def with_data_flaw(self) -> list[str]:
        """Task ids whose solver documents an exception for a flaw in the task's demonstrations."""
        return self.rows.filter(self.rows["data_flaw"].is_not_null())["task_id"].to_list() if self.rows.height else []

    def to_dict(self) -> dict:
        return {
            "passed": self.passed,
            "with_data_flaw": self.with_data_flaw,
            "failed": self.failed,
            "total": self.rows.height,
            "data_revision": self.data_revision,
            "python": self.python,
            "hash_seed": self.hash_seed,
            "seconds": round(self.seconds, 3),
            "primitive_usage": self.primitive_usage,
            "unused_primitives": self.unused_primitives,
            "tasks": self.rows.to_dicts(),
            **({"probes": self.probes.to_dict()} if self.probes is not None else {}),
        }

    @property
    def ok(self) -> bool:
        """Every solver passes its given pairs and, when probes ran, every non-exempt probe."""
        return self.failed == 0 and self.rows.height > 0 and (self.probes is None or self.probes.ok)


def primitives_in(program: str) -> set[str]:
    """DSL primitive names a program refers to, called or passed as a function (parsed, never run).

    A program that does not parse refers to nothing; verification reports it as failing anyway.
    """
    from arc_pipeline.dsl import PRIMITIVES

    try:
        tree = ast.parse(program)
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in PRIMITIVES}


def primitive_usage(solutions: Mapping[str, str]) -> dict[str, int]:
    """Every primitive -> how many solvers use it (0 for unused), most used first, then by name."""
    from arc_pipeline.dsl import PRIMITIVES

    counts = dict.fromkeys(PRIMITIVES, 0)
    for program in solutions.values():
        for name in primitives_in(program):
            counts[name] += 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def verify_solutions(solutions: Mapping[str, str], tasks: Mapping[str, ArcTask],
                     executor=None, progress: bool = False,
                     probes: Sequence[str] | None = None) -> VerificationReport:
    """Run every solution on all its task's pairs in the sandbox; exact match required.

    ``probes`` (names from ``arc_pipeline.solutions.probes.PROBES``) also runs those
    generalisation probes; their exemption lines are parsed before anything runs.
    """
    from arc_pipeline.execution import default_executor
    from arc_pipeline.solutions.probes import PROBES, parse_exemptions

    unknown = [p for p in probes or () if p not in PROBES]
    if unknown:
        raise ValueError(f"unknown probe(s) {unknown}; known: {', '.join(PROBES)}")
    if probes:
        for task_id, program in solutions.items():  # fail on a bad declaration before any run
            parse_exemptions(program, f"solver {task_id}.py")
    executor = executor or default_executor()
    start = time.perf_counter()
    missing = sorted(set(solutions) - set(tasks))
    ids = [t for t in solutions if t in tasks]
    jobs = [(solutions[t], list(tasks[t].train_inputs) + list(tasks[t].test_inputs)) for t in ids]
    results = executor.run_many(jobs)
    rows = []
    for task_id, job_results in zip(ids, results):
        task = tasks[task_id]
        expected = list(task.train_outputs) + list(task.test_outputs)
        n_train = len(task.train)
        failures = []
        for i, (res, exp) in enumerate(zip(job_results, expected)):
            if res.status != "ok" or res.output != exp:
                where = f"train[{i}]" if i < n_train else f"test[{i - n_train}]"
                failures.append(f"{where}: {res.status}{' ' + res.error if res.error else ''}"
                                if res.status != "ok" else f"{where}: wrong output")
        digest = hashlib.sha256(repr([(r.status, r.output) for r in job_results]).encode()).hexdigest()[:16]
        rows.append({
            "task_id": task_id,
            "passed": not failures,
            "output_digest": digest,
            "n_pairs": len(expected),
            "n_correct": len(expected) - len(failures),
            "first_failure": failures[0][:300] if failures else None,
            "seconds": round(sum(r.seconds for r in job_results), 6),
            "program_lines": solutions[task_id].count("\n") + 1,
            "data_flaw": data_flaw_note(solutions[task_id]),
        })
    for task_id in missing:
        rows.append({"task_id": task_id, "passed": False, "output_digest": None, "n_pairs": 0, "n_correct": 0,
                     "first_failure": "unknown task id", "seconds": 0.0,
                     "program_lines": solutions[task_id].count("\n") + 1,
                     "data_flaw": data_flaw_note(solutions[task_id])})
    schema = {"task_id": pl.Utf8, "passed": pl.Boolean, "output_digest": pl.Utf8, "n_pairs": pl.Int64, "n_correct": pl.Int64,
              "first_failure": pl.Utf8, "seconds": pl.Float64, "program_lines": pl.Int64,
              "data_flaw": pl.Utf8}
    return VerificationReport(
        rows=pl.DataFrame(rows, schema=schema).sort("task_id"),
        data_revision=data_revision(tasks),
        python=f"{platform.python_implementation()} {sys.version.split()[0]}",
        hash_seed=os.environ.get("PYTHONHASHSEED", "random"),
        seconds=time.perf_counter() - start,
        primitive_usage=primitive_usage(solutions),
        probes=run_probes(solutions, tasks, executor, probes) if probes else None,
    )


def verify_solutions_frame(config, executor=None) -> tuple[pl.DataFrame, VerificationReport]:
    """Verify every solver of the config's training dataset; the `verified_solutions` table.

    Rows carry the program, its plain-words rule, pass/fail and the run facts (data revision,
    Python, hash seed), so any downstream result can say which ground truth it used.
    """
    from arc_pipeline.solutions import load_solutions, rule_description
    from arc_pipeline.tasks import load_tasks

    tasks = load_tasks(config.tasks.train_dataset, config.tasks.train_split)
    solutions = load_solutions()
    report = verify_solutions(solutions, tasks, executor)
    frame = report.rows.with_columns(
        pl.col("task_id").replace_strict(solutions, return_dtype=pl.Utf8).alias("program"),
        pl.col("task_id").replace_strict({k: rule_description(v) for k, v in solutions.items()},
                                          return_dtype=pl.Utf8).alias("rule"),
        pl.lit(report.data_revision).alias("data_revision"),
        pl.lit(report.python).alias("python"),
        pl.lit(report.hash_seed).alias("hash_seed"),
    )
    return frame, report


def verify_under_hash_seeds(seeds: list[str], extra_args: list[str] | None = None) -> dict:
    """Run `arc-pipeline verify --json` once per PYTHONHASHSEED and compare every task's outputs.

    Determinism check: no solver result may depend on set iteration order or hash seeds.
    Returns {"seeds", "passed" (per seed), "disagreements": [task ids whose outputs differ]}.
    """
    import json
    import subprocess

    runs = {}
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        proc = subprocess.run([sys.executable, "-m", "arc_pipeline.cli", "verify", "--json", *(extra_args or [])],
                              env=env, capture_output=True, text=True, check=False)
        if not proc.stdout.strip():
            raise RuntimeError(f"verify under PYTHONHASHSEED={seed} printed nothing: {proc.stderr[-2000:]}")
        runs[seed] = json.loads(proc.stdout)
    digests = {seed: {t["task_id"]: t["output_digest"] for t in run["tasks"]} for seed, run in runs.items()}
    first = digests[seeds[0]]
    disagree = sorted({t for d in digests.values() for t in d if d.get(t) != first.get(t)})
    return {"seeds": seeds, "passed": {s: runs[s]["passed"] for s in seeds},
            "failed": {s: runs[s]["failed"] for s in seeds}, "disagreements": disagree}
