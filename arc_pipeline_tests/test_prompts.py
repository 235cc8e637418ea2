"""Leak-free edit prompts."""

from __future__ import annotations

from arc_pipeline.dsl.reference import render_reference
from arc_pipeline.prompts import (
    STUDENT_PROMPT_START,
    WORKED_EXAMPLE,
    ExampleOutcome,
    diff_text,
    find_leaks,
    grid_text,
    render_edit_prompt,
    render_student_prompt,
    to_student_prompt,
)
from arc_pipeline.execution import default_executor
from arc_pipeline.tasks import ArcTask

TASK = ArcTask.from_json({
    "train": [
        {"input": [[1, 2, 0], [0, 3, 0]], "output": [[0, 2, 1], [0, 3, 0]]},
        {"input": [[4, 0], [0, 5], [6, 6]], "output": [[0, 4], [5, 0], [6, 6]]},
    ],
    # a distinctive test output that appears nowhere in the train pairs
    "test": [{"input": [[7, 8, 9], [9, 8, 7]], "output": [[9, 8, 7], [7, 8, 9]]}],
}, "hflip")
PROGRAM = "def solve(I):\n    O = rotate_90(I)\n    return O\n"


def _prompt(dsl_reference=None):
    outcomes = [ExampleOutcome(r.status, r.output, r.error) for r in default_executor().run(PROGRAM, list(TASK.train_inputs))]
    pairs = [(p.input, p.output) for p in TASK.train]
    return render_edit_prompt(pairs, PROGRAM, outcomes, dsl_reference)


def test_prompt_has_train_grids_and_diff_but_no_test_output():
    prompt = _prompt(render_reference())
    for pair in TASK.train:
        assert grid_text(pair.input) in prompt
        assert grid_text(pair.output) in prompt
    assert "Diff: wrong shape: got 3x2, expected 2x3" in prompt
    assert "rotate_90(I)" in prompt  # the current program
    assert grid_text(TASK.test[0].output) not in prompt
    assert grid_text(TASK.test[0].input) not in prompt
    assert "9 8 7" not in prompt
    assert find_leaks(prompt, list(TASK.test_outputs)) == []


def test_diff_text():
    assert diff_text(((1, 2),), ((1, 2),), "ok") == "correct"
    assert diff_text(None, ((1,),), "timeout", "took too long") == "the program failed: timeout — took too long"
    assert diff_text(((1, 2),), ((1,), (2,)), "ok") == "wrong shape: got 1x2, expected 2x1"
    d = diff_text(((1, 2), (3, 4)), ((1, 0), (3, 4)), "ok")
    assert d.splitlines()[0].startswith("shape right, 3/4 pixels right")
    assert ".X" in d and "(0,1) got 2 expected 0" in d


def test_find_leaks_detects_a_planted_leak():
    prompt = _prompt(render_reference())
    leaked = prompt + "\n\nBy the way, the answer is:\n" + grid_text(TASK.test[0].output)
    train_grids = [g for p in TASK.train for g in (p.input, p.output)]
    assert find_leaks(leaked, list(TASK.test_outputs), train_grids) == [0]


def test_find_leaks_ignores_test_outputs_equal_to_a_train_grid_and_tiny_grids():
    prompt = _prompt()
    same_as_train = TASK.train[0].output
    train_grids = [g for p in TASK.train for g in (p.input, p.output)]
    assert grid_text(same_as_train) in prompt
    assert find_leaks(prompt, [same_as_train], train_grids) == []
    # without the train grids it would be reported
    assert find_leaks(prompt, [same_as_train]) == [0]
    # grids of fewer than 4 cells occur by chance and are skipped
    assert find_leaks(prompt + "\n5 5 5", [((5, 5, 5),)], train_grids) == []
    # several test outputs: only the leaked one is reported
    other = ((3, 3), (3, 3))
    assert find_leaks(prompt + "\n" + grid_text(TASK.test[0].output), [other, TASK.test[0].output], train_grids) == [1]


