"""The offline search teacher: improving edits, honest CoTs, cached re-runs."""

from __future__ import annotations

import re

import pytest

from arc_pipeline.execution import default_executor
from arc_pipeline.parsing import extract_program
from arc_pipeline.program import validate_program
from arc_pipeline.prompts import SYSTEM_PROMPT, ExampleOutcome, render_edit_prompt
from arc_pipeline.rewards.smooth import score_programs
from arc_pipeline.tasks import ArcTask
from arc_pipeline.teachers.base import EditRequest, Teacher
from arc_pipeline.teachers.cache import CallCache
from arc_pipeline.teachers.search import SEARCH_LABEL, SearchTeacher, search_edits

INPUTS = [
    [[1, 2, 0], [0, 3, 0], [4, 0, 0]],
    [[5, 0, 0, 6], [0, 7, 0, 0]],
    [[0, 0, 8], [9, 0, 0], [1, 1, 2], [0, 3, 0]],
]
TASK = ArcTask.from_json({
    "train": [{"input": g, "output": [list(reversed(r)) for r in g]} for g in INPUTS],
    "test": [{"input": [[2, 0], [0, 4]], "output": [[0, 2], [4, 0]]}],
}, "hflip-task")
START = "def solve(I):\n    O = rotate_90(I)\n    return O\n"


def _request(n=3, seed=0) -> EditRequest:
    executor = default_executor()
    outcomes = [ExampleOutcome(r.status, r.output, r.error) for r in executor.run(START, list(TASK.train_inputs))]
    prompt = render_edit_prompt([(p.input, p.output) for p in TASK.train], START, outcomes, None)
    return EditRequest(task_id=TASK.id, prompt=prompt, system=SYSTEM_PROMPT, start_program=START,
                       task_json=TASK.train_json(), n_samples=n, seed=seed)


def test_search_teacher_improves_a_corrupted_program(tmp_path):
    executor = default_executor()
    teacher = SearchTeacher(executor, generations=3, population=8, cache=CallCache(tmp_path / "calls.duckdb"))
    assert isinstance(teacher, Teacher)
    before = score_programs([(START, TASK)], executor)[0].reward
    assert before < 1.0
    samples = teacher.sample(_request())
    assert 1 <= len(samples) <= 3
    assert [s.sample_index for s in samples] == list(range(len(samples)))
    assert not any(s.cached for s in samples)
    deltas = []
    for s in samples:
        cot, program, status = extract_program(s.text)
        assert status == "ok"
        validate_program(program)
        after = score_programs([(program, TASK)], executor)[0].reward
        dr = after - before
        deltas.append(dr)
        assert cot.startswith(SEARCH_LABEL)
        m = re.search(r"Δr = ([+-]\d+\.\d+)", cot)
        assert m, cot
        assert float(m.group(1)) == pytest.approx(dr, abs=0.006)
        assert f"{before:.2f}" in cot  # the start score is reported
    assert max(deltas) > 0
    assert deltas[0] == max(deltas)  # best first
    best_program = extract_program(samples[0].text)[1]
    assert score_programs([(best_program, TASK)], executor)[0].all_correct
    assert "flip_horizontal" in best_program or "Δr = +" in samples[0].text
    assert teacher.calls_made == 1 and teacher.cache_hits == 0


def test_second_identical_request_is_served_from_the_cache(tmp_path, monkeypatch):
    executor = default_executor()
    cache = CallCache(tmp_path / "calls.duckdb")
    first = SearchTeacher(executor, generations=3, population=8, cache=cache)
    samples = first.sample(_request())
    assert first.calls_made == 1
    assert cache.count("search") == 3  # all n stored

    second = SearchTeacher(executor, generations=3, population=8, cache=CallCache(tmp_path / "calls.duckdb"))

    def no_search(*a, **k):
        raise AssertionError("search ran although the request is cached")

    monkeypatch.setattr("arc_pipeline.teachers.search.search_edits", no_search)
    again = second.sample(_request())
    assert second.cache_hits == 1 and second.calls_made == 0
    assert all(s.cached for s in again)
    assert [s.text for s in again] == [s.text for s in samples]
    assert [s.sample_index for s in again] == [s.sample_index for s in samples]


def test_cache_key_includes_seed_and_settings(tmp_path):
    executor = default_executor()
    cache = CallCache(tmp_path / "calls.duckdb")
    teacher = SearchTeacher(executor, generations=2, population=4, cache=cache)
    teacher.sample(_request(n=2, seed=0))
    teacher.sample(_request(n=2, seed=1))  # another seed: a new search
    assert teacher.calls_made == 2 and teacher.cache_hits == 0
    other = SearchTeacher(executor, generations=3, population=4, cache=cache)
    other.sample(_request(n=2, seed=0))  # other settings: a new search
    assert other.calls_made == 1 and other.cache_hits == 0


def test_search_is_deterministic_per_seed():
    executor = default_executor()
    a = SearchTeacher(executor, generations=2, population=4).sample(_request(n=2, seed=5))
    b = SearchTeacher(executor, generations=2, population=4).sample(_request(n=2, seed=5))
    assert [s.text for s in a] == [s.text for s in b]


def test_search_edits_returns_start_and_tried():
    import random

    best, start, tried = search_edits(TASK, START, default_executor(), random.Random(0), 3, generations=2, population=4)
    assert start.program == START and start.history == ()
    assert tried > 0 and len(best) <= 3
    assert all(c is not start for c in best)
    assert best[0].score.reward >= start.score.reward


def test_sample_traces_rounds_continue_from_the_best_edit():
    import polars as pl

    from arc_pipeline.traces import TRACE_SCHEMA, sample_traces

    executor = default_executor()
    start = "def solve(I):\n    x1 = rotate_90(I)\n    O = replace_color(x1, 1, 5)\n    return O\n"
    before = score_programs([(start, TASK)], executor)[0].reward
    starts = pl.DataFrame({"task_id": [TASK.id], "program": [start], "reward": [before], "difficulty_level": ["level-3"]})
    teacher = SearchTeacher(executor, generations=1, population=2)
    rows, stats = sample_traces(starts, {TASK.id: TASK}, teacher, executor, samples_per_start=2, rounds=3, seed=0,
                                run_id="r", data_revision="rev", dsl_reference=None, progress=False)
    assert rows.schema == pl.Schema(TRACE_SCHEMA)
    assert stats.samples == rows.height and stats.accepted == rows.filter(pl.col("delta_r") > 0).height
    rounds = sorted(set(rows["round"]))
    assert rounds[0] == 0 and rows.filter(pl.col("round") == 0)["reward_before"].to_list() == [before] * 2
    for r in rounds[1:]:
        prev = rows.filter(pl.col("round") == r - 1)
        cur = rows.filter(pl.col("round") == r)
        best = prev.sort("delta_r", descending=True).row(0, named=True)
        assert best["delta_r"] > 0  # a round only follows an improvement
        assert set(cur["reward_before"]) == {best["reward_after"]}
        assert set(cur["start_program"]) == {best["edited_program"]}
        assert set(cur["start_id"]) != set(prev["start_id"])
    for r in rows.iter_rows(named=True):
        assert r["delta_r"] == pytest.approx(r["reward_after"] - r["reward_before"])
        assert r["prompt"].startswith("## Task: train examples")  # no DSL reference given
