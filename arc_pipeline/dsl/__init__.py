"""Our DSL of typed, pure grid primitives.

Every module in this package that defines ``__all__`` contributes primitives; they are
collected into ``PRIMITIVES`` (name -> function), the only names a program may call.
New capabilities go into the module of their kind (with docstring examples, which double
as the per-primitive tests) and appear automatically in the generated reference
(``arc_pipeline.dsl.reference.render_reference``, one section per module).

``PRIMITIVES`` is ordered by name, not by file: moving a primitive between modules must not
change anything that enumerates it (signature groups for mutations, the search teacher's
moves), so data built from it keeps its hash. Modules whose name starts with an underscore
(``_support``: helpers shared by several modules) contribute no primitives.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Callable

_SKIP = {"types", "reference"}


def _collect() -> tuple[dict[str, Callable], dict[str, str]]:
    """Gather every module's ``__all__``; a name defined twice is an import error."""
    primitives: dict[str, Callable] = {}
    origin: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in _SKIP or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name in getattr(module, "__all__", ()):
            if name in primitives:
                raise ImportError(
                    f"DSL primitive {name!r} defined twice: in {origin[name]} and {info.name}"
                )
            primitives[name] = getattr(module, name)
            origin[name] = info.name
    ordered = sorted(primitives)
    return {n: primitives[n] for n in ordered}, {n: origin[n] for n in ordered}


PRIMITIVES, PRIMITIVE_MODULE = _collect()

__all__ = ["PRIMITIVES", "PRIMITIVE_MODULE"]
