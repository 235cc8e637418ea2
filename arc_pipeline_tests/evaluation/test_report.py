"""The evaluation report: self-contained HTML (base64 PNGs), markdown, context table."""

from __future__ import annotations

from arc_pipeline.evaluation.refine import Attempt, EditRecord, RefineResult
from arc_pipeline.evaluation.report import CONTEXT_LABEL, ReportPaths, write_report
from arc_pipeline.evaluation.scoring import eval_rows
from arc_pipeline.tasks import ArcTask

IDENTITY = "def solve(I):\n    O = identity(I)\n    return O\n"
HFLIP = "def solve(I):\n    O = flip_horizontal(I)\n    return O\n"


def _task(task_id):
    return ArcTask.from_json({
        "train": [{"input": [[1, 2], [3, 0]], "output": [[2, 1], [0, 3]]}],
        "test": [{"input": [[4, 5], [6, 7]], "output": [[5, 4], [7, 6]]}],
    }, task_id)


def _result(task_id, model, solved):
    good, bad = ((5, 4), (7, 6)), ((4, 5), (6, 7))
    edit = EditRecord(round=1, sample_index=0, status="ok", parent_program=IDENTITY, parent_reward=0.2,
                      program=HFLIP, reward=1.0, delta_r=0.8, thinking_tokens=12,
                      outputs_before=[((1, 2), (3, 0))], outputs_after=[((2, 1), (0, 3))])
    worse = EditRecord(round=2, sample_index=1, status="no_program", parent_program=HFLIP, parent_reward=1.0,
                       program=None, reward=0.0, delta_r=-1.0, thinking_tokens=0)
    attempts = [[Attempt(good, HFLIP, 1.0, 0), Attempt(bad, IDENTITY, 0.2, 1)]] if solved else [[Attempt(bad, IDENTITY, 0.2, 0)]]
    return RefineResult(task_id=task_id, model=model, seed=0, rounds=2, samples_per_round=2,
                        start_program=IDENTITY, start_reward=0.2, best_program=HFLIP if solved else IDENTITY,
                        best_reward=1.0 if solved else 0.2, best_round=1 if solved else 0,
                        round_best_rewards=[1.0, 1.0] if solved else [0.2, 0.2],
                        edits=[edit, worse] if solved else [worse], attempts=attempts)


def test_write_report(tmp_path):
    tasks = {t: _task(t) for t in ("t1", "t2", "t3")}
    levels = {"t1": "level-1", "t2": "level-2", "t3": "level-5"}
    refine_results = [_result("t1", "grpo", True), _result("t2", "grpo", False), _result("t3", "grpo", True),
                      _result("t1", "search-teacher", True), _result("t2", "search-teacher", True),
                      _result("t3", "search-teacher", False)]
    results = eval_rows(refine_results, tasks, levels, seed=0, data_revision="abc123")
    meta = {"seed": 0, "data_revision": "abc123", "profile": "cpu-tiny", "eval_config": {"rounds": 2}}
    paths = write_report(results, refine_results, tasks, meta, tmp_path / "reports" / "run1")

    assert isinstance(paths, ReportPaths)
    html = paths.html.read_text()
    assert paths.html.parent == tmp_path / "reports" / "run1"
    assert html.count('<img src="data:image/png;base64,') >= 3
    assert "SOAR" in html and "CodeIt" in html and "BARC" in html and "Greenblatt" in html
    assert CONTEXT_LABEL.lower() in html.lower()
    assert "abc123" in html and "cpu-tiny" in html
    assert "+    O = flip_horizontal(I)" in html  # the edit diff
    assert "<script" not in html and 'src="http' not in html  # self-contained
    md = paths.markdown.read_text()
    assert paths.markdown.suffix == ".md" and "SOAR" in md and "| model |" in md
    for image in paths.images.values():
        assert image.exists() and image.read_bytes().startswith(b"\x89PNG")
    assert paths.png is not None and paths.png.exists()
    assert paths.headline == {"grpo": round(2 / 3, 4), "search-teacher": round(2 / 3, 4)}
    assert "data:image/png;base64," in paths.markdown_snippet and "grpo" in paths.markdown_snippet


def test_write_report_without_results(tmp_path):
    import polars as pl

    from arc_pipeline.evaluation.scoring import EVAL_SCHEMA

    paths = write_report(pl.DataFrame(schema=EVAL_SCHEMA), [], {}, {"seed": 1}, tmp_path)
    assert "SOAR" in paths.html.read_text() and paths.headline == {}


def test_report_states_both_grpo_trends(tmp_path):
    """The raw quarter trend is the headline; the within-start one is labelled as secondary."""
    tasks = {"t1": _task("t1")}
    refine_results = [_result("t1", "grpo", True)]
    results = eval_rows(refine_results, tasks, {"t1": "level-1"}, seed=0, data_revision="abc123")
    training = {"grpo": {"delta_r_per_step": [-0.4, -0.2, -0.3, -0.1], "valid_rate_per_step": [0.2, 0.4, 0.3, 0.5],
                         "delta_r_trend": {"estimate": 0.3, "low": -0.05, "high": 0.6, "n": 4, "excludes_zero": False},
                         "delta_r_trend_within_start": {"estimate": 0.04, "low": 0.01, "high": 0.07, "n": 4}}}
    md = write_report(results, refine_results, tasks, {"seed": 0}, tmp_path, training=training).markdown.read_text()
    assert "+0.300 [-0.050, +0.600]" in md and "the interval includes 0" in md
    assert "centred on its start" in md and "+0.040 [+0.010, +0.070]" in md


def test_report_shows_curriculum_changes_per_round_and_after_the_last(tmp_path):
    tasks = {"t1": _task("t1")}
    refine_results = [_result("t1", "grpo", True)]
    results = eval_rows(refine_results, tasks, {"t1": "level-1"}, seed=0, data_revision="abc123")
    record = {"rows": 3, "augmented_rows": 0, "open_levels": ["level-1"], "max_completion_length": 64,
              "mean_delta_r": -0.1, "valid_rate": 0.5, "heldout": None, "reward_per_level": {}}
    training = {"grpo": {
        "round_records": [{**record, "round": 1, "actions": {"keep": 1, "locked": 1}, "changed_actions": {}},
                          {**record, "round": 2, "augmented_rows": 2, "actions": {"boost": 1, "locked": 1},
                           "changed_actions": {"t1": "keep -> boost"}}],
        "after_last_round": {"actions": {"boost": 1, "keep": 1}, "open_levels": ["level-1", "level-2"],
                             "changed_actions": {"t2": "locked -> keep"}}}}
    md = write_report(results, refine_results, tasks, {"seed": 0}, tmp_path, training=training).markdown.read_text()
    assert "| tasks changed action |" in md and "| 2 | level-1 | 1 |" in md
    assert "After the last round: levels open level-1, level-2; 1 tasks changed action (t2: locked -> keep)." in md
