"""Sandbox benchmark: every verified solver on all its pairs, sandboxed vs in-process.

The in-process run is the baseline measured in the same run; the figure that matters is
the ratio (sandbox overhead), plus sandboxed evaluations per second on this machine.
"""

from __future__ import annotations

import os
import statistics
import time

from arc_pipeline.execution import Executor, run_unsandboxed
from arc_pipeline.solutions import load_solutions
from arc_pipeline.tasks import load_tasks


def _jobs() -> list[tuple[str, list]]:
    tasks = load_tasks("arc-agi-1", "training")
    sols = load_solutions()
    return [(p, list(tasks[t].train_inputs) + list(tasks[t].test_inputs)) for t, p in sols.items() if t in tasks]


def run_benchmark(repeats: int = 3, workers: int | None = None) -> dict:
    """Best-of-``repeats`` timings; returns the figures printed by ``arc-pipeline bench``."""
    jobs = _jobs()
    n_evals = sum(len(g) for _, g in jobs)
    in_process, per_eval = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for program, grids in jobs:
            s = time.perf_counter()
            run_unsandboxed(program, grids)
            per_eval.append((time.perf_counter() - s) / max(1, len(grids)))
        in_process.append(time.perf_counter() - t0)
    workers = workers or os.cpu_count() or 1
    sandboxed = []
    with Executor(num_workers=workers) as ex:
        ex.run_many(jobs[:10])  # warm the workers (compile caches stay cold for the rest)
        for _ in range(repeats):
            t0 = time.perf_counter()
            ex.run_many(jobs)
            sandboxed.append(time.perf_counter() - t0)
    best_in, best_sb = min(in_process), min(sandboxed)
    return {
        "solvers": len(jobs),
        "evaluations": n_evals,
        "workers": workers,
        "sandboxed_evals_per_s": round(n_evals / best_sb, 1),
        "in_process_evals_per_s": round(n_evals / best_in, 1),
        "in_process_cpu_normalised_evals_per_s": round(n_evals / best_in * workers, 1),
        "sandbox_overhead_ratio": round((best_sb * workers) / best_in, 3),
        "wall_ratio_sandboxed_vs_in_process": round(best_sb / best_in, 3),
        "mean_ms_per_eval_in_process": round(1000 * best_in / max(1, n_evals), 4),
        "median_ms_per_eval_in_process": round(1000 * statistics.median(per_eval), 4) if per_eval else None,
    }
