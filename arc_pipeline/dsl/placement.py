"""Placing objects: painting, erasing, moving and copying them, and fitting pieces into places."""

from __future__ import annotations

from arc_pipeline.dsl.cells import plus_shape  # noqa: F401 - used in docstring examples
from arc_pipeline.dsl.objects import object_left, object_top, recolor_object
from arc_pipeline.dsl.types import Grid, Indices, Obj, Objects

__all__ = [
    "paint_object", "paint_objects", "paint_cells_on_background", "erase_object", "shift_object",
    "move_object_to", "move_object_to_row", "move_object_to_column", "place_object_at",
    "move_until_touching", "clear_shift_steps", "shift_copies", "smear_object",
    "disjoint_placements", "chain_at_joints", "cover_with_copies", "fit_pieces_into_holes",
    "tile_region",
]


def paint_object(grid: Grid, obj: Obj) -> Grid:
    """Draw the object's cells onto the grid; cells off the grid are ignored.

    >>> paint_object(((0, 0),), frozenset({(0, 1, 5)}))
    ((0, 5),)
    """
    return paint_objects(grid, (obj,))


def paint_objects(grid: Grid, objs: Objects) -> Grid:
    """Draw several objects in order (later ones on top).

    >>> paint_objects(((0, 0),), (frozenset({(0, 0, 1)}), frozenset({(0, 1, 2)})))
    ((1, 2),)
    """
    rows = [list(r) for r in grid]
    h, w = len(rows), len(rows[0])
    for obj in objs:
        for r, c, v in obj:
            if 0 <= r < h and 0 <= c < w:
                rows[r][c] = v
    return tuple(tuple(r) for r in rows)


def paint_cells_on_background(grid: Grid, cells: Indices, color: int, background: int) -> Grid:
    """Colour the given positions, but only where the grid shows the background.

    >>> paint_cells_on_background(((0, 2),), frozenset({(0, 0), (0, 1)}), 5, 0)
    ((5, 2),)
    """
    rows = [list(r) for r in grid]
    h, w = len(rows), len(rows[0])
    for r, c in cells:
        if 0 <= r < h and 0 <= c < w and rows[r][c] == background:
            rows[r][c] = color
    return tuple(tuple(r) for r in rows)


def erase_object(grid: Grid, obj: Obj, background: int) -> Grid:
    """Paint the object's cells with the background colour.

    >>> erase_object(((1, 2),), frozenset({(0, 1, 2)}), 0)
    ((1, 0),)
    """
    return paint_object(grid, recolor_object(obj, background))


def shift_object(obj: Obj, rows: int, cols: int) -> Obj:
    """Move the object by (rows, cols).

    >>> sorted(shift_object(frozenset({(0, 0, 1)}), 2, 3))
    [(2, 3, 1)]
    """
    return frozenset((r + rows, c + cols, v) for r, c, v in obj)


def move_object_to(obj: Obj, top: int, left: int) -> Obj:
    """Move the object so its bounding box's top-left corner is (top, left).

    >>> sorted(move_object_to(frozenset({(4, 4, 1)}), 0, 1))
    [(0, 1, 1)]
    """
    return shift_object(obj, top - object_top(obj), left - object_left(obj))


def move_object_to_row(obj: Obj, row: int) -> Obj:
    """Move the object up or down so its top row is `row` (columns unchanged).

    >>> sorted(move_object_to_row(frozenset({(3, 1, 5)}), 0))
    [(0, 1, 5)]
    """
    dr = row - min(r for r, _, _ in obj)
    return frozenset((r + dr, c, v) for r, c, v in obj)


def move_object_to_column(obj: Obj, col: int) -> Obj:
    """Move the object sideways so its leftmost column is `col` (rows unchanged).

    >>> sorted(move_object_to_column(frozenset({(3, 1, 5)}), 4))
    [(3, 4, 5)]
    """
    dc = col - min(c for _, c, _ in obj)
    return frozenset((r, c + dc, v) for r, c, v in obj)


