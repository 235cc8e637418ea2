"""Patterns: periodic continuation, pairwise mapping and small set helpers."""

from __future__ import annotations

from typing import Any, Callable

from arc_pipeline.dsl.grids import _spans_between, make_grid, set_cells  # noqa: F401 - make_grid/set_cells used in doctests
from arc_pipeline.dsl.logic import fix_first  # noqa: F401 - used in doctests
from arc_pipeline.dsl.types import Grid, Indices, Obj

__all__ = [
    "extend_rows_periodically", "zip_with", "line_section_counts", "window_around", "overlay_all",
    "fill_periodic_pattern", "fix_last",
    "row_cells_through", "column_cells_through",
    "gravity_down", "move_object_to_row", "move_object_to_column",
    "connect_extremes", "fill_row_spans", "object_color_count",
    "direction_toward", "stack_vertical", "stack_horizontal", "fill_sections",
    "apply_if", "place_object_at", "cluster_cells",
    "largest_rectangle_of_color", "move_until_touching", "shift_copies",
    "smear_object", "fix_at", "remove_cells",
    "complete_mirror_symmetry", "fill_diagonal_stripes",
    "spiral_cells", "fit_object_onto", "grid_cells_to_object",
    "tile_region", "complete_rotational_symmetry",
]


def _row_period(grid: Grid) -> int:
    h = len(grid)
    for p in range(1, h + 1):
        if all(grid[r] == grid[r - p] for r in range(p, h)):
            return p
    return h


def extend_rows_periodically(grid: Grid, rows: int) -> Grid:
    """Continue the grid's smallest repeating row cycle down (or cut it) to exactly `rows` rows.

    >>> extend_rows_periodically(((1,), (2,), (1,), (2,)), 5)
    ((1,), (2,), (1,), (2,), (1,))
    """
    p = _row_period(grid)
    return tuple(grid[r % p] for r in range(min(rows, 900)))


def zip_with(fn: Callable, first_items, second_items) -> tuple:
    """Apply a two-argument fn to items paired by position (stops at the shorter input).

    >>> zip_with(max, (1, 5, 3), (4, 2, 6))
    (4, 5, 6)
    """
    return tuple(fn(a, b) for a, b in zip(first_items, second_items))


def line_section_counts(grid: Grid, line_color: int) -> tuple[int, int]:
    """(rows, cols): how many bands full lines of line_color cut the grid into, down and across.

    >>> line_section_counts(((1, 5, 2), (5, 5, 5), (3, 5, 4)), 5)
    (2, 2)
    """
    h, w = len(grid), len(grid[0])
    line_rows = [r for r in range(h) if all(v == line_color for v in grid[r])]
    line_cols = [c for c in range(w) if all(grid[r][c] == line_color for r in range(h))]

    def bands(lines, n):
        count, start = 0, 0
        for ln in lines + [n]:
            if ln > start:
                count += 1
            start = ln + 1
        return count

    return (bands(line_rows, h), bands(line_cols, w))


def window_around(grid: Grid, cell: tuple, radius: int) -> Grid:
    """The square window of side 2*radius+1 centred on a (row, col) cell; cells off the grid read 0.

    >>> window_around(((1, 2), (3, 4)), (0, 0), 1)
    ((0, 0, 0), (0, 1, 2), (0, 3, 4))
    """
    h, w = len(grid), len(grid[0])
    r0, c0 = cell[0], cell[1]
    radius = max(0, min(radius, 30))
    return tuple(
        tuple(grid[r][c] if 0 <= r < h and 0 <= c < w else 0 for c in range(c0 - radius, c0 + radius + 1))
        for r in range(r0 - radius, r0 + radius + 1)
    )


