"""Generalisation probes: recolour and dihedral variants of a task's pairs, exemptions, CLI output."""

import json

import pytest

from arc_pipeline.cli import main
from arc_pipeline.execution import Executor
from arc_pipeline.solutions import rule_description
from arc_pipeline.solutions.probes import (
    DIHEDRAL,
    ProbeDeclarationError,
    parse_exemptions,
    probe_cases,
    recolour_permutations,
    run_probes,
)
from arc_pipeline.tasks import ArcTask, Pair

# Rule: crop to the smallest window holding every non-background cell. The demonstrations all
# have a black background, so a solver may hard-code black and still pass every given pair.
TASK = ArcTask(
    id="probe-crop",
    train=(
        Pair(((0, 0, 0, 0), (0, 3, 4, 0), (0, 0, 3, 0), (0, 0, 0, 0)), ((3, 4), (0, 3))),
        Pair(((0, 0, 0), (0, 0, 5), (0, 5, 5)), ((0, 5), (5, 5))),
    ),
    test=(Pair(((2, 0, 0, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 6, 0)), ((2, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 6))),),
)
HARDCODED = "# Crop to what is not black.\ndef solve(I):\n    O = crop_to_content(I, 0)\n    return O\n"
GENERAL = "# Crop to what is not background.\ndef solve(I):\n    O = crop_to_content(I, most_common_color(I))\n    return O\n"


@pytest.fixture(scope="module")
def executor():
    with Executor(num_workers=2) as ex:
        yield ex


def _status(report, probe):
    return report.rows.filter(report.rows["probe"] == probe)["status"].to_list()


def test_black_background_hardcoding_fails_recolour_and_general_solver_passes(executor):
    hard = run_probes({TASK.id: HARDCODED}, {TASK.id: TASK}, executor)
    general = run_probes({TASK.id: GENERAL}, {TASK.id: TASK}, executor)
    assert _status(hard, "recolour") == ["fail"] and not hard.ok
    assert hard.failing("recolour") == [TASK.id]
    assert _status(general, "recolour") == ["pass"] and general.ok
    # cropping has no direction: both solvers pass every D4 variant
    assert _status(hard, "dihedral") == _status(general, "dihedral") == ["pass"]
    totals = general.totals()
    assert totals["recolour"]["pairs"] == totals["recolour"]["pairs_passed"] == 3 * 3
    assert totals["dihedral"]["pairs"] == 7 * 3
    assert hard.totals()["recolour"]["pairs_passed"] == 0


def test_declared_colour_keeps_the_hardcoded_solver_honest(executor):
    kept = "# colour-semantic: keep 0: black is the background the rule names\n" + HARDCODED
    exempt = "# colour-semantic: the rule is about black\n" + HARDCODED
    rep = run_probes({"a": kept, "b": exempt}, {"a": TASK, "b": TASK}, executor, probes=["recolour"])
    rows = {r["task_id"]: r for r in rep.rows.to_dicts()}
    assert rows["a"]["status"] == "pass" and rows["a"]["keep"] == [0] and rows["a"]["variants"] >= 1
    assert rows["b"]["status"] == "exempt" and rows["b"]["n_pairs"] == 0
    assert rep.ok
    assert {(e["task_id"], e["reason"], e["full"]) for e in rep.exemptions()} == {
        ("a", "black is the background the rule names", False), ("b", "the rule is about black", True)}


def test_orientation_only_limits_dihedral_to_the_listed_transforms(executor):
    flip = ("# Mirror left-right.\n# orientation-semantic: only flip_vertical, rotate_180: the mirror axis is vertical\n"
            "def solve(I):\n    O = flip_horizontal(I)\n    return O\n")
    task = ArcTask("flip", (Pair(((1, 2), (3, 4)), ((2, 1), (4, 3))),), ())
    rep = run_probes({"flip": flip}, {"flip": task}, executor, probes=["dihedral"])
    assert rep.rows["status"].to_list() == ["pass"] and rep.rows["variants"].to_list() == [2]
    undeclared = run_probes({"flip": flip.replace("only flip_vertical, rotate_180: ", "")}, {"flip": task}, executor,
                            probes=["dihedral"])
    assert undeclared.rows["status"].to_list() == ["exempt"]
    # without any declaration the transposed variant shows the rule has an axis
    bare = run_probes({"flip": "def solve(I):\n    O = flip_horizontal(I)\n    return O\n"}, {"flip": task}, executor,
                      probes=["dihedral"])
    assert bare.rows["status"].to_list() == ["fail"]


