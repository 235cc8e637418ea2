"""Painting helpers: whole-line selections and other grid painting utilities."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices, Obj, Objects  # noqa: F401

__all__ = [
    "full_line_cells",
]


def full_line_cells(grid: Grid, color: int) -> Indices:
    """Positions of every row and every column made entirely of one colour.

    >>> sorted(full_line_cells(((0, 1), (0, 0)), 0))
    [(0, 0), (1, 0), (1, 1)]
    """
    h, w = len(grid), len(grid[0])
    out = set()
    for r in range(h):
        if all(v == color for v in grid[r]):
            out.update((r, c) for c in range(w))
    for c in range(w):
        if all(grid[r][c] == color for r in range(h)):
            out.update((r, c) for r in range(h))
    return frozenset(out)
