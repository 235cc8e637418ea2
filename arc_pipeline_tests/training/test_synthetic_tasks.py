"""Synthetic one-step warm-start tasks: honest rules, inputs only, deterministic."""

from __future__ import annotations

import dataclasses
import re

import pytest

from arc_pipeline.execution import default_executor
from arc_pipeline.parsing import extract_program
from arc_pipeline.prompts import render_student_prompt
from arc_pipeline.tasks import load_tasks
from arc_pipeline.training.synthetic_tasks import CATALOGUE, catalogue_program, synthetic_documents

TASKS = ("007bbfb7", "0d3d703e", "3c9b0459", "a416b8f3", "6150a2bd", "d631b094")


@pytest.fixture(scope="module")
def pool():
    every = load_tasks("arc-agi-1", "training")
    return {t: every[t] for t in TASKS}


@pytest.fixture(scope="module")
def executor():
    return default_executor()


def _prompt_pairs(prompt: str) -> list[tuple[tuple, tuple]]:
    """The (in, out) grids a student prompt shows, parsed back from its digit rows."""
    pairs = []
    for block in re.findall(r"in:\n(.*?)\nout:\n(.*?)\ndiff:", prompt, flags=re.S):
        grid_in, grid_out = (tuple(tuple(int(c) for c in row) for row in g.split("\n")) for g in block)
        pairs.append((grid_in, grid_out))
    return pairs


def test_every_document_states_a_rule_its_program_reaches(pool, executor):
    docs = synthetic_documents(pool, executor, render_student_prompt, per_task=2, seed=0)
    assert len(docs) >= len(TASKS)
    for doc in docs:
        _, program, status = extract_program(doc["completion"])
        assert status == "ok" and "# rule:" in doc["completion"]
        pairs = _prompt_pairs(doc["prompt"])
        results = executor.run(program, [i for i, _ in pairs])
        assert [tuple(map(tuple, r.output)) for r in results] == [o for _, o in pairs]
        assert "identity(I)" in doc["prompt"].split("## program")[-1]  # the eval's start


def test_only_inputs_are_read(pool, executor):
    """Replacing every train OUTPUT leaves the documents unchanged: no answer can leak in."""
    scrambled = {}
    for t, task in pool.items():
        pairs = [dataclasses.replace(p, output=((9,),)) for p in task.train]
        scrambled[t] = dataclasses.replace(task, train=tuple(pairs) if isinstance(task.train, tuple) else pairs)
    assert synthetic_documents(scrambled, executor, render_student_prompt, 1, 0) == \
        synthetic_documents(pool, executor, render_student_prompt, 1, 0)


def test_deterministic_for_a_seed_and_varied_across_seeds(pool, executor):
    a = synthetic_documents(pool, executor, render_student_prompt, 1, 0)
    assert a == synthetic_documents(pool, executor, render_student_prompt, 1, 0)
    assert a != synthetic_documents(pool, executor, render_student_prompt, 1, 1)


def test_a_program_that_changes_nothing_or_fails_is_skipped(pool, executor):
    catalogue = (("O = identity(I)", "Copy the grid."), ("O = downscale(I, 0)", "Shrink by 0."))
    docs = synthetic_documents(pool, executor, render_student_prompt, 1, 0, catalogue=catalogue)
    # identity changes nothing; downscale by 0 fails on every grid
    assert docs == []
    kept = synthetic_documents(pool, executor, render_student_prompt, 1, 0, catalogue=catalogue + CATALOGUE[:1])
    assert kept and all("upscale(I, 2)" in d["completion"] for d in kept)


def test_catalogue_programs_are_valid_dsl():
    from arc_pipeline.program import validate_program

    for body, rule in CATALOGUE:
        validate_program(catalogue_program(body))
        assert rule.endswith(".")


# What each orientation-sensitive rule SAYS, on the probe grid 1 2 3 / 4 5 6 (written from the
# rule's words, not from running the program): a swapped pair once taught the student that
# flip_horizontal turns a grid upside down.
RULE_MEANS = {
    "Mirror the grid left to right.": ((3, 2, 1), (6, 5, 4)),
    "Flip the grid upside down.": ((4, 5, 6), (1, 2, 3)),
    "Turn the grid a quarter turn clockwise.": ((4, 1), (5, 2), (6, 3)),
    "Turn the grid a quarter turn counter-clockwise.": ((3, 6), (2, 5), (1, 4)),
    "Turn the grid a half turn.": ((6, 5, 4), (3, 2, 1)),
    "Repeat the grid twice side by side.": ((1, 2, 3, 1, 2, 3), (4, 5, 6, 4, 5, 6)),
    "Repeat the grid twice, one copy above the other.": ((1, 2, 3), (4, 5, 6), (1, 2, 3), (4, 5, 6)),
    "Put the grid's mirror image to its right.": ((1, 2, 3, 3, 2, 1), (4, 5, 6, 6, 5, 4)),
    "Put the grid's mirror image below it.": ((1, 2, 3), (4, 5, 6), (4, 5, 6), (1, 2, 3)),
    "Keep the top half of the grid.": ((1, 2, 3),),
    "Keep the left half of the grid.": ((1,), (4,)),
    "Transpose the grid: rows become columns.": ((1, 4), (2, 5), (3, 6)),
}


def test_catalogue_rules_say_what_their_programs_do(executor):
    rules = {rule: body for body, rule in CATALOGUE}
    assert set(RULE_MEANS) <= set(rules)
    for rule, expected in RULE_MEANS.items():
        (result,) = executor.run(catalogue_program(rules[rule]), [((1, 2, 3), (4, 5, 6))])
        assert tuple(map(tuple, result.output)) == expected, rule
