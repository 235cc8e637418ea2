"""Combining same-shape grids cell by cell: overlays, masks and boolean combinations."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid

__all__ = [
    "overlay", "overlay_all", "keep_where", "combine_and", "combine_or", "combine_xor",
    "combine_nor",
]


def _combine(a: Grid, b: Grid, color: int, keep) -> Grid:
    if len(a) != len(b) or len(a[0]) != len(b[0]):
        raise ValueError("grids must have the same shape")
    return tuple(
        tuple(color if keep(x != 0, y != 0) else 0 for x, y in zip(ra, rb)) for ra, rb in zip(a, b)
    )


def overlay(base: Grid, top: Grid, transparent: int) -> Grid:
    """Lay `top` over `base` (same shape); cells of `top` equal to `transparent` let base show.

    >>> overlay(((1, 1),), ((0, 2),), 0)
    ((1, 2),)
    """
    return tuple(
        tuple(b if t == transparent else t for b, t in zip(rb, rt)) for rb, rt in zip(base, top)
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


def keep_where(grid: Grid, mask: Grid, background: int) -> Grid:
    """Keep the grid's cells where the same-shape mask is not `background`; elsewhere background.

    >>> keep_where(((1, 2), (3, 4)), ((5, 0), (0, 5)), 0)
    ((1, 0), (0, 4))
    """
    return tuple(
        tuple(v if m != background else background for v, m in zip(rg, rm)) for rg, rm in zip(grid, mask)
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
