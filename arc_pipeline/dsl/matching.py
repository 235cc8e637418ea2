"""Finding patterns in a grid: sub-grid matches, solid squares and rectangles."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices

__all__ = [
    "pattern_placements", "contains_subgrid", "full_window_corners", "cells_in_solid_squares",
    "largest_rectangle_of_color",
]


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


def contains_subgrid(grid: Grid, part: Grid) -> bool:
    """True when `part` appears somewhere inside the grid as an exact rectangular window.

    >>> contains_subgrid(((1, 2, 3), (4, 5, 6)), ((2, 3), (5, 6)))
    True
    >>> contains_subgrid(((1, 2, 3), (4, 5, 6)), ((3, 2),))
    False
    """
    h, w = len(grid), len(grid[0]) if grid else 0
    ph, pw = len(part), len(part[0]) if part else 0
    if ph == 0 or pw == 0:
        return True
    for r in range(h - ph + 1):
        for c in range(w - pw + 1):
            if all(grid[r + i][c:c + pw] == tuple(part[i]) for i in range(ph)):
                return True
    return False


def full_window_corners(grid: Grid, rows: int, cols: int, background: int) -> tuple:
    """Top-left (row, col) corners, in reading order, of every rows x cols window holding no background cell.

    >>> full_window_corners(((5, 5, 0), (5, 5, 0), (0, 0, 0)), 2, 2, 0)
    ((0, 0),)
    """
    h, w = len(grid), len(grid[0])
    out = []
    for r in range(h - rows + 1):
        for c in range(w - cols + 1):
            if all(grid[r + a][c + b] != background for a in range(rows) for b in range(cols)):
                out.append((r, c))
    return tuple(out)


def cells_in_solid_squares(grid: Grid, size: int, background: int) -> Indices:
    """Positions covered by some size x size square whose cells all share one non-background colour.

    Useful for finding solid blocks hidden among noise.

    >>> sorted(cells_in_solid_squares(((1, 1, 2), (1, 1, 1), (0, 1, 1)), 2, 0))
    [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2)]
    """
    h, w = len(grid), len(grid[0])
    out = set()
    if size < 1:
        return frozenset()
    for r in range(h - size + 1):
        for c in range(w - size + 1):
            v = grid[r][c]
            if v == background:
                continue
            if all(grid[r + a][c + b] == v for a in range(size) for b in range(size)):
                out.update((r + a, c + b) for a in range(size) for b in range(size))
    return frozenset(out)


def largest_rectangle_of_color(grid: Grid, color: int, min_side: int) -> Indices:
    """Positions of the largest solid rectangle of one colour whose sides are at least min_side.

    Ties: first by top row, then left column, then taller; empty if there is none.

    >>> sorted(largest_rectangle_of_color(((0, 0, 1), (0, 0, 1), (1, 0, 0)), 0, 1))
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    >>> sorted(largest_rectangle_of_color(((0, 0, 0, 0, 0), (0, 0, 1, 1, 1)), 0, 2))
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """
    h, w = len(grid), len(grid[0])
    pre = [[0] * (w + 1) for _ in range(h + 1)]
    for r in range(h):
        for c in range(w):
            pre[r + 1][c + 1] = pre[r][c + 1] + pre[r + 1][c] - pre[r][c] + (grid[r][c] == color)
    best, best_key = None, None
    for top in range(h):
        for left in range(w):
            for bottom in range(top, h):
                for right in range(left, w):
                    area = (bottom - top + 1) * (right - left + 1)
                    full = pre[bottom + 1][right + 1] - pre[top][right + 1] - pre[bottom + 1][left] + pre[top][left]
                    if full != area:
                        break
                    if bottom - top + 1 < min_side or right - left + 1 < min_side:
                        continue
                    key = (-area, top, left, -(bottom - top))
                    if best_key is None or key < best_key:
                        best_key, best = key, (top, left, bottom, right)
    if best is None:
        return frozenset()
    t, l, b, rr = best
    return frozenset((r, c) for r in range(t, b + 1) for c in range(l, rr + 1))
