"""Rotations and reflections of grids and objects, and completing symmetric shapes."""

from __future__ import annotations

from arc_pipeline.dsl._support import _dihedral
from arc_pipeline.dsl.types import Grid, Obj

__all__ = [
    "rotate_90", "rotate_180", "rotate_270", "flip_horizontal", "flip_vertical", "transpose",
    "flip_antidiagonal", "grid_symmetries", "reflect_object_across", "complete_mirror_symmetry",
    "complete_quarter_turn_symmetry", "complete_rotational_symmetry", "fit_object_onto",
]


def _quarter_turn(r: int, c: int, R: int, C: int) -> tuple[int, int]:
    """Clockwise quarter turn of cell (r, c) about the point (R/2, C/2).

    The centre is in half-cell units so that cell centres and cell corners are both allowed;
    the two symmetry-completion primitives search over such centres.
    """
    return (R + 2 * c - C) // 2, (C - (2 * r - R)) // 2


def rotate_90(grid: Grid) -> Grid:
    """Rotate clockwise by a quarter turn.

    >>> rotate_90(((1, 2), (3, 4)))
    ((3, 1), (4, 2))
    """
    return tuple(zip(*grid[::-1]))


def rotate_180(grid: Grid) -> Grid:
    """Rotate by a half turn.

    >>> rotate_180(((1, 2), (3, 4)))
    ((4, 3), (2, 1))
    """
    return tuple(row[::-1] for row in grid[::-1])


def rotate_270(grid: Grid) -> Grid:
    """Rotate counter-clockwise by a quarter turn.

    >>> rotate_270(((1, 2), (3, 4)))
    ((2, 4), (1, 3))
    """
    return tuple(zip(*grid))[::-1]


def flip_horizontal(grid: Grid) -> Grid:
    """Mirror left-right (each row reversed).

    >>> flip_horizontal(((1, 2), (3, 4)))
    ((2, 1), (4, 3))
    """
    return tuple(row[::-1] for row in grid)


def flip_vertical(grid: Grid) -> Grid:
    """Mirror top-bottom (row order reversed).

    >>> flip_vertical(((1, 2), (3, 4)))
    ((3, 4), (1, 2))
    """
    return grid[::-1]


def transpose(grid: Grid) -> Grid:
    """Mirror along the main diagonal (rows become columns).

    >>> transpose(((1, 2), (3, 4)))
    ((1, 3), (2, 4))
    """
    return tuple(zip(*grid))


def flip_antidiagonal(grid: Grid) -> Grid:
    """Mirror along the anti-diagonal (top-right to bottom-left).

    >>> flip_antidiagonal(((1, 2), (3, 4)))
    ((4, 2), (3, 1))
    """
    return tuple(zip(*(row[::-1] for row in grid[::-1])))


def grid_symmetries(grid: Grid) -> tuple:
    """The distinct grids reachable by rotating and mirroring (at most 8), the original first.

    >>> grid_symmetries(((1, 2),))
    (((1, 2),), ((1,), (2,)), ((2, 1),), ((2,), (1,)))
    >>> len(grid_symmetries(((1, 2), (3, 4))))
    8
    """
    found = []
    current = tuple(tuple(row) for row in grid)
    for flipped in (current, tuple(row[::-1] for row in current)):
        g = flipped
        for _ in range(4):
            if g not in found:
                found.append(g)
            g = rotate_90(g)
    return tuple(found)


def reflect_object_across(obj: Obj, cells: tuple) -> Obj:
    """Mirror the object across the boundary between two neighbouring (row, col) cells.

    `cells` is (source, target): rows are mirrored when the two differ in row, columns when they
    differ in column (both for diagonal neighbours), so the source cell lands on the target cell.

    >>> sorted(reflect_object_across(frozenset({(2, 2, 7), (3, 2, 7)}), ((2, 2), (2, 1))))
    [(2, 1, 7), (3, 1, 7)]
    >>> sorted(reflect_object_across(frozenset({(2, 2, 7), (3, 3, 7)}), ((2, 2), (1, 1))))
    [(0, 0, 7), (1, 1, 7)]
    """
    (sr, sc), (tr, tc) = cells
    return frozenset(
        (sr + tr - r if sr != tr else r, sc + tc - c if sc != tc else c, v) for r, c, v in obj
    )


