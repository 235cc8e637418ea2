"""Grid geometry and construction: size, rotation, reflection, cropping, scaling, tiling, joining."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices

__all__ = [
    "identity", "height", "width", "shape", "make_grid", "cell_color", "rotate_90", "rotate_180",
    "rotate_270", "flip_horizontal", "flip_vertical", "transpose", "flip_antidiagonal", "crop",
    "top_half", "bottom_half", "left_half", "right_half", "upscale", "upscale_rows_cols",
    "downscale", "tile", "concat_horizontal", "concat_vertical", "split_columns", "split_rows",
    "split_by_lines", "dedupe_rows", "dedupe_columns", "overlay", "combine_and", "combine_or",
    "combine_xor", "combine_nor", "set_cells", "all_cells", "mirror_right", "mirror_down",
    "pad", "shift_grid", "crop_to_content", "grid_indices_where_equal", "select_rows",
    "select_columns", "keep_where",
]


def identity(x):
    """Return the value unchanged (useful as a function argument).

    >>> identity(((1,),))
    ((1,),)
    """
    return x


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


def rotate_90(grid: Grid) -> Grid:
    """Rotate clockwise by a quarter turn.

    >>> rotate_90(((1, 2), (3, 4)))
    ((3, 1), (4, 2))
    """
    return tuple(zip(*grid[::-1]))


def rotate_180(grid: Grid) -> Grid:
    """Rotate by a half turn.

    >>> rotate_180(((1, 2), (3, 4)))
    ((4, 3), (2, 1))
    """
    return tuple(row[::-1] for row in grid[::-1])


def rotate_270(grid: Grid) -> Grid:
    """Rotate counter-clockwise by a quarter turn.

    >>> rotate_270(((1, 2), (3, 4)))
    ((2, 4), (1, 3))
    """
    return tuple(zip(*grid))[::-1]


def flip_horizontal(grid: Grid) -> Grid:
    """Mirror left-right (each row reversed).

    >>> flip_horizontal(((1, 2), (3, 4)))
    ((2, 1), (4, 3))
    """
    return tuple(row[::-1] for row in grid)


def flip_vertical(grid: Grid) -> Grid:
    """Mirror top-bottom (row order reversed).

    >>> flip_vertical(((1, 2), (3, 4)))
    ((3, 4), (1, 2))
    """
    return grid[::-1]


def transpose(grid: Grid) -> Grid:
    """Mirror along the main diagonal (rows become columns).

    >>> transpose(((1, 2), (3, 4)))
    ((1, 3), (2, 4))
    """
    return tuple(zip(*grid))


def flip_antidiagonal(grid: Grid) -> Grid:
    """Mirror along the anti-diagonal (top-right to bottom-left).

    >>> flip_antidiagonal(((1, 2), (3, 4)))
    ((4, 2), (3, 1))
    """
    return tuple(zip(*(row[::-1] for row in grid[::-1])))


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


def concat_vertical(top: Grid, bottom: Grid) -> Grid:
    """Stack two grids of equal width, the first on top.

    >>> concat_vertical(((1, 2),), ((3, 4),))
    ((1, 2), (3, 4))
    """
    if len(top[0]) != len(bottom[0]):
        raise ValueError("concat_vertical needs grids of equal width")
    return top + bottom


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


def _spans_between(lines: list, n: int) -> list:
    """(start, stop) index ranges between separator lines in 0..n (empty ranges skipped)."""
    out, start = [], 0
    for ln in lines + [n]:
        if ln > start:
            out.append((start, ln))
        start = ln + 1
    return out


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


def overlay(base: Grid, top: Grid, transparent: int) -> Grid:
    """Lay `top` over `base` (same shape); cells of `top` equal to `transparent` let base show.

    >>> overlay(((1, 1),), ((0, 2),), 0)
    ((1, 2),)
    """
    return tuple(
        tuple(b if t == transparent else t for b, t in zip(rb, rt)) for rb, rt in zip(base, top)
    )


def _combine(a: Grid, b: Grid, color: int, keep) -> Grid:
    if len(a) != len(b) or len(a[0]) != len(b[0]):
        raise ValueError("grids must have the same shape")
    return tuple(
        tuple(color if keep(x != 0, y != 0) else 0 for x, y in zip(ra, rb)) for ra, rb in zip(a, b)
    )


def combine_and(a: Grid, b: Grid, color: int) -> Grid:
    """`color` where both grids are non-zero, else 0 (same-shape grids).

    >>> combine_and(((1, 0, 1),), ((2, 2, 0),), 3)
    ((3, 0, 0),)
    """
    return _combine(a, b, color, lambda x, y: x and y)


def combine_or(a: Grid, b: Grid, color: int) -> Grid:
    """`color` where either grid is non-zero, else 0.

    >>> combine_or(((1, 0, 0),), ((0, 2, 0),), 3)
    ((3, 3, 0),)
    """
    return _combine(a, b, color, lambda x, y: x or y)


def combine_xor(a: Grid, b: Grid, color: int) -> Grid:
    """`color` where exactly one grid is non-zero, else 0.

    >>> combine_xor(((1, 0, 1),), ((2, 2, 0),), 3)
    ((0, 3, 3),)
    """
    return _combine(a, b, color, lambda x, y: x != y)


def combine_nor(a: Grid, b: Grid, color: int) -> Grid:
    """`color` where both grids are zero, else 0.

    >>> combine_nor(((1, 0, 0),), ((2, 0, 0),), 3)
    ((0, 3, 3),)
    """
    return _combine(a, b, color, lambda x, y: not (x or y))


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


def grid_indices_where_equal(a: Grid, b: Grid) -> Indices:
    """Positions where two same-shape grids have the same colour.

    >>> sorted(grid_indices_where_equal(((1, 2),), ((1, 3),)))
    [(0, 0)]
    """
    return frozenset(
        (r, c) for r, (ra, rb) in enumerate(zip(a, b)) for c, (x, y) in enumerate(zip(ra, rb)) if x == y
    )


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


def keep_where(grid: Grid, mask: Grid, background: int) -> Grid:
    """Keep the grid's cells where the same-shape mask is not `background`; elsewhere background.

    >>> keep_where(((1, 2), (3, 4)), ((5, 0), (0, 5)), 0)
    ((1, 0), (0, 4))
    """
    return tuple(
        tuple(v if m != background else background for v, m in zip(rg, rm)) for rg, rm in zip(grid, mask)
    )
