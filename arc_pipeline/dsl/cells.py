"""Sets of (row, col) positions: set algebra, bounding boxes, neighbourhoods and clusters."""

from __future__ import annotations

from arc_pipeline.dsl.types import Indices

__all__ = [
    "merge", "union", "intersection", "difference", "remove_cells", "bbox_of_cells", "bbox_corners",
    "grow_cells", "cluster_cells", "plus_shape",
]


def merge(collections) -> frozenset:
    """Union of several sets of cells (or objects' cells) into one frozenset.

    >>> sorted(merge((frozenset({(0, 0)}), frozenset({(1, 1)}))))
    [(0, 0), (1, 1)]
    """
    out: set = set()
    for c in collections:
        out.update(c)
    return frozenset(out)


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


def difference(a, b) -> frozenset:
    """The items (e.g. positions) of `a` that are not in `b`, as a frozenset.

    >>> sorted(difference(frozenset({(0, 0), (0, 1)}), frozenset({(0, 1)})))
    [(0, 0)]
    """
    return frozenset(a) - frozenset(b)


def remove_cells(items: frozenset, cells) -> frozenset:
    """The object's cells (or positions) whose (row, col) is not among `cells` (positions or an object).

    >>> sorted(remove_cells(frozenset({(0, 0, 1), (0, 1, 1)}), frozenset({(0, 1)})))
    [(0, 0, 1)]
    """
    drop = {(cell[0], cell[1]) for cell in cells}
    return frozenset(x for x in items if (x[0], x[1]) not in drop)


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


def grow_cells(cells: Indices, radius: int) -> Indices:
    """Every position within `radius` king moves (rows and columns both within radius) of some given cell.

    Works on positions or objects; positions may fall outside any grid. Radius 0 returns the
    positions themselves; the radius is capped at 30.

    >>> sorted(grow_cells(frozenset({(0, 0)}), 1))
    [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 0), (0, 1), (1, -1), (1, 0), (1, 1)]
    """
    radius = max(0, min(radius, 30))
    pts = {(item[0], item[1]) for item in cells}
    out = set()
    for r, c in pts:
        for dr in range(-radius, radius + 1):
            for dc in range(-radius, radius + 1):
                out.add((r + dr, c + dc))
    return frozenset(out)


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


def plus_shape(arm: int) -> Indices:
    """Positions of a plus sign centred on (0, 0) whose four arms are `arm` cells long.

    >>> sorted(plus_shape(1))
    [(-1, 0), (0, -1), (0, 0), (0, 1), (1, 0)]
    >>> len(plus_shape(3))
    13
    """
    arm = max(0, min(int(arm), 30))
    cells = {(0, 0)}
    for k in range(1, arm + 1):
        cells.update({(k, 0), (-k, 0), (0, k), (0, -k)})
    return frozenset(cells)
