"""The SFT filter: Δr > 0, top-k with coverage tie-break, per-task cap, held-out guard, dedupe."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

from arc_pipeline.dataset import (
    MAX_PER_TASK,
    SFT_SCHEMA,
    TOP_K,
    build_sft_frame,
    clean_cot,
    dataset_hash,
    format_completion,
    select_examples,
)
from arc_pipeline.parsing import extract_program
from arc_pipeline.prompts import STUDENT_PROMPT_START
from arc_pipeline.traces import TRACE_SCHEMA

REFERENCE = "# DSL reference\nrotate_90(grid) -> Grid ..."


def prompt_for(task_id: str, start_id: str) -> str:
    return f"{REFERENCE}\n\n{STUDENT_PROMPT_START}\n### Example 0 of {task_id}\n\n## Current program\n{start_id}"


def program(tag: int) -> str:
    return f"def solve(I):\n    O = rotate_90(I)\n    O{tag} = flip_horizontal(O)\n    return O{tag}\n"


def row(task_id="t1", start_id="s1", sample_index=0, delta_r=0.5, solved=(0,), status="ok", seed=0,
        cot=None, edited=None, round_=0, reward_before=0.2) -> dict:
    reward_after = None if delta_r is None else reward_before + delta_r
    return {
        "task_id": task_id, "difficulty_level": "level-3", "teacher": "search", "model": "search-v1",
        "prompt_version": "edit-v1", "prompt": prompt_for(task_id, start_id), "start_id": start_id,
        "start_program": "def solve(I):\n    O = identity(I)\n    return O\n", "reward_before": reward_before,
        "cot": cot if cot is not None else f"[search-written]\nSample {sample_index} of {start_id}.",
        "edited_program": edited if edited is not None else program(sample_index),
        "status": status, "reward_after": reward_after, "delta_r": delta_r,
        "examples_solved": None if solved is None else json.dumps(list(solved)),
        "thinking_tokens": 5, "round": round_, "sample_index": sample_index, "seed": seed, "run_id": "r",
        "data_revision": "rev", "input_tokens": 0, "output_tokens": 0, "cost_usd": 0.0, "cached": False,
        "created_at": dt.datetime(2026, 1, 1),
    }


def frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=TRACE_SCHEMA)


def kept(traces, **kw) -> set[tuple]:
    out = select_examples(frame(traces), held_out=set(), **kw)
    return {(r["task_id"], r["start_id"], r["sample_index"]) for r in out.iter_rows(named=True)}


def test_non_positive_delta_and_bad_status_are_rejected():
    traces = [
        row(sample_index=0, delta_r=0.3),
        row(sample_index=1, delta_r=0.0),
        row(sample_index=2, delta_r=-0.2),
        row(sample_index=3, delta_r=None, solved=None, status="invalid_program"),
        row(sample_index=4, delta_r=None, solved=None, status="no_program", edited=""),
        row(sample_index=5, delta_r=1e-9),
    ]
    assert kept(traces) == {("t1", "s1", 0), ("t1", "s1", 5)}
    # a positive Δr with an unusable status is still rejected
    traces = [row(sample_index=0, delta_r=0.3, status="timeout")]
    assert kept(traces) == set()


def test_top_k_per_task_and_start():
    assert TOP_K == 3
    deltas = [0.1, 0.5, 0.3, 0.4, 0.2]
    traces = [row(start_id="s1", sample_index=i, delta_r=d, solved=(i,)) for i, d in enumerate(deltas)]
    traces += [row(start_id="s2", sample_index=i, delta_r=d, solved=(i,)) for i, d in enumerate(deltas[:2])]
    traces += [row(task_id="t2", start_id="s1", sample_index=i, delta_r=d, solved=(i,)) for i, d in enumerate(deltas)]
    got = kept(traces)
    assert {k for k in got if k[:2] == ("t1", "s1")} == {("t1", "s1", 1), ("t1", "s1", 3), ("t1", "s1", 2)}
    assert {k for k in got if k[:2] == ("t1", "s2")} == {("t1", "s2", 0), ("t1", "s2", 1)}
    assert {k for k in got if k[0] == "t2"} == {("t2", "s1", 1), ("t2", "s1", 3), ("t2", "s1", 2)}


def test_coverage_tie_break_prefers_samples_solving_new_examples():
    traces = [
        row(sample_index=0, delta_r=0.5, solved=(0, 1)),
        row(sample_index=1, delta_r=0.5, solved=(0, 1)),  # same examples as sample 0: nothing new
        row(sample_index=2, delta_r=0.5, solved=(0,)),  # already covered
        row(sample_index=3, delta_r=0.5, solved=(2,)),  # solves a new example
        row(sample_index=4, delta_r=0.4, solved=(2, 3)),  # lower Δr: not a tie
    ]
    got = kept(traces)
    assert ("t1", "s1", 3) in got  # preferred over 1 and 2 although its index is higher
    assert got == {("t1", "s1", 0), ("t1", "s1", 3), ("t1", "s1", 1)}
    # with k = 2 the new-coverage sample is chosen second
    assert kept(traces, k=2) == {("t1", "s1", 0), ("t1", "s1", 3)}
    # Δr still dominates coverage: a lower Δr never beats a higher one
    traces = [row(sample_index=0, delta_r=0.6, solved=(0,)), row(sample_index=1, delta_r=0.3, solved=(1, 2, 3))]
    out = select_examples(frame(traces), held_out=set(), k=1)
    assert out["sample_index"].to_list() == [0]


def test_at_most_ten_per_task_best_first():
    assert MAX_PER_TASK == 10
    traces = [row(start_id=f"s{s}", sample_index=i, delta_r=0.1 * s + 0.01 * i + 0.01, solved=(i,))
              for s in range(5) for i in range(3)]
    out = select_examples(frame(traces), held_out=set())
    assert out.height == 10
    deltas = out["delta_r"].to_list()
    assert deltas == sorted(deltas, reverse=True)
    all_deltas = sorted((r["delta_r"] for r in traces), reverse=True)
    assert deltas == pytest.approx(all_deltas[:10])
    # other tasks are capped separately
    traces += [row(task_id="t2", start_id="a", sample_index=i, delta_r=0.2) for i in range(2)]
    out = select_examples(frame(traces), held_out=set())
    assert out.filter(pl.col("task_id") == "t1").height == 10
    assert out.filter(pl.col("task_id") == "t2").height == 2


def test_held_out_task_raises():
    traces = frame([row(task_id="t1"), row(task_id="eval-task", sample_index=0)])
    with pytest.raises(ValueError, match="held-out"):
        select_examples(traces, held_out={"eval-task"})
    with pytest.raises(ValueError, match="eval-task"):
        build_sft_frame(traces, held_out={"eval-task", "other"})
    # fine when that task is not held out
    assert build_sft_frame(traces, held_out={"other"}).height == 2


def test_dedupe_of_identical_prompt_and_completion():
    same = dict(cot="[search-written]\nReplace rotate with flip.", edited=program(7))
    traces = [
        row(sample_index=0, delta_r=0.5, solved=(0,), **same),
        row(sample_index=1, delta_r=0.5, solved=(1,), **same),  # identical prompt + completion
        row(sample_index=0, delta_r=0.5, solved=(0,), seed=1, **same),  # another seed, same pair
        row(sample_index=2, delta_r=0.4, solved=(0,)),
    ]
    out = build_sft_frame(frame(traces), held_out=set())
    assert out.height == 2
    assert out.select("prompt", "completion").n_unique() == out.height


def test_build_sft_frame_rows():
    # t1's edit reaches every train output (0.2 + 0.8 = 1.0): its completion may state the rule
    traces = [row(sample_index=0, delta_r=0.8, cot="[search-written]\nOkay, rows are mirrored.\nrows are mirrored."),
              row(task_id="t2", sample_index=0, delta_r=0.3, cot="Hmm, swap 1 and 2.", )]
    traces[1]["teacher"] = "anthropic"
    out = build_sft_frame(frame(traces), held_out=set(), rules={"t1": "mirror the rows"})
    assert out.schema == pl.Schema(SFT_SCHEMA)
    rows = {r["task_id"]: r for r in out.iter_rows(named=True)}
    r1, r2 = rows["t1"], rows["t2"]
    # student prompt: the DSL reference is dropped
    assert r1["prompt"].startswith(STUDENT_PROMPT_START) and REFERENCE not in r1["prompt"]
    # completion: <think>clean CoT</think> + a python block with the rule comment
    assert r1["completion"].startswith("<think>Rows are mirrored.</think>\n```python\n# rule: mirror the rows\ndef solve(I):")
    assert r1["completion"].endswith("\n```")
    cot, prog, status = extract_program(r1["completion"])
    assert status == "ok" and cot == "Rows are mirrored." and "flip_horizontal" in prog
    assert r1["cot_source"] == "search-written" and r2["cot_source"] == "anthropic"
    # t2 has no verified rule and its edit is partial: the comment says what the program reaches
    assert r2["completion"].startswith("<think>Swap 1 and 2.</think>\n```python\n# partial edit: train examples 0 right")
    assert r1["delta_r"] == pytest.approx(0.8) and r1["reward_after"] == pytest.approx(1.0)


def test_format_completion():
    assert format_completion("why", "def solve(I):\n    return I\n") == "<think>why</think>\n```python\ndef solve(I):\n    return I\n```"
    # a program that already starts with its comment keeps it as is
    assert format_completion("c", "# own rule\ndef solve(I):\n    return I", rule="other") == \
        "<think>c</think>\n```python\n# own rule\ndef solve(I):\n    return I\n```"


def test_dataset_hash_is_deterministic_and_content_sensitive():
    traces = [row(start_id=f"s{s}", sample_index=i, delta_r=0.1 * (i + 1), solved=(i,)) for s in range(3) for i in range(4)]
    a = build_sft_frame(frame(traces), held_out=set())
    b = build_sft_frame(frame(list(reversed(traces))), held_out=set())  # input order does not matter
    assert a.equals(b)
    assert dataset_hash(a) == dataset_hash(b) == dataset_hash(a.clone())
    assert len(dataset_hash(a)) == 16
    changed = [dict(r) for r in traces]
    changed[-1]["cot"] = "[search-written]\nA different explanation."
    c = build_sft_frame(frame(changed), held_out=set())
    assert dataset_hash(c) != dataset_hash(a)
    # one completion edited directly
    d = a.with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("x")).otherwise(pl.col("completion")).alias("completion"))
    assert dataset_hash(d) != dataset_hash(a)
    assert dataset_hash(a.head(0)) == dataset_hash(a.head(0))


def test_clean_cot_rules():
    assert clean_cot(None) == "" and clean_cot("") == ""
    # the label is dropped
    assert clean_cot("[search-written]\nThe output is mirrored.") == "The output is mirrored."
    # filler openers are dropped (and the rest capitalised)
    assert clean_cot("Okay, the output is mirrored.") == "The output is mirrored."
    assert clean_cot("Hmm, rows flip.") == "Rows flip."
    assert clean_cot("Let me think. Colours swap.") == "Colours swap."
    assert clean_cot("Let's see, two objects.") == "Two objects."
    assert clean_cot("Let me think") == ""
    # exact repeated lines are dropped
    assert clean_cot("A line.\nB line.\nA line.") == "A line.\nB line."
    # runs of spaces collapse, blank lines go
    assert clean_cot("a   b \t c\n\n\n  d") == "A b c\nD"
    # capped at a line boundary
    text = "\n".join(f"line number {i:03d}" for i in range(300))
    out = clean_cot(text, max_chars=100)
    assert len(out) <= 100 and out.endswith("Line number " + out.splitlines()[-1][-3:])
    assert all(line in text.replace("line", "Line") for line in out.splitlines())
    assert len(clean_cot(text)) <= 2000
    # the docstring example
    assert clean_cot("[search-written]\nOkay, the output is mirrored.\nThe output is mirrored.\nSo rows flip.") == \
        "The output is mirrored.\nRows flip."


def test_a_partial_edit_never_states_the_verified_rule():
    """The seed's leaky-trace worry: the verified rule appears only where the edit reproduces
    every train output; a partial fix says what it reaches instead."""
    rule = "Each colour is replaced by its fixed partner."
    partial = row(task_id="t1", start_id="s1", sample_index=0, delta_r=0.3, solved=(1,), reward_before=0.2)
    full = row(task_id="t2", start_id="s2", sample_index=0, delta_r=0.8, solved=(0, 1, 2), reward_before=0.2)
    out = build_sft_frame(frame([partial, full]), set(), {"t1": rule, "t2": rule},
                          n_examples={"t1": 3, "t2": 3})
    by_task = {r["task_id"]: r["completion"] for r in out.iter_rows(named=True)}
    assert rule not in by_task["t1"]
    assert "# partial edit: train examples 1 right (1/3)" in by_task["t1"]
    assert f"# rule: {rule}" in by_task["t2"]
    for completion in by_task.values():  # still a parseable completion: think + program
        cot, program, status = extract_program(completion)
        assert status == "ok" and program and "def solve(I):" in program


def test_student_prompt_function_renders_the_prompt_and_cot_is_capped():
    calls = []

    def student(task_id, start):
        calls.append((task_id, start))
        return f"## ex0\nin:\n12\nout:\n21\ndiff: 2/2 cells wrong\n## program\n{start.strip()}"

    long_cot = "\n".join(f"Observation number {i} about the grid." for i in range(50))
    out = build_sft_frame(frame([row(cot=long_cot)]), set(), student_prompt=student, max_cot_chars=120)
    (r,) = out.iter_rows(named=True)
    assert calls == [("t1", row()["start_program"])] and r["prompt"].startswith("## ex0")
    think = r["completion"].split("</think>")[0].removeprefix("<think>")
    assert 0 < len(think) <= 120 and think.endswith("grid.")


def test_lint_flagged_and_rejected_traces_are_dropped_and_counted():
    from arc_pipeline.dataset import drop_flagged_and_rejected
    from arc_pipeline.traces import TRACE_KEY

    rows = [row(sample_index=i) for i in range(4)]
    rows[0]["lint_flags"], rows[1]["lint_flags"], rows[2]["lint_flags"] = ["colour_arithmetic"], ["over_budget"], []
    traces = frame(rows)  # rows[3]: never linted (null) counts as clean
    out, counts = drop_flagged_and_rejected(traces, ["colour_arithmetic"], frame([rows[2]]).select(TRACE_KEY))
    assert sorted(out["sample_index"].to_list()) == [1, 3]
    assert counts == {"lint_flagged": 1, "review_rejected": 1}
    out, counts = drop_flagged_and_rejected(traces, [])  # configurable: keep flagged traces
    assert out.height == 4 and counts == {"lint_flagged": 0, "review_rejected": 0}
    with pytest.raises(ValueError, match=r"dataset.drop_lint_flags.*'blabber'"):
        drop_flagged_and_rejected(traces, ["blabber"])
