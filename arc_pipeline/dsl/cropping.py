"""Cutting grids: windows, halves, row and column ranges, cropping to content."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid

__all__ = [
    "crop", "top_half", "bottom_half", "left_half", "right_half", "select_rows", "select_columns",
    "crop_to_content", "window_around",
]


def crop(grid: Grid, top: int, left: int, rows: int, cols: int) -> Grid:
    """The rows x cols window whose top-left corner is (top, left).

    >>> crop(((1, 2, 3), (4, 5, 6), (7, 8, 9)), 1, 1, 2, 2)
    ((5, 6), (8, 9))
    """
    return tuple(row[left:left + cols] for row in grid[top:top + rows])


def top_half(grid: Grid) -> Grid:
    """Upper half of the rows (the middle row of an odd grid is dropped).

    >>> top_half(((1,), (2,), (3,)))
    ((1,),)
    """
    return grid[: len(grid) // 2]


def bottom_half(grid: Grid) -> Grid:
    """Lower half of the rows (the middle row of an odd grid is dropped).

    >>> bottom_half(((1,), (2,), (3,)))
    ((3,),)
    """
    return grid[len(grid) - len(grid) // 2:]


def left_half(grid: Grid) -> Grid:
    """Left half of the columns (the middle column of an odd grid is dropped).

    >>> left_half(((1, 2, 3),))
    ((1,),)
    """
    return tuple(row[: len(row) // 2] for row in grid)


def right_half(grid: Grid) -> Grid:
    """Right half of the columns (the middle column of an odd grid is dropped).

    >>> right_half(((1, 2, 3),))
    ((3,),)
    """
    w = len(grid[0])
    return tuple(row[w - w // 2:] for row in grid)


def select_rows(grid: Grid, start: int, stop: int) -> Grid:
    """Rows start..stop-1 (Python slice semantics, negatives count from the end).

    >>> select_rows(((1,), (2,), (3,)), 1, 3)
    ((2,), (3,))
    """
    return grid[start:stop]


def select_columns(grid: Grid, start: int, stop: int) -> Grid:
    """Columns start..stop-1 (Python slice semantics).

    >>> select_columns(((1, 2, 3),), 0, 2)
    ((1, 2),)
    """
    return tuple(row[start:stop] for row in grid)


def crop_to_content(grid: Grid, background: int) -> Grid:
    """Smallest window holding every cell that is not the background colour.

    >>> crop_to_content(((0, 0, 0), (0, 3, 4), (0, 0, 0)), 0)
    ((3, 4),)
    """
    rows = [r for r, row in enumerate(grid) if any(v != background for v in row)]
    cols = [c for c in range(len(grid[0])) if any(row[c] != background for row in grid)]
    if not rows:
        return grid
    return tuple(row[cols[0]: cols[-1] + 1] for row in grid[rows[0]: rows[-1] + 1])


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
