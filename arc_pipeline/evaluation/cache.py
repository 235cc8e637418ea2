"""Report caching: an evaluation is content-addressed by everything it depends on.

When the checkpoints, tasks, eval config, seed, base model, device and search settings are
unchanged, the previous report and rows are reused, so an unchanged re-run of the pipeline
evaluates nothing. ``reports/latest`` always points at the newest report directory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from arc_pipeline.layout import RunLayout


def eval_fingerprint(cfg: Any, tasks: Mapping[str, Any], base_model: Any, model_dirs: Mapping[str, Path]) -> str:
    """Hash of everything the evaluation depends on: checkpoints, tasks, config, seed."""
    parts: dict[str, Any] = {"tasks": sorted((t, tasks[t].content_hash()) for t in tasks), "eval": cfg.eval.__dict__,
                             "seed": cfg.seed, "base": str(base_model), "device": cfg.device,
                             "search": [cfg.teacher.search_generations, cfg.teacher.search_population]}
    for name, path in model_dirs.items():
        metrics = path.parent / "metrics.json"
        parts[name] = metrics.read_text() if metrics.exists() else str(path.stat().st_mtime)
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def cached_report(layout: RunLayout, fingerprint: str) -> dict | None:
    """The stored report summary for this fingerprint, if its HTML still exists (and then
    ``reports/latest`` points at it again)."""
    cache_file = layout.report_cache(fingerprint)
    if not cache_file.exists():
        return None
    cached = json.loads(cache_file.read_text())
    if not Path(cached["html"]).exists():
        return None
    point_latest(layout, Path(cached["html"]).parent)
    return cached


def store_report(layout: RunLayout, fingerprint: str, summary: dict, report_dir: Path) -> None:
    """Remember ``summary`` under the fingerprint and point ``reports/latest`` at the report."""
    cache_file = layout.report_cache(fingerprint)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(summary, default=str))
    point_latest(layout, report_dir)


def point_latest(layout: RunLayout, report_dir: Path) -> None:
    """reports/latest -> the newest report directory (a relative symlink)."""
    latest = layout.latest_report
    if latest.is_symlink():
        latest.unlink()
    if not latest.exists():
        latest.symlink_to(report_dir.name)
