"""Stage `eval_report`: held-out tasks refined by every model, official 2-attempt score ->
`eval_results` + an HTML report under reports/<run>/, with one ARC Prize ``submission.json`` per
model (``submissions/<model>/``), ``report.json`` and the run's provenance.

Held-out tasks (role ``eval``) are evaluated with the test-time refinement loop for the GRPO
checkpoint, the SFT checkpoint, the base model and the search teacher (reference). Their
difficulty level comes from the same rule as training tasks, using a search baseline from the
empty program (:func:`arc_pipeline.baselines.search_levels`). Test outputs are read only by
the scorer. Content-addressed (:mod:`arc_pipeline.evaluation.cache`): an unchanged re-run
evaluates nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.stages.inputs import (base_model_path, data_revision, executor_for, settings_in_effect,
                                       model_proposer, tasks_by_role, untrained_base_path)
from arc_pipeline.warehouse import Warehouse


def model_dirs(layout: RunLayout) -> dict[str, Path]:
    """Checkpoints to evaluate, in report order (those that exist)."""
    out = {"grpo": layout.merged("grpo"), "sft": layout.merged("sft")}
    return {k: v for k, v in out.items() if v.exists()}


def training_curves(layout: RunLayout) -> dict:
    """What the report plots about training: SFT train/eval loss, GRPO per-step Δr and valid-edit
    rate with the first-vs-last-quarter trend, and the curriculum's rounds (from metrics.json)."""
    import json

    out = {}
    for stage in ("sft", "grpo"):
        path = layout.checkpoint(stage) / "metrics.json"
        if path.exists():
            m = json.loads(path.read_text())
            keep = ("losses", "eval_losses", "delta_r_per_step", "valid_rate_per_step", "delta_r_trend",
                    "delta_r_trend_within_start", "delta_r_trend_by_source", "round_records", "after_last_round", "steps",
                    "wall_s")
            out[stage] = {k: m[k] for k in keep if k in m}
    return out


def models_to_score(checkpoints: dict[str, Path], base: Path, untrained: Path, warm_start: bool) -> dict[str, Path]:
    """The trained checkpoints, the warm-started tiny model when there is one and
    ``eval.warm_start`` asks for it, and always the untrained base (every comparison's reference).

    >>> models_to_score({"sft": Path("s")}, Path("tiny-warm"), Path("tiny"), True)
    {'sft': PosixPath('s'), 'warm-start': PosixPath('tiny-warm'), 'base': PosixPath('tiny')}
    >>> list(models_to_score({"sft": Path("s")}, Path("tiny-warm"), Path("tiny"), False))
    ['sft', 'base']
    >>> list(models_to_score({"sft": Path("s")}, Path("qwen"), Path("qwen"), True))
    ['sft', 'base']
    """
    warm = warm_start and str(base) != str(untrained)
    return {**checkpoints, **({"warm-start": base} if warm else {}), "base": untrained}


def build_eval_report(cfg: PipelineConfig, wh: Warehouse, run_id: str) -> dict:
    """Evaluate every model on the held-out tasks, store `eval_results`, write the report."""
    from arc_pipeline.baselines import search_levels
    from arc_pipeline.evaluation.cache import cached_report, eval_fingerprint, store_report
    from arc_pipeline.evaluation.provenance import provenance
    from arc_pipeline.evaluation.refine import TeacherProposer
    from arc_pipeline.evaluation.report import write_report
    from arc_pipeline.evaluation.run import evaluate_models
    from arc_pipeline.teachers.search import SearchTeacher
    from arc_pipeline.tasks import data_revision as tasks_revision

    layout = RunLayout.of(cfg)
    tasks = tasks_by_role(wh, "eval", with_test=True)
    base = base_model_path(cfg, wh)
    checkpoints = model_dirs(layout)
    fingerprint = eval_fingerprint(cfg, tasks, base, checkpoints)
    cached = cached_report(layout, fingerprint) if wh.has_table("eval_results") else None
    if cached is not None:
        return {**cached, "reused": True}
    executor = executor_for(cfg)
    levels = search_levels(tasks, executor, cfg.seed)
    proposers = {}
    untrained = untrained_base_path(cfg, wh)
    models = models_to_score(checkpoints, base, untrained, cfg.eval.warm_start)
    for name, path in models.items():
        proposers[name] = model_proposer(cfg, path)
    proposers["search-teacher"] = TeacherProposer(SearchTeacher(executor, cfg.teacher.search_generations,
                                                                cfg.teacher.search_population))
    revision = data_revision(wh)
    t0 = time.perf_counter()
    results, refine_results = evaluate_models(proposers, tasks, levels, cfg.eval, executor, cfg.seed, revision,
                                              reward_config=cfg.reward)
    seconds = time.perf_counter() - t0
    results = results.with_columns(pl.lit(run_id).alias("run_id"), pl.lit(fingerprint).alias("fingerprint"))
    wh.replace_table("eval_results", results)
    out_dir = layout.reports / time.strftime("%Y%m%d-%H%M%S")
    meta = {
        "profile": cfg.profile, "seed": cfg.seed, "data_revision": revision, "run_id": run_id,
        "fingerprint": fingerprint, "eval_tasks": len(tasks), "models": list(proposers),
        "eval_config": dict(cfg.eval.__dict__), "settings": settings_in_effect(cfg), "seconds": round(seconds, 1),
        "python": sys.version.split()[0],
        "provenance": provenance(base_model_id=cfg.model.base_model, model_dirs=models, data_revision=revision,
                                 eval_tasks_hash=tasks_revision(tasks)),
    }
    paths = write_report(results, refine_results, tasks, meta, out_dir, training=training_curves(layout))
    out = {"html": str(paths.html), "headline": getattr(paths, "headline", {}) or {},
           "json": str(paths.json) if paths.json else None,
           "submissions": {m: str(p) for m, p in paths.submissions.items()},
           "markdown_snippet": getattr(paths, "markdown_snippet", "") or "", "meta": meta}
    store_report(layout, fingerprint, out, out_dir)
    return {**out, "reused": False}
