import doctest
import json
from collections import namedtuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arc_pipeline.parsing
import arc_pipeline.rewards.edit
import arc_pipeline.rewards.smooth
import arc_pipeline.rewards.trl
from arc_pipeline.parsing import completion_text, count_tokens, extract_program
from arc_pipeline.rewards.trl import make_trl_reward
from arc_pipeline.rewards.smooth import (
    DEFAULT_REWARD,
    ExampleScore,
    RewardConfig,
    apply_thinking_penalty,
    delta,
    delta_r,
    example_reward,
    example_score_from_grids,
    pixel_accuracy,
    score_program,
    task_reward,
    test_correct,
    thinking_penalty,
)
from arc_pipeline.tasks import ArcTask, Pair

R = namedtuple("R", "status output")


def flip(g):
    return tuple(tuple(reversed(r)) for r in g)


IDENTITY = "def solve(I):\n    return I\n"
FLIP = "def solve(I):\n    O = flip_horizontal(I)\n    return O\n"
CRASH = "def solve(I):\n    O = cell_color(I, 99, 99)\n    return O\n"

TRAIN = (
    Pair(((1, 2, 3), (4, 5, 6)), ((3, 2, 1), (6, 5, 4))),
    Pair(((1, 1), (2, 3)), ((1, 1), (3, 2))),
)
TEST = (Pair(((7, 8),), ((8, 7),)),)
TASK = ArcTask("fliptask", TRAIN, TEST, "unit")


class FakeExecutor:
    """Maps known program texts to Python functions; records every call."""

    def __init__(self):
        self.table = {IDENTITY: lambda g: g, FLIP: flip}
        self.calls = []

    def run(self, program, grids):
        self.calls.append((program, tuple(grids)))
        fn = self.table.get(program)
        if fn is None:
            return [R("runtime_error", None) for _ in grids]
        return [R("ok", fn(g)) for g in grids]


# --------------------------------------------------------------------------- pure scoring


def test_doctests():
    for module in (arc_pipeline.rewards.smooth, arc_pipeline.rewards.edit, arc_pipeline.rewards.trl,
                   arc_pipeline.parsing):
        result = doctest.testmod(module)
        assert result.attempted > 0
        assert result.failed == 0


def test_perfect_is_one():
    g = ((1, 2), (3, 4))
    s = example_reward(R("ok", g), g)
    assert s == ExampleScore("ok", True, 1.0, 1.0)
    assert task_reward([R("ok", g)] * 3, [g] * 3).reward == 1.0
    assert task_reward([R("ok", g)] * 3, [g] * 3).all_correct


def test_wrong_shape():
    exp = ((1, 2), (3, 4))
    s = example_reward(R("ok", ((1, 2, 3),)), exp)
    assert s.reward == pytest.approx(0.1) and not s.shape_ok and s.pixel_accuracy == 0.0
    s = example_reward(R("ok", ((1, 2), (3, 4), (5, 6))), exp)
    assert s.reward <= 0.1


@pytest.mark.parametrize("status", ["syntax_error", "invalid_program", "runtime_error", "timeout", "memory_limit", "bad_output"])
def test_failed_status_is_zero(status):
    s = example_reward(R(status, ((1,),)), ((1,),))
    assert s.reward == 0.0 and s.status == status


@pytest.mark.parametrize("output", [None, 3, ((1, 2), (3,)), ((10,),), (), "x", ((True,),)])
def test_ok_but_not_a_grid_is_zero(output):
    s = example_reward(R("ok", output), ((1,),))
    assert s.reward == 0.0 and s.status == "bad_output"


def test_list_output_tolerated():
    assert example_reward(R("ok", [[1, 2]]), ((1, 2),)).reward == 1.0


