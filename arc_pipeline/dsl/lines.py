"""Lines, rays and paths: drawing segments, walking rays, whole rows/columns, routes and spirals."""

from __future__ import annotations

from arc_pipeline.dsl.construction import make_grid, set_cells  # noqa: F401 - make_grid: docstring examples
from arc_pipeline.dsl.types import Grid, Indices, Obj

__all__ = [
    "draw_line", "draw_ray", "ray_cells", "ray_until_color", "direction_toward", "full_line_cells",
    "row_cells_through", "column_cells_through", "row_gap_between", "connect_extremes",
    "route_to_target", "spiral_cells",
]


def draw_line(grid: Grid, row1: int, col1: int, row2: int, col2: int, color: int) -> Grid:
    """Draw a horizontal, vertical or 45-degree diagonal segment between two cells (inclusive).

    >>> draw_line(((0, 0, 0),), 0, 0, 0, 2, 4)
    ((4, 4, 4),)
    """
    dr = (row2 > row1) - (row2 < row1)
    dc = (col2 > col1) - (col2 < col1)
    steps = max(abs(row2 - row1), abs(col2 - col1))
    if row1 != row2 and col1 != col2 and abs(row2 - row1) != abs(col2 - col1):
        raise ValueError("draw_line draws only straight or 45-degree lines")
    cells = frozenset((row1 + i * dr, col1 + i * dc) for i in range(steps + 1))
    return set_cells(grid, cells, color)


def draw_ray(grid: Grid, row: int, col: int, row_step: int, col_step: int, color: int) -> Grid:
    """From (row, col), exclusive, walk by (row_step, col_step) to the edge, colouring each cell.

    >>> draw_ray(((1, 0, 0),), 0, 0, 0, 1, 4)
    ((1, 4, 4),)
    """
    if row_step == 0 and col_step == 0:
        raise ValueError("draw_ray needs a non-zero step")
    h, w = len(grid), len(grid[0])
    rows = [list(r) for r in grid]
    r, c = row + row_step, col + col_step
    while 0 <= r < h and 0 <= c < w:
        rows[r][c] = color
        r, c = r + row_step, c + col_step
    return tuple(tuple(x) for x in rows)


def ray_cells(position: tuple, step: tuple) -> Indices:
    """Positions on the ray from `position` (included) moving by `step`, kept within a 30x30 board.

    The start may lie off the board (the ray is followed for 64 steps); painting the result with
    set_cells clips it to the actual grid.

    >>> sorted(ray_cells((1, 25), (0, 2)))
    [(1, 25), (1, 27), (1, 29)]
    >>> sorted(ray_cells((-2, 0), (1, 1)))[:2]
    [(0, 2), (1, 3)]
    """
    (r, c), (dr, dc) = position, step
    if (dr, dc) == (0, 0):
        return frozenset({(r, c)})
    out = set()
    for _ in range(64):
        if 0 <= r < 30 and 0 <= c < 30:
            out.add((r, c))
        r, c = r + dr, c + dc
    return frozenset(out)


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


def direction_toward(start: tuple, target: tuple) -> tuple[int, int]:
    """Unit step (each of row and column is -1, 0 or 1) pointing from one position toward another.

    >>> direction_toward((4, 3), (1, 3))
    (-1, 0)
    """
    dr, dc = target[0] - start[0], target[1] - start[1]
    return ((dr > 0) - (dr < 0), (dc > 0) - (dc < 0))


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


def row_cells_through(grid: Grid, cells: Indices) -> Indices:
    """Every position in the grid rows that contain any of the given (row, col) cells.

    >>> sorted(row_cells_through(((0, 0), (0, 0)), {(1, 0)}))
    [(1, 0), (1, 1)]
    """
    h, w = len(grid), len(grid[0])
    rows = {r for r, *_ in cells if 0 <= r < h}
    return frozenset((r, c) for r in rows for c in range(w))


def column_cells_through(grid: Grid, cells: Indices) -> Indices:
    """Every position in the grid columns that contain any of the given (row, col) cells.

    >>> sorted(column_cells_through(((0, 0), (0, 0)), {(1, 0)}))
    [(0, 0), (1, 0)]
    """
    h, w = len(grid), len(grid[0])
    cols = {cell[1] for cell in cells if 0 <= cell[1] < w}
    return frozenset((r, c) for r in range(h) for c in cols)


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


