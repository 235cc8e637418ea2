"""No poison pills (issue 11.3): one hostile answer becomes its sample's status, never a failure."""

import polars as pl

from arc_pipeline.baselines import EMPTY_PROGRAM, teacher_first_tries
from arc_pipeline.evaluation.refine import TeacherProposer, refine
from arc_pipeline.program import validate_program
from arc_pipeline.rewards.edit import evaluate_edits, parse_edit
from arc_pipeline.tasks import ArcTask, Pair
from arc_pipeline.teachers.base import TeacherSample
from arc_pipeline.traces import sample_traces

DEEP = "def solve(I):\n    O = " + "-" * 3000 + "1\n    return O\n"  # ~3 KB, far under the size limit
GOOD = "def solve(I):\n    O = flip_horizontal(I)\n    return O\n"
TASK = ArcTask("t1", (Pair(((1, 2),), ((2, 1),)),), (Pair(((3, 4),), ((4, 3),)),), "unit")


class Teacher:
    name, model = "fake", "poison"

    def sample(self, request):
        return [TeacherSample(i, text) for i, text in enumerate([f"<think>x</think>{DEEP}", GOOD][:request.n_samples])]


def _executor():
    from arc_pipeline.execution import default_executor

    return default_executor()


def test_validator_raises_recursion_but_evaluator_returns_a_status():
    try:
        validate_program(DEEP)
        raised = None
    except Exception as exc:  # the validator's own failure mode on this input
        raised = type(exc).__name__
    assert raised is not None
    assert parse_edit(DEEP).status == "invalid_program"
    assert evaluate_edits([(DEEP, TASK), (None, TASK)], executor=None)[0].reward == 0.0


def test_traces_store_the_poison_answer_and_go_on():
    starts = pl.DataFrame({"task_id": ["t1"], "program": [EMPTY_PROGRAM], "reward": [0.2],
                           "difficulty_level": ["level-1"]})
    rows, stats = sample_traces(starts, {"t1": TASK}, Teacher(), _executor(), samples_per_start=2, rounds=1,
                                seed=0, run_id="r", data_revision="", dsl_reference=None, progress=False)
    assert rows["status"].to_list() == ["invalid_program", "missing_think"]
    assert rows["delta_r"].to_list()[0] is None and rows["delta_r"].to_list()[1] > 0
    assert stats.statuses == {"invalid_program": 1, "missing_think": 1}


def test_refine_and_first_tries_survive_the_poison_answer():
    result = refine(TASK, TeacherProposer(Teacher()), _executor(), rounds=1, samples_per_round=2)
    assert [e.status for e in result.edits] == ["invalid_program", "missing_think"] and result.best_reward == 1.0
    frame = teacher_first_tries({"t1": TASK}, Teacher(), _executor())
    assert frame.height == 0  # the one answer was poison: skipped, nothing raised