def test_recolour_permutations_are_deterministic_bijections_that_move_every_free_colour():
    perms = recolour_permutations(TASK)
    assert perms == recolour_permutations(TASK) and len(perms) == 3 and len({tuple(p.items()) for p in perms}) == 3
    used = {0, 2, 3, 4, 5, 6}
    for p in perms:
        assert sorted(p) == sorted(p.values()) == list(range(10))
        assert all(p[c] != c for c in used)
    kept = recolour_permutations(TASK, keep=(0, 3))
    assert all(p[0] == 0 and p[3] == 3 and p[5] != 5 for p in kept)
    assert recolour_permutations(TASK, keep=range(9)) == []  # one free colour: nothing to permute


def test_dihedral_transforms_are_the_seven_distinct_non_identity_symmetries():
    g = ((1, 2, 3), (4, 5, 6))
    images = {name: f(g) for name, f in DIHEDRAL.items()}
    assert len(set(images.values()) | {g}) == 8
    assert images["rotate_90"] == ((4, 1), (5, 2), (6, 3))
    assert images["flip_antidiagonal"] == ((6, 3), (5, 2), (4, 1))
    cases = probe_cases(TASK, "dihedral")
    assert [c.variant for c in cases] == list(DIHEDRAL)
    assert cases[0].outputs[0] == DIHEDRAL["rotate_90"](TASK.train[0].output)


def test_exemption_lines_parse_strictly_and_stay_out_of_the_rule():
    program = ("# Blue cells turn red.\n# colour-semantic: keep 1,2: blue becomes red\n"
               "# colour-semantic: keep 2: and red stays red\n# orientation-semantic: things fall down\n"
               "def solve(I):\n    return I\n")
    ex = parse_exemptions(program)
    assert ex["recolour"].keep == (1, 2) and ex["recolour"].reason == "blue becomes red and red stays red"
    assert not ex["recolour"].full and ex["dihedral"].full and ex["dihedral"].reason == "things fall down"
    assert rule_description(program) == "Blue cells turn red."
    assert parse_exemptions("# Rule.\ndef solve(I):\n    return I\n") == {}
    bad = {"# colour-semantic:   \n": "needs a reason", "# colour-semantic: keep 1,12: x\n": "colours 0-9",
           "# orientation-semantic: only rotate_45: x\n": "unknown transform",
           "# colour-semantic: only rotate_90: x\n": "takes 'keep'"}
    for line, message in bad.items():
        with pytest.raises(ProbeDeclarationError, match=rf"programs/x\.py: line 2: .*{message}"):
            parse_exemptions("# Rule.\n" + line, "programs/x.py")


def test_cli_verify_probes_reports_totals_failures_and_exits_1(capsys, tmp_path):
    tasks, programs = tmp_path / "tasks", tmp_path / "programs"
    tasks.mkdir()
    programs.mkdir()
    for task_id in ("crop-hard", "crop-general"):
        (tasks / f"{task_id}.json").write_text(json.dumps(TASK.to_json()))
    (programs / "crop-hard.py").write_text(HARDCODED)
    (programs / "crop-general.py").write_text(GENERAL)
    args = ["verify", "--dataset", str(tasks), "--programs", str(programs)]
    code = main([*args, "--json", "--probes"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["passed"] == 2  # both pass the given pairs; one fails a probe
    probes = out["probes"]
    assert probes["failing"] == {"recolour": ["crop-hard"], "dihedral": [], "fresh": []} and probes["ok"] is False
    assert probes["totals"]["recolour"]["passed"] == 1 and probes["totals"]["dihedral"]["passed"] == 2
    assert {(t["task_id"], t["probe"]) for t in probes["tasks"]} == {
        (t, p) for t in ("crop-hard", "crop-general") for p in ("recolour", "dihedral", "fresh")}
    assert probes["totals"]["fresh"]["not_applicable"] == 2  # no generator for these made-up tasks
    assert main([*args, "--probes", "dihedral"]) == 0
    text = capsys.readouterr().out
    assert "probe dihedral: 2/2 probed tasks pass" in text and "probe recolour" not in text
    (programs / "crop-hard.py").write_text("# colour-semantic: keep 0: black is the named background\n" + HARDCODED)
    assert main([*args, "--probes"]) == 0
    assert "exemption crop-hard recolour (keeps [0]): black is the named background" in capsys.readouterr().out
    (programs / "crop-hard.py").write_text("# colour-semantic: keep 0,x: oops\n" + HARDCODED)
    assert main([*args, "--probes"]) == 2
    assert "solver crop-hard.py: line 1: 'keep' needs colours" in capsys.readouterr().err
    assert main([*args, "--probes", "nonsense"]) == 2
    assert "unknown probe" in capsys.readouterr().err
