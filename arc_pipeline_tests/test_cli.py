"""`arc-pipeline score` and `verify`: a score for any program, an error only for bad usage."""

import json

import pytest

from arc_pipeline.cli import main
from arc_pipeline.solutions import PROGRAM_DIR


def _score(capsys, *args):
    code = main(["score", *args, "--json"])
    captured = capsys.readouterr()
    _score.last_err = captured.err
    return code, (json.loads(captured.out) if captured.out.strip() else None)


def test_score_correct_program(capsys):
    code, out = _score(capsys, "--task", "007bbfb7", "--program", str(PROGRAM_DIR / "007bbfb7.py"))
    assert code == 0 and out["reward"] == 1.0 and all(out["test_correct"])
    assert {"status", "shape_ok", "pixel_accuracy", "reward"} <= set(out["examples"][0])


def test_score_wrong_program_is_a_score(capsys, tmp_path):
    program = tmp_path / "wrong.py"
    program.write_text("def solve(I):\n    O = rotate_90(I)\n    return O\n")
    code, out = _score(capsys, "--task", "007bbfb7", "--program", str(program))
    assert code == 0 and out["reward"] == pytest.approx(0.1) and not any(out["test_correct"])
    assert all(e["shape_ok"] is False for e in out["examples"])


def test_score_malicious_program_is_contained(capsys, tmp_path):
    marker = tmp_path / "pwned"
    program = tmp_path / "evil.py"
    program.write_text(f"import os\ndef solve(I):\n    x = open({str(marker)!r})\n    return I\n")
    code, out = _score(capsys, "--task", "007bbfb7", "--program", str(program))
    assert code == 0 and out["reward"] == 0.0
    assert {e["status"] for e in out["examples"]} == {"invalid_program"}
    assert not marker.exists()


def test_score_bad_task_id_is_usage_error(capsys, tmp_path):
    program = tmp_path / "p.py"
    program.write_text("def solve(I):\n    return I\n")
    code, out = _score(capsys, "--task", "not-a-task", "--program", str(program))
    assert code == 2 and out is None
    assert "not-a-task" in _score.last_err


def test_verify_json_subset(capsys):
    code = main(["verify", "--json", "--task", "007bbfb7", "--task", "0d3d703e"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["passed"] == 2 and out["failed"] == 0
    assert out["data_revision"] and out["python"].startswith("CPython")
    assert all(t["output_digest"] for t in out["tasks"])


def test_verification_agrees_under_two_hash_seeds():
    from arc_pipeline.solutions.verify import verify_under_hash_seeds

    # object-heavy solvers, where set iteration order would show first
    ids = ["0b148d64", "1f85a75f", "6e82a1ae", "a61ba2ce", "d2abd087", "e509e548"]
    out = verify_under_hash_seeds(["1", "4242"], sum((["--task", t] for t in ids), []))
    assert out["passed"] == {"1": len(ids), "4242": len(ids)}
    assert out["disagreements"] == []
