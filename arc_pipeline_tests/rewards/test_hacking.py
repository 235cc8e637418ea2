"""The reward-hacking rules of arc_pipeline.rewards, each built from the case that found it
(issue 11.1/11.2), scored in the real sandbox."""

import doctest

import pytest

import arc_pipeline.rewards
from arc_pipeline.rewards.edit import MAX_GRID_LITERAL_CELLS, evaluate_edits, parse_edit
from arc_pipeline.rewards.smooth import RewardConfig, score_program
from arc_pipeline.rewards.trl import make_format_reward, make_trl_reward
from arc_pipeline.tasks import ArcTask, Pair

TRAIN = (Pair(((1, 0), (0, 0)), ((2, 2), (2, 2))), Pair(((0, 1), (0, 0)), ((3, 3), (3, 3))))
TASK = ArcTask("lookup", TRAIN, (Pair(((0, 0), (1, 0)), ((4, 4), (4, 4))),), "unit")
LOOKUP = """def solve(I):
    O = if_else(equals(I, ((1, 0), (0, 0))), ((2, 2), (2, 2)), if_else(equals(I, ((0, 1), (0, 0))), ((3, 3), (3, 3)), I))
    return O
"""
EMPTY = "def solve(I):\n    O = identity(I)\n    return O\n"


@pytest.fixture(scope="module")
def executor():
    from arc_pipeline.execution import default_executor

    return default_executor()


def test_package_docstring_states_the_rules():
    doc = arc_pipeline.rewards.__doc__
    assert "literal_output" in doc and "parses and validates" in doc and "dropping the tags" in doc
    assert doctest.testmod(arc_pipeline.rewards.edit).failed == 0


def test_lookup_table_is_literal_output_and_scores_zero(executor):
    assert score_program(LOOKUP, TASK, executor).reward == 1.0  # what it was paid before
    out = evaluate_edits([(f"<think>copy</think>```python\n{LOOKUP}```", TASK)], executor)[0]
    assert out.status == "literal_output" and not out.scored and out.reward == 0.0


def test_large_grid_literal_is_rejected_and_81_cells_allowed():
    row9 = "(" + ", ".join(["1"] * 9) + ")"
    nine = "(" + ", ".join([row9] * 9) + ")"
    ten = "(" + ", ".join(["(" + ", ".join(["1"] * 10) + ")"] * 9) + ")"  # 90 cells
    assert MAX_GRID_LITERAL_CELLS == 81
    assert parse_edit(f"def solve(I):\n    O = {nine}\n    return O").status == "missing_think"
    assert parse_edit(f"def solve(I):\n    O = {ten}\n    return O").status == "literal_output"


def test_grpo_lookup_scores_no_more_than_empty(executor):
    fn = make_trl_reward(lambda: executor)
    before = score_program(EMPTY, TASK, executor).reward
    cols = {"task_json": [TASK.train_json()] * 2, "reward_before": [before] * 2}
    lookup, empty = fn([f"<think>t</think>{LOOKUP}", f"<think>t</think>{EMPTY}"], **cols)
    assert lookup <= empty and lookup <= 0
    assert fn.last_details[0]["parse_status"] == "literal_output"


def test_format_reward_pays_only_for_a_valid_program():
    fmt = make_format_reward()
    cols = {"task_json": [TASK.train_json()] * 4}
    assert fmt(["<think></think>def solve(", f"<think>x</think>{EMPTY}", EMPTY, f"<think>x</think>{LOOKUP}"],
               **cols) == [0.0, 1.0, 0.5, 0.0]


def test_thinking_penalty_applies_without_tags():
    class Ex:
        def run(self, program, grids):
            from collections import namedtuple
            return [namedtuple("R", "status output")("ok", g) for g in grids]

    cfg = RewardConfig(thinking_penalty_weight=0.1, thinking_budget_tokens=10)
    fn = make_trl_reward(lambda: Ex(), config=cfg)
    prose = " ".join(["word"] * 30)
    cols = {"task_json": [TASK.train_json()] * 2, "reward_before": [0.0] * 2}
    tagged, untagged = fn([f"<think>{prose}</think>{EMPTY}", f"{prose}\n{EMPTY}"], **cols)
    assert tagged == pytest.approx(untagged)
    assert [d["penalty"] for d in fn.last_details] == pytest.approx([0.1, 0.1])


def test_with_noop_fails_doing_nothing_earns_what_a_failed_edit_earns(executor):
    """``noop_fails`` (grpo.noop_edits_fail): returning the start, a comment-only change or a
    program that computes the same outputs scores like a broken edit; a real change does not."""
    task = ArcTask("mirror", (Pair(((1, 2), (3, 4)), ((2, 1), (4, 3))), Pair(((5, 0), (0, 6)), ((0, 5), (6, 0)))),
                   (), "unit")
    start = EMPTY
    same = ["<think>keep</think>" + start,
            "<think>note</think># rule: nothing\ndef solve(I):\n    O = identity(I)\n    return O\n",
            "<think>twice</think>def solve(I):\n    x1 = rotate_180(I)\n    O = rotate_180(x1)\n    return O\n"]
    broken = "<think>?</think>def solve(I):\n    O = frobnicate(I)\n    return O\n"
    mirror = "<think>mirror</think>def solve(I):\n    O = flip_horizontal(I)\n    return O\n"
    upside = "<think>flip</think>def solve(I):\n    O = flip_vertical(I)\n    return O\n"
    texts = same + [broken, mirror, upside]
    before = score_program(start, task, executor).reward
    cols = {"task_json": [task.train_json()] * len(texts), "start_program": [start] * len(texts),
            "reward_before": [before] * len(texts)}
    plain = make_trl_reward(lambda: executor)(texts, **cols)
    assert plain[:3] == [0.0, 0.0, 0.0] and plain[3] == -before  # today: doing nothing beats trying
    fn = make_trl_reward(lambda: executor, noop_fails=True)
    scored = fn(texts, **cols)
    assert scored[:4] == [-before] * 4  # every no-op now earns what the broken edit earns
    assert [d["noop"] for d in fn.last_details] == [True, True, True, False, False, False]
    assert all(d["reward_after"] == before for d in fn.last_details[:3])  # the true reward is kept
    assert scored[4] == 1.0 - before and scored[5] == plain[5] > -before  # a real change is scored as before
    # without reward_before the start is run once and both uses agree
    cols.pop("reward_before")
    assert fn(texts, **cols) == scored
