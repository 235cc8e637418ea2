"""Grid construction and single cells: size, new grids, reading and painting cells, reshaping."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices

__all__ = [
    "height", "width", "shape", "make_grid", "cell_color", "set_cell", "set_cells", "all_cells",
    "grid_indices_where_equal", "reshape_grid", "pad", "shift_grid",
]


def height(grid: Grid) -> int:
    """Number of rows.

    >>> height(((1, 2), (3, 4), (5, 6)))
    3
    """
    return len(grid)


def width(grid: Grid) -> int:
    """Number of columns.

    >>> width(((1, 2), (3, 4), (5, 6)))
    2
    """
    return len(grid[0])


def shape(grid: Grid) -> tuple[int, int]:
    """(rows, columns) of a grid.

    >>> shape(((1, 2, 3),))
    (1, 3)
    """
    return (len(grid), len(grid[0]))


def make_grid(color: int, rows: int, cols: int) -> Grid:
    """A new rows x cols grid filled with one colour.

    >>> make_grid(5, 2, 3)
    ((5, 5, 5), (5, 5, 5))
    """
    return tuple((color,) * cols for _ in range(rows))


def cell_color(grid: Grid, row: int, col: int) -> int:
    """Colour of one cell (negative indices count from the end).

    >>> cell_color(((1, 2), (3, 4)), 1, 0)
    3
    """
    return grid[row][col]


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


def set_cells(grid: Grid, cells: Indices, color: int) -> Grid:
    """Paint the given (row, col) positions with one colour; positions off the grid are ignored.

    >>> set_cells(((0, 0), (0, 0)), frozenset({(0, 1), (5, 5)}), 7)
    ((0, 7), (0, 0))
    """
    rows = [list(r) for r in grid]
    h, w = len(rows), len(rows[0])
    for r, c in cells:
        if 0 <= r < h and 0 <= c < w:
            rows[r][c] = color
    return tuple(tuple(r) for r in rows)


def all_cells(grid: Grid) -> Indices:
    """Every (row, col) position of the grid.

    >>> sorted(all_cells(((1, 2),)))
    [(0, 0), (0, 1)]
    """
    return frozenset((r, c) for r in range(len(grid)) for c in range(len(grid[0])))


def grid_indices_where_equal(a: Grid, b: Grid) -> Indices:
    """Positions where two same-shape grids have the same colour.

    >>> sorted(grid_indices_where_equal(((1, 2),), ((1, 3),)))
    [(0, 0)]
    """
    return frozenset(
        (r, c) for r, (ra, rb) in enumerate(zip(a, b)) for c, (x, y) in enumerate(zip(ra, rb)) if x == y
    )


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


def pad(grid: Grid, border: int, color: int) -> Grid:
    """Surround the grid with a frame `border` cells thick in one colour.

    >>> pad(((1,),), 1, 0)
    ((0, 0, 0), (0, 1, 0), (0, 0, 0))
    """
    w = len(grid[0]) + 2 * border
    edge = tuple((color,) * w for _ in range(border))
    side = (color,) * border
    return edge + tuple(side + row + side for row in grid) + edge


def shift_grid(grid: Grid, rows: int, cols: int, fill: int) -> Grid:
    """Move all content by (rows, cols), filling vacated cells; content leaving the grid is lost.

    >>> shift_grid(((1, 2), (3, 4)), 0, 1, 0)
    ((0, 1), (0, 3))
    """
    h, w = len(grid), len(grid[0])
    return tuple(
        tuple(
            grid[r - rows][c - cols] if 0 <= r - rows < h and 0 <= c - cols < w else fill
            for c in range(w)
        )
        for r in range(h)
    )