def test_partial_pixels():
    exp = ((1, 2), (3, 4))
    s = example_reward(R("ok", ((1, 2), (3, 0))), exp)
    assert s.pixel_accuracy == 0.75
    assert s.reward == pytest.approx(0.2 + 0.8 * 0.75**10)
    assert pixel_accuracy(((0, 0), (0, 0)), exp) == 0.0
    assert example_reward(R("ok", ((0, 0), (0, 0))), exp).reward == pytest.approx(0.2)


def test_config_changes_weights():
    cfg = RewardConfig(valid_grid_bonus=0.0, shape_bonus=0.5, pixel_weight=0.5, pixel_exponent=1)
    s = example_reward(R("ok", ((1, 2), (3, 0))), ((1, 2), (3, 4)), cfg)
    assert s.reward == pytest.approx(0.5 + 0.5 * 0.75)
    with pytest.raises(ValueError):
        RewardConfig(pixel_exponent=0)
    with pytest.raises(ValueError):
        RewardConfig(thinking_budget_tokens=0)


grids = st.integers(1, 8).flatmap(
    lambda h: st.integers(1, 8).flatmap(
        lambda w: st.lists(st.lists(st.integers(0, 9), min_size=w, max_size=w), min_size=h, max_size=h)
    )
)


@settings(max_examples=60, deadline=None)
@given(grid=grids, data=st.data())
def test_monotone_in_pixel_accuracy(grid, data):
    expected = tuple(tuple(r) for r in grid)
    h, w = len(expected), len(expected[0])
    cells = data.draw(st.permutations([(r, c) for r in range(h) for c in range(w)]))
    rewards = []
    current = [list(r) for r in expected]
    rewards.append(example_score_from_grids(tuple(map(tuple, current)), expected).reward)
    for r, c in cells:
        current[r][c] = (current[r][c] + 1) % 10
        rewards.append(example_score_from_grids(tuple(map(tuple, current)), expected).reward)
    assert rewards[0] == 1.0
    assert all(a >= b for a, b in zip(rewards, rewards[1:]))
    assert rewards[-1] == pytest.approx(0.2)
    assert all(0.2 - 1e-12 <= r <= 1.0 for r in rewards)


def test_mean_over_examples():
    exp = [((1,),), ((2,),), ((3, 3),)]
    results = [R("ok", ((1,),)), R("timeout", None), R("ok", ((3,),))]
    score = task_reward(results, exp)
    assert [e.reward for e in score.examples] == [1.0, 0.0, pytest.approx(0.1)]
    assert score.reward == pytest.approx(1.1 / 3)
    assert not score.all_correct
    with pytest.raises(ValueError):
        task_reward(results[:2], exp)
    with pytest.raises(ValueError):
        task_reward([], [])


def test_thinking_penalty():
    assert DEFAULT_REWARD.thinking_penalty_weight == 0
    for n in (0, None, 10, 10**7):
        assert thinking_penalty(n) == 0.0
        assert apply_thinking_penalty(0.3, n) == 0.3
    cfg = RewardConfig(thinking_penalty_weight=0.2, thinking_budget_tokens=100, thinking_penalty_max=0.1)
    assert thinking_penalty(100, cfg) == 0.0
    assert thinking_penalty(125, cfg) == pytest.approx(0.05)
    values = [thinking_penalty(n, cfg) for n in range(0, 5000, 37)]
    assert all(0.0 <= v <= 0.1 for v in values)
    assert values == sorted(values)
    assert max(values) == 0.1
    assert apply_thinking_penalty(0.5, 10**6, cfg) == pytest.approx(0.4)


def test_delta():
    assert delta(0.2, 0.7) == pytest.approx(0.5)
    assert delta(1.0, 0.0) == -1.0
    assert delta(0.4, 0.4) == 0.0


# --------------------------------------------------------------------------- parsing


def test_extract_fenced():
    text = "<think>\nflip each row\n</think>\n\nHere you go:\n```python\n" + FLIP + "```\nDone."
    assert extract_program(text) == ("flip each row", FLIP, "ok")


