"""Regions (b): stamping templates at scaled, rotated anchor matches."""

from __future__ import annotations

from arc_pipeline.dsl.patterns import _dihedral
from arc_pipeline.dsl.types import Grid, Obj

__all__ = ["stamp_template_at_anchors", "fit_pieces_into_holes"]


def _orientations(cells: list) -> list:
    """The 8 rotations/reflections of (row, col, color) cells, each moved to the origin, no repeats."""
    seen, out = set(), []
    for moved in _dihedral(cells):
        r0 = min(r for r, _, _ in moved)
        c0 = min(c for _, c, _ in moved)
        norm = tuple(sorted((r - r0, c - c0, v) for r, c, v in moved))
        if norm not in seen:
            seen.add(norm)
            out.append(norm)
    return out


def stamp_template_at_anchors(grid: Grid, template: Obj, fill_color: int) -> Grid:
    """Draw the template wherever its anchor cells (all colours but fill_color) appear, at any scale and turn.

    The template may be enlarged by an integer factor (each cell a factor x factor block) and
    rotated or reflected. A copy is drawn where every enlarged anchor block matches the grid
    exactly and every cell the copy would paint with fill_color is currently the grid's most
    common colour or fill_color already.

    >>> stamp_template_at_anchors(((0, 3, 0, 0), (0, 0, 0, 0), (0, 2, 0, 0), (0, 0, 0, 0)),
    ...                           frozenset({(0, 0, 2), (0, 1, 5), (0, 2, 3)}), 5)
    ((0, 3, 0, 0), (0, 5, 0, 0), (0, 2, 0, 0), (0, 0, 0, 0))
    >>> stamp_template_at_anchors(((2, 2, 0, 0, 0, 0), (2, 2, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0),
    ...                            (0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 3, 3), (0, 0, 0, 0, 3, 3)),
    ...                           frozenset({(0, 0, 2), (1, 1, 5), (2, 2, 3)}), 5)[2]
    (0, 0, 5, 5, 0, 0)
    """
    h, w = len(grid), len(grid[0])
    counts: dict = {}
    for row in grid:
        for v in row:
            counts[v] = counts.get(v, 0) + 1
    background = min(counts, key=lambda v: (-counts[v], v))
    out = [list(row) for row in grid]
    cells = sorted(template)
    if not cells:
        return grid
    for variant in _orientations(cells):
        anchors = [(r, c, v) for r, c, v in variant if v != fill_color]
        fills = [(r, c) for r, c, v in variant if v == fill_color]
        if not anchors:
            continue
        vh = max(r for r, _, _ in variant) + 1
        vw = max(c for _, c, _ in variant) + 1
        for scale in range(1, min(h // vh, w // vw) + 1):
            for top in range(h - vh * scale + 1):
                for left in range(w - vw * scale + 1):
                    ok = all(
                        grid[top + r * scale + i][left + c * scale + j] == v
                        for r, c, v in anchors for i in range(scale) for j in range(scale)
                    ) and all(
                        grid[top + r * scale + i][left + c * scale + j] in (background, fill_color)
                        for r, c in fills for i in range(scale) for j in range(scale)
                    )
                    if ok:
                        for r, c in fills:
                            for i in range(scale):
                                for j in range(scale):
                                    out[top + r * scale + i][left + c * scale + j] = fill_color
    return tuple(tuple(row) for row in out)


def fit_pieces_into_holes(pieces, holes: tuple, blocked) -> tuple:
    """Slide the pieces (without turning) so that each hole is filled by exactly one piece.

    A piece fills a hole when, after moving, it covers every cell of that hole, no cell of
    another hole and no `blocked` position; it may stick out of the hole elsewhere. Returns the
    moved pieces in hole order (an empty tuple when no complete assignment exists). Pieces and
    placements are tried in a fixed order, so the answer is deterministic.

    >>> holes = (frozenset({(1, 0)}), frozenset({(0, 2), (1, 2)}))
    >>> bar = frozenset({(5, 0, 5), (6, 0, 5)})
    >>> dot = frozenset({(5, 4, 5)})
    >>> [sorted(p) for p in fit_pieces_into_holes((bar, dot), holes, frozenset({(0, 0), (0, 1), (1, 1)}))]
    [[(1, 0, 5)], [(0, 2, 5), (1, 2, 5)]]
    """
    blocked = frozenset((p[0], p[1]) for p in blocked)
    holes = [frozenset((p[0], p[1]) for p in h) for h in holes]
    all_hole_cells = frozenset().union(*holes) if holes else frozenset()
    pieces = [sorted(p) for p in pieces]
    budget = [20000]

    def options(piece, hole):
        anchor = min(hole)
        found = []
        for r, c, _ in piece:
            dr, dc = anchor[0] - r, anchor[1] - c
            moved = frozenset((rr + dr, cc + dc, v) for rr, cc, v in piece)
            pos = frozenset((rr, cc) for rr, cc, _ in moved)
            if hole <= pos and not (pos & blocked) and not ((pos & all_hole_cells) - hole):
                if moved not in found:
                    found.append(moved)
        return found

    def search(index, used):
        if index == len(holes):
            return []
        budget[0] -= 1
        if budget[0] < 0:
            return None
        for i, piece in enumerate(pieces):
            if i in used:
                continue
            for moved in options(piece, holes[index]):
                rest = search(index + 1, used | {i})
                if rest is not None:
                    return [moved] + rest
        return None

    result = search(0, frozenset())
    return tuple(result) if result is not None else ()
