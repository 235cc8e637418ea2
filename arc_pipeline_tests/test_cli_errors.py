"""CLI rough edges (issue 15): each bad argument is one line + exit 2, pipes and help behave.

The real CLI runs in a subprocess, so the exit code, stderr and a closed pipe are what a shell sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "arc_pipeline.cli", *args], capture_output=True, text=True,
                          cwd=REPO, env=full_env, timeout=300)


def _one_line_error(out: subprocess.CompletedProcess, *needles: str) -> None:
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith("error: ")
    for needle in needles:
        assert needle in out.stderr, out.stderr


def test_score_prints_the_validator_reason_and_line(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("def solve(I):\n    O = make_it_red(I)\n    return O\n")
    out = _cli("score", "--task", "007bbfb7", "--program", str(program))
    assert out.returncode == 0
    assert "invalid_program: line 2: name 'make_it_red' is neither a DSL primitive nor assigned earlier" in out.stdout
    js = json.loads(_cli("score", "--task", "007bbfb7", "--program", str(program), "--json").stdout)
    assert js["error"] == {"kind": "invalid_program", "line": 2,
                           "message": "name 'make_it_red' is neither a DSL primitive nor assigned earlier"}
    program.write_text("def solve(I):\n    O = (\n")
    js = json.loads(_cli("score", "--task", "007bbfb7", "--program", str(program), "--json").stdout)
    assert js["error"]["kind"] == "syntax_error" and js["error"]["line"] == 2


def test_score_json_floats_are_rounded(tmp_path):
    program = tmp_path / "wrong.py"
    program.write_text("def solve(I):\n    O = rotate_90(I)\n    return O\n")
    out = _cli("score", "--task", "007bbfb7", "--program", str(program), "--json")
    assert '"reward": 0.1,' in out.stdout and "0000000" not in out.stdout
    assert json.loads(out.stdout)["error"] is None


def test_score_missing_task_file(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("def solve(I):\n    return I\n")
    _one_line_error(_cli("score", "--task-file", "missing.json", "--program", str(program)),
                    "missing.json", "No such file")


def test_run_unknown_profile():
    _one_line_error(_cli("run", "--profile", "nosuchprofile"), "unknown profile 'nosuchprofile'", "cpu-tiny")


def test_run_malformed_task_folder(tmp_path):
    folder = tmp_path / "tasks"
    folder.mkdir()
    (folder / "badtask.json").write_text('{"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[1]]}]}')
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text(f"profile: cpu-tiny\ntasks:\n  slice: all\n  train_dataset: {folder}\n")
    out = _cli("run", "--select", "arc_tasks", env={"ARC_PIPELINE_CONFIG": str(cfg),
                                                    "ARC_PIPELINE_DATA_DIR": str(tmp_path / "data"),
                                                    "DAGSTER_HOME": str(tmp_path / "dh")})
    _one_line_error(out, "badtask.json", "test[0]: missing 'output'")
    assert not (tmp_path / "data" / "warehouse.duckdb").exists()  # nothing half-written


def test_run_select_accepts_dagster_syntax():
    from arc_pipeline.defs.runner import resolve_selection

    assert resolve_selection("group:traces") == "baseline_programs,edit_traces"
    assert resolve_selection("edit_traces+") == "edit_traces,sft_dataset"
    assert resolve_selection("arc_tasks, key:eval_report") == "arc_tasks,eval_report"
    assert resolve_selection("*") == "*"
    with pytest.raises(ValueError, match="'group:nosuch' matches no asset"):
        resolve_selection("group:nosuch")
    _one_line_error(_cli("run", "--select", "bad(("), "--select 'bad(('", "group:traces")


def test_verify_unknown_task_and_wrong_split():
    _one_line_error(_cli("verify", "--task", "deadbeef"), "deadbeef")
    _one_line_error(_cli("verify", "--task", "007bbfb7", "--split", "evaluation"),
                    "007bbfb7", "arc-agi-1/evaluation", "arc-agi-1/training")


def test_piped_command_closed_early_is_quiet():
    proc = subprocess.Popen([sys.executable, "-m", "arc_pipeline.cli", "reference"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    proc.stdout.close()  # the reader is gone before the first write, like `| head` after its lines
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "BrokenPipeError" not in err and "Traceback" not in err and err == ""
    assert proc.returncode == 141


def test_tables_are_not_cut_when_piped():
    out = _cli("verify", "--task", "007bbfb7", "--task", "0d3d703e")
    assert out.returncode == 0
    header = next(line for line in out.stdout.splitlines() if "solvers" in line and "data revision" in line)
    for column in ("tasks in split", "data revision", "python", "PYTHONHASHSEED", "seconds"):
        assert column in header
    assert "…" not in out.stdout


def test_bench_table_is_readable_when_piped(capsys):
    from arc_pipeline.cli import _print_table

    columns = ["sandboxed_evals_per_s", "in_process_evals_per_s", "overhead_factor", "solvers", "workers",
               "repeats", "seconds_total"]
    _print_table("sandbox benchmark", columns, [[1234.5, 98765.4, 80.0, 400, 2, 3, 12.5]])
    text = capsys.readouterr().out
    assert all(c in text for c in columns) and "…" not in text


def test_every_option_has_help_version_and_plain_top_help():
    import argparse

    from arc_pipeline.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"{name} {action.option_strings} has no help text"
    top = _cli("--help").stdout
    assert "``" not in top and "`" not in top
    version = _cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("arc-pipeline ")


def test_json_floats_rounded():
    from arc_pipeline.cli import _dumps

    assert _dumps({"a": 0.1 + 0.2, "b": [1 / 3, 2], "c": "x"}) == '{"a": 0.3, "b": [0.333333, 2], "c": "x"}'


def test_probe_names_a_directory_that_is_not_a_model(tmp_path):
    _one_line_error(_cli("probe", str(tmp_path)), str(tmp_path), "not a model directory")
