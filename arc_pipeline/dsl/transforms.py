"""Extra general-purpose primitives: pairing collections, picking odd items out, and more."""

from __future__ import annotations

from typing import Any

from arc_pipeline.dsl.types import Grid, Indices, Obj, Objects

__all__ = [
    "zip_items", "least_common_item", "difference", "intersection", "union", "reshape_grid",
    "set_cell", "ray_cells", "lookup", "bbox_corners", "rotate_items",
    "pad_items", "cells_in_solid_squares", "full_window_corners",
    "constant", "reflect_object_across", "flatten",
]


def zip_items(a, b) -> tuple:
    """Pair up two collections item by item: ((a0, b0), (a1, b1), ...), as long as the shorter.

    >>> zip_items((1, 2, 3), (4, 5, 6))
    ((1, 4), (2, 5), (3, 6))
    """
    return tuple(zip(tuple(a), tuple(b)))


def least_common_item(items) -> Any:
    """The least frequent item (the earliest among ties), e.g. the odd one out.

    >>> least_common_item((2, 1, 2, 2, 1, 3))
    3
    """
    items = tuple(items)
    return min(items, key=items.count)


def difference(a, b) -> frozenset:
    """The items (e.g. positions) of `a` that are not in `b`, as a frozenset.

    >>> sorted(difference(frozenset({(0, 0), (0, 1)}), frozenset({(0, 1)})))
    [(0, 0)]
    """
    return frozenset(a) - frozenset(b)


def union(a, b) -> frozenset:
    """All items (e.g. positions) that are in `a` or in `b`, as a frozenset.

    >>> sorted(union(frozenset({(0, 0)}), frozenset({(0, 1)})))
    [(0, 0), (0, 1)]
    """
    return frozenset(a) | frozenset(b)


def intersection(a, b) -> frozenset:
    """The items (e.g. positions) present in both `a` and `b`, as a frozenset.

    >>> sorted(intersection(frozenset({(0, 0), (0, 1)}), frozenset({(0, 1), (2, 2)})))
    [(0, 1)]
    """
    return frozenset(a) & frozenset(b)


def reshape_grid(grid: Grid, rows: int, cols: int) -> Grid:
    """Read the cells in reading order and lay them out again as a rows x cols grid.

    The grid must hold exactly rows * cols cells.

    >>> reshape_grid(((1, 2, 3, 4, 5, 6),), 2, 3)
    ((1, 2, 3), (4, 5, 6))
    """
    flat = [v for row in grid for v in row]
    if len(flat) != rows * cols or rows < 1 or cols < 1:
        raise ValueError("reshape_grid needs rows * cols equal to the number of cells")
    return tuple(tuple(flat[r * cols:(r + 1) * cols]) for r in range(rows))


def set_cell(grid: Grid, row: int, col: int, color: int) -> Grid:
    """Paint one cell (row, col) with a colour; a position off the grid leaves the grid unchanged.

    >>> set_cell(((0, 0), (0, 0)), 1, 0, 4)
    ((0, 0), (4, 0))
    """
    if not (0 <= row < len(grid) and 0 <= col < len(grid[0])):
        return grid
    return tuple(
        tuple(color if (r, c) == (row, col) else v for c, v in enumerate(line))
        for r, line in enumerate(grid)
    )


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


def lookup(pairs, key: Any) -> Any:
    """The value paired with `key` in ((key, value), ...) pairs; None when the key is absent.

    >>> lookup(((1, 'a'), (2, 'b')), 2)
    'b'
    """
    for k, v in pairs:
        if k == key:
            return v
    return None


def bbox_corners(cells) -> Indices:
    """The four corner positions of the bounding box of some positions (or of an object's cells).

    >>> sorted(bbox_corners(frozenset({(1, 1), (2, 4), (3, 2)})))
    [(1, 1), (1, 4), (3, 1), (3, 4)]
    >>> sorted(bbox_corners(frozenset({(0, 0, 5), (1, 1, 5)})))
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """
    rows = [cell[0] for cell in cells]
    cols = [cell[1] for cell in cells]
    top, bottom, left, right = min(rows), max(rows), min(cols), max(cols)
    return frozenset({(top, left), (top, right), (bottom, left), (bottom, right)})


def rotate_items(items, steps: int) -> tuple:
    """Cyclically shift the items `steps` places to the right (negative shifts left).

    >>> rotate_items((1, 2, 3, 4), 1)
    (4, 1, 2, 3)
    >>> rotate_items((1, 2, 3, 4), -1)
    (2, 3, 4, 1)
    """
    items = tuple(items)
    if not items:
        return items
    k = steps % len(items)
    return items[len(items) - k:] + items[:len(items) - k]


def pad_items(items, length: int, fill: Any) -> tuple:
    """Extend the items to `length` by appending `fill` (items already that long are cut to it).

    >>> pad_items((3, 3), 4, 0)
    (3, 3, 0, 0)
    """
    items = tuple(items)[:max(length, 0)]
    return items + (fill,) * (min(length, 900) - len(items))


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


def constant(value: Any):
    """A function that ignores its argument and always returns `value`.

    >>> constant(7)('anything')
    7
    """
    return lambda _x: value


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


def flatten(collections) -> tuple:
    """Join several collections into one tuple, keeping their order (one level deep).

    >>> flatten(((1, 2), (3,), ()))
    (1, 2, 3)
    """
    return tuple(item for collection in collections for item in collection)