def place_object_at(obj: Obj, position: tuple) -> Obj:
    """Move the object so its bounding box's top-left corner is at the (row, col) position.

    >>> sorted(place_object_at(frozenset({(2, 3, 1), (3, 3, 2)}), (0, 5)))
    [(0, 5, 1), (1, 5, 2)]
    """
    dr = position[0] - min(r for r, _, _ in obj)
    dc = position[1] - min(c for _, c, _ in obj)
    return frozenset((r + dr, c + dc, v) for r, c, v in obj)


def move_until_touching(obj: Obj, target: Obj) -> Obj:
    """Slide the object straight toward the target until it touches it edge to edge.

    It moves along the axis where the two are apart; returned unchanged if already touching or
    if their bounding boxes overlap.

    >>> sorted(move_until_touching(frozenset({(0, 0, 2)}), frozenset({(0, 4, 8)})))
    [(0, 3, 2)]
    """
    rows = [r for r, _, _ in obj]
    cols = [c for _, c, _ in obj]
    trows = [r for r, _, _ in target]
    tcols = [c for _, c, _ in target]
    if max(rows) < min(trows):
        step = (1, 0)
    elif min(rows) > max(trows):
        step = (-1, 0)
    elif max(cols) < min(tcols):
        step = (0, 1)
    elif min(cols) > max(tcols):
        step = (0, -1)
    else:
        return obj
    tcells = {(r, c) for r, c, _ in target}
    current = obj
    for _ in range(30):
        cells = {(r, c) for r, c, _ in current}
        touching = any((r + dr, c + dc) in tcells for r, c in cells for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
        if touching:
            return current
        moved = frozenset((r + step[0], c + step[1], v) for r, c, v in current)
        if any((r, c) in tcells for r, c, _ in moved):
            return current
        current = moved
    return current


def clear_shift_steps(obj: Obj, step: tuple) -> int:
    """Fewest repeats of a (rows, cols) step that move the object (or positions) off all its own cells.

    Returns 0 for an empty object or a (0, 0) step; at most 30 steps are tried.

    >>> clear_shift_steps(frozenset({(0, 1, 5), (1, 0, 5), (1, 1, 5), (1, 2, 5), (2, 1, 5)}), (1, 1))
    2
    """
    cells = {(item[0], item[1]) for item in obj}
    dr, dc = step
    if not cells or (dr, dc) == (0, 0):
        return 0
    for k in range(1, 31):
        if not any((r + k * dr, c + k * dc) in cells for r, c in cells):
            return k
    return 30


def shift_copies(obj: Obj, offsets: tuple) -> Obj:
    """Union of copies of the object moved by each (rows, cols) offset.

    >>> sorted(shift_copies(frozenset({(1, 1, 3)}), ((0, 1), (1, 0))))
    [(1, 2, 3), (2, 1, 3)]
    """
    return frozenset((r + dr, c + dc, v) for dr, dc in offsets for r, c, v in obj)


def smear_object(obj: Obj, step: tuple, times: int) -> Obj:
    """Union of the object and its copies moved by 1, 2, ..., times steps of (rows, cols).

    >>> sorted(smear_object(frozenset({(0, 0, 4)}), (1, 1), 2))
    [(0, 0, 4), (1, 1, 4), (2, 2, 4)]
    """
    dr, dc = step[0], step[1]
    times = max(0, min(times, 60))
    return frozenset((r + k * dr, c + k * dc, v) for k in range(times + 1) for r, c, v in obj)


def disjoint_placements(cells: Indices, offsets: tuple) -> tuple:
    """The offsets, in the given order, at which copies of `cells` do not overlap earlier kept copies.

    Why: where a piece fits in two overlapping spots, only one copy can be drawn; taking the spots
    in a fixed order (e.g. reading order from `pattern_placements`) makes the choice deterministic.

    >>> disjoint_placements(frozenset({(0, 0), (0, 1)}), ((0, 0), (0, 1), (0, 2), (1, 0)))
    ((0, 0), (0, 2), (1, 0))
    >>> disjoint_placements(frozenset({(0, 0)}), ((2, 2), (2, 2)))
    ((2, 2),)
    """
    taken: set = set()
    kept = []
    for dr, dc in offsets:
        moved = {(r + dr, c + dc) for r, c in cells}
        if moved & taken:
            continue
        taken |= moved
        kept.append((dr, dc))
    return tuple(kept)


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


def fit_pieces_into_holes(pieces, holes: tuple, blocked) -> tuple:
    """Slide the pieces (without turning) so that each hole is filled by exactly one piece.

    A piece fills a hole when, after moving, it covers every cell of that hole, no cell of
    another hole and no `blocked` position; it may stick out of the hole elsewhere. Returns the
    moved pieces in hole order (an empty tuple when no complete assignment exists). Pieces and
    placements are tried in a fixed order, so the answer is deterministic.

    >>> holes = (frozenset({(1, 0)}), frozenset({(0, 2), (1, 2)}))
    >>> bar = frozenset({(5, 0, 5), (6, 0, 5)})
    >>> dot = frozenset({(5, 4, 5)})
    >>> [sorted(p) for p in fit_pieces_into_holes((bar, dot), holes, frozenset({(0, 0), (0, 1), (1, 1)}))]
    [[(1, 0, 5)], [(0, 2, 5), (1, 2, 5)]]
    """
    blocked = frozenset((p[0], p[1]) for p in blocked)
    holes = [frozenset((p[0], p[1]) for p in h) for h in holes]
    all_hole_cells = frozenset().union(*holes) if holes else frozenset()
    pieces = [sorted(p) for p in pieces]
    budget = [20000]

    def options(piece, hole):
        anchor = min(hole)
        found = []
        for r, c, _ in piece:
            dr, dc = anchor[0] - r, anchor[1] - c
            moved = frozenset((rr + dr, cc + dc, v) for rr, cc, v in piece)
            pos = frozenset((rr, cc) for rr, cc, _ in moved)
            if hole <= pos and not (pos & blocked) and not ((pos & all_hole_cells) - hole):
                if moved not in found:
                    found.append(moved)
        return found

    def search(index, used):
        if index == len(holes):
            return []
        budget[0] -= 1
        if budget[0] < 0:
            return None
        for i, piece in enumerate(pieces):
            if i in used:
                continue
            for moved in options(piece, holes[index]):
                rest = search(index + 1, used | {i})
                if rest is not None:
                    return [moved] + rest
        return None

    result = search(0, frozenset())
    return tuple(result) if result is not None else ()


def tile_region(cells, shapes: tuple) -> tuple:
    """Tile the positions exactly with copies of the shapes; per shape, the positions it covers.

    Shapes are sets of (row, col) offsets; returns one frozenset per shape holding all positions
    its copies cover (all empty if no exact tiling exists).

    Search: the first uncovered position in reading order is covered by trying the shapes in order.

    >>> square = ((0, 0), (0, 1), (1, 0), (1, 1))
    >>> bar = ((0, 0), (0, 1), (0, 2))
    >>> [sorted(t) for t in tile_region({(0, 0), (0, 1), (0, 2), (1, 3), (1, 4), (2, 3), (2, 4)}, (square, bar))]
    [[(1, 3), (1, 4), (2, 3), (2, 4)], [(0, 0), (0, 1), (0, 2)]]
    """
    todo = {(p[0], p[1]) for p in cells}
    norms = []
    for shape in shapes:
        pts = sorted((p[0], p[1]) for p in shape)
        r0, c0 = pts[0]
        norms.append([(r - r0, c - c0) for r, c in pts])
    budget = [20000]

    def search(remaining):
        if not remaining:
            return []
        budget[0] -= 1
        if budget[0] < 0:
            return None
        first_cell = min(remaining)
        for i, shape in enumerate(norms):
            placed = {(first_cell[0] + dr, first_cell[1] + dc) for dr, dc in shape}
            if placed <= remaining:
                rest = search(remaining - placed)
                if rest is not None:
                    return [(i, placed)] + rest
        return None

    found = search(frozenset(todo))
    out = [set() for _ in shapes]
    if found is not None:
        for i, placed in found:
            out[i] |= placed
    return tuple(frozenset(o) for o in out)