def overlay_all(grids, transparent: int) -> Grid:
    """Lay same-shape grids on top of each other in order (later on top); `transparent` lets lower show.

    >>> overlay_all((((1, 0),), ((0, 2),), ((3, 0),)), 0)
    ((3, 2),)
    """
    grids = tuple(grids)
    out = [list(row) for row in grids[0]]
    for g in grids[1:]:
        for r, row in enumerate(g):
            for c, v in enumerate(row):
                if v != transparent:
                    out[r][c] = v
    return tuple(tuple(row) for row in out)


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
        known: dict = {}
        ok = True
        for r in range(h):
            for c in range(w):
                v = grid[r][c]
                if v == background:
                    continue
                key = (r % pr, c % pc)
                if known.setdefault(key, v) != v:
                    ok = False
                    break
            if not ok:
                break
        if ok and len(known) == pr * pc:
            return tuple(tuple(known[(r % pr, c % pc)] for c in range(w)) for r in range(h))
    return grid


def fix_last(fn: Callable, value: Any) -> Callable:
    """Bind the last argument of a function of any arity: returns (*args) -> fn(*args, value).

    >>> fix_last(pow, 2)(5)
    25
    >>> fix_first(fix_last(window_around, 0), ((1, 2), (3, 4)))((1, 1))
    ((4,),)
    """
    return lambda *args: fn(*args, value)


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


def move_object_to_row(obj: Obj, row: int) -> Obj:
    """Move the object up or down so its top row is `row` (columns unchanged).

    >>> sorted(move_object_to_row(frozenset({(3, 1, 5)}), 0))
    [(0, 1, 5)]
    """
    dr = row - min(r for r, _, _ in obj)
    return frozenset((r + dr, c, v) for r, c, v in obj)


def move_object_to_column(obj: Obj, col: int) -> Obj:
    """Move the object sideways so its leftmost column is `col` (rows unchanged).

    >>> sorted(move_object_to_column(frozenset({(3, 1, 5)}), 4))
    [(3, 4, 5)]
    """
    dc = col - min(c for _, c, _ in obj)
    return frozenset((r, c + dc, v) for r, c, v in obj)


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


def object_color_count(obj: Obj, color: int) -> int:
    """How many of the object's cells have the given colour.

    >>> object_color_count(frozenset({(0, 0, 2), (0, 1, 8), (1, 1, 2)}), 2)
    2
    """
    return sum(1 for _, _, v in obj if v == color)


def direction_toward(start: tuple, target: tuple) -> tuple[int, int]:
    """Unit step (each of row and column is -1, 0 or 1) pointing from one position toward another.

    >>> direction_toward((4, 3), (1, 3))
    (-1, 0)
    """
    dr, dc = target[0] - start[0], target[1] - start[1]
    return ((dr > 0) - (dr < 0), (dc > 0) - (dc < 0))


def stack_vertical(grids) -> Grid:
    """Stack any number of equal-width grids top to bottom, in order.

    >>> stack_vertical((((1, 2),), ((3, 4),), ((5, 6),)))
    ((1, 2), (3, 4), (5, 6))
    """
    return tuple(row for g in grids for row in g)


def stack_horizontal(grids) -> Grid:
    """Place any number of equal-height grids side by side, left to right.

    >>> stack_horizontal((((1,), (2,)), ((3,), (4,))))
    ((1, 3), (2, 4))
    """
    grids = tuple(grids)
    return tuple(tuple(v for g in grids for v in g[r]) for r in range(len(grids[0])))


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


def apply_if(predicate: Callable, fn: Callable) -> Callable:
    """A function x -> fn(x) when predicate(x) holds, otherwise x unchanged.

    >>> apply_if(lambda n: n > 2, lambda n: n * 10)(5), apply_if(lambda n: n > 2, lambda n: n * 10)(1)
    (50, 1)
    """
    return lambda x: fn(x) if predicate(x) else x