def test_to_student_prompt_drops_the_dsl_reference():
    reference = render_reference()
    teacher_prompt = _prompt(reference)
    assert reference.strip()[:200] in teacher_prompt
    assert "## Worked example" in teacher_prompt
    student = to_student_prompt(teacher_prompt)
    assert student.startswith(STUDENT_PROMPT_START)
    assert reference.strip()[:200] not in student
    assert WORKED_EXAMPLE.strip()[:40] not in student
    assert "## Current program" in student and "rotate_90(I)" in student
    assert to_student_prompt(student) == student


def test_the_student_prompt_is_compact_and_train_only():
    """One digit per cell (no separators), a one-line diff per example, the program; no DSL
    reference, no instruction prose, no test pair -- and several times shorter than the teacher's."""
    outcomes = [ExampleOutcome(r.status, r.output, r.error) for r in default_executor().run(PROGRAM, list(TASK.train_inputs))]
    pairs = [(p.input, p.output) for p in TASK.train]
    student = render_student_prompt(pairs, PROGRAM, outcomes)
    assert student.startswith("## ex0\nin:\n") and student.rstrip().endswith("return O")
    first_row = "".join(str(v) for v in TASK.train[0].input[0])
    assert f"in:\n{first_row}\n" in student
    assert student.count("diff: ") == len(TASK.train) and "## program\ndef solve(I):" in student
    assert render_reference().strip()[:200] not in student
    assert find_leaks(student, list(TASK.test_outputs), [g for p in TASK.train for g in (p.input, p.output)]) == []
    assert len(student) * 2 < len(_prompt(None))


def test_find_leaks_matches_whole_rows_only():
    small = ((1, 1), (1, 1))
    # the text "1 1\n1 1" occurs inside the rows of a larger grid: no leak
    assert find_leaks("Input:\n0 1 1\n1 1 0\nDone", [small]) == []
    assert find_leaks("Input:\n0 0 0\n0 0 0", [((0, 0), (0, 0))]) == []
    # as whole rows, on its own lines or after a label, it is one
    assert find_leaks("Output:\n1 1\n1 1\nDone", [small]) == [0]
    assert find_leaks("the answer is 1 1\n1 1", [small]) == [0]


def test_find_leaks_sees_a_test_output_in_the_compact_student_rendering():
    from arc_pipeline.prompts import compact_grid

    test_out = ((1, 2, 3), (4, 5, 6))
    prompt = "## ex0\nin:\n11\nout:\n" + compact_grid(test_out) + "\ndiff: correct"
    assert find_leaks(prompt, [test_out]) == [0]
    assert find_leaks(prompt.replace("123\n456", "123\n457"), [test_out]) == []
    assert find_leaks(prompt, [test_out], train_grids=[test_out]) == []  # shown legitimately as a train grid


def test_compact_diff_names_the_shape_change_per_side():
    from arc_pipeline.prompts import compact_diff

    small, big = ((1, 2), (3, 4)), tuple(tuple(0 for _ in range(6)) for _ in range(6))
    assert compact_diff(small, big, "ok") == "wrong shape 2x2, want 6x6 (rows x3, cols x3)"
    assert compact_diff(big, small, "ok") == "wrong shape 6x6, want 2x2 (rows /3, cols /3)"
    five = tuple(tuple(0 for _ in range(5)) for _ in range(3))
    assert compact_diff(small, five, "ok") == "wrong shape 2x2, want 3x5 (rows +1, cols +3)"
    assert compact_diff(small, ((1, 2),), "ok") == "wrong shape 2x2, want 1x2 (rows /2, cols same)"
    assert compact_diff(small, ((1, 0), (3, 4)), "ok") == "1/4 cells wrong"
    assert compact_diff(None, small, "timeout") == "failed (timeout)"
