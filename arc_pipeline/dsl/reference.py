"""Generate the markdown DSL reference shown to models in prompts."""

from __future__ import annotations

import inspect

from arc_pipeline.dsl import PRIMITIVE_MODULE, PRIMITIVES

# One section per module, in this order; every primitive module must have a title here
# (checked by a test), so a section never shows a bare file name.
_SECTION_TITLES = {
    "construction": "Grid construction and single cells",
    "cropping": "Cutting grids: windows, halves, row and column ranges",
    "layout": "Scaling, tiling, joining and splitting grids",
    "symmetry": "Rotations, reflections and symmetry completion",
    "masks": "Combining same-shape grids cell by cell",
    "colors": "Colours",
    "objects": "Objects: finding, properties, conversion, selection",
    "placement": "Placing objects: painting, moving, copying, fitting",
    "cells": "Sets of positions",
    "lines": "Lines, rays and paths",
    "matching": "Finding patterns in a grid",
    "filling": "Filling and continuing patterns",
    "combinators": "Building functions: binding, composing, branching, repeating",
    "items": "Collections: mapping, filtering, sorting, picking, pairing",
    "arithmetic": "Numbers, comparisons and booleans",
}


def one_line_doc(fn) -> str:
    """First line of a primitive's docstring."""
    doc = inspect.getdoc(fn) or ""
    return doc.splitlines()[0].strip() if doc else ""


def signature(name: str) -> str:
    """`name(arg: type, ...) -> type` with annotations as written in the source."""
    fn = PRIMITIVES[name]
    sig = inspect.signature(fn)
    parts = []
    for p in sig.parameters.values():
        ann = p.annotation
        ann_s = "" if ann is inspect.Parameter.empty else f": {ann if isinstance(ann, str) else getattr(ann, '__name__', ann)}"
        parts.append(f"{p.name}{ann_s}")
    ret = sig.return_annotation
    ret_s = "" if ret is inspect.Signature.empty else f" -> {ret if isinstance(ret, str) else getattr(ret, '__name__', ret)}"
    return f"{name}({', '.join(parts)}){ret_s}"


def _in_module_order(module: str, names: list[str]) -> list[str]:
    """Names in their module's ``__all__`` order, which groups related primitives together."""
    import importlib

    listed = list(getattr(importlib.import_module(f"arc_pipeline.dsl.{module}"), "__all__", ()))
    return sorted(names, key=lambda n: listed.index(n) if n in listed else len(listed))


def render_reference(compact: bool = False) -> str:
    """Markdown reference of the whole DSL: one section per module, one line per primitive."""
    lines = [
        "# DSL reference",
        "",
        "A program is `def solve(I):` whose body only assigns DSL calls (calls may nest) and literals",
        "(ints, bools, None, tuples), then `return`s the output grid. Grids are tuples of rows;",
        "colours are 0-9 (0 is usually black/background). Objects are sets of (row, col, color) cells;",
        "collections are tuples. No loops, operators, attributes, subscripts or strings.",
        "",
    ]
    by_module: dict[str, list[str]] = {}
    for name, module in PRIMITIVE_MODULE.items():
        by_module.setdefault(module, []).append(name)
    order = list(_SECTION_TITLES)
    for module in sorted(by_module, key=lambda m: (order.index(m) if m in order else len(order), m)):
        title = _SECTION_TITLES.get(module, module.replace("_", " ").capitalize())
        lines += [f"## {title}", ""]
        for name in _in_module_order(module, by_module[module]):
            lines.append(f"- `{signature(name)}` — {one_line_doc(PRIMITIVES[name])}")
        lines.append("")
    return "\n".join(lines)