def place_object_at(obj: Obj, position: tuple) -> Obj:
    """Move the object so its bounding box's top-left corner is at the (row, col) position.

    >>> sorted(place_object_at(frozenset({(2, 3, 1), (3, 3, 2)}), (0, 5)))
    [(0, 5, 1), (1, 5, 2)]
    """
    dr = position[0] - min(r for r, _, _ in obj)
    dc = position[1] - min(c for _, c, _ in obj)
    return frozenset((r + dr, c + dc, v) for r, c, v in obj)


def cluster_cells(cells: Indices, distance: int) -> tuple:
    """Group positions into clusters of cells at most `distance` apart in rows and columns (chained).

    Clusters come in reading order of their first cell.

    >>> [sorted(g) for g in cluster_cells({(0, 0), (0, 2), (5, 5)}, 2)]
    [[(0, 0), (0, 2)], [(5, 5)]]
    """
    pts = sorted((cell[0], cell[1]) for cell in cells)
    seen: set = set()
    groups = []
    for p in pts:
        if p in seen:
            continue
        seen.add(p)
        stack, group = [p], [p]
        while stack:
            r, c = stack.pop()
            for q in pts:
                if q not in seen and abs(q[0] - r) <= distance and abs(q[1] - c) <= distance:
                    seen.add(q)
                    stack.append(q)
                    group.append(q)
        groups.append(frozenset(group))
    return tuple(sorted(groups, key=lambda g: min(g)))


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