def complete_mirror_symmetry(obj: Obj, hidden) -> Obj:
    """Complete a partly hidden object that is left-right mirror symmetric.

    Tries every vertical axis; an axis is allowed when each cell's mirror image is either an object
    cell of the same colour or a hidden position. Among allowed axes the one matching the most cells
    wins (ties: leftmost), and the object plus all mirror images is returned.

    >>> sorted(complete_mirror_symmetry(frozenset({(0, 0, 1), (0, 1, 2), (1, 0, 1)}), {(0, 2), (0, 3), (1, 3)}))
    [(0, 0, 1), (0, 1, 2), (0, 2, 2), (0, 3, 1), (1, 0, 1), (1, 3, 1)]
    """
    cells = {(r, c): v for r, c, v in obj}
    hide = {(h[0], h[1]) for h in hidden}
    cols = [c for _, c in cells] + [c for _, c in hide]
    best, best_score = None, -1
    for total in range(2 * min(cols), 2 * max(cols) + 1):
        score, ok = 0, True
        for (r, c), v in cells.items():
            m = (r, total - c)
            if m in cells:
                if cells[m] != v:
                    ok = False
                    break
                score += 1
            elif m not in hide:
                ok = False
                break
        if ok and score > best_score:
            best, best_score = total, score
    if best is None:
        return obj
    return frozenset(obj) | frozenset((r, best - c, v) for (r, c), v in cells.items())


def _with_quarter_turns(obj: Obj, cells, R: int, C: int) -> Obj:
    """``obj`` plus the three quarter-turn images of ``cells`` about the centre (R, C) given in
    half-cell units (the tail both rotational completions share)."""
    out = set(obj)
    current = list(cells)
    for _ in range(3):
        current = [(*_quarter_turn(r, c, R, C), v) for r, c, v in current]
        out.update(current)
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
                image = _quarter_turn(r, c, R, C)
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
    return _with_quarter_turns(obj, obj, R, C)


def complete_rotational_symmetry(obj: Obj, grid: Grid) -> Obj:
    """Complete an object with four-fold rotational symmetry that may be cut off by the grid edge.

    Tries every centre (cell centres and cell corners); a centre is allowed when each cell's
    quarter-turn image is an object cell of the same colour or lies off the grid. The allowed centre
    matching the most cells wins (ties: first by row, then column); returns the object with all its
    quarter-turn images added (images may lie off the grid).

    >>> ring_top = frozenset({(0, 0, 1), (0, 1, 1), (0, 2, 1), (1, 0, 1), (1, 2, 1)})
    >>> sorted(complete_rotational_symmetry(ring_top, ((0, 0, 0), (0, 0, 0))))[5:]
    [(2, 0, 1), (2, 1, 1), (2, 2, 1)]
    """
    h, w = len(grid), len(grid[0])
    cells = {(r, c): v for r, c, v in obj}
    span = 2 * max(h, w)
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    best, best_score = None, -1
    for R in range(2 * min(rows) - span, 2 * max(rows) + span + 1):
        for C in range(2 * min(cols) - span, 2 * max(cols) + span + 1):
            if (R - C) % 2:
                continue
            score, ok = 0, True
            for (r, c), v in cells.items():
                nr, nc = _quarter_turn(r, c, R, C)
                if (nr, nc) in cells:
                    if cells[(nr, nc)] != v:
                        ok = False
                        break
                    score += 1
                elif 0 <= nr < h and 0 <= nc < w:
                    ok = False
                    break
            if ok and score > best_score:
                best, best_score = (R, C), score
    if best is None:
        return obj
    R, C = best
    return _with_quarter_turns(obj, [(r, c, v) for (r, c), v in cells.items()], R, C)


def fit_object_onto(template: Obj, target: Obj) -> Obj:
    """Rotate/reflect and move the template so it covers every target cell with the same colour.

    Returns the placed template (the template unchanged if nothing fits).

    Orientations are tried in a fixed order (identity first) and positions in reading order.

    >>> sorted(fit_object_onto(frozenset({(0, 0, 1), (0, 1, 2)}), frozenset({(5, 5, 2), (6, 5, 1)})))
    [(5, 5, 2), (6, 5, 1)]
    """
    tcells = sorted(target)
    if not tcells:
        return template
    r0, c0, v0 = tcells[0]
    want = {(r, c): v for r, c, v in tcells}
    for variant in _dihedral(sorted(template)):
        lookup = {(r, c): v for r, c, v in variant}
        for r, c, v in sorted(variant):
            if v != v0:
                continue
            dr, dc = r0 - r, c0 - c
            if all(lookup.get((tr - dr, tc - dc)) == tv for (tr, tc), tv in want.items()):
                return frozenset((rr + dr, cc + dc, vv) for rr, cc, vv in variant)
    return template
