"""The test-time refinement loop: search as a reference proposer, no leaks, distinct attempts."""

from __future__ import annotations

import json

import pytest

from arc_pipeline.baselines import EMPTY_PROGRAM
from arc_pipeline.config import EvalConfig
from arc_pipeline.evaluation.refine import RefineResult, TeacherProposer, refine, refine_many
from arc_pipeline.evaluation.run import evaluate_models
from arc_pipeline.evaluation.scoring import eval_rows, model_summary
from arc_pipeline.execution import default_executor
from arc_pipeline.prompts import find_leaks, grid_text
from arc_pipeline.tasks import ArcTask
from arc_pipeline.teachers.search import SearchTeacher

INPUTS = [
    [[1, 2, 0], [0, 3, 0], [4, 0, 0]],
    [[5, 0, 0, 6], [0, 7, 0, 0]],
    [[0, 0, 8], [9, 0, 0], [1, 1, 2], [0, 3, 0]],
]
# A distinctive test pair: its output's text must never reach a proposer.
TEST_IN = [[7, 7, 7, 3, 3], [7, 9, 9, 9, 3], [6, 6, 6, 6, 8]]
TEST_OUT = [list(reversed(r)) for r in TEST_IN]


def hflip_task(task_id: str = "hflip", test_in=TEST_IN) -> ArcTask:
    return ArcTask.from_json({
        "train": [{"input": g, "output": [list(reversed(r)) for r in g]} for g in INPUTS],
        "test": [{"input": test_in, "output": [list(reversed(r)) for r in test_in]}],
    }, task_id)


def program(call: str, comment: str = "") -> str:
    return f"def solve(I):\n    O = {call}(I){comment}\n    return O\n"


class RecordingTeacher:
    """Wraps the search teacher and records everything a proposer is shown."""

    name = "recording-search"
    model = "search-v1"

    def __init__(self, executor):
        self.inner = SearchTeacher(executor)
        self.requests = []

    def sample(self, request):
        self.requests.append(request)
        return self.inner.sample(request)


class FixedProposer:
    """Returns the same completions every round; records the prompts and tasks it sees."""

    name = "fixed"

    def __init__(self, completions):
        self.completions = completions
        self.seen = []

    def propose(self, requests, n, seed):
        self.seen += list(requests)
        return [list(self.completions)[:n] for _ in requests]


@pytest.fixture(scope="module")
def executor():
    return default_executor()


def test_search_proposer_solves_easy_task_from_empty_program(executor):
    task = hflip_task()
    proposer = TeacherProposer(SearchTeacher(executor, generations=3, population=8))
    res = refine(task, proposer, executor, rounds=2, samples_per_round=4, start_program=EMPTY_PROGRAM, seed=0)
    assert isinstance(res, RefineResult)
    assert res.start_program == EMPTY_PROGRAM and res.start_reward < 1.0
    assert res.best_reward == 1.0 and res.best_round >= 1
    assert "flip_horizontal" in res.best_program
    assert res.round_best_rewards[-1] == 1.0
    assert res.edits and all(e.round >= 1 for e in res.edits)
    assert max(e.delta_r for e in res.edits) == pytest.approx(1.0 - res.start_reward)
    assert all(e.thinking_tokens > 0 for e in res.edits)  # the search teacher writes a CoT
    # attempt 1 is the best train program's output; attempts are distinct
    first = res.attempts[0][0]
    assert first.output == tuple(tuple(r) for r in TEST_OUT)
    assert len({a.output for a in res.attempts[0]}) == len(res.attempts[0]) <= 2

    frame = eval_rows([res], {task.id: task}, {task.id: "level-1"}, seed=0, data_revision="r")
    assert frame["task_score"].to_list() == [1.0, 1.0]
    assert model_summary(frame)["score"].to_list() == [1.0]


