"""Documented program mutations, shared by corrupted baselines and the search teacher.

Each mutation takes program text and a ``random.Random`` and returns ``Mutation(program,
description)`` or None when it does not apply. All operate on the AST, so results are valid
programs in the language (comments are dropped by ``ast.unparse``):

- ``swap_primitive``: replace a call's primitive by another one with the same signature
  (same parameter and return annotations), e.g. ``rotate_90`` -> ``flip_vertical``.
- ``change_constant``: change an int literal (colours 0-9 to another colour; other ints +-1).
- ``drop_step``: delete one assignment and point later uses at the value it consumed.
- ``duplicate_step``: apply one step's call a second time to its own result.
- ``reorder_steps``: swap two adjacent assignments when names stay defined before use.
- ``insert_step``: apply a grid -> grid primitive to the returned value (search only: it is
  how the search teacher repairs a dropped step).
"""

from __future__ import annotations

import ast
import inspect
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from arc_pipeline.dsl import PRIMITIVES


@dataclass(frozen=True)
class Mutation:
    program: str
    description: str
    kind: str


@lru_cache(maxsize=1)
def signature_groups() -> dict[str, tuple[str, ...]]:
    """primitive name -> other primitives with an identical annotated signature."""
    by_sig: dict[tuple, list[str]] = {}
    for name, fn in PRIMITIVES.items():
        try:
            sig = inspect.signature(fn)
        except (TypeError, ValueError):
            continue
        key = (tuple(str(p.annotation) for p in sig.parameters.values()), str(sig.return_annotation))
        if any(a == str(inspect.Parameter.empty) for a in key[0]) or key[1] == str(inspect.Signature.empty):
            continue
        by_sig.setdefault(key, []).append(name)
    out: dict[str, tuple[str, ...]] = {}
    for names in by_sig.values():
        for n in names:
            out[n] = tuple(sorted(m for m in names if m != n))
    return out


@lru_cache(maxsize=1)
def grid_to_grid_primitives() -> tuple[str, ...]:
    """Primitives taking exactly one Grid and returning a Grid (used by insert_step)."""
    names = []
    for name, fn in PRIMITIVES.items():
        sig = inspect.signature(fn)
        params = list(sig.parameters.values())
        if len(params) == 1 and str(params[0].annotation) == "Grid" and str(sig.return_annotation) == "Grid":
            names.append(name)
    return tuple(sorted(names))


def _body(tree: ast.Module) -> list[ast.stmt]:
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef))
    return fn.body


def _calls(tree: ast.Module) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in PRIMITIVES]


def swap_primitive(program: str, rng: random.Random) -> Mutation | None:
    tree = ast.parse(program)
    groups = signature_groups()
    calls = [c for c in _calls(tree) if groups.get(c.func.id)]
    if not calls:
        return None
    call = rng.choice(calls)
    old = call.func.id
    new = rng.choice(groups[old])
    call.func.id = new
    return Mutation(ast.unparse(tree) + "\n", f"replaced `{old}` with `{new}` on line {call.lineno}", "swap_primitive")


def change_constant(program: str, rng: random.Random) -> Mutation | None:
    tree = ast.parse(program)
    consts = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and type(n.value) is int]
    if not consts:
        return None
    node = rng.choice(consts)
    old = node.value
    if 0 <= old <= 9:
        new = rng.choice([c for c in range(10) if c != old])
    else:
        new = old + rng.choice((-1, 1))
    node.value = new
    return Mutation(ast.unparse(tree) + "\n", f"changed the constant {old} to {new} on line {node.lineno}", "change_constant")


def _assigns(body: list[ast.stmt]) -> list[int]:
    return [i for i, s in enumerate(body) if isinstance(s, ast.Assign)]


def _call_steps(body: list[ast.stmt]) -> list[int]:
    """Indices of assignments whose value is a call with a plain name as first argument."""
    return [i for i in _assigns(body)
            if isinstance(body[i].value, ast.Call) and body[i].value.args
            and isinstance(body[i].value.args[0], ast.Name)]