def test_extract_last_solve_block_wins():
    text = "</think>```python\n" + IDENTITY + "```\nbetter:\n```\n" + FLIP + "```\n```text\nnot code\n```"
    cot, program, status = extract_program(text)
    assert (cot, program, status) == ("", FLIP, "ok")  # opening tag was in the prompt


def test_extract_missing_tags():
    assert extract_program("```py\n" + FLIP + "```") == (None, FLIP, "missing_think")
    assert extract_program("Sure.\n" + FLIP) == (None, FLIP, "missing_think")


def test_extract_truncated():
    cot, program, status = extract_program("<think>let me think about " + FLIP)
    assert status == "truncated" and program is None and cot.startswith("let me think")


def test_extract_unclosed_fence_after_think():
    assert extract_program("<think>x</think>```python\n" + FLIP) == ("x", FLIP, "ok")


@pytest.mark.parametrize("text", ["", None, "garbage", "<think>a</think>no code here", "```python\nprint(1)\n```"])
def test_extract_garbage(text):
    cot, program, status = extract_program(text)
    assert program is None and status == "no_program"


def test_completion_text_and_tokens():
    assert completion_text("abc") == "abc"
    msgs = [{"role": "assistant", "content": "<think>a b</think>x"}]
    assert completion_text(msgs) == "<think>a b</think>x"
    parts = [{"role": "assistant", "content": [{"type": "text", "text": "p1"}, {"type": "text", "text": "p2"}]}]
    assert completion_text(parts) == "p1p2"
    reasoning = [{"role": "assistant", "reasoning_content": "hmm", "content": "ans"}]
    assert completion_text(reasoning) == "<think>hmm</think>ans"
    assert count_tokens("a  b\nc") == 3 and count_tokens(None) == 0


# --------------------------------------------------------------------------- executor-backed


def test_score_program_uses_train_only():
    ex = FakeExecutor()
    score = score_program(FLIP, TASK, ex)
    assert score.reward == 1.0 and score.all_correct
    assert ex.calls == [(FLIP, TASK.train_inputs)]  # test inputs never run for the reward
    ident = score_program(IDENTITY, TASK, ex)
    # example 1: 2 of 6 pixels right; example 2: 2 of 4
    assert ident.reward == pytest.approx((0.2 + 0.8 * (2 / 6) ** 10 + 0.2 + 0.8 * 0.5**10) / 2)
    assert score_program(None, TASK, ex).reward == 0.0
    assert score_program("nonsense", TASK, ex).reward == 0.0


def test_test_correct_and_delta_r():
    ex = FakeExecutor()
    assert test_correct(FLIP, TASK, ex) == [True]
    assert test_correct(IDENTITY, TASK, ex) == [False]
    assert ex.calls[-1] == (IDENTITY, TASK.test_inputs)
    ident = score_program(IDENTITY, TASK, ex).reward
    assert delta_r(IDENTITY, FLIP, TASK, ex) == pytest.approx(1.0 - ident)
    assert delta_r(FLIP, "broken", TASK, ex) == pytest.approx(-1.0)


def _columns(n, before):
    return {
        "task_json": [TASK.train_json()] * n,
        "start_program": [IDENTITY] * n,
        "reward_before": [before] * n,
    }


def test_trl_reward_strings():
    ex = FakeExecutor()
    fn = make_trl_reward(lambda: ex)
    assert fn.__name__ == "delta_r"
    before = score_program(IDENTITY, TASK, ex).reward
    completions = [
        "<think>flip it</think>```python\n" + FLIP + "```",  # solves it
        "```python\n" + FLIP + "```",  # missing think: still scored
        "<think>I wonder whether",  # truncated
        "no idea",  # garbage
        "<think>same</think>```python\n" + IDENTITY + "```",  # no change
    ]
    out = fn(completions, **_columns(len(completions), before), prompts=["p"] * 5, trainer_state=None)
    assert out == pytest.approx([1.0 - before, 1.0 - before, -before, -before, 0.0])
    assert [d["parse_status"] for d in fn.last_details] == ["ok", "missing_think", "truncated", "no_program", "ok"]
    assert all(isinstance(x, float) for x in out)


