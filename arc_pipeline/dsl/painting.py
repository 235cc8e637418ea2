"""Painting helpers: whole-line selections and other grid painting utilities."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices, Obj, Objects  # noqa: F401

__all__ = [
    "full_line_cells", "object_endpoints", "complete_quarter_turn_symmetry",
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


def object_endpoints(obj: Obj) -> Indices:
    """Positions of the object's cells that have exactly one side neighbour in the object (line ends).

    >>> sorted(object_endpoints(frozenset({(0, 0, 3), (0, 1, 3), (1, 1, 3)})))
    [(0, 0), (1, 1)]
    """
    cells = {(r, c) for r, c, _ in obj}
    out = set()
    for r, c in cells:
        n = sum((r + dr, c + dc) in cells for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
        if n == 1:
            out.add((r, c))
    return frozenset(out)


def complete_quarter_turn_symmetry(obj: Obj) -> Obj:
    """Add the missing cells that make the object look the same after every quarter turn.

    Tries every centre (cell centres and cell corners) inside the object's bounding box; a centre
    is allowed when no cell's quarter-turn image lands on an object cell of another colour. The
    allowed centre whose quarter turn maps the most cells onto same-coloured cells wins (ties: first
    by row, then column); the object is returned with all its quarter-turn images added.

    >>> sorted(complete_quarter_turn_symmetry(frozenset({(0, 1, 5), (1, 0, 5), (1, 1, 4), (1, 2, 5)})))
    [(0, 1, 5), (1, 0, 5), (1, 1, 4), (1, 2, 5), (2, 1, 5)]
    """
    cells = {(r, c): v for r, c, v in obj}
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    best, best_score = None, -1
    for R in range(2 * min(rows), 2 * max(rows) + 1):
        for C in range(2 * min(cols), 2 * max(cols) + 1):
            if (R - C) % 2:
                continue
            score, ok = 0, True
            for (r, c), v in cells.items():
                a, b = 2 * r - R, 2 * c - C
                image = ((R + b) // 2, (C - a) // 2)
                if image in cells:
                    if cells[image] != v:
                        ok = False
                        break
                    score += 1
            if ok and score > best_score:
                best, best_score = (R, C), score
    if best is None:
        return obj
    R, C = best
    out = set(obj)
    current = list(obj)
    for _ in range(3):
        current = [((R + 2 * c - C) // 2, (C - (2 * r - R)) // 2, v) for r, c, v in current]
        out.update(current)
    return frozenset(out)
