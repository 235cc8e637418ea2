"""Documented program mutations: valid results, real changes, determinism, signature groups."""

from __future__ import annotations

import ast
import inspect
import random

import pytest

from arc_pipeline.dsl import PRIMITIVES
from arc_pipeline.mutations import (
    CORRUPTIONS,
    SEARCH_MOVES,
    Mutation,
    change_constant,
    drop_step,
    duplicate_step,
    grid_to_grid_primitives,
    insert_step,
    mutate,
    reorder_steps,
    signature_groups,
    swap_primitive,
)
from arc_pipeline.program import validate_program, strip_comments
from arc_pipeline.solutions import load_solutions

PROGRAM = """# rule: rotate, recolour blue to red, mirror
def solve(I):
    x1 = rotate_90(I)
    x2 = replace_color(I, 1, 2)
    x3 = flip_horizontal(x1)
    O = overlay(x3, x2, 0)
    return O
"""

ALL_MOVES = {**CORRUPTIONS, **SEARCH_MOVES}
DOCUMENTED = ("swap_primitive", "change_constant", "drop_step", "duplicate_step", "reorder_steps", "insert_step")


def _canon(program: str) -> str:
    return strip_comments(program)


def _calls(program: str) -> list[str]:
    return [n.func.id for n in ast.walk(ast.parse(program)) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]


def test_the_documented_sets():
    assert set(CORRUPTIONS) == {"swap_primitive", "change_constant", "drop_step", "duplicate_step", "reorder_steps"}
    assert set(SEARCH_MOVES) == {"swap_primitive", "change_constant", "drop_step", "insert_step"}
    assert set(ALL_MOVES) == set(DOCUMENTED)
    validate_program(PROGRAM)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_each_mutation_validates_and_changes_the_program(name):
    fn = ALL_MOVES[name]
    applied = 0
    for seed in range(20):
        m = fn(PROGRAM, random.Random(seed))
        assert m is not None, f"{name} should apply to the sample program"
        assert isinstance(m, Mutation) and m.kind == name and m.description
        validate_program(m.program)
        assert _canon(m.program) != _canon(PROGRAM), f"{name} returned the input unchanged"
        applied += 1
    assert applied == 20


def test_mutation_specifics():
    rng = random.Random(0)
    m = drop_step(PROGRAM, rng)
    assert len(ast.parse(m.program).body[0].body) == 4  # one assignment fewer
    m = duplicate_step(PROGRAM, random.Random(0))
    assert len(ast.parse(m.program).body[0].body) == 6
    m = insert_step(PROGRAM, random.Random(0))
    body = ast.parse(m.program).body[0].body
    assert len(body) == 6 and body[-2].value.func.id in grid_to_grid_primitives()
    m = reorder_steps(PROGRAM, random.Random(0))
    assert sorted(_calls(m.program)) == sorted(_calls(PROGRAM))  # same steps, other order
    m = change_constant(PROGRAM, random.Random(0))
    consts = lambda p: sorted(n.value for n in ast.walk(ast.parse(p)) if isinstance(n, ast.Constant))
    assert consts(m.program) != consts(PROGRAM)
    for v in consts(m.program):
        assert 0 <= v <= 9  # colours stay colours


def test_mutations_that_do_not_apply_return_none():
    tiny = "def solve(I):\n    return I\n"
    rng = random.Random(0)
    assert swap_primitive(tiny, rng) is None
    assert change_constant(tiny, rng) is None
    assert drop_step(tiny, rng) is None
    assert duplicate_step(tiny, rng) is None
    assert reorder_steps(tiny, rng) is None
    assert mutate(tiny, rng, CORRUPTIONS) is None
    # insert_step always applies to a program that ends in return
    m = insert_step(tiny, rng)
    assert m is not None
    validate_program(m.program)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_deterministic_for_a_fixed_seed(name):
    fn = ALL_MOVES[name]
    a = [fn(PROGRAM, random.Random(s)) for s in range(8)]
    b = [fn(PROGRAM, random.Random(s)) for s in range(8)]
    assert a == b
    assert len({m.program for m in a}) >= 1


def test_mutate_is_deterministic_and_chains_stay_valid():
    def chain(seed):
        rng = random.Random(seed)
        p, out = PROGRAM, []
        for _ in range(10):
            m = mutate(p, rng, SEARCH_MOVES)
            if m is None:
                break
            validate_program(m.program)
            out.append(m)
            p = m.program
        return out

    assert chain(3) == chain(3)
    assert [m.program for m in chain(3)] != [m.program for m in chain(4)]


def test_swap_primitive_keeps_signature_groups():
    groups = signature_groups()
    assert "rotate_90" in groups["flip_horizontal"] and "flip_horizontal" in groups["rotate_90"]
    for name, others in groups.items():
        assert name not in others
        sig = inspect.signature(PRIMITIVES[name])
        for other in others:
            osig = inspect.signature(PRIMITIVES[other])
            assert [str(p.annotation) for p in sig.parameters.values()] == [str(p.annotation) for p in osig.parameters.values()]
            assert str(sig.return_annotation) == str(osig.return_annotation)
    before = _calls(PROGRAM)
    for seed in range(30):
        m = swap_primitive(PROGRAM, random.Random(seed))
        after = _calls(m.program)
        changed = [(a, b) for a, b in zip(before, after) if a != b]
        assert len(changed) == 1
        old, new = changed[0]
        assert new in groups[old], (old, new)
        assert f"`{old}`" in m.description and f"`{new}`" in m.description


def test_mutations_on_real_solutions_stay_valid():
    solutions = load_solutions()
    ids = sorted(solutions)[:40]
    for tid in ids:
        for name, fn in ALL_MOVES.items():
            for seed in range(2):
                m = fn(solutions[tid], random.Random(seed))
                if m is None:
                    continue
                validate_program(m.program)
                assert _canon(m.program) != _canon(solutions[tid]), (tid, name)
