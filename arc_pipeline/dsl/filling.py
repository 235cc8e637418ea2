"""Filling and continuing patterns: periodic continuation, enclosed areas, sections, stamped templates."""

from __future__ import annotations

from arc_pipeline.dsl._support import _N4, _dihedral, _spans_between
from arc_pipeline.dsl.types import Grid, Obj

__all__ = [
    "extend_rows_periodically", "extend_shifted_pattern_down", "fill_periodic_pattern",
    "fill_diagonal_stripes", "fill_row_spans", "fill_enclosed", "fill_sections", "gravity_down",
    "square_rings_from_seeds", "stamp_template_scaled", "stamp_template_at_anchors",
]


def _row_period(grid: Grid) -> int:
    h = len(grid)
    for p in range(1, h + 1):
        if all(grid[r] == grid[r - p] for r in range(p, h)):
            return p
    return h


def _shift_row(row: tuple, shift: int, background: int) -> tuple:
    w = len(row)
    return tuple(row[c - shift] if 0 <= c - shift < w else background for c in range(w))


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


def extend_rows_periodically(grid: Grid, rows: int) -> Grid:
    """Continue the grid's smallest repeating row cycle down (or cut it) to exactly `rows` rows.

    >>> extend_rows_periodically(((1,), (2,), (1,), (2,)), 5)
    ((1,), (2,), (1,), (2,), (1,))
    """
    p = _row_period(grid)
    return tuple(grid[r % p] for r in range(min(rows, 900)))


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


def _fill_by_classes(grid: Grid, background: int, class_of, classes: int) -> Grid | None:
    """Every cell painted with its class's colour (``class_of(r, c)``), when each of the
    ``classes`` classes holds a known (non-background) cell and a class's known cells agree;
    None otherwise. The shared test behind the periodic and diagonal fills."""
    h, w = len(grid), len(grid[0])
    known: dict = {}
    for r in range(h):
        for c in range(w):
            v = grid[r][c]
            if v != background and known.setdefault(class_of(r, c), v) != v:
                return None
    if len(known) != classes:
        return None
    return tuple(tuple(known[class_of(r, c)] for c in range(w)) for r in range(h))


def fill_periodic_pattern(grid: Grid, background: int) -> Grid:
    """Fill background cells by continuing the smallest rectangular tiling the other cells obey.

    The period (rows, cols) chosen is the smallest by area whose every offset class holds at least
    one known cell, with all known cells of a class agreeing.

    >>> fill_periodic_pattern(((1, 2, 1, 2), (3, 4, 0, 4), (1, 0, 1, 2)), 0)
    ((1, 2, 1, 2), (3, 4, 3, 4), (1, 2, 1, 2))
    """
    h, w = len(grid), len(grid[0])
    candidates = sorted(((pr, pc) for pr in range(1, h + 1) for pc in range(1, w + 1)), key=lambda p: (p[0] * p[1], p[0]))
    for pr, pc in candidates:
        filled = _fill_by_classes(grid, background, lambda r, c: (r % pr, c % pc), pr * pc)
        if filled is not None:
            return filled
    return grid


def fill_diagonal_stripes(grid: Grid, background: int) -> Grid:
    """Fill background cells so the grid becomes repeating diagonal stripes.

    Tries stripes along anti-diagonals (colour depends on (row + col) mod p) and then along
    diagonals ((row - col) mod p), for p = 1, 2, ...; the first p where every class has a known
    cell and all known cells of a class agree is used. Unchanged if none fits.

    >>> fill_diagonal_stripes(((1, 2, 0), (2, 0, 0), (0, 0, 0)), 0)
    ((1, 2, 1), (2, 1, 2), (1, 2, 1))
    """
    h, w = len(grid), len(grid[0])
    for p in range(1, h + w):
        for sign in (1, -1):
            filled = _fill_by_classes(grid, background, lambda r, c: (r + sign * c) % p, p)
            if filled is not None:
                return filled
    return grid


def fill_row_spans(grid: Grid, background: int) -> Grid:
    """In each row, fill background cells between the first and last cell of each colour with it.

    Colours are handled in ascending order; only background cells change.

    >>> fill_row_spans(((3, 0, 0, 3, 0),), 0)
    ((3, 3, 3, 3, 0),)
    """
    out = []
    for row in grid:
        new = list(row)
        for color in sorted(set(row) - {background}):
            idx = [c for c, v in enumerate(row) if v == color]
            for c in range(idx[0], idx[-1] + 1):
                if new[c] == background:
                    new[c] = color
        out.append(tuple(new))
    return tuple(out)