def test_proposer_never_sees_a_test_output(executor):
    task = hflip_task("leak-check")
    teacher = RecordingTeacher(executor)
    fixed = FixedProposer([program("rotate_90"), "<think>no idea</think> nothing"])
    refine(task, TeacherProposer(teacher), executor, rounds=3, samples_per_round=3, seed=1, stop_when_solved=False)
    refine(task, fixed, executor, rounds=2, samples_per_round=2, seed=1)
    needle = grid_text(tuple(tuple(r) for r in TEST_OUT))
    raw_rows = [" ".join(map(str, r)) for r in TEST_OUT]
    json_rows = [json.dumps(r, separators=(",", ":")) for r in TEST_OUT]
    assert teacher.requests and fixed.seen
    texts = [r.prompt for r in teacher.requests] + [r.system for r in teacher.requests]
    texts += [r.task_json for r in teacher.requests] + [prompt for _, _, prompt in fixed.seen]
    for text in texts:
        assert needle not in text
        assert not any(row in text for row in raw_rows + json_rows)
        assert find_leaks(text, task.test_outputs) == []
    for seen_task, _, _ in fixed.seen:
        assert seen_task.test == ()  # a train-only copy
    for r in teacher.requests:
        assert json.loads(r.task_json)["test"] == []


def test_attempts_are_distinct_outputs(executor):
    # Symmetric test rows: identity and flip_horizontal produce the SAME test output.
    test_in = [[1, 2, 1], [3, 4, 3]]
    task = hflip_task("distinct", test_in)
    hflip, vflip = program("flip_horizontal"), program("flip_vertical")
    fixed = FixedProposer([hflip, program("flip_horizontal", "  # same program"), vflip])
    res = refine(task, fixed, executor, rounds=1, samples_per_round=3, seed=0)
    assert res.best_reward == 1.0 and res.best_program == hflip
    assert res.n_candidates == 3  # identity, hflip, vflip (the commented copy is a duplicate)
    outputs = [a.output for a in res.attempts[0]]
    assert len(outputs) == 2 and outputs[0] != outputs[1]
    assert outputs[0] == tuple(tuple(r) for r in test_in)  # hflip == identity here
    assert outputs[1] == tuple(tuple(r) for r in reversed(test_in))  # vflip, the next distinct one
    assert res.attempts[0][1].program == vflip

    # Only programs with one distinct output: a single attempt, never a duplicate.
    only_same = refine(task, FixedProposer([hflip]), executor, rounds=1, samples_per_round=1, seed=0)
    assert [a.output for a in only_same.attempts[0]] == [tuple(tuple(r) for r in test_in)]


def test_ranking_uses_train_reward_and_bad_completions_score_zero(executor):
    task = hflip_task("ranking")
    completions = ["no program here", "<think>unfinished", program("rotate_180"), "```python\nimport os\n```",
                   program("flip_horizontal")]
    res = refine(task, FixedProposer(completions), executor, rounds=1, samples_per_round=5, seed=0)
    statuses = [e.status for e in res.edits]
    assert statuses[0] == "no_program" and statuses[1] == "truncated"
    assert res.edits[0].reward == 0.0 and res.edits[0].delta_r == pytest.approx(-res.start_reward)
    assert res.best_reward == 1.0 and res.attempts[0][0].program == program("flip_horizontal")
    assert res.attempts[0][0].train_reward == 1.0
    assert res.attempts[0][1].train_reward <= 1.0 and res.attempts[0][1].rank > 0


def test_refine_many_lockstep_and_evaluate_models(executor):
    tasks = {t.id: t for t in (hflip_task("a"), hflip_task("b", [[3, 0], [0, 5]]))}
    fixed = FixedProposer([program("rotate_90"), program("flip_horizontal")])
    many = refine_many(list(tasks.values()), fixed, executor, rounds=2, samples_per_round=2, seed=0)
    assert [r.task_id for r in many] == ["a", "b"]
    assert len(fixed.seen) == 2  # one round for both tasks: solved after round 1, so no round 2
    assert all(r.rounds_run == 1 and r.rewards_by_round() == [r.start_reward, 1.0, 1.0] for r in many)

    cfg = EvalConfig(rounds=2, samples_per_round=2, attempts=2)
    frame, results = evaluate_models({"fixed": FixedProposer([program("flip_horizontal")]),
                                      "search": TeacherProposer(SearchTeacher(executor))},
                                     tasks, {"a": "level-1", "b": "level-2"}, cfg, executor, seed=5,
                                     data_revision="rev", progress=False)
    assert len(results) == 4 and frame.height == 4 * 2
    assert set(frame["model"].to_list()) == {"fixed", "search"}
    assert frame["task_score"].min() == 1.0
    assert set(frame["seed"].to_list()) == {5}
