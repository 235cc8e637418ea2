"""Sandbox benchmarks.

``run_benchmark``: every verified solver on all its pairs, sandboxed vs in-process. The
in-process run is the baseline measured in the same run; the figure that matters is the ratio
(sandbox overhead), plus sandboxed evaluations per second on this machine.

``run_kill_benchmark``: what hard kills cost -- one program on N grids of which some hang
until the parent kills the worker; counts how often each grid ran and the wall time.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
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


# Shared with forked workers (they cannot open files): runs per grid index, hanging indices,
# seconds of work per good grid. Set by run_kill_benchmark before it starts the workers.
_RUNS = None
_HANG: frozenset[int] = frozenset()
_WORK_S = 0.0


def _counted_work(grid):
    """Benchmark hook: count a run of grid ((i // 10, i % 10),); hang (signals blocked) or work."""
    index = grid[0][0] * 10 + grid[0][1]
    _RUNS[index] += 1
    if index in _HANG:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # only a hard kill ends this
        while True:
            pass
    time.sleep(_WORK_S)
    return grid


def run_kill_benchmark(n_grids: int = 25, n_killed: int = 5, work_s: float = 0.1, workers: int = 2,
                       timeout_s: float = 0.5, kill_grace_s: float = 0.3) -> dict:
    """One call of one program on ``n_grids`` grids, ``n_killed`` of them (spread evenly) hung
    until hard-killed; good grids take ``work_s``. Ideal: ``grid_runs == n_grids``."""
    global _RUNS, _HANG, _WORK_S
    if not 0 <= n_killed <= n_grids <= 100:
        raise ValueError(f"need 0 <= n_killed <= n_grids <= 100, got n_killed={n_killed}, n_grids={n_grids}")
    step = n_grids / max(1, n_killed)
    _HANG = frozenset(int(step * k + step / 2) for k in range(n_killed))
    _RUNS, _WORK_S = multiprocessing.RawArray("i", n_grids), work_s
    program = "def solve(I):\n    O = counted_work(I)\n    return O\n"
    grids = [((i // 10, i % 10),) for i in range(n_grids)]
    with Executor(num_workers=workers, timeout_s=timeout_s, kill_grace_s=kill_grace_s, start_method="fork",
                  extra_primitives={"counted_work": _counted_work}) as ex:
        ex.worker_pids()  # started before the clock
        t0 = time.perf_counter()
        results = ex.run(program, grids)
        wall = time.perf_counter() - t0
        settings = ex.settings()
    good = [i for i in range(n_grids) if i not in _HANG]
    return {
        "grids": n_grids,
        "killed": len(_HANG),
        "grid_runs": sum(_RUNS),
        "max_runs_of_a_good_grid": max((_RUNS[i] for i in good), default=0),
        "timeouts": sum(r.status == "timeout" for r in results),
        "wall_s": round(wall, 2),
        "ideal_wall_s": round((len(good) * work_s + len(_HANG) * (timeout_s + kill_grace_s)) / workers, 2),
        "workers": settings["num_workers"],
    }
