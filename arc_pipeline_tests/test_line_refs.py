"""Line references (arc_pipeline.line_refs): the student keeps a line of the program it edits by
writing ``@k``; every place that scores a student answer expands them against that program."""

from __future__ import annotations

import doctest
import random

import pytest

import arc_pipeline.line_refs as line_refs
from arc_pipeline.evaluation.refine import refine_many
from arc_pipeline.line_refs import encode_completion, encode_documents, expand_refs, tag_program
from arc_pipeline.mutations import mutate
from arc_pipeline.prompts import ExampleOutcome, render_student_prompt
from arc_pipeline.rewards.edit import parse_edit
from arc_pipeline.rewards.smooth import score_program
from arc_pipeline.rewards.trl import make_format_reward, make_trl_reward
from arc_pipeline.solutions import load_solutions
from arc_pipeline.tasks import ArcTask

INPUTS = [[[1, 2, 0], [0, 3, 0]], [[5, 0, 0], [0, 7, 0]], [[0, 0, 8], [9, 0, 0]]]
TASK = ArcTask.from_json({
    "train": [{"input": g, "output": [list(reversed(r)) * 2 for r in g]} for g in INPUTS],
    "test": [{"input": [[4, 4, 1]], "output": [[1, 4, 4, 1, 4, 4]]}],
}, "flip-tile")
# right first step, wrong second: a near-solution start the student should edit, not rewrite
START = "def solve(I):\n    x = flip_horizontal(I)\n    O = tile(x, 2, 1)\n    return O\n"
FIXED = "def solve(I):\n    x = flip_horizontal(I)\n    O = tile(x, 1, 2)\n    return O\n"
ANSWER = "<think>the tile is wrong</think>\n```python\ndef solve(I):\n    @1\n    O = tile(x, 1, 2)\n    @3\n```"


@pytest.fixture(scope="module")
def executor():
    from arc_pipeline.execution import default_executor

    return default_executor()


def prompt_for(program: str) -> str:
    pairs = [(p.input, p.output) for p in TASK.train]
    return render_student_prompt(pairs, program, [ExampleOutcome("ok", None)] * len(pairs))


def test_doctests():
    assert doctest.testmod(line_refs).failed == 0


def test_student_prompt_tags_each_statement_of_the_current_program():
    prompt = prompt_for(START)
    assert prompt.endswith("@1 x = flip_horizontal(I)\n    @2 O = tile(x, 2, 1)\n    @3 return O")
    assert "def solve(I):" in prompt  # the header is not a statement


def test_encode_then_expand_gives_back_every_verified_program_and_its_corruptions():
    """Round trip on the real verified programs and their corruptions: what the student is
    taught to write expands to exactly the training completion, whatever the start."""
    rng = random.Random(0)
    programs = sorted(load_solutions().values())[:60]
    shortened = 0
    for target in programs:
        corrupted = mutate(target, rng)
        for start in [target, corrupted.program if corrupted else target]:
            completion = f"<think>t</think>\n```python\n# rule: r\n{target.strip()}\n```"
            encoded = encode_completion(prompt_for(start), completion)
            assert expand_refs(encoded, start) == completion
            shortened += len(encoded) < len(completion)
    assert shortened >= len(programs)  # a start identical to its target is all references


def test_an_answer_keeps_a_start_line_by_reference_and_is_scored_on_the_expansion(executor):
    expanded = expand_refs(ANSWER, START)
    assert "x = flip_horizontal(I)" in expanded and "@" not in expanded
    assert score_program(parse_edit(expanded).program, TASK, executor).reward == 1.0


def test_references_add_only_lines_of_the_start_program():
    """A reference cannot bring in anything the prompt did not show: every line an expansion adds
    is a statement of the start."""
    rng = random.Random(1)
    start_lines = {s for _, s in line_refs.statement_lines(START)}
    for _ in range(200):
        refs = [f"    @{rng.randint(0, 6)}" for _ in range(rng.randint(1, 5))]
        answer = "<think>x</think>def solve(I):\n" + "\n".join(refs)
        added = set(expand_refs(answer, START).splitlines()) - set(answer.splitlines())
        assert {line.strip() for line in added} <= start_lines


def test_unknown_reference_and_references_in_the_cot_are_not_expanded():
    answer = "<think>\n@1\n</think>def solve(I):\n    @1\n    O = tile(x, 1, 2)\n    @7\n    return O"
    expanded = expand_refs(answer, START)
    assert expanded.startswith("<think>\n@1\n</think>")  # the CoT is never rewritten
    assert "    @7" in expanded
    assert parse_edit(expanded).status == "syntax_error" and not parse_edit(expanded).usable
    assert expand_refs(answer, None) == answer  # nothing to refer to: unchanged


def test_encode_documents_leaves_plain_texts_and_switch_off_alone():
    doc = {"prompt": prompt_for(START), "completion": f"<think>t</think>{FIXED}"}
    plain = {"prompt": None, "completion": FIXED}
    on = encode_documents([doc, plain], True)
    assert "@1" in on[0]["completion"] and on[1] == plain
    assert encode_documents([doc], False) == [doc]


def test_grpo_reward_and_format_reward_expand_against_the_rows_start_program(executor):
    before = score_program(START, TASK, executor).reward
    assert before < 1.0
    fn = make_trl_reward(lambda: executor)
    cols = {"task_json": [TASK.train_json()] * 2, "reward_before": [before] * 2, "start_program": [START] * 2}
    fixed, unknown = fn([ANSWER, ANSWER.replace("@3", "@9")], **cols)
    assert fixed == pytest.approx(1.0 - before)
    assert fn.last_details[0]["program"].count("flip_horizontal") == 1
    assert fn.last_details[1]["parse_status"] == "syntax_error" and unknown == pytest.approx(-before)
    assert make_format_reward()([ANSWER, ANSWER], **cols) == [1.0, 1.0]
    # without the start program the same answer is not a program
    assert make_trl_reward(lambda: executor)([ANSWER], task_json=[TASK.train_json()], reward_before=[before]) \
        == [pytest.approx(-before)]


class RefProposer:
    """Always answers with references into whatever program it is shown."""

    name = "refs"

    def propose(self, requests, n, seed):
        return [[ANSWER] * n for _ in requests]


def test_refinement_expands_references_against_the_program_it_shows(executor):
    result = refine_many([TASK], RefProposer(), executor, rounds=1, samples_per_round=2,
                         start_program={TASK.id: START})[0]
    edit = result.edits[0]
    assert edit.program.count("x = flip_horizontal(I)") == 1 and edit.reward == 1.0
