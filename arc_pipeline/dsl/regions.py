"""Regions: continuing patterns that repeat with a shift."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Obj

__all__ = ["extend_shifted_pattern_down", "stamp_template_scaled"]


def _shift_row(row: tuple, shift: int, background: int) -> tuple:
    w = len(row)
    return tuple(row[c - shift] if 0 <= c - shift < w else background for c in range(w))


def extend_shifted_pattern_down(grid: Grid, rows: int, background: int) -> Grid:
    """Continue a pattern that repeats downward (possibly moving sideways each cycle) to exactly `rows` rows.

    The smallest row period p, and with it the smallest sideways shift s, are found such that
    every row equals the row p above moved s columns (vacated cells read `background`); new rows
    repeat that rule. Without any such period the whole grid repeats unshifted.

    >>> extend_shifted_pattern_down(((1, 1, 0, 0, 0), (0, 1, 0, 0, 0), (0, 1, 1, 0, 0)), 5, 0)
    ((1, 1, 0, 0, 0), (0, 1, 0, 0, 0), (0, 1, 1, 0, 0), (0, 0, 1, 0, 0), (0, 0, 1, 1, 0))
    >>> extend_shifted_pattern_down(((3,), (4,)), 3, 0)
    ((3,), (4,), (3,))
    """
    g = [tuple(row) for row in grid]
    h, w = len(g), len(g[0])
    rows = max(0, min(int(rows), 900))
    period, shift = h, 0
    found = False
    for p in range(1, h):
        for s in sorted(range(-(w - 1), w), key=lambda v: (abs(v), v)):
            if all(g[r] == _shift_row(g[r - p], s, background) for r in range(p, h)):
                period, shift, found = p, s, True
                break
        if found:
            break
    out = list(g[:rows])
    while len(out) < rows:
        out.append(_shift_row(out[len(out) - period], shift, background))
    return tuple(out)


def stamp_template_scaled(grid: Grid, template: Obj, fill_color: int) -> Grid:
    """Draw the template's fill_color cells wherever its other-coloured marker cells reappear enlarged.

    The template is not turned, only enlarged by a whole factor (each cell a factor x factor
    block). A copy is drawn where every enlarged marker block matches the grid exactly, no cell
    touching a marker block (outside the copy's markers) has that marker's colour, and every
    on-grid cell to be filled is the grid's most common colour or fill_color already. Filled cells
    that fall off the grid are dropped.

    >>> stamp_template_scaled(((0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 2, 2), (0, 0, 2, 2)),
    ...                       frozenset({(0, 0, 1), (0, 1, 2)}), 1)
    ((0, 0, 0, 0), (0, 0, 0, 0), (1, 1, 2, 2), (1, 1, 2, 2))
    """
    g = tuple(tuple(row) for row in grid)
    h, w = len(g), len(g[0])
    counts: dict = {}
    for row in g:
        for v in row:
            counts[v] = counts.get(v, 0) + 1
    background = min(counts, key=lambda v: (-counts[v], v))
    cells = sorted(template)
    if not cells:
        return g
    r0 = min(r for r, _, _ in cells)
    c0 = min(c for _, c, _ in cells)
    cells = [(r - r0, c - c0, v) for r, c, v in cells]
    anchors = [(r, c, v) for r, c, v in cells if v != fill_color]
    fills = [(r, c) for r, c, v in cells if v == fill_color]
    if not anchors:
        return g
    out = [list(row) for row in g]
    ar, ac, _ = anchors[0]
    for scale in range(1, max(h, w) + 1):
        for row in range(h):
            for col in range(w):
                top, left = row - ar * scale, col - ac * scale
                marker_cells = {}
                ok = True
                for r, c, v in anchors:
                    for i in range(scale):
                        for j in range(scale):
                            rr, cc = top + r * scale + i, left + c * scale + j
                            if not (0 <= rr < h and 0 <= cc < w) or g[rr][cc] != v:
                                ok = False
                                break
                            marker_cells[(rr, cc)] = v
                        if not ok:
                            break
                    if not ok:
                        break
                if not ok:
                    continue
                for (rr, cc), v in marker_cells.items():
                    for nr, nc in ((rr + 1, cc), (rr - 1, cc), (rr, cc + 1), (rr, cc - 1)):
                        if (nr, nc) not in marker_cells and 0 <= nr < h and 0 <= nc < w and g[nr][nc] == v:
                            ok = False
                if not ok:
                    continue
                targets = [
                    (top + r * scale + i, left + c * scale + j)
                    for r, c in fills for i in range(scale) for j in range(scale)
                ]
                on_grid = [(rr, cc) for rr, cc in targets if 0 <= rr < h and 0 <= cc < w]
                if all(g[rr][cc] in (background, fill_color) for rr, cc in on_grid):
                    for rr, cc in on_grid:
                        out[rr][cc] = fill_color
    return tuple(tuple(row) for row in out)
