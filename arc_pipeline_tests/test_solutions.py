"""The solver library: all 400 ARC-AGI-1 training tasks verified, rules in plain words, flaws declared."""

import json

from arc_pipeline.cli import main
from arc_pipeline.execution import Executor
from arc_pipeline.solutions import data_flaw_note, load_solutions, rule_description
from arc_pipeline.solutions.verify import verify_solutions
from arc_pipeline.tasks import load_tasks

PROGRAM = """# Turn the grid.
# data-flaw: pair 0 disagrees with the other pairs.
# Then recolour.
def solve(I):
    O = rotate_90(I)
    return O
"""


def test_every_training_task_has_a_solver_that_passes_every_pair(capsys):
    code = main(["verify", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (out["total"], out["passed"], out["failed"]) == (400, 400, 0)
    assert all(t["n_correct"] == t["n_pairs"] >= 2 for t in out["tasks"])
    # exceptions made for flawed demonstrations are declared, not hidden
    assert out["with_data_flaw"] == ["e5062a87"]


def test_every_solver_states_its_rule_in_plain_words():
    short = [t for t, p in load_solutions().items() if len(rule_description(p).split()) < 3]
    assert short == []


def test_data_flaw_lines_are_not_part_of_the_rule():
    assert rule_description(PROGRAM) == "Turn the grid. Then recolour."
    assert data_flaw_note(PROGRAM) == "pair 0 disagrees with the other pairs."
    assert data_flaw_note("# Rule.\ndef solve(I):\n    return I\n") is None


def test_the_data_flaw_exception_of_e5062a87_only_touches_the_flawed_pair():
    """Without its one exception the solver's rule still solves every other pair (incl. the test)."""
    program = load_solutions()["e5062a87"]
    exception = "    listed = drop_if(spots, fix_first(contains, ((1, 3),)))\n"
    assert exception in program
    pure = program.replace(exception, "    listed = spots\n")
    tasks = load_tasks("arc-agi-1", "training")
    with Executor(num_workers=1) as executor:
        report = verify_solutions({"e5062a87": pure}, tasks, executor)
    row = report.rows.row(0, named=True)
    assert (row["n_pairs"], row["n_correct"]) == (4, 3)
    assert row["first_failure"].startswith("train[1]")  # the 1x4-bar demonstration
