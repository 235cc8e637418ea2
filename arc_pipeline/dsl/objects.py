"""Objects: connected components, their properties, and painting them back.

An object is a frozenset of (row, col, color) cells in absolute coordinates. Collections of
objects are tuples sorted in reading order of their top-left corner (then larger first, then
colour), so programs are deterministic whatever the hash seed.
"""

from __future__ import annotations

from arc_pipeline.dsl.colors import replace_color
from arc_pipeline.dsl.grids import set_cells
from arc_pipeline.dsl.types import Grid, Indices, Obj, Objects

__all__ = [
    "find_objects", "objects_by_color", "object_size", "object_color", "object_top", "object_left",
    "object_bottom", "object_right", "object_height", "object_width", "object_position",
    "object_center", "object_cells", "object_bbox", "object_to_grid", "crop_to_object",
    "grid_to_object", "cells_to_object", "paint_object", "paint_objects", "erase_object",
    "recolor_object", "shift_object", "move_object_to", "largest_object", "smallest_object",
    "objects_of_color", "objects_of_size", "fill_enclosed", "object_border_cells",
    "object_neighbor_cells", "paint_cells_on_background", "touches_border", "is_rectangle",
    "draw_line", "draw_ray", "object_hole_count", "bbox_of_cells",
]

_N4 = ((-1, 0), (1, 0), (0, -1), (0, 1))
_N8 = _N4 + ((-1, -1), (-1, 1), (1, -1), (1, 1))


def _order(obj: Obj) -> tuple:
    top = min(r for r, _, _ in obj)
    left = min(c for r, c, _ in obj if r == top)
    return (top, left, -len(obj), min(v for _, _, v in obj))


def _sorted(objs) -> Objects:
    return tuple(sorted(objs, key=_order))


def find_objects(grid: Grid, same_color_only: bool, diagonal: bool, background: int) -> Objects:
    """Connected groups of non-background cells.

    same_color_only: a group holds one colour; diagonal: corners touching connect.

    >>> [object_size(o) for o in find_objects(((1, 0, 2), (1, 0, 0)), True, False, 0)]
    [2, 1]
    """
    h, w = len(grid), len(grid[0])
    seen = [[False] * w for _ in range(h)]
    steps = _N8 if diagonal else _N4
    found = []
    for r0 in range(h):
        row0 = grid[r0]
        for c0 in range(w):
            if seen[r0][c0] or row0[c0] == background:
                continue
            color0 = row0[c0]
            seen[r0][c0] = True
            stack = [(r0, c0)]
            cells = []
            while stack:
                r, c = stack.pop()
                v = grid[r][c]
                cells.append((r, c, v))
                for dr, dc in steps:
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < h and 0 <= cc < w and not seen[rr][cc]:
                        nv = grid[rr][cc]
                        if nv != background and (not same_color_only or nv == color0):
                            seen[rr][cc] = True
                            stack.append((rr, cc))
            found.append(frozenset(cells))
    return _sorted(found)


def objects_by_color(grid: Grid, background: int) -> Objects:
    """One object per non-background colour holding all its cells, connected or not.

    >>> [object_color(o) for o in objects_by_color(((1, 0, 2), (0, 0, 1)), 0)]
    [1, 2]
    """
    groups: dict[int, list] = {}
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v != background:
                groups.setdefault(v, []).append((r, c, v))
    return _sorted(frozenset(cells) for cells in groups.values())


def object_size(obj: Obj) -> int:
    """Number of cells.

    >>> object_size(frozenset({(0, 0, 1), (0, 1, 1)}))
    2
    """
    return len(obj)


def object_color(obj: Obj) -> int:
    """Most frequent colour of the object (ties: smaller colour number).

    >>> object_color(frozenset({(0, 0, 1), (0, 1, 2), (0, 2, 2)}))
    2
    """
    counts: dict[int, int] = {}
    for _, _, v in obj:
        counts[v] = counts.get(v, 0) + 1
    return min(counts, key=lambda c: (-counts[c], c))


def object_top(obj: Obj) -> int:
    """Smallest row index.

    >>> object_top(frozenset({(2, 0, 1), (3, 0, 1)}))
    2
    """
    return min(r for r, _, _ in obj)


def object_left(obj: Obj) -> int:
    """Smallest column index.

    >>> object_left(frozenset({(0, 4, 1), (0, 5, 1)}))
    4
    """
    return min(c for _, c, _ in obj)


def object_bottom(obj: Obj) -> int:
    """Largest row index.

    >>> object_bottom(frozenset({(2, 0, 1), (3, 0, 1)}))
    3
    """
    return max(r for r, _, _ in obj)


def object_right(obj: Obj) -> int:
    """Largest column index.

    >>> object_right(frozenset({(0, 4, 1), (0, 5, 1)}))
    5
    """
    return max(c for _, c, _ in obj)


