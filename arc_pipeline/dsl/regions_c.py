"""Primitives for picking items by stride and matching grid patterns in any orientation."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices

__all__ = ["disjoint_placements", "every_nth", "grid_symmetries", "pattern_placements"]


def every_nth(items, step: int, start: int) -> tuple:
    """Every step-th item, beginning with the item at 0-based index `start`.

    >>> every_nth((10, 11, 12, 13, 14, 15, 16), 3, 0)
    (10, 13, 16)
    >>> every_nth('abcdef', 2, 1)
    ('b', 'd', 'f')
    """
    step = max(1, int(step))
    return tuple(tuple(items)[max(0, int(start))::step])


def grid_symmetries(grid: Grid) -> tuple:
    """The distinct grids reachable by rotating and mirroring (at most 8), the original first.

    >>> grid_symmetries(((1, 2),))
    (((1, 2),), ((1,), (2,)), ((2, 1),), ((2,), (1,)))
    >>> len(grid_symmetries(((1, 2), (3, 4))))
    8
    """
    def rot(g):
        return tuple(zip(*g[::-1]))

    found = []
    current = tuple(tuple(row) for row in grid)
    for flipped in (current, tuple(row[::-1] for row in current)):
        g = flipped
        for _ in range(4):
            if g not in found:
                found.append(g)
            g = rot(g)
    return tuple(found)


def pattern_placements(grid: Grid, pattern: Grid, wildcard: int) -> tuple:
    """Top-left (row, col) positions, in reading order, where the pattern matches the grid.

    Every pattern cell not equal to `wildcard` must lie on the grid and equal the grid's colour
    there; wildcard cells match anything and may hang off the grid edge (so positions can be
    negative).

    >>> pattern_placements(((0, 4, 0), (0, 0, 4)), ((9, 9), (4, 9)), 9)
    ((-1, 1), (0, 2))
    >>> pattern_placements(((1, 0), (0, 1)), ((1, 0),), 9)
    ((0, 0),)
    """
    h, w = len(grid), len(grid[0])
    fixed = [(r, c, v) for r, row in enumerate(pattern) for c, v in enumerate(row) if v != wildcard]
    ph, pw = len(pattern), len(pattern[0])
    found = []
    for top in range(-ph + 1, h):
        for left in range(-pw + 1, w):
            ok = True
            for r, c, v in fixed:
                rr, cc = top + r, left + c
                if not (0 <= rr < h and 0 <= cc < w) or grid[rr][cc] != v:
                    ok = False
                    break
            if ok:
                found.append((top, left))
    return tuple(found)


def disjoint_placements(cells: Indices, offsets: tuple) -> tuple:
    """The offsets, in the given order, at which copies of `cells` do not overlap earlier kept copies.

    Why: where a piece fits in two overlapping spots, only one copy can be drawn; taking the spots
    in a fixed order (e.g. reading order from `pattern_placements`) makes the choice deterministic.

    >>> disjoint_placements(frozenset({(0, 0), (0, 1)}), ((0, 0), (0, 1), (0, 2), (1, 0)))
    ((0, 0), (0, 2), (1, 0))
    >>> disjoint_placements(frozenset({(0, 0)}), ((2, 2), (2, 2)))
    ((2, 2),)
    """
    taken: set = set()
    kept = []
    for dr, dc in offsets:
        moved = {(r + dr, c + dc) for r, c in cells}
        if moved & taken:
            continue
        taken |= moved
        kept.append((dr, dc))
    return tuple(kept)
