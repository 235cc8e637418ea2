"""Search-style primitives for puzzles: covering cells with copies of a shape, crosses, folds."""

from __future__ import annotations

from typing import Any, Callable

from arc_pipeline.dsl.types import Grid, Indices, Objects

__all__ = ["plus_shape", "cover_with_copies", "fold_items", "route_to_target", "chain_at_joints"]


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


def cover_with_copies(shape: Indices, targets: Indices, allowed: Indices, grid: Grid) -> Indices:
    """Cells (on the grid) of moved copies of a shape that together cover every target position.

    Each copy must touch a target and lie on allowed positions (parts off the grid are free).
    Copies are chosen greedily: most uncovered targets first, then fewest non-target cells,
    then reading order. Returns an empty set when the targets cannot all be covered.

    >>> g = ((0, 2, 0, 0), (2, 5, 2, 0), (0, 2, 0, 0))
    >>> sorted(cover_with_copies(plus_shape(1), frozenset({(0, 1), (1, 0), (1, 2)}),
    ...     frozenset({(0, 1), (1, 0), (1, 1), (1, 2), (2, 1)}), g))
    [(0, 1), (1, 0), (1, 1), (1, 2), (2, 1)]
    >>> cover_with_copies(plus_shape(1), frozenset({(1, 1)}), frozenset({(1, 1)}), g)
    frozenset()
    """
    rows, cols = len(grid), len(grid[0]) if grid else 0
    shape = sorted((int(r), int(c)) for r, c in shape)
    targets = frozenset((r, c) for r, c in targets)
    allowed = frozenset((r, c) for r, c in allowed)
    if not shape or not targets:
        return frozenset()
    candidates = []
    for tr, tc in sorted(targets):
        for sr, sc in shape:
            dr, dc = tr - sr, tc - sc
            candidates.append((dr, dc))
    candidates = sorted(set(candidates))
    copies = []
    for dr, dc in candidates:
        cells = frozenset((r + dr, c + dc) for r, c in shape)
        if all(p in allowed for p in cells if 0 <= p[0] < rows and 0 <= p[1] < cols):
            copies.append(cells)
    todo = set(targets)
    covered: set = set()
    for _ in range(len(targets)):
        if not todo:
            break
        best, best_key = None, None
        for cells in copies:
            key = (len(cells & todo), -len(cells - targets))
            if best_key is None or key > best_key:
                best, best_key = cells, key
        if best is None or best_key[0] == 0:
            return frozenset()
        covered |= best
        todo -= best
    if todo:
        return frozenset()
    return frozenset((r, c) for r, c in covered if 0 <= r < rows and 0 <= c < cols)


def fold_items(fn: Callable, items, initial: Any) -> Any:
    """Left fold: start from `initial` and replace it by fn(current, item) for each item in order.

    >>> fold_items(pow, (2, 3), 2)
    64
    >>> fold_items(pow, (), 5)
    5
    """
    value = initial
    for item in tuple(items)[:1000]:
        value = fn(value, item)
    return value


def route_to_target(grid: Grid, start: Indices, target: Indices, background: int) -> Indices:
    """Path from a line segment to a target, going straight and turning toward the target when blocked.

    The walk leaves an end of the `start` segment, continuing its line, and moves over
    background cells only. When the next cell is not background (or off the grid) it turns
    onto the other axis, toward the target; it ends when the next cell is a target cell.
    Both ends are tried and the shorter successful path is returned (empty when none reaches).

    >>> g = ((0, 0, 0, 0), (3, 3, 0, 8), (0, 0, 0, 0), (0, 0, 0, 2))
    >>> sorted(route_to_target(g, frozenset({(1, 0), (1, 1)}), frozenset({(3, 3)}), 0))
    [(1, 2), (2, 2), (3, 2)]
    """
    rows, cols = len(grid), len(grid[0]) if grid else 0
    start = frozenset((r, c) for r, c in start)
    target = frozenset((r, c) for r, c in target)
    if not start or not target:
        return frozenset()

    def sign(v: int) -> int:
        return (v > 0) - (v < 0)

    def free(r: int, c: int) -> bool:
        return 0 <= r < rows and 0 <= c < cols and grid[r][c] == background and (r, c) not in start

    target_list = sorted(target)
    best = None
    for r0, c0 in sorted(start):
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            if (r0 - dr, c0 - dc) not in start or not free(r0 + dr, c0 + dc):
                continue
            r, c, path, seen, ok = r0, c0, [], set(), False
            for _ in range(4 * rows * cols + 4):
                nr, nc = r + dr, c + dc
                if (nr, nc) in target:
                    ok = True
                    break
                if free(nr, nc):
                    r, c = nr, nc
                    if (r, c, dr, dc) in seen:
                        break
                    seen.add((r, c, dr, dc))
                    path.append((r, c))
                    continue
                tr, tc = min(target_list, key=lambda t: abs(t[0] - r) + abs(t[1] - c))
                if dr != 0:
                    dr, dc = 0, sign(tc - c)
                else:
                    dr, dc = sign(tr - r), 0
                if (dr, dc) == (0, 0):
                    break
                if (r + dr, c + dc) not in target and not free(r + dr, c + dc):
                    break
            if ok and (best is None or len(path) < len(best)):
                best = path
    return frozenset(best) if best else frozenset()


def chain_at_joints(pieces: Objects, joint_color: int) -> Objects:
    """Link pieces left to right: each moves so its leftmost joint cell sits just right of the previous one's rightmost.

    Joint cells are the cells of `joint_color`; the first piece stays where it is, and a piece
    without joint cells is left in place. Ties among joint cells in one column go to the upper
    cell on the left side and to the lower cell on the right side.

    >>> a = frozenset({(1, 0, 2), (0, 0, 5)})
    >>> b = frozenset({(2, 4, 5), (2, 5, 1)})
    >>> [sorted(p) for p in chain_at_joints((a, b), 5)]
    [[(0, 0, 5), (1, 0, 2)], [(0, 1, 5), (0, 2, 1)]]
    """
    placed: list = []
    for piece in tuple(pieces)[:900]:
        piece = frozenset(piece)
        joints = sorted((c, r) for r, c, v in piece if v == joint_color)
        if placed and joints:
            previous = sorted((c, r) for r, c, v in placed[-1] if v == joint_color)
            if previous:
                pc, pr = previous[-1]
                lc, lr = joints[0]
                dr, dc = pr - lr, pc + 1 - lc
                piece = frozenset((r + dr, c + dc, v) for r, c, v in piece)
        placed.append(piece)
    return tuple(placed)