def fill_enclosed(grid: Grid, background: int, color: int) -> Grid:
    """Background cells that cannot reach the grid edge through background become `color`.

    >>> fill_enclosed(((1, 1, 1), (1, 0, 1), (1, 1, 1)), 0, 4)
    ((1, 1, 1), (1, 4, 1), (1, 1, 1))
    """
    h, w = len(grid), len(grid[0])
    outside = [[False] * w for _ in range(h)]
    stack = [(r, c) for r in range(h) for c in (0, w - 1)] + [(r, c) for c in range(w) for r in (0, h - 1)]
    while stack:
        r, c = stack.pop()
        if 0 <= r < h and 0 <= c < w and not outside[r][c] and grid[r][c] == background:
            outside[r][c] = True
            stack.extend((r + dr, c + dc) for dr, dc in _N4)
    return tuple(
        tuple(color if v == background and not outside[r][c] else v for c, v in enumerate(row))
        for r, row in enumerate(grid)
    )


def fill_sections(grid: Grid, line_color: int, colors: tuple) -> Grid:
    """Fill each section between full lines of line_color with its own colour from `colors`.

    Sections are taken in reading order, as split_by_lines lists them; the lines stay.

    >>> fill_sections(((0, 5, 0), (5, 5, 5), (0, 5, 0)), 5, (1, 2, 3, 4))
    ((1, 5, 2), (5, 5, 5), (3, 5, 4))
    """
    h, w = len(grid), len(grid[0])
    line_rows = [r for r in range(h) if all(v == line_color for v in grid[r])]
    line_cols = [c for c in range(w) if all(grid[r][c] == line_color for r in range(h))]
    out = [list(row) for row in grid]
    spans = [(rs, cs) for rs in _spans_between(line_rows, h) for cs in _spans_between(line_cols, w)]
    for ((r0, r1), (c0, c1)), color in zip(spans, colors):
        for r in range(r0, r1):
            for c in range(c0, c1):
                out[r][c] = color
    return tuple(tuple(row) for row in out)


def gravity_down(grid: Grid, background: int) -> Grid:
    """Let every non-background cell fall to the bottom of its column, keeping their order.

    >>> gravity_down(((1, 0), (0, 2), (3, 0)), 0)
    ((0, 0), (1, 0), (3, 2))
    """
    h, w = len(grid), len(grid[0])
    cols = []
    for c in range(w):
        stack = [grid[r][c] for r in range(h) if grid[r][c] != background]
        cols.append([background] * (h - len(stack)) + stack)
    return tuple(tuple(cols[c][r] for c in range(w)) for r in range(h))


def square_rings_from_seeds(grid: Grid, background: int, spacing: int) -> Grid:
    """Grow square rings of each seed's colour every `spacing` steps, each seed within its own territory.

    Seeds are the non-background cells. Every cell belongs to the seed closest to it by
    Manhattan distance (cells equally close to seeds of different colours belong to none); it
    takes that seed's colour when its Chebyshev (king-move) distance to the seed is a multiple of
    `spacing`, otherwise it is background.

    >>> square_rings_from_seeds(((1, 0, 0, 0, 0),), 0, 2)
    ((1, 0, 1, 0, 1),)
    """
    h, w = len(grid), len(grid[0])
    seeds = [(r, c, v) for r in range(h) for c in range(w) if (v := grid[r][c]) != background]
    if not seeds or spacing < 1:
        return grid
    out = []
    for r in range(h):
        row = []
        for c in range(w):
            best = min(abs(r - sr) + abs(c - sc) for sr, sc, _ in seeds)
            near = [(sr, sc, v) for sr, sc, v in seeds if abs(r - sr) + abs(c - sc) == best]
            if len({v for _, _, v in near}) != 1:
                row.append(background)
                continue
            sr, sc, v = min(near, key=lambda s: max(abs(r - s[0]), abs(c - s[1])))
            row.append(v if max(abs(r - sr), abs(c - sc)) % spacing == 0 else background)
        out.append(tuple(row))
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
