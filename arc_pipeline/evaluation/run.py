"""Evaluate several models (proposers) on held-out tasks: refinement + official scoring."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

import polars as pl

from arc_pipeline.baselines import EMPTY_PROGRAM
from arc_pipeline.config import EvalConfig
from arc_pipeline.evaluation.refine import Proposer, RefineResult, refine_many
from arc_pipeline.evaluation.scoring import eval_rows, model_summary
from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig
from arc_pipeline.tasks import ArcTask

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 16  # tasks refined in lock-step per proposer call (a model batches them)


def evaluate_models(models: Mapping[str, Proposer], tasks: Mapping[str, ArcTask], levels: Mapping[str, str],
                    cfg: EvalConfig, executor: Any, seed: int, data_revision: str, *,
                    start_programs: str | Mapping[str, str] = EMPTY_PROGRAM, chunk_size: int = DEFAULT_CHUNK,
                    progress: bool = True, reward_config: RewardConfig = DEFAULT_REWARD) -> tuple[pl.DataFrame, list[RefineResult]]:
    """Run :func:`refine_many` for every model on every task (sorted ids, in chunks of
    ``chunk_size``) and score it. Returns ``(eval_results frame, refine results)``.

    ``tasks`` must include their test pairs (the scorer needs the outputs; refinement hands the
    proposer a train-only copy). The same ``seed`` is used for every model, so models see the
    same proposer seeds per round. ``levels`` maps task id -> difficulty level.
    """
    from tqdm import tqdm

    ids = sorted(tasks)
    missing = [t for t in ids if not tasks[t].test]
    if missing:
        raise ValueError(f"evaluation tasks need test pairs; none for {missing[:5]}")
    chunk_size = max(1, int(chunk_size))
    log.info("evaluating %d models x %d tasks (%d test outputs): rounds=%d samples/round=%d attempts=%d seed=%d",
             len(models), len(ids), sum(len(tasks[t].test) for t in ids), cfg.rounds, cfg.samples_per_round,
             cfg.attempts, seed)
    results: list[RefineResult] = []
    bar = tqdm(total=len(models) * len(ids), desc="eval", disable=not progress, mininterval=2.0)
    try:
        for name, proposer in models.items():
            t0 = time.perf_counter()
            mine: list[RefineResult] = []
            for start in range(0, len(ids), chunk_size):
                chunk = [tasks[t] for t in ids[start:start + chunk_size]]
                mine += refine_many(chunk, proposer, executor, cfg.rounds, cfg.samples_per_round, start_programs,
                                    seed, attempts=cfg.attempts, model=name, reward_config=reward_config)
                bar.update(len(chunk))
                bar.set_postfix(model=name, train_solved=sum(r.best_reward >= 1.0 for r in mine))
            edits = sum(len(r.edits) for r in mine)
            valid = sum(1 for r in mine for e in r.edits if e.valid)
            log.info("%s: %d tasks, %d edits (%d valid), %d train-solved, %.1fs", name, len(mine), edits, valid,
                     sum(r.best_reward >= 1.0 for r in mine), time.perf_counter() - t0)
            results += mine
            release = getattr(proposer, "release", None)
            if callable(release):
                release()  # one model in memory at a time
    finally:
        bar.close()
    frame = eval_rows(results, tasks, levels, seed, data_revision, cfg.attempts)
    if not frame.is_empty():
        for row in model_summary(frame).iter_rows(named=True):
            log.info("%s: official score %.3f (%d/%d tasks fully solved), train reward %.3f",
                     row["model"], row["score"], row["tasks_solved"], row["tasks"], row["train_reward"])
    return frame, results
