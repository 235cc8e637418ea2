"""Fresh-pair generators and the ``fresh`` probe: determinism, valid grids, the rule they follow,
and a sandboxed probe that catches a solver fitted to the demonstrations."""

from collections import Counter

import pytest

from arc_pipeline.execution import Executor
from arc_pipeline.solutions import load_solutions
from arc_pipeline.solutions.generators import GENERATORS, fresh_pairs, is_arc_grid
from arc_pipeline.solutions.generators.common import most_common
from arc_pipeline.solutions.probes import probe_cases, run_probes
from arc_pipeline.tasks import load_tasks

IDS = sorted(GENERATORS)


@pytest.fixture(scope="module")
def tasks():
    return load_tasks("arc-agi-1", "training")


@pytest.fixture(scope="module")
def executor():
    with Executor(num_workers=2) as ex:
        yield ex


def test_registry_covers_every_family_with_enough_tasks(tasks):
    families = Counter(g.family for g in GENERATORS.values())
    assert set(families) == {"geometry", "colours", "objects"} and min(families.values()) >= 5
    assert 20 <= len(GENERATORS) and all(t in tasks for t in GENERATORS)
    assert all(g.task_id == t for t, g in GENERATORS.items())


@pytest.mark.parametrize("task_id", IDS)
def test_generator_is_deterministic_valid_and_follows_its_rule_check(task_id, tasks):
    pairs = fresh_pairs(task_id, 20, seed=7)
    assert pairs == fresh_pairs(task_id, 20, seed=7)
    assert pairs[:5] == fresh_pairs(task_id, 5, seed=7)  # pair k does not depend on n
    assert pairs != fresh_pairs(task_id, 20, seed=8)
    assert len(set(pairs)) >= 15, "a generator should draw different pairs, not repeat a few"
    gen = GENERATORS[task_id]
    for i, o in pairs:
        assert is_arc_grid(i) and is_arc_grid(o)
        assert gen.check(i, o)
    # the task's own demonstrations must be plausible draws: they pass the same rule check
    task = tasks[task_id]
    assert all(gen.check(p.input, p.output) for p in task.train + task.test)


def test_rule_checks_reject_a_wrong_output():
    for task_id in IDS:
        i, o = fresh_pairs(task_id, 1)[0]
        wrong = tuple(tuple((v + 1) % 10 for v in row) for row in o)
        assert not GENERATORS[task_id].check(i, wrong), task_id


def test_geometry_generators_vary_size_and_orientation():
    sizes = {(len(i), len(i[0])) for i, _ in fresh_pairs("3c9b0459", 20)}
    assert len(sizes) >= 10  # the demonstrations are all 3x3
    shapes = {"wide" if len(i[0]) > len(i) else "tall" for i, _ in fresh_pairs("2dee498d", 20)}
    assert shapes == {"wide", "tall"}
    factors = {len(o) // len(i) for i, o in fresh_pairs("b91ae062", 40)}
    assert factors == {1, 2, 3, 4}
    assert {len(i) for i, _ in fresh_pairs("007bbfb7", 20)} == {2, 3, 4, 5}  # output side = input side squared
    assert all(len(o) == len(i) ** 2 for i, o in fresh_pairs("007bbfb7", 20))


def test_colour_generators_keep_named_colours_and_vary_the_rest():
    pairs = fresh_pairs("c8f0f002", 20)
    assert all(7 not in row for _, o in pairs for row in o)
    others = {v for i, _ in pairs for row in i for v in row} - {7}
    assert len(others) >= 4  # colours the rule leaves alone are drawn at random
    assert {v for i, _ in fresh_pairs("0d3d703e", 20) for row in i for v in row} <= {1, 2, 3, 4, 5, 6, 8, 9}
    assert {v for i, _ in fresh_pairs("b1948b0a", 20) for row in i for v in row} == {6, 7}
    for i, o in fresh_pairs("9565186b", 20):
        keep = most_common(i)
        assert {v for row in o for v in row} <= {keep, 5}


def test_object_generators_vary_background_count_and_position():
    pairs = fresh_pairs("be94b721", 20)
    assert len({most_common(i) for i, _ in pairs}) >= 5
    assert len({len({v for row in i for v in row}) for i, _ in pairs}) >= 2  # 2-4 shapes
    for i, o in pairs:
        bg = most_common(i)
        (colour,) = {v for row in o for v in row} - {bg}
        counts = Counter(v for row in i for v in row if v != bg)
        assert counts[colour] == max(counts.values()) and list(counts.values()).count(counts[colour]) == 1
    gravity = fresh_pairs("1e0a9b12", 20)
    assert len({most_common(i) for i, _ in gravity}) >= 3
    for i, o in gravity:
        assert sorted(v for row in i for v in row) == sorted(v for row in o for v in row)
    assert max(len(o[0]) for _, o in fresh_pairs("d631b094", 20)) > 5  # more cells than any demonstration


def test_fresh_probe_cases_are_n_pairs_of_one_variant_and_empty_without_a_generator(tasks):
    (case,) = probe_cases(tasks["67a3c6ac"], "fresh", fresh_n=4, fresh_seed=2)
    assert case.variant == "fresh[seed 2]" and len(case.inputs) == len(case.outputs) == 4
    assert list(zip(case.inputs, case.outputs)) == fresh_pairs("67a3c6ac", 4, 2)
    assert probe_cases(tasks["00d62c1b"], "fresh") == []


def test_fresh_probe_flags_overfit_solvers_and_passes_the_real_ones(tasks, executor):
    real = load_solutions()
    # pass every given pair (all 3x3 / all black backgrounds) but not the rule
    fixed_size = "# Rotate a half turn.\ndef solve(I):\n    O = rotate_180(crop(I, 0, 0, 3, 3))\n    return O\n"
    fixed_bg = "# Crop the shape.\ndef solve(I):\n    O = crop_to_content(I, 0)\n    return O\n"
    overfit = {"3c9b0459": fixed_size, "1cf80156": fixed_bg}
    for task_id, program in overfit.items():
        task = tasks[task_id]
        results = executor.run_many([(program, [p.input for p in task.train + task.test])])[0]
        assert [r.output for r in results] == [p.output for p in task.train + task.test]
    rep = run_probes(overfit, tasks, executor, probes=["fresh"])
    assert rep.failing("fresh") == ["1cf80156", "3c9b0459"] and not rep.ok
    row = {r["task_id"]: r for r in rep.rows.to_dicts()}
    assert row["3c9b0459"]["n_pairs"] == 20 and row["3c9b0459"]["n_correct"] < 20
    assert row["3c9b0459"]["first_failure"].startswith("fresh[seed 0] pair ")
    good = run_probes({t: real[t] for t in overfit} | {"00d62c1b": real["00d62c1b"]}, tasks, executor,
                      probes=["fresh"], fresh_n=10)
    status = dict(zip(good.rows["task_id"], good.rows["status"]))
    assert status == {"1cf80156": "pass", "3c9b0459": "pass", "00d62c1b": "n/a"} and good.ok
    totals = good.totals()["fresh"]
    assert totals["pairs"] == totals["pairs_passed"] == 20 and totals["not_applicable"] == 1
    assert good.to_dict()["meta"] == {"fresh_pairs": 10, "fresh_seed": 0}
