"""The program language: straight-line Python over the DSL, checked by an AST whitelist.

A program is Python text that defines exactly ``def solve(I): ... return O``. Its body may only
bind names to DSL primitive calls (calls may nest), to results of functions built earlier by
higher-order primitives, or to literals (ints, bools, None, and tuples of them), and then
``return`` one expression of the same kinds. Comments and a docstring are allowed.

Everything else is rejected *before* anything runs: imports, attribute access (so no
``().__class__`` escapes), subscripts, dunder names, strings, operators, loops, ``lambda``,
comprehensions, ``exec``/``eval``/``open`` (they are simply not in the namespace), keyword
arguments and ``*args``. The validator is the first wall; the sandbox in
``arc_pipeline.execution`` is the second.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Callable

ENTRY_POINT = "solve"
INPUT_NAME = "I"
MAX_PROGRAM_CHARS = 20_000
MAX_INT_LITERAL = 1_000


@dataclass
class ProgramError(Exception):
    """A program that cannot run; ``kind`` is ``syntax_error`` or ``invalid_program``."""

    kind: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{self.kind}: {where}{self.message}"


def _invalid(node: ast.AST | None, message: str) -> ProgramError:
    return ProgramError("invalid_program", message, getattr(node, "lineno", None))


class _Checker:
    def __init__(self, primitives: set[str]):
        self.primitives = primitives
        self.bound: set[str] = {INPUT_NAME}

    def name(self, node: ast.Name) -> None:
        ident = node.id
        if ident.startswith("__") or ident.startswith("_"):
            raise _invalid(node, f"name {ident!r}: names starting with '_' are not allowed")
        if ident not in self.bound and ident not in self.primitives:
            raise _invalid(node, f"name {ident!r} is neither a DSL primitive nor assigned earlier")

    def expr(self, node: ast.AST) -> None:
        if isinstance(node, ast.Name):
            self.name(node)
        elif isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or value is None:
                return
            if isinstance(value, int):
                if abs(value) > MAX_INT_LITERAL:
                    raise _invalid(node, f"integer literal {value} is larger than {MAX_INT_LITERAL}")
                return
            raise _invalid(node, f"literal of type {type(value).__name__} is not allowed (only int, bool, None)")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            self.expr(node.operand)
        elif isinstance(node, ast.Tuple):
            for elt in node.elts:
                if isinstance(elt, ast.Starred):
                    raise _invalid(elt, "starred expressions are not allowed")
                self.expr(elt)
        elif isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name):
                raise _invalid(node, "only calls of a plain name (a primitive or an earlier result) are allowed")
            self.name(node.func)
            if node.keywords:
                raise _invalid(node, "keyword arguments are not allowed")
            for arg in node.args:
                if isinstance(arg, ast.Starred):
                    raise _invalid(arg, "*args are not allowed")
                self.expr(arg)
        else:
            raise _invalid(node, f"{type(node).__name__} is not allowed; only DSL calls, names and literals")

    def statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
                raise _invalid(node, "assign to exactly one plain name")
            self.expr(node.value)
            target = node.targets[0].id
            if target.startswith("_"):
                raise _invalid(node, f"name {target!r}: names starting with '_' are not allowed")
            if target in self.primitives:
                raise _invalid(node, f"assignment would shadow the DSL primitive {target!r}")
            self.bound.add(target)
        elif isinstance(node, ast.Return):
            if node.value is None:
                raise _invalid(node, "return needs a value")
            self.expr(node.value)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return  # docstring
        else:
            raise _invalid(node, f"{type(node).__name__} statements are not allowed; only assignments and return")


def validate_program(source: str, primitives: set[str] | None = None) -> ast.Module:
    """Parse and check ``source``; raise ProgramError saying what is wrong and where."""
    if primitives is None:
        from arc_pipeline.dsl import PRIMITIVES

        primitives = set(PRIMITIVES)
    if not isinstance(source, str) or not source.strip():
        raise ProgramError("syntax_error", "empty program")
    if len(source) > MAX_PROGRAM_CHARS:
        raise ProgramError("invalid_program", f"program longer than {MAX_PROGRAM_CHARS} characters")
    try:
        module = ast.parse(source)
    except SyntaxError as exc:
        raise ProgramError("syntax_error", exc.msg or "invalid syntax", exc.lineno) from None
    body = [n for n in module.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str))]
    if len(body) != 1 or not isinstance(body[0], ast.FunctionDef) or body[0].name != ENTRY_POINT:
        raise _invalid(body[0] if body else None, f"a program must define exactly one function `def {ENTRY_POINT}({INPUT_NAME}):` and nothing else")
    fn = body[0]
    args = fn.args
    if (
        [a.arg for a in args.args] != [INPUT_NAME]
        or args.posonlyargs or args.kwonlyargs or args.vararg or args.kwarg or args.defaults
    ):
        raise _invalid(fn, f"the signature must be `def {ENTRY_POINT}({INPUT_NAME}):`")
    if fn.decorator_list or fn.returns or args.args[0].annotation:
        raise _invalid(fn, "decorators and annotations are not allowed")
    checker = _Checker(primitives)
    for stmt in fn.body:
        checker.statement(stmt)
    if not isinstance(fn.body[-1], ast.Return):
        raise _invalid(fn.body[-1], "the last statement must be `return ...`")
    return module


def compile_program(source: str) -> Callable[[Any], Any]:
    """Validate ``source`` and return its ``solve`` function, bound to the DSL namespace only.

    The namespace has no builtins. Call this only inside the sandbox for untrusted text.
    """
    from arc_pipeline.dsl import PRIMITIVES

    module = validate_program(source, set(PRIMITIVES))
    code = compile(module, "<program>", "exec")
    namespace: dict[str, Any] = {"__builtins__": {}}
    namespace.update(PRIMITIVES)
    exec(code, namespace)  # noqa: S102 - validated AST, empty builtins; runs inside the sandbox
    return namespace[ENTRY_POINT]


def strip_comments(source: str) -> str:
    """Program text without comments/docstrings (canonical form for hashing and dedupe)."""
    module = ast.parse(source)
    return ast.unparse(module)


def statements(source: str) -> list[str]:
    """``solve``'s body statements in canonical form (comments and layout do not count),
    ``return`` and a bare ``identity(I)`` step left out: the lines an edit can keep or change."""
    try:
        module = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return []
    body = next((n.body for n in module.body if isinstance(n, ast.FunctionDef)), [])
    out = [ast.unparse(s) for s in body if not isinstance(s, ast.Return)]
    return [s for s in out if not s.endswith("= identity(I)")]


def kept_statements(start: str, edited: str | None) -> float | None:
    """The share of the start program's statements that the edit keeps verbatim (canonical form).

    Why: an *edit* model keeps what is right and changes what is wrong; a model that rewrites
    every program from scratch scores 0 here however good its programs are. ``None`` when the
    start has nothing to keep (the empty program) or there is no edited program; an edit that
    cannot be parsed keeps nothing (0).

    >>> start = "def solve(I):\\n    x = rotate_90(I)\\n    O = tile(x, 1, 2)\\n    return O"
    >>> kept_statements(start, "def solve(I):\\n    x = rotate_90(I)\\n    O = tile(x, 2, 1)\\n    return O")
    0.5
    >>> kept_statements(start, "def solve(I):\\n    O = upscale(I, 2)\\n    return O")
    0.0
    >>> kept_statements("def solve(I):\\n    O = identity(I)\\n    return O", "def solve(I):\\n    O = upscale(I, 2)\\n    return O") is None
    True
    """
    before = statements(start)
    if not before or edited is None:
        return None
    after = set(statements(edited))
    return sum(s in after for s in before) / len(before)