def connect_extremes(obj: Obj) -> Obj:
    """Straight line in the object's colour joining its first and last cells (reading order).

    The line may be horizontal, vertical or 45-degree; an object with no such line is returned as is.

    >>> sorted(connect_extremes(frozenset({(0, 2, 4), (2, 0, 4)})))
    [(0, 2, 4), (1, 1, 4), (2, 0, 4)]
    """
    cells = sorted(obj)
    (r1, c1, _), (r2, c2, _) = cells[0], cells[-1]
    dr, dc = r2 - r1, c2 - c1
    if not (dr == 0 or dc == 0 or abs(dr) == abs(dc)):
        return obj
    counts: dict[int, int] = {}
    for _, _, v in obj:
        counts[v] = counts.get(v, 0) + 1
    color = min(counts, key=lambda k: (-counts[k], k))
    n = max(abs(dr), abs(dc))
    sr, sc = (dr > 0) - (dr < 0), (dc > 0) - (dc < 0)
    return frozenset((r1 + i * sr, c1 + i * sc, color) for i in range(n + 1))


def route_to_target(grid: Grid, start: Indices, target: Indices, background: int) -> Indices:
    """Path from a line segment to a target, going straight and turning toward the target when blocked.

    The walk leaves an end of the `start` segment, continuing its line, and moves over
    background cells only. When the next cell is not background (or off the grid) it turns
    onto the other axis, toward the target; it ends when the next cell is a target cell.
    Both ends are tried and the shorter successful path is returned (empty when none reaches).

    >>> g = ((0, 0, 0, 0), (3, 3, 0, 8), (0, 0, 0, 0), (0, 0, 0, 2))
    >>> sorted(route_to_target(g, frozenset({(1, 0), (1, 1)}), frozenset({(3, 3)}), 0))
    [(1, 2), (2, 2), (3, 2)]
    """
    rows, cols = len(grid), len(grid[0]) if grid else 0
    start = frozenset((r, c) for r, c in start)
    target = frozenset((r, c) for r, c in target)
    if not start or not target:
        return frozenset()

    def sign(v: int) -> int:
        return (v > 0) - (v < 0)

    def free(r: int, c: int) -> bool:
        return 0 <= r < rows and 0 <= c < cols and grid[r][c] == background and (r, c) not in start

    target_list = sorted(target)
    best = None
    for r0, c0 in sorted(start):
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            if (r0 - dr, c0 - dc) not in start or not free(r0 + dr, c0 + dc):
                continue
            r, c, path, seen, ok = r0, c0, [], set(), False
            for _ in range(4 * rows * cols + 4):
                nr, nc = r + dr, c + dc
                if (nr, nc) in target:
                    ok = True
                    break
                if free(nr, nc):
                    r, c = nr, nc
                    if (r, c, dr, dc) in seen:
                        break
                    seen.add((r, c, dr, dc))
                    path.append((r, c))
                    continue
                tr, tc = min(target_list, key=lambda t: abs(t[0] - r) + abs(t[1] - c))
                if dr != 0:
                    dr, dc = 0, sign(tc - c)
                else:
                    dr, dc = sign(tr - r), 0
                if (dr, dc) == (0, 0):
                    break
                if (r + dr, c + dc) not in target and not free(r + dr, c + dc):
                    break
            if ok and (best is None or len(path) < len(best)):
                best = path
    return frozenset(best) if best else frozenset()


def spiral_cells(grid: Grid) -> Indices:
    """Positions of a clockwise square spiral drawn inward from the grid's top-left corner.

    Neighbouring turns of the spiral keep a one-cell gap between them.

    >>> g = make_grid(0, 5, 5)
    >>> set_cells(g, spiral_cells(g), 3)
    ((3, 3, 3, 3, 3), (0, 0, 0, 0, 3), (3, 3, 3, 0, 3), (3, 0, 0, 0, 3), (3, 3, 3, 3, 3))
    """
    h, w = len(grid), len(grid[0])
    dirs = ((0, 1), (1, 0), (0, -1), (-1, 0))
    r, c, d = 0, 0, 0
    painted = {(0, 0)}
    stuck = 0
    for _ in range(4 * h * w + 8):
        if stuck >= 2:
            break
        dr, dc = dirs[d]
        nr, nc = r + dr, c + dc
        if 0 <= nr < h and 0 <= nc < w and (nr, nc) not in painted and (nr + dr, nc + dc) not in painted:
            r, c = nr, nc
            painted.add((r, c))
            stuck = 0
        else:
            d = (d + 1) % 4
            stuck += 1
    return frozenset(painted)
