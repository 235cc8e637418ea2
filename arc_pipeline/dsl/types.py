"""Value types shared by every DSL primitive.

Grids are tuples of tuples of ints: immutable (a primitive can never mutate its input),
hashable (usable as dict keys and in sets), cheap to pickle across the sandbox boundary,
and fast in pure Python for ARC's small (<= 30x30) grids.

Objects are frozensets of ``(row, col, color)`` cells in absolute grid coordinates, so an
object remembers where it was and can be painted back. Collections of objects are
*tuples* in a documented deterministic order (never bare sets), so no program result can
depend on hash seeds or set iteration order.
"""

from __future__ import annotations

from typing import Any, Callable

Color = int
Grid = tuple[tuple[int, ...], ...]
Cell = tuple[int, int, int]  # (row, col, color)
Obj = frozenset  # frozenset[Cell]
Objects = tuple  # tuple[Obj, ...]
Position = tuple[int, int]  # (row, col)
Indices = frozenset  # frozenset[Position]
Predicate = Callable[[Any], bool]

MAX_SIDE = 30
COLORS = range(10)


def is_grid(value: Any) -> bool:
    """True when ``value`` is a valid ARC grid: rectangular, 1..30 per side, ints 0..9."""
    if not isinstance(value, tuple) or not 1 <= len(value) <= MAX_SIDE:
        return False
    first = value[0]
    if not isinstance(first, tuple):
        return False
    width = len(first)
    if not 1 <= width <= MAX_SIDE:
        return False
    for row in value:
        if type(row) is not tuple or len(row) != width:
            return False
        for v in row:
            if type(v) is not int or not 0 <= v <= 9:
                return False
    return True


def as_grid(value: Any) -> Grid:
    """Convert nested lists / numpy arrays into a Grid (tuple of tuples of int)."""
    return tuple(tuple(int(v) for v in row) for row in value)
