"""Colours: counting, choosing, replacing and mapping colours of a grid."""

from __future__ import annotations

from arc_pipeline.dsl.types import Grid, Indices

__all__ = [
    "palette", "color_count", "count_colors", "most_common_color", "least_common_color",
    "colors_by_frequency", "replace_color", "swap_colors",
    "keep_only_color", "remove_color", "map_colors", "cells_of_color", "cells_not_of_color",
]


def _counts(grid: Grid) -> dict[int, int]:
    counts: dict[int, int] = {}
    for row in grid:
        for v in row:
            counts[v] = counts.get(v, 0) + 1
    return counts


def palette(grid: Grid) -> tuple[int, ...]:
    """The colours present, sorted ascending.

    >>> palette(((3, 1), (1, 0)))
    (0, 1, 3)
    """
    return tuple(sorted(_counts(grid)))


def color_count(grid: Grid, color: int) -> int:
    """How many cells have the given colour.

    >>> color_count(((3, 1), (1, 0)), 1)
    2
    """
    return sum(row.count(color) for row in grid)


def count_colors(grid: Grid) -> int:
    """How many distinct colours the grid uses.

    >>> count_colors(((3, 1), (1, 0)))
    3
    """
    return len(_counts(grid))


def most_common_color(grid: Grid) -> int:
    """The most frequent colour (ties: smaller colour number). Usually the background.

    >>> most_common_color(((3, 1), (1, 0)))
    1
    """
    return colors_by_frequency(grid)[0]


def least_common_color(grid: Grid) -> int:
    """The least frequent colour present (ties: smaller colour number).

    >>> least_common_color(((3, 1), (1, 1)))
    3
    """
    counts = _counts(grid)
    return min(counts, key=lambda c: (counts[c], c))


def colors_by_frequency(grid: Grid) -> tuple[int, ...]:
    """Colours from most to least frequent; ties go to the smaller colour number.

    >>> colors_by_frequency(((3, 1), (1, 0)))
    (1, 0, 3)
    """
    counts = _counts(grid)
    return tuple(sorted(counts, key=lambda c: (-counts[c], c)))


def replace_color(grid: Grid, old: int, new: int) -> Grid:
    """Every cell of colour `old` becomes `new`.

    >>> replace_color(((1, 2), (2, 1)), 2, 5)
    ((1, 5), (5, 1))
    """
    return tuple(tuple(new if v == old else v for v in row) for row in grid)


def swap_colors(grid: Grid, a: int, b: int) -> Grid:
    """Exchange two colours everywhere.

    >>> swap_colors(((1, 2),), 1, 2)
    ((2, 1),)
    """
    return tuple(tuple(b if v == a else a if v == b else v for v in row) for row in grid)


def keep_only_color(grid: Grid, color: int, background: int) -> Grid:
    """Cells of `color` stay; all others become the background.

    With the background as `color`, it recolours every non-background cell to one colour
    (a mask): ``keep_only_color(grid, 0, 1)``.

    >>> keep_only_color(((1, 2), (2, 3)), 2, 0)
    ((0, 2), (2, 0))
    >>> keep_only_color(((0, 2), (3, 0)), 0, 5)
    ((0, 5), (5, 0))
    """
    return tuple(tuple(v if v == color else background for v in row) for row in grid)


def remove_color(grid: Grid, color: int, background: int) -> Grid:
    """Cells of `color` become the background.

    >>> remove_color(((1, 2),), 2, 0)
    ((1, 0),)
    """
    return replace_color(grid, color, background)


def map_colors(grid: Grid, mapping: tuple) -> Grid:
    """Recolour with ((old, new), ...) pairs applied simultaneously; unlisted colours stay.

    >>> map_colors(((1, 2, 3),), ((1, 2), (2, 1)))
    ((2, 1, 3),)
    """
    table = dict(mapping)
    return tuple(tuple(table.get(v, v) for v in row) for row in grid)


def cells_of_color(grid: Grid, color: int) -> Indices:
    """Positions (row, col) of every cell with the colour.

    >>> sorted(cells_of_color(((1, 2), (2, 1)), 2))
    [(0, 1), (1, 0)]
    """
    return frozenset((r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v == color)


def cells_not_of_color(grid: Grid, color: int) -> Indices:
    """Positions of every cell whose colour differs from `color`.

    >>> sorted(cells_not_of_color(((1, 2),), 2))
    [(0, 0)]
    """
    return frozenset((r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v != color)
