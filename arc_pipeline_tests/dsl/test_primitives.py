"""A test per DSL primitive, enforced by name: each primitive's docstring examples are its test.

Every name in PRIMITIVES gets its own test id (``test_primitive_examples[rotate_90]``); a
primitive without a ``>>>`` example fails, so a new primitive cannot land untested.
"""

import doctest
import inspect

import pytest

from arc_pipeline.dsl import PRIMITIVE_MODULE, PRIMITIVES
from arc_pipeline.dsl.types import is_grid

NAMES = sorted(PRIMITIVES)


@pytest.mark.parametrize("name", NAMES)
def test_primitive_examples(name):
    fn = PRIMITIVES[name]
    module = inspect.getmodule(fn)
    finder = doctest.DocTestFinder(recurse=False)
    tests = [t for t in finder.find(fn, name, module=module, globs=vars(module).copy()) if t.examples]
    assert tests, f"primitive {name} ({PRIMITIVE_MODULE[name]}.py) has no docstring example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    assert runner.failures == 0, f"docstring example of {name} failed"


@pytest.mark.parametrize("name", NAMES)
def test_primitive_documented_and_typed(name):
    fn = PRIMITIVES[name]
    doc = inspect.getdoc(fn) or ""
    assert doc and not doc.startswith(">>>"), f"{name} needs a plain-words first line"
    sig = inspect.signature(fn)
    assert not name.startswith("_")
    params = list(sig.parameters.values())
    assert all(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params), (
        f"{name}: programs call primitives positionally only"
    )


def test_grid_primitives_do_not_mutate_and_return_valid_grids():
    grid = ((0, 1, 2), (3, 4, 5))
    before = grid
    for name in ("rotate_90", "rotate_180", "rotate_270", "flip_horizontal", "flip_vertical",
                 "transpose", "flip_antidiagonal", "mirror_right", "mirror_down", "dedupe_rows"):
        out = PRIMITIVES[name](grid)
        assert is_grid(out), name
    assert grid == before


def test_rotations_compose_to_identity():
    grid = ((0, 1, 2), (3, 4, 5))
    r = PRIMITIVES["rotate_90"]
    assert r(r(r(r(grid)))) == grid
    assert PRIMITIVES["rotate_270"](r(grid)) == grid


def test_find_objects_order_is_reading_order_and_deterministic():
    grid = ((0, 0, 3), (2, 0, 0), (2, 0, 1))
    objs = PRIMITIVES["find_objects"](grid, True, False, 0)
    positions = [PRIMITIVES["object_position"](o) for o in objs]
    assert positions == sorted(positions)
    assert objs == PRIMITIVES["find_objects"](grid, True, False, 0)


def test_reference_lists_every_primitive():
    from arc_pipeline.dsl.reference import render_reference

    text = render_reference()
    for name in NAMES:
        assert f"`{name}(" in text, name
