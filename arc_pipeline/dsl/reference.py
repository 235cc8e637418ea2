"""Generate the markdown DSL reference shown to models in prompts."""

from __future__ import annotations

import inspect

from arc_pipeline.dsl import PRIMITIVE_MODULE, PRIMITIVES

_SECTION_TITLES = {
    "grids": "Grid geometry and construction",
    "colors": "Colours",
    "objects": "Objects",
    "logic": "Composition, collections and arithmetic",
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
    for module in sorted(by_module, key=lambda m: (m not in _SECTION_TITLES, list(_SECTION_TITLES).index(m) if m in _SECTION_TITLES else 0, m)):
        title = _SECTION_TITLES.get(module, module.replace("_", " ").capitalize())
        lines += [f"## {title}", ""]
        for name in by_module[module]:
            lines.append(f"- `{signature(name)}` — {one_line_doc(PRIMITIVES[name])}")
        lines.append("")
    return "\n".join(lines)
