"""Painting helpers: whole-line selections and other grid painting utilities."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices, Obj, Objects  # noqa: F401

__all__ = [
    "full_line_cells", "object_endpoints", "complete_quarter_turn_symmetry",
    "row_gap_between", "clear_shift_steps",
    "contains_subgrid", "ray_until_color",
    "square_rings_from_seeds", "grow_cells",
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


def row_gap_between(grid: Grid, a: Obj, b: Obj, background: int) -> Indices:
    """Positions between two side-by-side objects in the rows both occupy, if all are background.

    Only rows holding cells of both objects count; in each, the cells strictly between the left
    object's last cell and the right object's first cell form the gap. When any gap cell is not
    the background colour (something stands between them), or the objects are not side by side,
    the result is empty.

    >>> g = ((2, 0, 0, 2), (2, 0, 0, 0))
    >>> sorted(row_gap_between(g, frozenset({(0, 0, 2), (1, 0, 2)}), frozenset({(0, 3, 2)}), 0))
    [(0, 1), (0, 2)]
    """
    if not a or not b:
        return frozenset()
    if max(c for _, c, _ in a) > min(c for _, c, _ in b):
        a, b = b, a
    if max(c for _, c, _ in a) >= min(c for _, c, _ in b):
        return frozenset()
    rows_a = {r for r, _, _ in a}
    rows_b = {r for r, _, _ in b}
    out = set()
    for r in sorted(rows_a & rows_b):
        start = max(c for rr, c, _ in a if rr == r) + 1
        stop = min(c for rr, c, _ in b if rr == r)
        for c in range(start, stop):
            if grid[r][c] != background:
                return frozenset()
            out.add((r, c))
    return frozenset(out)


def clear_shift_steps(obj: Obj, step: tuple) -> int:
    """Fewest repeats of a (rows, cols) step that move the object (or positions) off all its own cells.

    Returns 0 for an empty object or a (0, 0) step; at most 30 steps are tried.

    >>> clear_shift_steps(frozenset({(0, 1, 5), (1, 0, 5), (1, 1, 5), (1, 2, 5), (2, 1, 5)}), (1, 1))
    2
    """
    cells = {(item[0], item[1]) for item in obj}
    dr, dc = step
    if not cells or (dr, dc) == (0, 0):
        return 0
    for k in range(1, 31):
        if not any((r + k * dr, c + k * dc) in cells for r, c in cells):
            return k
    return 30



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


def ray_until_color(grid: Grid, position: tuple, step: tuple, color: int) -> Indices:
    """Positions walked from a cell (excluded) by a (rows, cols) step up to the first cell of a colour.

    The cell of that colour is included; if the walk leaves the grid first, nothing is returned.

    >>> sorted(ray_until_color(((2, 0, 0, 8, 0),), (0, 0), (0, 1), 8))
    [(0, 1), (0, 2), (0, 3)]
    >>> sorted(ray_until_color(((2, 0, 0),), (0, 0), (0, 1), 8))
    []
    """
    h, w = len(grid), len(grid[0])
    dr, dc = step
    if (dr, dc) == (0, 0):
        return frozenset()
    r, c = position
    out = []
    while True:
        r, c = r + dr, c + dc
        if not (0 <= r < h and 0 <= c < w):
            return frozenset()
        out.append((r, c))
        if grid[r][c] == color:
            return frozenset(out)


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


def grow_cells(cells: Indices, radius: int) -> Indices:
    """Every position within `radius` king moves (rows and columns both within radius) of some given cell.

    Works on positions or objects; positions may fall outside any grid. Radius 0 returns the
    positions themselves; the radius is capped at 30.

    >>> sorted(grow_cells(frozenset({(0, 0)}), 1))
    [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 0), (0, 1), (1, -1), (1, 0), (1, 1)]
    """
    radius = max(0, min(radius, 30))
    pts = {(item[0], item[1]) for item in cells}
    out = set()
    for r, c in pts:
        for dr in range(-radius, radius + 1):
            for dc in range(-radius, radius + 1):
                out.add((r + dr, c + dc))
    return frozenset(out)