def move_until_touching(obj: Obj, target: Obj) -> Obj:
    """Slide the object straight toward the target until it touches it edge to edge.

    It moves along the axis where the two are apart; returned unchanged if already touching or
    if their bounding boxes overlap.

    >>> sorted(move_until_touching(frozenset({(0, 0, 2)}), frozenset({(0, 4, 8)})))
    [(0, 3, 2)]
    """
    rows = [r for r, _, _ in obj]
    cols = [c for _, c, _ in obj]
    trows = [r for r, _, _ in target]
    tcols = [c for _, c, _ in target]
    if max(rows) < min(trows):
        step = (1, 0)
    elif min(rows) > max(trows):
        step = (-1, 0)
    elif max(cols) < min(tcols):
        step = (0, 1)
    elif min(cols) > max(tcols):
        step = (0, -1)
    else:
        return obj
    tcells = {(r, c) for r, c, _ in target}
    current = obj
    for _ in range(30):
        cells = {(r, c) for r, c, _ in current}
        touching = any((r + dr, c + dc) in tcells for r, c in cells for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
        if touching:
            return current
        moved = frozenset((r + step[0], c + step[1], v) for r, c, v in current)
        if any((r, c) in tcells for r, c, _ in moved):
            return current
        current = moved
    return current


def shift_copies(obj: Obj, offsets: tuple) -> Obj:
    """Union of copies of the object moved by each (rows, cols) offset.

    >>> sorted(shift_copies(frozenset({(1, 1, 3)}), ((0, 1), (1, 0))))
    [(1, 2, 3), (2, 1, 3)]
    """
    return frozenset((r + dr, c + dc, v) for dr, dc in offsets for r, c, v in obj)


def smear_object(obj: Obj, step: tuple, times: int) -> Obj:
    """Union of the object and its copies moved by 1, 2, ..., times steps of (rows, cols).

    >>> sorted(smear_object(frozenset({(0, 0, 4)}), (1, 1), 2))
    [(0, 0, 4), (1, 1, 4), (2, 2, 4)]
    """
    dr, dc = step[0], step[1]
    times = max(0, min(times, 60))
    return frozenset((r + k * dr, c + k * dc, v) for k in range(times + 1) for r, c, v in obj)


def fix_at(fn: Callable, index: int, value: Any) -> Callable:
    """Bind the argument at 0-based position `index`; the returned function takes the others in order.

    >>> fix_at(pow, 0, 2)(5)
    32
    >>> fix_at(smear_object, 1, (0, 1))(frozenset({(0, 0, 1)}), 1) == frozenset({(0, 0, 1), (0, 1, 1)})
    True
    """
    index = max(0, min(index, 8))

    def bound(*args):
        items = list(args)
        items.insert(index, value)
        return fn(*items)

    return bound


def remove_cells(items: frozenset, cells) -> frozenset:
    """The object's cells (or positions) whose (row, col) is not among `cells` (positions or an object).

    >>> sorted(remove_cells(frozenset({(0, 0, 1), (0, 1, 1)}), frozenset({(0, 1)})))
    [(0, 0, 1)]
    """
    drop = {(cell[0], cell[1]) for cell in cells}
    return frozenset(x for x in items if (x[0], x[1]) not in drop)


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
            known: dict = {}
            ok = True
            for r in range(h):
                for c in range(w):
                    v = grid[r][c]
                    if v == background:
                        continue
                    k = (r + sign * c) % p
                    if known.setdefault(k, v) != v:
                        ok = False
                        break
                if not ok:
                    break
            if ok and len(known) == p:
                return tuple(tuple(known[(r + sign * c) % p] for c in range(w)) for r in range(h))
    return grid


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


def _dihedral(cells: list) -> list:
    variants = []
    for k in range(8):
        out = []
        for r, c, v in cells:
            if k & 4:
                r, c = c, r
            if k & 1:
                r = -r
            if k & 2:
                c = -c
            out.append((r, c, v))
        variants.append(out)
    return variants


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


def grid_cells_to_object(grid: Grid, cells) -> Obj:
    """The grid's cells at the given (row, col) positions, with their colours, as an object.

    >>> sorted(grid_cells_to_object(((1, 2), (3, 4)), {(0, 1), (1, 0)}))
    [(0, 1, 2), (1, 0, 3)]
    """
    h, w = len(grid), len(grid[0])
    return frozenset((p[0], p[1], grid[p[0]][p[1]]) for p in cells if 0 <= p[0] < h and 0 <= p[1] < w)


def tile_region(cells, shapes: tuple) -> tuple:
    """Tile the positions exactly with copies of the shapes; per shape, the positions it covers.

    Shapes are sets of (row, col) offsets; returns one frozenset per shape holding all positions
    its copies cover (all empty if no exact tiling exists).

    Search: the first uncovered position in reading order is covered by trying the shapes in order.

    >>> square = ((0, 0), (0, 1), (1, 0), (1, 1))
    >>> bar = ((0, 0), (0, 1), (0, 2))
    >>> [sorted(t) for t in tile_region({(0, 0), (0, 1), (0, 2), (1, 3), (1, 4), (2, 3), (2, 4)}, (square, bar))]
    [[(1, 3), (1, 4), (2, 3), (2, 4)], [(0, 0), (0, 1), (0, 2)]]
    """
    todo = {(p[0], p[1]) for p in cells}
    norms = []
    for shape in shapes:
        pts = sorted((p[0], p[1]) for p in shape)
        r0, c0 = pts[0]
        norms.append([(r - r0, c - c0) for r, c in pts])
    budget = [20000]

    def search(remaining):
        if not remaining:
            return []
        budget[0] -= 1
        if budget[0] < 0:
            return None
        first_cell = min(remaining)
        for i, shape in enumerate(norms):
            placed = {(first_cell[0] + dr, first_cell[1] + dc) for dr, dc in shape}
            if placed <= remaining:
                rest = search(remaining - placed)
                if rest is not None:
                    return [(i, placed)] + rest
        return None

    found = search(frozenset(todo))
    out = [set() for _ in shapes]
    if found is not None:
        for i, placed in found:
            out[i] |= placed
    return tuple(frozenset(o) for o in out)


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
                a, b = 2 * r - R, 2 * c - C
                nr, nc = (R + b) // 2, (C - a) // 2
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
    out = set(obj)
    current = [(r, c, v) for (r, c), v in cells.items()]
    for _ in range(3):
        current = [((R + (2 * c - C)) // 2, (C - (2 * r - R)) // 2, v) for r, c, v in current]
        out.update(current)
    return frozenset(out)
