"""The program validator: one rejected construct per test, with what and where."""

import pytest

from arc_pipeline.program import ProgramError, compile_program, strip_comments, validate_program

GOOD = """# rule: rotate
def solve(I):
    x = rotate_90(I)
    O = flip_horizontal(x)
    return O
"""


def test_valid_program_runs():
    solve = compile_program(GOOD)
    assert solve(((1, 2), (3, 4))) == ((1, 3), (2, 4))


def test_higher_order_results_are_callable():
    src = "def solve(I):\n    f = fix_second(upscale, 2)\n    O = f(I)\n    return O\n"
    assert compile_program(src)(((1,),)) == ((1, 1), (1, 1))


@pytest.mark.parametrize(
    "body, fragment",
    [
        ("import os\n    return I", "Import"),
        ("x = I.__class__\n    return x", "Attribute"),
        ("x = __import__(1)\n    return x", "'_'"),
        ("x = eval(1)\n    return x", "neither a DSL primitive"),
        ("x = open(1)\n    return x", "neither a DSL primitive"),
        ("for a in I:\n        pass\n    return I", "For"),
        ("while True:\n        pass\n    return I", "While"),
        ("x = I[0]\n    return x", "Subscript"),
        ("x = 'text'\n    return I", "literal of type str"),
        ("x = rotate_90(I) + 1\n    return x", "BinOp"),
        ("f = lambda y: y\n    return I", "Lambda"),
        ("x = [y for y in I]\n    return I", "ListComp"),
        ("x = rotate_90(grid=I)\n    return x", "keyword"),
        ("x = rotate_90(*I)\n    return x", "*args"),
        ("rotate_90 = identity\n    return I", "shadow"),
        ("x = 10**100\n    return x", "BinOp"),
        ("x = 100000\n    return x", "larger than"),
        ("x = rotate_90(I)", "last statement"),
        ("global y\n    return I", "Global"),
    ],
)
def test_rejected_constructs_name_what_and_where(body, fragment):
    src = f"def solve(I):\n    {body}\n"
    with pytest.raises(ProgramError) as info:
        validate_program(src)
    assert info.value.kind == "invalid_program"
    assert fragment in str(info.value)
    assert info.value.line is not None


def test_syntax_error_has_line():
    with pytest.raises(ProgramError) as info:
        validate_program("def solve(I):\n    x = (\n")
    assert info.value.kind == "syntax_error"


def test_must_define_exactly_solve():
    with pytest.raises(ProgramError, match="exactly one function"):
        validate_program("def other(I):\n    return I\n")
    with pytest.raises(ProgramError, match="exactly one function"):
        validate_program(GOOD + "\nx = 1\n")
    with pytest.raises(ProgramError, match="signature"):
        validate_program("def solve(I, J):\n    return I\n")


def test_empty_builtins_at_runtime():
    # even if a name slipped past validation, the namespace has no builtins
    solve = compile_program(GOOD)
    assert solve.__globals__["__builtins__"] == {}


def test_strip_comments_canonical():
    assert "rule" not in strip_comments(GOOD)
    assert strip_comments(GOOD) == strip_comments(GOOD.replace("# rule: rotate\n", ""))


def test_kept_statements_counts_verbatim_statements_of_the_start():
    import doctest

    import arc_pipeline.program
    from arc_pipeline.program import kept_statements

    assert doctest.testmod(arc_pipeline.program).failed == 0
    start = "def solve(I):\n    x = rotate_90(I)\n    y = tile(x, 1, 2)\n    O = pad(y, 1, 0)\n    return O\n"
    # comments, spacing and the return do not count; one changed argument is one changed statement
    edited = "# rule: fixed\ndef solve(I):\n    x = rotate_90( I )\n    y = tile(x, 2, 1)\n    O = pad(y, 1, 0)\n    return O"
    assert kept_statements(start, edited) == 2 / 3
    assert kept_statements(start, start) == 1.0
    assert kept_statements(start, "def solve(I):\n    O = upscale(I, 2)\n    return O") == 0.0
    assert kept_statements(start, "def solve(I:\n    broken") == 0.0  # an edit that does not parse keeps nothing
    assert kept_statements(start, None) is None
