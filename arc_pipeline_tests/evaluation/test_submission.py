"""ARC Prize submission.json per model, score-submission reproducing the report, provenance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from arc_pipeline.evaluation.provenance import checkpoint_hash, git_state, library_versions, provenance
from arc_pipeline.evaluation.refine import Attempt, RefineResult
from arc_pipeline.evaluation.report import write_report
from arc_pipeline.evaluation.scoring import eval_rows, model_summary, score_submission
from arc_pipeline.evaluation.submission import MISSING_ATTEMPT, SubmissionError, load_submission
from arc_pipeline.tasks import ArcTask

REPO = Path(__file__).resolve().parents[2]
P = "def solve(I):\n    O = identity(I)\n    return O\n"
GOOD1, GOOD2, BAD = ((5, 4), (7, 6)), ((1,),), ((9, 9), (9, 9))


def _task_json():
    return {"train": [{"input": [[1, 2]], "output": [[2, 1]]}],
            "test": [{"input": [[4, 5], [6, 7]], "output": [list(r) for r in GOOD1]},
                     {"input": [[1]], "output": [[1]]}]}


def _result(task_id, model, per_test):
    attempts = [[Attempt(g, P, 0.5, k) for k, g in enumerate(grids)] for grids in per_test]
    return RefineResult(task_id=task_id, model=model, seed=0, rounds=1, samples_per_round=1, start_program=P,
                        start_reward=0.5, best_program=P, best_reward=0.5, best_round=0, round_best_rewards=[0.5],
                        edits=[], attempts=attempts)


@pytest.fixture()
def report(tmp_path):
    """A report over 3 two-test tasks, built through the real scoring path (eval_rows)."""
    folder = tmp_path / "tasks"
    folder.mkdir()
    for t in ("t1", "t2", "t3", "t4"):  # t4 is in the task set but evaluated by nobody
        (folder / f"{t}.json").write_text(json.dumps(_task_json()))
    tasks = {t: ArcTask.from_json(_task_json(), t) for t in ("t1", "t2", "t3")}
    results = [
        _result("t1", "grpo", [[BAD, GOOD1], [GOOD2]]),  # attempt 2 solves test 0 -> 1.0
        _result("t2", "grpo", [[BAD], []]),  # one attempt, then none -> 0.0, [[0]] placeholders
        _result("t3", "grpo", [[GOOD1, BAD], [BAD, BAD]]),  # 0.5
        _result("t1", "sft", [[GOOD1], [BAD, GOOD2]]),
        _result("t2", "sft", [[BAD, BAD], [BAD]]),
        _result("t3", "sft", [[BAD], [GOOD2]]),
    ]
    rows = eval_rows(results, tasks, {}, seed=0, data_revision="rev1")
    meta = {"seed": 0, "provenance": provenance(base_model_id="tiny", model_dirs={}, data_revision="rev1",
                                                eval_tasks_hash="h")}
    paths = write_report(rows, results, tasks, meta, tmp_path / "report")
    return paths, rows, folder


def test_submission_per_model_in_arc_prize_format(report):
    paths, rows, _ = report
    assert set(paths.submissions) == {"grpo", "sft"}
    sub = json.loads(paths.submissions["grpo"].read_text())
    assert paths.submissions["grpo"] == paths.html.parent / "submissions" / "grpo" / "submission.json"
    assert list(sub) == ["t1", "t2", "t3"] and all(len(v) == 2 for v in sub.values())
    assert sub["t1"][0] == {"attempt_1": [list(r) for r in BAD], "attempt_2": [list(r) for r in GOOD1]}
    assert sub["t2"][0]["attempt_2"] == MISSING_ATTEMPT and sub["t2"][1] == {"attempt_1": [[0]], "attempt_2": [[0]]}
    listed = json.loads(paths.json.read_text())["submissions"]
    assert listed == {"grpo": "submissions/grpo/submission.json", "sft": "submissions/sft/submission.json"}
    assert "submissions/grpo/submission.json" in paths.html.read_text()
    assert "submissions/sft/submission.json" in paths.markdown.read_text()


def test_score_submission_reproduces_report_scores(report):
    paths, rows, folder = report
    official = {r["model"]: r["score"] for r in model_summary(rows).iter_rows(named=True)}
    assert official == {"grpo": 0.5, "sft": 0.5}
    from arc_pipeline.tasks import load_folder

    tasks = load_folder(folder)
    reported = json.loads(paths.json.read_text())["scores"]
    for model, path in paths.submissions.items():
        scored = score_submission(load_submission(path), tasks)
        assert scored["score"] == official[model]  # exactly, in process
        assert scored["missing"] == ["t4"] and scored["score_with_missing"] == official[model] * 3 / 4
        out = subprocess.run([sys.executable, "-m", "arc_pipeline.cli", "score-submission", str(path),
                              "--tasks", str(folder), "--json"], capture_output=True, text=True, cwd=REPO)
        assert out.returncode == 0, out.stderr
        cli = json.loads(out.stdout)
        assert cli["score"] == reported[model]  # the CLI on the written file == the report's JSON
        assert {t["task_id"]: t["score"] for t in cli["tasks"]} == {"t1": 1.0, "t2": 0.0, "t3": 0.5}
    text = subprocess.run([sys.executable, "-m", "arc_pipeline.cli", "score-submission",
                           str(paths.submissions["grpo"]), "--tasks", str(folder)],
                          capture_output=True, text=True, cwd=REPO).stdout
    assert "score: 0.5000 over 3 tasks" in text and "1 tasks of" in text and "t4" in text


@pytest.mark.parametrize("content, field", [
    ("{not json", "invalid JSON"),
    ('{"t1": [{"attempt_1": [[1]], "attempt_2": [[1]]}]}', "task t1 has 1 test entries"),
    ('{"t1": [{"attempt_2": [[1]]}, {"attempt_1": [[1]]}]}', "task t1 test 0: missing attempt_1"),
    ('{"t1": [{"attempt_1": [[1]]}, {"attempt_1": [[1, "x"]]}]}', "task t1 test 1 attempt_1: cell [0][1]"),
    ('{"zz": [{"attempt_1": [[1]]}]}', "task zz is not in the task set"),
    ('[]', "top level must be an object"),
])
def test_malformed_submission_is_one_line_exit_2(tmp_path, report, content, field):
    _, _, folder = report
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    out = subprocess.run([sys.executable, "-m", "arc_pipeline.cli", "score-submission", str(bad), "--tasks",
                          str(folder)], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and str(bad) in out.stderr and field in out.stderr, out.stderr


def test_load_submission_names_file_and_field(tmp_path):
    bad = tmp_path / "s.json"
    bad.write_text('{"a1": [{"attempt_1": [[1], [1, 2]]}]}')
    with pytest.raises(SubmissionError, match=r"s\.json: task a1 test 0 attempt_1: row 1 has 2 cells"):
        load_submission(bad)


def test_report_records_provenance(report, tmp_path):
    paths, _, _ = report
    prov = json.loads(paths.json.read_text())["provenance"]
    assert len(prov["git"]["commit"]) == 40 and isinstance(prov["git"]["dirty"], bool)
    assert set(prov["libraries"]) == {"python", "torch", "transformers", "trl", "peft", "dagster", "duckdb", "polars"}
    assert prov["libraries"]["polars"] and prov["base_model_id"] == "tiny" and prov["data_revision"] == "rev1"
    html = paths.html.read_text()
    assert "Provenance" in html and prov["git"]["commit"] in html and "base model id" in html


def test_checkpoint_hash_follows_weights_only(tmp_path):
    model = tmp_path / "merged"
    model.mkdir()
    (model / "model.safetensors").write_bytes(b"weights-v1")
    (model / "config.json").write_text("{}")
    first = checkpoint_hash(model)
    (model / "config.json").write_text('{"note": 1}')
    assert checkpoint_hash(model) == first  # configs and logs do not count
    (model / "model.safetensors").write_bytes(b"weights-v2")
    assert checkpoint_hash(model) != first and len(first) == 16
    assert checkpoint_hash(tmp_path / "missing") is None
    prov = provenance(base_model_id="Qwen/x", model_dirs={"sft": model}, data_revision="r", eval_tasks_hash="e")
    assert prov["checkpoints"]["sft"]["weights_sha256"] == checkpoint_hash(model)


def test_git_state_outside_a_repo(tmp_path):
    assert git_state(tmp_path) == {"commit": None, "dirty": None}
    assert library_versions(("no-such-package-xyz",))["no-such-package-xyz"] is None


def test_asset_descriptions_render_their_paths():
    """A ``<run>``-style placeholder is swallowed as an HTML tag by the UI ("data/reports//")."""
    import re

    from arc_pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        description = graph.get(key).description or ""
        assert not re.search(r"<[A-Za-z/][^>]*>", description), (key, description)
        assert "//" not in description.replace("://", ""), (key, description)
    eval_description = graph.get(next(k for k in graph.get_all_asset_keys() if k.to_user_string() == "eval_report")).description
    assert "data/reports/latest/report.html" in eval_description and "submission.json" in eval_description