def drop_step(program: str, rng: random.Random) -> Mutation | None:
    tree = ast.parse(program)
    body = _body(tree)
    candidates = _call_steps(body)
    if not candidates:
        return None
    i = rng.choice(candidates)
    stmt = body[i]
    target = stmt.targets[0].id
    replacement = stmt.value.args[0].id
    if replacement == target:
        return None
    del body[i]
    for node in ast.walk(ast.Module(body=body[i:], type_ignores=[])):
        if isinstance(node, ast.Name) and node.id == target and isinstance(node.ctx, ast.Load):
            node.id = replacement
    return Mutation(ast.unparse(tree) + "\n", f"removed the step `{target} = {stmt.value.func.id}(...)` (line {stmt.lineno})", "drop_step")


def duplicate_step(program: str, rng: random.Random) -> Mutation | None:
    tree = ast.parse(program)
    body = _body(tree)
    candidates = _call_steps(body)
    if not candidates:
        return None
    i = rng.choice(candidates)
    stmt = body[i]
    target = stmt.targets[0].id
    again = ast.Assign(targets=[ast.Name(id=target, ctx=ast.Store())],
                       value=ast.Call(func=ast.Name(id=stmt.value.func.id, ctx=ast.Load()),
                                      args=[ast.Name(id=target, ctx=ast.Load())] + stmt.value.args[1:],
                                      keywords=[]))
    body.insert(i + 1, again)
    ast.fix_missing_locations(tree)
    return Mutation(ast.unparse(tree) + "\n", f"applied `{stmt.value.func.id}` a second time after line {stmt.lineno}", "duplicate_step")


def _names_loaded(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def reorder_steps(program: str, rng: random.Random) -> Mutation | None:
    tree = ast.parse(program)
    body = _body(tree)
    pairs = []
    for i in range(len(body) - 1):
        a, b = body[i], body[i + 1]
        if isinstance(a, ast.Assign) and isinstance(b, ast.Assign):
            ta, tb = a.targets[0].id, b.targets[0].id
            if ta not in _names_loaded(b) and tb not in _names_loaded(a) and ta != tb:
                pairs.append(i)
    if not pairs:
        return None
    i = rng.choice(pairs)
    body[i], body[i + 1] = body[i + 1], body[i]
    # swapping independent steps changes nothing unless they rebind a name read later; rename
    # is not needed: the language has no side effects, so this mutation is a no-op semantically
    # unless combined with others. Kept for the documented set; callers drop no-op results.
    return Mutation(ast.unparse(tree) + "\n", f"swapped the steps on lines {body[i + 1].lineno} and {body[i].lineno}", "reorder_steps")


def insert_step(program: str, rng: random.Random) -> Mutation | None:
    tree = ast.parse(program)
    body = _body(tree)
    ret = body[-1]
    if not isinstance(ret, ast.Return):
        return None
    fn_name = rng.choice(grid_to_grid_primitives())
    new_name = "O"
    existing = {t.id for s in body if isinstance(s, ast.Assign) for t in s.targets}
    k = 1
    while new_name in existing and not (isinstance(ret.value, ast.Name) and ret.value.id == new_name):
        new_name = f"O{k}"
        k += 1
    step = ast.Assign(targets=[ast.Name(id=new_name, ctx=ast.Store())],
                      value=ast.Call(func=ast.Name(id=fn_name, ctx=ast.Load()), args=[ret.value], keywords=[]))
    body.insert(len(body) - 1, step)
    body[-1] = ast.Return(value=ast.Name(id=new_name, ctx=ast.Load()))
    ast.fix_missing_locations(tree)
    return Mutation(ast.unparse(tree) + "\n", f"added a final step `{fn_name}` on the result", "insert_step")


CORRUPTIONS: dict[str, Callable[[str, random.Random], Mutation | None]] = {
    "swap_primitive": swap_primitive,
    "change_constant": change_constant,
    "drop_step": drop_step,
    "duplicate_step": duplicate_step,
    "reorder_steps": reorder_steps,
}
SEARCH_MOVES: dict[str, Callable[[str, random.Random], Mutation | None]] = {
    "swap_primitive": swap_primitive,
    "change_constant": change_constant,
    "drop_step": drop_step,
    "insert_step": insert_step,
}


def mutate(program: str, rng: random.Random, moves: dict = CORRUPTIONS, attempts: int = 8) -> Mutation | None:
    """One random applicable mutation from ``moves`` (None if nothing applies)."""
    names = sorted(moves)
    for _ in range(attempts):
        result = moves[rng.choice(names)](program, rng)
        if result is not None:
            return result
    return None
