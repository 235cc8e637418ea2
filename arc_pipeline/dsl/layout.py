"""Scaling, tiling, joining and splitting whole grids."""

from __future__ import annotations

from arc_pipeline.dsl._support import _spans_between
from arc_pipeline.dsl.symmetry import flip_horizontal, transpose
from arc_pipeline.dsl.types import Grid

__all__ = [
    "upscale", "upscale_rows_cols", "downscale", "tile", "concat_horizontal",
    "stack_vertical", "stack_horizontal", "mirror_right", "mirror_down", "split_columns",
    "split_rows", "split_by_lines", "line_section_counts", "dedupe_rows", "dedupe_columns",
]


def upscale(grid: Grid, factor: int) -> Grid:
    """Each cell becomes a factor x factor block.

    >>> upscale(((1, 2),), 2)
    ((1, 1, 2, 2), (1, 1, 2, 2))
    """
    return upscale_rows_cols(grid, factor, factor)


def upscale_rows_cols(grid: Grid, row_factor: int, col_factor: int) -> Grid:
    """Each cell becomes a row_factor x col_factor block.

    >>> upscale_rows_cols(((1, 2),), 2, 1)
    ((1, 2), (1, 2))
    """
    out = []
    for row in grid:
        wide = tuple(v for v in row for _ in range(col_factor))
        out.extend([wide] * row_factor)
    return tuple(out)


def downscale(grid: Grid, factor: int) -> Grid:
    """Keep every factor-th row and column (inverse of upscale).

    >>> downscale(((1, 1, 2, 2), (1, 1, 2, 2)), 2)
    ((1, 2),)
    """
    return tuple(row[::factor] for row in grid[::factor])


def tile(grid: Grid, rows: int, cols: int) -> Grid:
    """Repeat the grid rows times downwards and cols times rightwards.

    >>> tile(((1, 2),), 2, 2)
    ((1, 2, 1, 2), (1, 2, 1, 2))
    """
    return tuple(row * cols for row in grid) * rows


def concat_horizontal(left: Grid, right: Grid) -> Grid:
    """Place two grids of equal height side by side.

    >>> concat_horizontal(((1,), (2,)), ((3,), (4,)))
    ((1, 3), (2, 4))
    """
    if len(left) != len(right):
        raise ValueError("concat_horizontal needs grids of equal height")
    return tuple(a + b for a, b in zip(left, right))


def stack_vertical(grids) -> Grid:
    """Stack any number of equal-width grids top to bottom, in order.

    Two grids are stacked with a pair: ``stack_vertical((top, bottom))``.

    >>> stack_vertical((((1, 2),), ((3, 4),), ((5, 6),)))
    ((1, 2), (3, 4), (5, 6))
    """
    grids = tuple(grids)
    if len({len(g[0]) for g in grids if g}) > 1:
        raise ValueError("stack_vertical needs grids of equal width")
    return tuple(row for g in grids for row in g)


def stack_horizontal(grids) -> Grid:
    """Place any number of equal-height grids side by side, left to right.

    >>> stack_horizontal((((1,), (2,)), ((3,), (4,))))
    ((1, 3), (2, 4))
    """
    grids = tuple(grids)
    return tuple(tuple(v for g in grids for v in g[r]) for r in range(len(grids[0])))


def mirror_right(grid: Grid) -> Grid:
    """The grid followed by its left-right mirror image.

    >>> mirror_right(((1, 2),))
    ((1, 2, 2, 1),)
    """
    return concat_horizontal(grid, flip_horizontal(grid))


def mirror_down(grid: Grid) -> Grid:
    """The grid followed below by its top-bottom mirror image.

    >>> mirror_down(((1,), (2,)))
    ((1,), (2,), (2,), (1,))
    """
    return grid + grid[::-1]


def split_columns(grid: Grid, parts: int) -> tuple:
    """Cut into `parts` equal side-by-side grids, skipping a 1-cell separator column if present.

    >>> split_columns(((1, 5, 2),), 2)
    (((1,),), ((2,),))
    """
    return tuple(transpose(g) for g in split_rows(transpose(grid), parts))


def split_rows(grid: Grid, parts: int) -> tuple:
    """Cut into `parts` equal stacked grids, skipping a 1-row separator between parts if present.

    >>> split_rows(((1,), (2,), (3,), (4,)), 2)
    (((1,), (2,)), ((3,), (4,)))
    """
    h = len(grid)
    size = h // parts
    gap = 1 if size * parts != h else 0
    size = (h - gap * (parts - 1)) // parts
    return tuple(grid[i * (size + gap): i * (size + gap) + size] for i in range(parts))


def split_by_lines(grid: Grid, line_color: int) -> tuple:
    """Cells between full rows/columns of line_color, left-to-right then top-to-bottom.

    >>> split_by_lines(((1, 5, 2), (5, 5, 5), (3, 5, 4)), 5)
    (((1,),), ((2,),), ((3,),), ((4,),))
    """
    h, w = len(grid), len(grid[0])
    line_rows = [r for r in range(h) if all(v == line_color for v in grid[r])]
    line_cols = [c for c in range(w) if all(grid[r][c] == line_color for r in range(h))]

    return tuple(
        tuple(row[c0:c1] for row in grid[r0:r1])
        for r0, r1 in _spans_between(line_rows, h)
        for c0, c1 in _spans_between(line_cols, w)
    )


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


def dedupe_rows(grid: Grid) -> Grid:
    """Collapse runs of identical consecutive rows into one.

    >>> dedupe_rows(((1,), (1,), (2,), (1,)))
    ((1,), (2,), (1,))
    """
    out = [grid[0]]
    for row in grid[1:]:
        if row != out[-1]:
            out.append(row)
    return tuple(out)


def dedupe_columns(grid: Grid) -> Grid:
    """Collapse runs of identical consecutive columns into one.

    >>> dedupe_columns(((1, 1, 2),))
    ((1, 2),)
    """
    return transpose(dedupe_rows(transpose(grid)))
