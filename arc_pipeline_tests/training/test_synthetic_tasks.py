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
