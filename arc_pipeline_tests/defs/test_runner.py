"""`arc-pipeline run`: one-line causes for failed stages and bad input, and a Dagster instance that
several processes can initialise at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from arc_pipeline.config import REPO_ROOT

WORKER = textwrap.dedent("""
    import sys
    from pathlib import Path
    import dagster as dg
    from arc_pipeline.defs.runner import open_instance

    @dg.asset
    def tiny() -> int:
        return 1

    instance = open_instance(Path(sys.argv[1]))
    sys.exit(0 if dg.materialize([tiny], instance=instance).success else 1)
""")


def test_concurrent_first_runs_on_a_new_dagster_home(tmp_path):
    home = tmp_path / "brand-new-home"  # does not exist yet: the first process creates it
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    env = {"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin", "DAGSTER_DISABLE_TELEMETRY": "1"}
    procs = [subprocess.Popen([sys.executable, str(script), str(home)], env=env, cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(5)]
    outputs = [p.communicate(timeout=240)[0] for p in procs]
    failed = [out[-1500:] for p, out in zip(procs, outputs) if p.returncode != 0]
    assert not failed, failed
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
        assert len(runs) == 5 and all(r.is_success for r in runs)


def _cli(*argv: str) -> int:
    from arc_pipeline.cli import main

    return main(list(argv))


def test_unknown_profile_is_one_line_and_exit_2(capsys):
    assert _cli("run", "--profile", "nosuchprofile") == 2
    out = capsys.readouterr()
    lines = (out.out + out.err).strip().splitlines()
    assert len(lines) == 1 and "unknown profile 'nosuchprofile'" in lines[0] and "cpu-tiny" in lines[0]


def test_invalid_config_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("tasks: {train_limit: five}\n")
    monkeypatch.setenv("ARC_PIPELINE_CONFIG", str(bad))
    assert _cli("run") == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.strip().splitlines() == [f"error: {bad}: tasks.train_limit must be an int or null, got 'five'"]


@pytest.fixture
def failing_run(tmp_path, monkeypatch):
    """Environment for a run whose first stage fails with a user-facing error (a missing task folder)."""
    cfg = tmp_path / "missing.yaml"
    cfg.write_text(f"tasks: {{train_dataset: {tmp_path / 'no-such-folder'}, train_limit: 2}}\n")
    data = tmp_path / "data"
    monkeypatch.setenv("ARC_PIPELINE_CONFIG", str(cfg))
    monkeypatch.setenv("ARC_PIPELINE_DATA_DIR", str(data))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    return data


def _run(*, traceback: bool = False) -> int:
    """The runner itself: the CLI checks task folders before Dagster starts (exit 2), so a stage
    failure is reached by calling the runner directly."""
    from arc_pipeline.defs.runner import run_pipeline

    return run_pipeline(select="arc_tasks", traceback=traceback)


def test_cli_rejects_a_missing_task_folder_before_any_stage(failing_run, capsys):
    assert _cli("run", "--select", "arc_tasks") == 2
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.strip().splitlines()) == 1 and "no-such-folder" in out.err
    assert not (failing_run / "logs").exists()


def test_failed_stage_prints_its_cause_not_the_traceback(failing_run, capsys):
    assert _run() == 1
    out = capsys.readouterr().out
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "no-such-folder" in errors[0] and errors[0].startswith("error: arc_tasks:")
    assert "Stack Trace" not in out and "Traceback" not in out and len(out.splitlines()) < 8
    logs = list((failing_run / "logs").glob("run-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text()
    assert "Stack Trace" in text and "no-such-folder" in text and str(logs[0]) in out


def test_traceback_flag_prints_the_full_error(failing_run, capsys):
    assert _run(traceback=True) == 1
    out = capsys.readouterr().out
    assert "Stack Trace" in out and "load_tasks" in out


def test_runner_leaves_the_environment_alone(failing_run, monkeypatch):
    import os

    from arc_pipeline.defs.runner import run_pipeline

    monkeypatch.delenv("ARC_PIPELINE_PROFILE", raising=False)
    before = {k: v for k, v in os.environ.items() if k.startswith("ARC_PIPELINE")}
    run_pipeline(profile="gpu", select="nosuch_asset")
    assert {k: v for k, v in os.environ.items() if k.startswith("ARC_PIPELINE")} == before
