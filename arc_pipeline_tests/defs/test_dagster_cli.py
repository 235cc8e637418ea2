"""The Dagster commands the README names: `dg check defs`, and `dagster job backfill` of all levels
into a queue that runs one at a time (instance settings from defs/dagster.yaml)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arc_pipeline.config import REPO_ROOT

BIN = Path(sys.executable).parent


def _env(tmp_path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "DAGSTER_HOME": str(tmp_path / "home"),
           "ARC_PIPELINE_DATA_DIR": str(tmp_path / "data"), "DAGSTER_DISABLE_TELEMETRY": "1"}
    env.pop("ARC_PIPELINE_CONFIG", None)
    return env


def test_no_dagster_yaml_in_the_repository_root():
    # dagster dev started in the root ignores (and warns about) it when DAGSTER_HOME is elsewhere
    assert not (REPO_ROOT / "dagster.yaml").exists()


def test_open_instance_writes_and_refreshes_the_run_queue_limit(tmp_path):
    from arc_pipeline.defs.runner import INSTANCE_YAML, open_instance

    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("# Copied into $DAGSTER_HOME by `make install`.\n"
                                       "run_queue:\n  max_concurrent_runs: 4\n")
    instance = open_instance(home)
    assert (home / "dagster.yaml").read_text() == INSTANCE_YAML.read_text()
    assert instance.run_coordinator.get_run_queue_config().max_concurrent_runs == 1
    (home / "dagster.yaml").write_text("run_queue:\n  max_concurrent_runs: 3\n")  # the user's own: kept
    assert open_instance(home).run_coordinator.get_run_queue_config().max_concurrent_runs == 3


@pytest.mark.skipif(shutil.which("dg", path=str(BIN)) is None, reason="dagster-dg-cli not installed")
def test_dg_check_defs_exits_0(tmp_path):
    proc = subprocess.run([str(BIN / "dg"), "check", "defs"], cwd=REPO_ROOT, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "All definitions loaded successfully" in proc.stdout + proc.stderr


def test_readme_backfill_command_queues_one_run_per_level(tmp_path):
    from arc_pipeline.baselines import LEVELS
    from arc_pipeline.defs.runner import open_instance

    open_instance(tmp_path / "home")  # what `make instance` does
    cmd = [str(BIN / "dagster"), "job", "backfill", "-w", "workspace.yaml", "-j", "edit_traces_job",
           "--all", "all", "--noprompt"]
    proc = subprocess.run(cmd, cwd=REPO_ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    import dagster as dg

    with dg.DagsterInstance.from_config(str(tmp_path / "home")) as instance:
        runs = instance.get_runs()
        assert sorted(r.tags.get("dagster/partition") for r in runs) == sorted(LEVELS)
        assert all(r.status == dg.DagsterRunStatus.QUEUED for r in runs)  # the daemon launches them one at a time
        assert instance.run_coordinator.get_run_queue_config().max_concurrent_runs == 1


def _readme_dagster_commands() -> list[list[str]]:
    """The `.venv/bin/...` commands of the README's "Backfills and schedules" code blocks, cut at
    their first option: the executable and its subcommands."""
    import re
    import shlex

    text = (REPO_ROOT / "README.md").read_text()
    section = text[text.index("## Backfills and schedules"):]
    section = section[:section.index("\n## ", 3)]
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", section, flags=re.S):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            start = next((i for i, w in enumerate(words) if w.startswith(".venv/bin/")), None)
            if start is None:
                continue
            head = [words[start].removeprefix(".venv/bin/")]
            for w in words[start + 1:]:
                if w.startswith("-") or "/" in w and head[0] != "python":
                    break
                head.append(w)
            commands.append(head)
    return commands


def test_readme_dagster_commands_exist():
    commands = _readme_dagster_commands()
    assert ["dg", "check", "defs"] in commands and ["dagster", "job", "backfill"] in commands, commands
    assert ["python", "benchmarks/bench_backfill.py"] in commands, commands
    for head in commands:
        exe = shutil.which(head[0], path=str(BIN))
        assert exe, f"README names {head[0]}, which is not in {BIN}"
        proc = subprocess.run([exe, *head[1:], "--help"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
        assert proc.returncode == 0, f"`{' '.join(head)} --help` failed: {proc.stderr[-1000:]}"
