"""Our DSL of typed, pure grid primitives.

Every module in this package that defines ``__all__`` contributes primitives; they are
collected into ``PRIMITIVES`` (name -> function), the only names a program may call.
New capabilities go into a module here (with docstring examples, which double as the
per-primitive tests) and appear automatically in the generated reference
(``arc_pipeline.dsl.reference.render_reference``).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Callable

_SKIP = {"types", "reference"}


def _collect() -> tuple[dict[str, Callable], dict[str, str]]:
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
    return primitives, origin


PRIMITIVES, PRIMITIVE_MODULE = _collect()

__all__ = ["PRIMITIVES", "PRIMITIVE_MODULE"]