def test_trl_reward_conversational_and_missing_reward_before():
    ex = FakeExecutor()
    fn = make_trl_reward(lambda: ex, name="edit_reward")
    assert fn.__name__ == "edit_reward"
    completions = [
        [{"role": "assistant", "content": "<think>flip</think>\n```python\n" + FLIP + "```"}],
        [{"role": "assistant", "content": "```python\ndef solve(I):\n    return nothing_known(I)\n```"}],
    ]
    cols = _columns(2, None)  # reward_before computed from start_program
    before = score_program(IDENTITY, TASK, ex).reward
    assert fn(completions, **cols) == pytest.approx([1.0 - before, -before])


def test_trl_reward_thinking_penalty():
    ex = FakeExecutor()
    cfg = RewardConfig(thinking_penalty_weight=0.1, thinking_budget_tokens=10)
    fn = make_trl_reward(lambda: ex, config=cfg)
    long_cot = " ".join(["word"] * 30)  # 20 over budget -> 0.2, clipped to 0.1
    completions = ["<think>" + long_cot + "</think>```python\n" + FLIP + "```", "<think>" + long_cot]
    out = fn(completions, **_columns(2, 0.25))
    assert out == pytest.approx([1.0 - 0.25 - 0.1, -0.25 - 0.1])


class BatchingFakeExecutor(FakeExecutor):
    def __init__(self):
        super().__init__()
        self.batches = []

    def run_many(self, jobs):
        jobs = list(jobs)
        self.batches.append(len(jobs))
        return [self.run(program, grids) for program, grids in jobs]


def test_trl_reward_batches_with_run_many():
    ex = BatchingFakeExecutor()
    fn = make_trl_reward(lambda: ex)
    completions = ["```python\n" + FLIP + "```", "garbage", "```python\n" + IDENTITY + "```"]
    out = fn(completions, **_columns(3, None))
    before = score_program(IDENTITY, TASK, FakeExecutor()).reward
    assert out == pytest.approx([1.0 - before, -before, 0.0])
    assert ex.batches == [5]  # 2 parsed programs + 3 start programs, one parallel call
    assert fn(["garbage"], **_columns(1, 0.5)) == [-0.5]
    assert ex.batches == [5]  # nothing to run: the executor is not called


def test_trl_reward_requires_task_json():
    fn = make_trl_reward(FakeExecutor)
    with pytest.raises(ValueError):
        fn(["x"], reward_before=[0.0])
    with pytest.raises(ValueError):
        fn(["x", "y"], task_json=[TASK.train_json()], reward_before=[0.0, 0.0])


def test_trl_task_json_has_no_test_outputs():
    data = json.loads(TASK.train_json())
    assert data["test"] == [] and len(data["train"]) == 2


# --------------------------------------------------------------------------- real sandbox


def test_real_executor_end_to_end():
    from arc_pipeline.execution import default_executor

    ex = default_executor()
    score = score_program(FLIP, TASK, ex)
    assert score.reward == 1.0, score
    assert test_correct(FLIP, TASK, ex) == [True]
    crash = score_program(CRASH, TASK, ex)
    assert crash.reward == 0.0 and {e.status for e in crash.examples} == {"runtime_error"}
    bad = score_program("def solve(I):\n    import os\n    return I\n", TASK, ex)
    assert bad.reward == 0.0 and bad.examples[0].status in ("invalid_program", "syntax_error")
    fn = make_trl_reward(lambda: ex)
    before = score_program(IDENTITY, TASK, ex).reward
    out = fn(["<think>flip</think>```python\n" + FLIP + "```", "nope"], **_columns(2, before))
    assert out == pytest.approx([1.0 - before, -before])