def object_height(obj: Obj) -> int:
    """Rows spanned by the bounding box.

    >>> object_height(frozenset({(2, 0, 1), (4, 0, 1)}))
    3
    """
    return object_bottom(obj) - object_top(obj) + 1


def object_width(obj: Obj) -> int:
    """Columns spanned by the bounding box.

    >>> object_width(frozenset({(0, 4, 1), (0, 5, 1)}))
    2
    """
    return object_right(obj) - object_left(obj) + 1


def object_position(obj: Obj) -> tuple[int, int]:
    """(top, left) corner of the bounding box.

    >>> object_position(frozenset({(2, 4, 1), (3, 5, 1)}))
    (2, 4)
    """
    return (object_top(obj), object_left(obj))


def object_center(obj: Obj) -> tuple[int, int]:
    """Centre cell of the bounding box (rounded down).

    >>> object_center(frozenset({(0, 0, 1), (2, 2, 1)}))
    (1, 1)
    """
    return ((object_top(obj) + object_bottom(obj)) // 2, (object_left(obj) + object_right(obj)) // 2)


def object_cells(obj: Obj) -> Indices:
    """The (row, col) positions the object covers, without colours.

    >>> sorted(object_cells(frozenset({(0, 1, 3)})))
    [(0, 1)]
    """
    return frozenset((r, c) for r, c, _ in obj)


def object_bbox(obj: Obj) -> Indices:
    """Every position inside the object's bounding box.

    >>> len(object_bbox(frozenset({(0, 0, 1), (1, 2, 1)})))
    6
    """
    return bbox_of_cells(object_cells(obj))


def bbox_of_cells(cells: Indices) -> Indices:
    """Every position inside the bounding box of some positions.

    >>> sorted(bbox_of_cells(frozenset({(0, 0), (1, 1)})))
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    return frozenset(
        (r, c) for r in range(min(rows), max(rows) + 1) for c in range(min(cols), max(cols) + 1)
    )


def object_to_grid(obj: Obj, background: int) -> Grid:
    """The object drawn alone on a background grid the size of its bounding box.

    >>> object_to_grid(frozenset({(5, 5, 1), (6, 6, 2)}), 0)
    ((1, 0), (0, 2))
    """
    top, left = object_top(obj), object_left(obj)
    rows = [[background] * object_width(obj) for _ in range(object_height(obj))]
    for r, c, v in obj:
        rows[r - top][c - left] = v
    return tuple(tuple(r) for r in rows)


def crop_to_object(grid: Grid, obj: Obj) -> Grid:
    """The part of the grid under the object's bounding box (other cells included).

    >>> crop_to_object(((1, 2, 3), (4, 5, 6)), frozenset({(0, 1, 9), (1, 2, 9)}))
    ((2, 3), (5, 6))
    """
    top, left = object_top(obj), object_left(obj)
    return tuple(row[left: left + object_width(obj)] for row in grid[top: top + object_height(obj)])


def grid_to_object(grid: Grid, background: int) -> Obj:
    """The grid's non-background cells as one object, positioned at the origin.

    >>> sorted(grid_to_object(((0, 3),), 0))
    [(0, 1, 3)]
    """
    return frozenset((r, c, v) for r, row in enumerate(grid) for c, v in enumerate(row) if v != background)


def cells_to_object(cells: Indices, color: int) -> Obj:
    """Give positions a colour, making an object.

    >>> sorted(cells_to_object(frozenset({(1, 2)}), 4))
    [(1, 2, 4)]
    """
    return frozenset((r, c, color) for r, c in cells)


def paint_object(grid: Grid, obj: Obj) -> Grid:
    """Draw the object's cells onto the grid; cells off the grid are ignored.

    >>> paint_object(((0, 0),), frozenset({(0, 1, 5)}))
    ((0, 5),)
    """
    return paint_objects(grid, (obj,))


def paint_objects(grid: Grid, objs: Objects) -> Grid:
    """Draw several objects in order (later ones on top).

    >>> paint_objects(((0, 0),), (frozenset({(0, 0, 1)}), frozenset({(0, 1, 2)})))
    ((1, 2),)
    """
    rows = [list(r) for r in grid]
    h, w = len(rows), len(rows[0])
    for obj in objs:
        for r, c, v in obj:
            if 0 <= r < h and 0 <= c < w:
                rows[r][c] = v
    return tuple(tuple(r) for r in rows)


def erase_object(grid: Grid, obj: Obj, background: int) -> Grid:
    """Paint the object's cells with the background colour.

    >>> erase_object(((1, 2),), frozenset({(0, 1, 2)}), 0)
    ((1, 0),)
    """
    return paint_object(grid, recolor_object(obj, background))


def recolor_object(obj: Obj, color: int) -> Obj:
    """The same cells in one new colour.

    >>> sorted(recolor_object(frozenset({(0, 0, 1), (0, 1, 2)}), 7))
    [(0, 0, 7), (0, 1, 7)]
    """
    return frozenset((r, c, color) for r, c, _ in obj)


def shift_object(obj: Obj, rows: int, cols: int) -> Obj:
    """Move the object by (rows, cols).

    >>> sorted(shift_object(frozenset({(0, 0, 1)}), 2, 3))
    [(2, 3, 1)]
    """
    return frozenset((r + rows, c + cols, v) for r, c, v in obj)


def move_object_to(obj: Obj, top: int, left: int) -> Obj:
    """Move the object so its bounding box's top-left corner is (top, left).

    >>> sorted(move_object_to(frozenset({(4, 4, 1)}), 0, 1))
    [(0, 1, 1)]
    """
    return shift_object(obj, top - object_top(obj), left - object_left(obj))


def largest_object(objs: Objects) -> Obj:
    """The object with the most cells (first in order among ties).

    >>> object_size(largest_object((frozenset({(0, 0, 1)}), frozenset({(1, 0, 2), (1, 1, 2)}))))
    2
    """
    return max(objs, key=len)


def smallest_object(objs: Objects) -> Obj:
    """The object with the fewest cells (first in order among ties).

    >>> object_size(smallest_object((frozenset({(0, 0, 1)}), frozenset({(1, 0, 2), (1, 1, 2)}))))
    1
    """
    return min(objs, key=len)


def objects_of_color(objs: Objects, color: int) -> Objects:
    """Objects whose main colour is `color`.

    >>> len(objects_of_color((frozenset({(0, 0, 1)}), frozenset({(1, 0, 2)})), 2))
    1
    """
    return tuple(o for o in objs if object_color(o) == color)


def objects_of_size(objs: Objects, size: int) -> Objects:
    """Objects with exactly `size` cells.

    >>> len(objects_of_size((frozenset({(0, 0, 1)}), frozenset({(1, 0, 2), (1, 1, 2)})), 2))
    1
    """
    return tuple(o for o in objs if len(o) == size)


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


def object_border_cells(obj: Obj) -> Indices:
    """Positions on the edge of the object's bounding box (its frame).

    >>> len(object_border_cells(frozenset({(0, 0, 1), (2, 2, 1)})))
    8
    """
    top, left, bottom, right = object_top(obj), object_left(obj), object_bottom(obj), object_right(obj)
    return frozenset(
        (r, c) for r, c in object_bbox(obj) if r in (top, bottom) or c in (left, right)
    )


def object_neighbor_cells(obj: Obj, diagonal: bool) -> Indices:
    """Positions next to the object (4- or 8-neighbourhood) that it does not cover.

    >>> len(object_neighbor_cells(frozenset({(1, 1, 1)}), False))
    4
    """
    cells = object_cells(obj)
    steps = _N8 if diagonal else _N4
    return frozenset((r + dr, c + dc) for r, c in cells for dr, dc in steps) - cells


def paint_cells_on_background(grid: Grid, cells: Indices, color: int, background: int) -> Grid:
    """Colour the given positions, but only where the grid shows the background.

    >>> paint_cells_on_background(((0, 2),), frozenset({(0, 0), (0, 1)}), 5, 0)
    ((5, 2),)
    """
    rows = [list(r) for r in grid]
    h, w = len(rows), len(rows[0])
    for r, c in cells:
        if 0 <= r < h and 0 <= c < w and rows[r][c] == background:
            rows[r][c] = color
    return tuple(tuple(r) for r in rows)


def touches_border(obj: Obj, grid: Grid) -> bool:
    """True when the object has a cell on the grid's outer edge.

    >>> touches_border(frozenset({(0, 1, 1)}), ((0, 0, 0), (0, 0, 0), (0, 0, 0)))
    True
    """
    h, w = len(grid), len(grid[0])
    return any(r in (0, h - 1) or c in (0, w - 1) for r, c, _ in obj)


def is_rectangle(obj: Obj) -> bool:
    """True when the object fills its whole bounding box.

    >>> is_rectangle(frozenset({(0, 0, 1), (0, 1, 1)}))
    True
    """
    return len(obj) == object_height(obj) * object_width(obj)


def object_hole_count(obj: Obj) -> int:
    """Number of enclosed background regions (holes) inside the object.

    >>> object_hole_count(frozenset({(r, c, 1) for r in range(3) for c in range(3) if (r, c) != (1, 1)}))
    1
    """
    grid = object_to_grid(recolor_object(obj, 1), 0)
    filled = fill_enclosed(grid, 0, 2)
    return len(find_objects(replace_color(filled, 1, 0), True, False, 0))


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
