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


def test_primitives_are_ordered_by_name_not_by_file():
    # mutations and the search teacher enumerate PRIMITIVES: moving a primitive between
    # modules must not reorder them (that would change the SFT dataset hash)
    assert list(PRIMITIVES) == sorted(PRIMITIVES)
    assert list(PRIMITIVE_MODULE) == sorted(PRIMITIVE_MODULE)


def test_every_module_has_a_titled_reference_section_and_support_adds_no_primitives():
    from arc_pipeline.dsl import _support
    from arc_pipeline.dsl.reference import _SECTION_TITLES, render_reference

    modules = set(PRIMITIVE_MODULE.values())
    assert modules <= set(_SECTION_TITLES), sorted(modules - set(_SECTION_TITLES))
    assert "_support" not in modules and not getattr(_support, "__all__", ())
    assert all(inspect.getmodule(fn).__name__.split(".")[-1] == PRIMITIVE_MODULE[n] for n, fn in PRIMITIVES.items())
    titles = [line for line in render_reference().splitlines() if line.startswith("## ")]
    assert len(titles) == len(modules) == len(set(titles))
    assert not any("regions" in t.lower() for t in titles)


def test_stack_vertical_refuses_grids_of_different_widths():
    with pytest.raises(ValueError, match="stack_vertical needs grids of equal width"):
        PRIMITIVES["stack_vertical"]((((1, 2),), ((3,),)))
    assert PRIMITIVES["stack_vertical"]((((1,),), ((2,),))) == ((1,), (2,))



# `len` read three ways: the names say which kind of value a solver measures
SAME_CODE_ON_PURPOSE = [{"count", "height", "object_size"}]


def _code_key(fn) -> str:
    """The function body without its docstring, parameters renamed by position."""
    import ast
    import textwrap

    node = ast.parse(textwrap.dedent(inspect.getsource(fn))).body[0]
    body = node.body[1:] if isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant) else node.body
    text = ast.dump(ast.Module(body=body, type_ignores=[]))
    for i, a in enumerate(node.args.args):
        text = text.replace(f"'{a.arg}'", f"'arg{i}'")
    return text


def test_no_two_primitives_have_the_same_code():
    groups: dict[str, set] = {}
    for name, fn in PRIMITIVES.items():
        groups.setdefault(_code_key(fn), set()).add(name)
    duplicates = [g for g in groups.values() if len(g) > 1 and g not in SAME_CODE_ON_PURPOSE]
    assert duplicates == []
