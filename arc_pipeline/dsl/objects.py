"""Objects: finding connected components, reading their properties, converting and selecting them.

An object is a frozenset of (row, col, color) cells in absolute coordinates. Collections of
objects are tuples sorted in reading order of their top-left corner (then larger first, then
colour), so programs are deterministic whatever the hash seed.
"""

from __future__ import annotations

from arc_pipeline.dsl._support import _N4
from arc_pipeline.dsl.cells import bbox_of_cells
from arc_pipeline.dsl.colors import replace_color
from arc_pipeline.dsl.filling import fill_enclosed
from arc_pipeline.dsl.types import Grid, Indices, Obj, Objects

__all__ = [
    "find_objects", "objects_by_color", "object_size", "object_color", "object_color_count",
    "object_top", "object_left", "object_bottom", "object_right", "object_height", "object_width",
    "object_position", "object_center", "object_cells", "object_bbox", "object_border_cells",
    "object_neighbor_cells", "object_endpoints", "object_hole_count", "is_rectangle",
    "touches_border", "object_to_grid", "crop_to_object", "grid_to_object", "grid_cells_to_object",
    "cells_to_object", "recolor_object", "largest_object", "smallest_object", "objects_of_color",
    "objects_of_size",
]

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


def object_color_count(obj: Obj, color: int) -> int:
    """How many of the object's cells have the given colour.

    >>> object_color_count(frozenset({(0, 0, 2), (0, 1, 8), (1, 1, 2)}), 2)
    2
    """
    return sum(1 for _, _, v in obj if v == color)


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


def object_hole_count(obj: Obj) -> int:
    """Number of enclosed background regions (holes) inside the object.

    >>> object_hole_count(frozenset({(r, c, 1) for r in range(3) for c in range(3) if (r, c) != (1, 1)}))
    1
    """
    grid = object_to_grid(recolor_object(obj, 1), 0)
    filled = fill_enclosed(grid, 0, 2)
    return len(find_objects(replace_color(filled, 1, 0), True, False, 0))


def is_rectangle(obj: Obj) -> bool:
    """True when the object fills its whole bounding box.

    >>> is_rectangle(frozenset({(0, 0, 1), (0, 1, 1)}))
    True
    """
    return len(obj) == object_height(obj) * object_width(obj)


def touches_border(obj: Obj, grid: Grid) -> bool:
    """True when the object has a cell on the grid's outer edge.

    >>> touches_border(frozenset({(0, 1, 1)}), ((0, 0, 0), (0, 0, 0), (0, 0, 0)))
    True
    """
    h, w = len(grid), len(grid[0])
    return any(r in (0, h - 1) or c in (0, w - 1) for r, c, _ in obj)


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


def grid_cells_to_object(grid: Grid, cells) -> Obj:
    """The grid's cells at the given (row, col) positions, with their colours, as an object.

    >>> sorted(grid_cells_to_object(((1, 2), (3, 4)), {(0, 1), (1, 0)}))
    [(0, 1, 2), (1, 0, 3)]
    """
    h, w = len(grid), len(grid[0])
    return frozenset((p[0], p[1], grid[p[0]][p[1]]) for p in cells if 0 <= p[0] < h and 0 <= p[1] < w)


def cells_to_object(cells: Indices, color: int) -> Obj:
    """Give positions a colour, making an object.

    >>> sorted(cells_to_object(frozenset({(1, 2)}), 4))
    [(1, 2, 4)]
    """
    return frozenset((r, c, color) for r, c in cells)


def recolor_object(obj: Obj, color: int) -> Obj:
    """The same cells in one new colour.

    >>> sorted(recolor_object(frozenset({(0, 0, 1), (0, 1, 2)}), 7))
    [(0, 0, 7), (0, 1, 7)]
    """
    return frozenset((r, c, color) for r, c, _ in obj)


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
