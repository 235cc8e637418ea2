"""`arc-pipeline run`: materialize the whole lineage in order, with progress and timings.

Runs through Dagster (the same definitions `dagster dev` shows), against the instance in
``$DAGSTER_HOME`` (default ``data/dagster_home``), so every run appears in the UI. Order:
the unpartitioned upstream assets, then each difficulty partition of ``edit_traces`` (a
backfill, level by level), then the downstream assets. Wall time per stage is printed and
appended to ``data/run_times.jsonl``.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

UPSTREAM = ["arc_tasks", "verified_solutions", "baseline_programs"]
PARTITIONED = ["edit_traces"]
RUN_CONFIG = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
DOWNSTREAM = ["sft_dataset", "sft_checkpoint", "grpo_checkpoint", "eval_report"]


def _prepare_home(data_dir: Path) -> None:
    from arc_pipeline.config import REPO_ROOT

    home = Path(os.environ.setdefault("DAGSTER_HOME", str(data_dir / "dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text((REPO_ROOT / "dagster.yaml").read_text())


def run_pipeline(profile: str | None = None, select: str = "*") -> int:
    """Materialize every asset (or those named in ``select``, comma-separated); 0 on success."""
    from rich.console import Console
    from rich.markup import escape

    from arc_pipeline.config import load_config

    if profile:
        os.environ["ARC_PIPELINE_PROFILE"] = profile
    cfg = load_config(profile)
    _prepare_home(cfg.data_path)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    console = Console()
    import dagster as dg

    from arc_pipeline.definitions import defs

    instance = dg.DagsterInstance.get()
    graph = defs.resolve_asset_graph()
    known = {k.to_user_string() for k in graph.get_all_asset_keys()}
    wanted = known if select == "*" else {s.strip() for s in select.split(",")}
    unknown = wanted - known
    if unknown:
        console.print(f"[red]unknown assets: {sorted(unknown)}; known: {sorted(known)}")
        return 2
    from arc_pipeline.baselines import LEVELS

    stages: list[tuple[str, list[str], str | None]] = []
    up = [a for a in UPSTREAM if a in wanted and a in known]
    if up:
        stages.append(("upstream", up, None))
    for name in PARTITIONED:
        if name in wanted:
            stages += [(f"{name}[{lvl}]", [name], lvl) for lvl in LEVELS]
    down = [a for a in DOWNSTREAM if a in wanted and a in known]
    if down:
        stages.append(("downstream", down, None))
    t_all = time.perf_counter()
    timings = []
    for label, names, partition in stages:
        console.rule(f"[bold]{escape(label)}: {', '.join(names)}")
        keys = [dg.AssetKey(n) for n in names]
        job = defs.resolve_implicit_job_def_def_for_assets(keys)
        t0 = time.perf_counter()
        result = job.execute_in_process(instance=instance, asset_selection=keys, partition_key=partition,
                                        raise_on_error=False, run_config=RUN_CONFIG)
        seconds = time.perf_counter() - t0
        timings.append({"stage": label, "seconds": round(seconds, 2), "success": result.success})
        console.print(f"{escape(label)}: {'ok' if result.success else '[red]FAILED[/red]'} in {seconds:.1f}s")
        if not result.success:
            for event in result.all_events:
                if event.is_failure:
                    console.print(str(event.message)[:2000])
            return 1
    total = time.perf_counter() - t_all
    record = {"profile": cfg.profile, "total_seconds": round(total, 2), "stages": timings,
              "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S")}
    cfg.data_path.mkdir(parents=True, exist_ok=True)
    with open(cfg.data_path / "run_times.jsonl", "a") as fh:
        fh.write(json.dumps(record) + "\n")
    console.rule("[bold green]done")
    console.print(f"total {total:.1f}s")
    latest = cfg.data_path / "reports" / "latest" / "report.html"
    if latest.exists():
        console.print(f"report: {latest.resolve()}")
    return 0
