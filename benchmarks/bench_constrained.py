"""Benchmark: grammar-constrained program decoding (``eval.constrained_programs``) on and off.

Why: constrained decoding makes an edit *runnable* for free, not *right*; the issue asks for
valid-edit rates with and without it. This takes a finished run's data directory and, for each
model the evaluation compares (GRPO, SFT, warm start, untrained base), runs the evaluation's
refinement on the held-out tasks (train pairs only, from the empty program, the ``eval``
section's rounds, samples and temperature) once without and once with the grammar, alternating,
in ONE process -- so the time ratio is meaningful on a noisy machine.

Run: ``.venv/bin/python benchmarks/bench_constrained.py --data data [--profile cpu-tiny]``.
Prints JSON: per model and mode the valid-edit rate, edit statuses, mean best train reward,
seconds, and the constrained/free time ratio.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter


def run(data: str, profile: str) -> dict:
    import dataclasses

    from arc_pipeline.baselines import EMPTY_PROGRAM
    from arc_pipeline.config import load_config
    from arc_pipeline.evaluation.refine import refine_many, train_only
    from arc_pipeline.layout import RunLayout
    from arc_pipeline.stages.eval_report import model_dirs
    from arc_pipeline.stages.inputs import (base_model_path, executor_for, model_proposer, tasks_by_role,
                                            untrained_base_path)
    from arc_pipeline.warehouse import Warehouse

    cfg = load_config(profile, overrides={"data_dir": data})
    wh = Warehouse(cfg.data_path / "warehouse.duckdb")
    tasks = [train_only(t) for _, t in sorted(tasks_by_role(wh, "eval").items())]
    models = {**model_dirs(RunLayout.of(cfg)), "warm-start": base_model_path(cfg, wh), "base": untrained_base_path(cfg, wh)}
    executor = executor_for(cfg)
    out: dict = {"tasks": len(tasks), "eval": dataclasses.asdict(cfg.eval), "models": {}}
    for name, path in models.items():
        row = {}
        for mode in ("free", "constrained"):
            on = dataclasses.replace(cfg, eval=dataclasses.replace(cfg.eval, constrained_programs=mode == "constrained"))
            proposer = model_proposer(on, path)
            t0 = time.perf_counter()
            res = refine_many(tasks, proposer, executor, cfg.eval.rounds, cfg.eval.samples_per_round, EMPTY_PROGRAM,
                              cfg.seed, attempts=0, model=name, reward_config=cfg.reward)
            edits = [e for r in res for e in r.edits]
            row[mode] = {"valid_rate": round(sum(e.valid for e in edits) / max(1, len(edits)), 4), "edits": len(edits),
                         "statuses": dict(Counter(f"{e.status}{'' if e.valid else ' (not valid)'}" for e in edits)),
                         "best_train_reward": round(sum(r.best_reward for r in res) / max(1, len(res)), 4),
                         "seconds": round(time.perf_counter() - t0, 1),
                         **({"grammar": proposer.constrain.stats} if proposer.constrain is not None else {})}
        row["time_ratio_constrained_to_free"] = round(row["constrained"]["seconds"] / max(1e-9, row["free"]["seconds"]), 2)
        out["models"][name] = row
        print(name, json.dumps(row), flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="data", help="data directory of a finished run")
    ap.add_argument("--profile", default="cpu-tiny")
    args = ap.parse_args()
    print(json.dumps(run(args.data, args.profile), indent=1))


if __name__ == "__main__":
    main()
