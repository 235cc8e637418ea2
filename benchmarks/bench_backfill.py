"""Backfill of all five `edit_traces` levels vs the same five levels run one after another.

Why: issue 15 asks that a UI/CLI backfill of all five levels on 2 cores take no longer than the
sequential run + 20%. The backfill goes through the instance's run queue (`defs/dagster.yaml`:
one run at a time), so what it adds over a sequential run is the queue's dequeue wait and one
run-worker process start per level; this script measures exactly that.

  (a) sequential: `dagster asset materialize -m arc_pipeline.definitions --select edit_traces --partition level-k`, k = 1..5
  (b) backfill:   `dagster job backfill -j edit_traces_job --all all --noprompt` with a
                  `dagster-daemon run` already running (as under `dagster dev`), timed from the
                  command's start until the fifth run has ended

Each trial starts from a copy of one prepared warehouse (upstream assets materialized once, no
traces yet), with a fresh DAGSTER_HOME, so (a) and (b) sample the same programs with the same
seeds and neither profits from the other's teacher cache. Trials alternate a, b, a, b, ... (the
machine is shared: interleaving spreads the noise over both), and the script prints each pair's
ratio b/a and the ratio of the totals.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_backfill.py [--pairs 2] [--train-limit 12] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LEVELS = [f"level-{k}" for k in range(1, 6)]
CONFIG = """\
profile: bench-backfill
tasks: {{slice: default, train_limit: {train_limit}, eval_limit: 1}}
teacher: {{samples_per_start: 4}}
baselines: {{corruptions_per_task: 2}}
curriculum: {{gate_levels: false}}
"""
RUN_TIMEOUT_S = 1800.0


def _env(config: Path, data: Path, home: Path) -> dict[str, str]:
    """The environment of every dagster command of one trial (its own data dir and instance)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARC_PIPELINE_")}
    env.update(PYTHONPATH=str(REPO), ARC_PIPELINE_CONFIG=str(config), ARC_PIPELINE_DATA_DIR=str(data),
               DAGSTER_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               TOKENIZERS_PARALLELISM="false", DAGSTER_DISABLE_TELEMETRY="1")
    return env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    """Run one dagster command in the repository root; fail with its output's tail."""
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} failed ({proc.returncode}):\n{(proc.stdout + proc.stderr)[-3000:]}")


def _instance(home: Path):
    """The trial's instance, created from defs/dagster.yaml (the run-queue limits under test)."""
    from arc_pipeline.defs.runner import open_instance

    return open_instance(home)


def prepare(root: Path, config: Path) -> Path:
    """Materialize the upstream assets once; return the data dir every trial copies."""
    data, home = root / "base-data", root / "base-home"
    _instance(home)
    _run([str(BIN / "dagster"), "asset", "materialize", "-m", "arc_pipeline.definitions",
          "--select", "arc_tasks,verified_solutions,baseline_programs"], _env(config, data, home))
    return data


def _fresh(root: Path, base: Path, name: str) -> tuple[Path, Path]:
    """A copy of the prepared data dir and an empty DAGSTER_HOME for one trial."""
    data, home = root / f"{name}-data", root / f"{name}-home"
    shutil.copytree(base, data)
    _instance(home)
    return data, home


def sequential(root: Path, base: Path, config: Path, name: str) -> float:
    """(a): the five levels one after another, one `dagster asset materialize` each."""
    data, home = _fresh(root, base, name)
    env = _env(config, data, home)
    t0 = time.perf_counter()
    for level in LEVELS:
        _run([str(BIN / "dagster"), "asset", "materialize", "-m", "arc_pipeline.definitions", "--select", "edit_traces",
              "--partition", level], env)
    return time.perf_counter() - t0


def backfill(root: Path, base: Path, config: Path, name: str) -> float:
    """(b): one `dagster job backfill` of all levels, drained by a running daemon."""
    import dagster as dg

    data, home = _fresh(root, base, name)
    env = _env(config, data, home)
    daemon = subprocess.Popen([str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], cwd=REPO, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        instance = _instance(home)
        deadline = time.monotonic() + 120
        while not instance.get_daemon_heartbeats().get("QUEUED_RUN_COORDINATOR"):
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("dagster-daemon did not start its run queue")
            time.sleep(0.5)
        t0, t0_wall = time.perf_counter(), time.time()
        _run([str(BIN / "dagster"), "job", "backfill", "-w", "workspace.yaml", "-j", "edit_traces_job",
              "--all", "all", "--noprompt"], env)
        while True:
            runs = instance.get_runs()
            if len(runs) == len(LEVELS) and all(r.is_finished for r in runs):
                break
            if time.perf_counter() - t0 > RUN_TIMEOUT_S:
                raise SystemExit(f"backfill did not finish: {[(r.tags.get('dagster/partition'), r.status) for r in runs]}")
            time.sleep(0.2)
        ended = max(instance.get_run_record_by_id(r.run_id).end_time for r in runs)
        failed = [r.tags.get("dagster/partition") for r in runs if r.status != dg.DagsterRunStatus.SUCCESS]
        if failed:
            raise SystemExit(f"backfill runs failed: {failed}")
        return ended - t0_wall
    finally:
        os.killpg(daemon.pid, signal.SIGTERM)
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(daemon.pid, signal.SIGKILL)
            daemon.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2, help="interleaved (sequential, backfill) pairs")
    parser.add_argument("--train-limit", type=int, default=12, help="training-pool tasks of the slice")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-backfill-") as tmp:
        root = Path(tmp)
        config = root / "config.yaml"
        config.write_text(CONFIG.format(train_limit=args.train_limit))
        base = prepare(root, config)
        pairs = []
        for i in range(args.pairs):
            a = sequential(root, base, config, f"seq{i}")
            b = backfill(root, base, config, f"bf{i}")
            pairs.append({"sequential_s": round(a, 1), "backfill_s": round(b, 1), "ratio": round(b / a, 3)})
            if not args.json:
                print(f"pair {i + 1}: sequential {a:.1f}s, backfill {b:.1f}s, ratio {b / a:.2f}", flush=True)
    total_a = sum(p["sequential_s"] for p in pairs)
    total_b = sum(p["backfill_s"] for p in pairs)
    result = {"pairs": pairs, "ratio_of_totals": round(total_b / total_a, 3), "train_limit": args.train_limit,
              "cores": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2)}
    print(json.dumps(result) if args.json else f"ratio of totals (backfill / sequential): {result['ratio_of_totals']:.2f}")


if __name__ == "__main__":
    main()
