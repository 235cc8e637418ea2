"""`arc-pipeline run`: materialize the whole lineage in order, with progress and timings.

Runs through Dagster (the same definitions `dagster dev` shows), against the instance in
``$DAGSTER_HOME`` (default ``data/dagster_home``), so every run appears in the UI. Order:
the unpartitioned upstream assets, then each difficulty partition of ``edit_traces`` (a
backfill, level by level), then the downstream assets. Wall time per stage is printed and
appended to ``data/run_times.jsonl``.

The configuration is resolved once (``config.settings_from_env`` + ``--profile``) and handed to
the Dagster resources explicitly (the profile is never written to ``os.environ``). A failed stage prints its
one-line cause; the full Dagster traceback goes to ``data/logs/run-*.log`` (and to the console
with ``--traceback``). The instance storage of a brand-new ``DAGSTER_HOME`` is created under a
file lock (``open_instance``), so concurrent first runs do not race on its SQLite schema.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from arc_pipeline.layout import RunLayout

UPSTREAM = ["arc_tasks", "verified_solutions", "baseline_programs"]
PARTITIONED = ["edit_traces"]
RUN_CONFIG = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
DOWNSTREAM = ["sft_dataset", "sft_checkpoint", "grpo_checkpoint", "eval_report"]
LOCK_NAME = ".instance-init.lock"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``path`` (created if missing), released on exit or process death."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


INSTANCE_YAML = Path(__file__).with_name("dagster.yaml")
# first lines of the copies this project wrote (the second: before the file moved into defs/)
MANAGED_MARKERS = ("# arc_pipeline's Dagster instance settings.", "# Copied into $DAGSTER_HOME by `make install`.")


def _write_instance_yaml(home: Path) -> None:
    """Write ``defs/dagster.yaml`` into ``home`` unless ``home`` has its own; atomic, so a
    concurrent reader never sees a half-written file. A copy we wrote earlier (it starts with
    one of ``MANAGED_MARKERS``) is refreshed when the template changed, so an old home picks up e.g. the
    run-queue limit; a hand-written dagster.yaml is left alone."""
    target = home / "dagster.yaml"
    wanted = INSTANCE_YAML.read_text()
    if target.exists():
        current = target.read_text()
        if current == wanted or not current.startswith(MANAGED_MARKERS):
            return
    tmp = home / f".dagster.yaml.{os.getpid()}"
    tmp.write_text(wanted)
    os.replace(tmp, target)


def open_instance(home: Path):
    """The Dagster instance in ``home``, its storage created (or migrated) by one process at a time.

    Why: Dagster's SQLite storages create their tables and stamp ``alembic_version`` on first use;
    two processes doing that at once fail (``UNIQUE constraint failed: alembic_version``, ``table
    runs already exists``). Under the lock we touch every storage so later concurrent use only
    reads an existing schema.
    """
    import dagster as dg

    home = Path(home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    with _locked(home / LOCK_NAME):
        _write_instance_yaml(home)
        instance = dg.DagsterInstance.from_config(str(home))
        instance.get_runs(limit=1)  # run storage
        instance.event_log_storage.get_asset_records()  # event log index shard
        instance.all_instigator_state()  # schedule storage
    return instance


def _failure_messages(result) -> tuple[list[str], list[str]]:
    """(one-line causes, full error texts) of the failed steps of a Dagster result."""
    causes, details = [], []
    failures = [e for e in result.all_events if e.is_step_failure] or [
        e for e in result.all_events if e.is_failure]  # the run's own failure only when no step failed
    for event in failures:
        error = getattr(event.event_specific_data, "error", None)
        while error is not None and error.cause is not None and "dagster" in error.cls_name.lower():
            error = error.cause  # unwrap Dagster's "Error occurred while executing op ..." wrappers
        if error is not None:
            causes.append(f"{event.step_key or 'run'}: {error.message.strip().splitlines()[0]}")
            details.append(event.event_specific_data.error.to_string())
        else:
            causes.append(str(event.message).strip().splitlines()[0])
            details.append(str(event.message))
    return causes, details


def _log_failure(data_path: Path, label: str, details: list[str]) -> Path:
    """Write the full tracebacks of a failed stage under ``data/logs`` and return the file."""
    logs = RunLayout(data_path).logs
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    path.write_text(f"stage {label} failed\n\n" + "\n\n".join(details) + "\n")
    return path


def resolve_selection(select: str) -> str:
    """``--select`` in Dagster's asset selection syntax (``group:traces``, ``edit_traces+``,
    ``key:a or key:b``, ``*``) or comma-separated asset names -> comma-separated asset names.

    Each comma-separated part is an asset name or a Dagster selection string; a part that selects
    nothing or does not parse is a ValueError naming it (the CLI prints it as one line, exit 2)."""
    import warnings

    import dagster as dg

    from arc_pipeline.definitions import defs

    if select.strip() == "*":
        return "*"
    graph = defs.resolve_asset_graph()
    known = sorted(k.to_user_string() for k in graph.get_all_asset_keys())
    chosen: set[str] = set()
    for part in (p.strip() for p in select.split(",")):
        if not part:
            continue
        if part in known:
            chosen.add(part)
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                keys = dg.AssetSelection.from_string(part).resolve(graph)
        except Exception:  # noqa: BLE001 -- dagster raises several kinds for a bad string
            raise ValueError(f"--select {part!r}: neither an asset name nor a Dagster asset selection "
                             f"(e.g. group:traces, edit_traces+, key:arc_tasks); assets: {', '.join(known)}") from None
        if not keys:
            raise ValueError(f"--select {part!r} matches no asset; assets: {', '.join(known)}")
        chosen |= {k.to_user_string() for k in keys}
    if not chosen:
        raise ValueError("--select is empty")
    return ",".join(sorted(chosen))


def run_pipeline(profile: str | None = None, select: str = "*", traceback: bool = False) -> int:
    """Materialize every asset (or those named in ``select``, comma-separated); 0 on success,
    1 when a stage fails, 2 for bad input (unknown profile or asset, invalid configuration)."""
    from rich.console import Console
    from rich.markup import escape

    from arc_pipeline.config import ConfigError, choose_profile, resolve_config, settings_from_env

    console = Console()
    settings = choose_profile(settings_from_env(), profile)
    try:
        cfg = resolve_config(settings)
    except ConfigError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        return 2
    home = Path(settings.dagster_home or RunLayout.of(cfg).dagster_home)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the tiny profile never needs the hub
    import dagster as dg

    from arc_pipeline.definitions import defs
    from arc_pipeline.defs.resources import default_teacher_resource, pipeline_resource

    resources = {"pipeline": pipeline_resource(settings), "teacher": default_teacher_resource()}
    instance = open_instance(home)
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
    bound = dg.Definitions(assets=defs.assets, asset_checks=defs.asset_checks, jobs=defs.jobs,
                           schedules=defs.schedules, sensors=defs.sensors, resources=resources)
    t_all = time.perf_counter()
    timings = []
    for label, names, partition in stages:
        console.rule(f"[bold]{escape(label)}: {', '.join(names)}")
        keys = [dg.AssetKey(n) for n in names]
        job = bound.resolve_implicit_job_def_def_for_assets(keys)
        t0 = time.perf_counter()
        result = job.execute_in_process(instance=instance, asset_selection=keys, partition_key=partition,
                                        raise_on_error=False, run_config=RUN_CONFIG)
        seconds = time.perf_counter() - t0
        timings.append({"stage": label, "seconds": round(seconds, 2), "success": result.success})
        console.print(f"{escape(label)}: {'ok' if result.success else '[red]FAILED[/red]'} in {seconds:.1f}s")
        if not result.success:
            causes, details = _failure_messages(result)
            log = _log_failure(cfg.data_path, label, details)
            for cause in causes:
                console.print(f"[red]error:[/red] {escape(cause)}", soft_wrap=True)
            if traceback:
                console.print(escape("\n\n".join(details)), soft_wrap=True)
            console.print(f"full traceback: {log}" + ("" if traceback else " (or run with --traceback)"),
                          soft_wrap=True)
            return 1
    total = time.perf_counter() - t_all
    record = {"profile": cfg.profile, "total_seconds": round(total, 2), "stages": timings,
              "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S")}
    layout = RunLayout.of(cfg)
    layout.root.mkdir(parents=True, exist_ok=True)
    with open(layout.run_times, "a") as fh:
        fh.write(json.dumps(record) + "\n")
    console.rule("[bold green]done")
    console.print(f"total {total:.1f}s")
    latest = layout.latest_report / "report.html"
    if latest.exists():
        console.print(f"report: {latest.resolve()}")
    return 0


def main() -> None:
    """``python -m arc_pipeline.defs.runner``: create the instance storage in $DAGSTER_HOME (Makefile)."""
    from arc_pipeline.config import settings_from_env

    home = settings_from_env().dagster_home
    if not home:
        raise SystemExit("DAGSTER_HOME is not set")
    open_instance(Path(home))


if __name__ == "__main__":
    main()
