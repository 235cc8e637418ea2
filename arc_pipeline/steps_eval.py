"""Warehouse-aware evaluation step behind the `eval_report` asset.

Held-out tasks (role ``eval``) are evaluated with the test-time refinement loop for the GRPO
checkpoint, the SFT checkpoint, the base model and the search teacher (reference). Their
difficulty level comes from the same rule as training tasks, using a search baseline from the
empty program (held-out tasks have no verified solution to corrupt). Test outputs are read
only by the scorer.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.pipeline_steps import executor_for, load_task_table
from arc_pipeline.warehouse import Warehouse


def eval_levels(tasks, executor, seed: int) -> dict[str, str]:
    """level-1..5 per held-out task from a search baseline grown from the empty program."""
    from arc_pipeline.baselines import EMPTY_PROGRAM, level_for
    from arc_pipeline.teachers.search import search_edits

    levels = {}
    for task_id in sorted(tasks):
        rng = random.Random(f"{seed}:{task_id}:eval-baseline")
        best, start, _ = search_edits(tasks[task_id], EMPTY_PROGRAM, executor, rng, 4, generations=2, population=6)
        rewards = [c.score.reward for c in [start] + best if c.score.reward < 1.0] or [start.score.reward]
        levels[task_id] = level_for(sum(rewards) / len(rewards))
    return levels


def model_dirs(cfg: PipelineConfig) -> dict[str, Path]:
    """Checkpoints to evaluate, in report order (those that exist)."""
    ck = cfg.data_path / "checkpoints"
    out = {"grpo": ck / "grpo" / "merged", "sft": ck / "sft" / "merged"}
    return {k: v for k, v in out.items() if v.exists()}


def eval_fingerprint(cfg: PipelineConfig, tasks, base_model) -> str:
    """Hash of everything the evaluation depends on: checkpoints, tasks, config, seed."""
    import hashlib
    import json

    parts = {"tasks": sorted((t, tasks[t].content_hash()) for t in tasks), "eval": cfg.eval.__dict__,
             "seed": cfg.seed, "base": str(base_model), "device": cfg.device,
             "search": [cfg.teacher.search_generations, cfg.teacher.search_population]}
    for name, path in model_dirs(cfg).items():
        metrics = path.parent / "metrics.json"
        parts[name] = metrics.read_text() if metrics.exists() else str(path.stat().st_mtime)
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def build_eval_report(cfg: PipelineConfig, wh: Warehouse, run_id: str) -> dict:
    """Evaluate every model on the held-out tasks, store `eval_results`, write the report.

    Content-addressed: when nothing the evaluation depends on changed, the previous report
    and rows are reused (an unchanged re-run of the pipeline evaluates nothing).
    """
    import json

    from arc_pipeline.evaluation.refine import ModelProposer, TeacherProposer
    from arc_pipeline.evaluation.report import write_report
    from arc_pipeline.evaluation.run import evaluate_models
    from arc_pipeline.steps_training import base_model_path
    from arc_pipeline.teachers.search import SearchTeacher

    tasks = load_task_table(wh, "eval", with_test=True)
    base = base_model_path(cfg, wh)
    fingerprint = eval_fingerprint(cfg, tasks, base)
    cache_file = cfg.data_path / "reports" / "cache" / f"{fingerprint}.json"
    if cache_file.exists() and wh.has_table("eval_results"):
        cached = json.loads(cache_file.read_text())
        if Path(cached["html"]).exists():
            _point_latest(cfg, Path(cached["html"]).parent)
            return {**cached, "reused": True}
    executor = executor_for(cfg)
    levels = eval_levels(tasks, executor, cfg.seed)
    proposers = {}
    for name, path in model_dirs(cfg).items():
        proposers[name] = ModelProposer(path, max_new_tokens=cfg.eval.max_new_tokens, device=cfg.device)
    proposers["base"] = ModelProposer(base, max_new_tokens=cfg.eval.max_new_tokens, device=cfg.device)
    proposers["search-teacher"] = TeacherProposer(SearchTeacher(executor, cfg.teacher.search_generations,
                                                                cfg.teacher.search_population))
    revision = wh.scalar("select any_value(data_revision) from tasks") or ""
    t0 = time.perf_counter()
    results, refine_results = evaluate_models(proposers, tasks, levels, cfg.eval, executor, cfg.seed, revision)
    seconds = time.perf_counter() - t0
    results = results.with_columns(pl.lit(run_id).alias("run_id"), pl.lit(fingerprint).alias("fingerprint"))
    wh.replace_table("eval_results", results)
    out_dir = cfg.data_path / "reports" / time.strftime("%Y%m%d-%H%M%S")
    meta = {
        "profile": cfg.profile, "seed": cfg.seed, "data_revision": revision, "run_id": run_id,
        "fingerprint": fingerprint, "eval_tasks": len(tasks), "models": list(proposers),
        "eval_config": dict(cfg.eval.__dict__), "seconds": round(seconds, 1),
        "python": __import__("sys").version.split()[0],
    }
    paths = write_report(results, refine_results, tasks, meta, out_dir)
    out = {"html": str(paths.html), "headline": getattr(paths, "headline", {}) or {},
           "markdown_snippet": getattr(paths, "markdown_snippet", "") or "", "meta": meta}
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(out, default=str))
    _point_latest(cfg, out_dir)
    return {**out, "reused": False}


def _point_latest(cfg: PipelineConfig, report_dir: Path) -> None:
    """data/reports/latest -> the newest report directory (a relative symlink)."""
    latest = cfg.data_path / "reports" / "latest"
    if latest.is_symlink():
        latest.unlink()
    if not latest.exists():
        latest.symlink_to(report_dir.name)
