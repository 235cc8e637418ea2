"""Object tasks: shapes, rectangles and dots placed on a background; the output is built from them.

Each generator keeps the list of what it placed (cells, colours, boxes) and writes the output
from that list, never by analysing the finished input grid. Backgrounds are random unless the
rule names one; objects are kept apart so each one is its own connected object.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Optional

from arc_pipeline.solutions.generators.common import (
    MAX_SIDE, FreshGenerator, Grid, Pair, blank, colours, connected_shape, freeze, most_common, noise,
    place_boxes, redraw)


def _windows(g: Grid, h: int, w: int) -> set[Grid]:
    return {freeze(row[c:c + w] for row in g[r:r + h])
            for r in range(len(g) - h + 1) for c in range(len(g[0]) - w + 1)}


def _is_window(i: Grid, o: Grid) -> bool:
    """The output is a sub-rectangle of the input (what every crop produces)."""
    return len(o) <= len(i) and len(o[0]) <= len(i[0]) and o in _windows(i, len(o), len(o[0]))


def _crop(cells, colour: int, bg: int) -> Grid:
    """The placed cells' bounding box on ``bg``, painted ``colour``."""
    r0, c0 = min(r for r, _ in cells), min(c for _, c in cells)
    h, w = max(r for r, _ in cells) - r0 + 1, max(c for _, c in cells) - c0 + 1
    out = blank(h, w, bg)
    for r, c in cells:
        out[r - r0][c - c0] = colour
    return freeze(out)


def _shapes_on_grid(rng: random.Random, n: int, sizes: list[tuple[int, int]], cells: list[int]):
    """n random 4-connected shapes placed apart on a random grid: (grid, bg, [(cells, colour)])."""
    H, W = rng.randint(6, 20), rng.randint(6, 20)
    corners = place_boxes(rng, H, W, sizes)
    if corners is None:
        return None
    bg, *palette = colours(rng, n + 1)
    rows = blank(H, W, bg)
    placed = []
    for (h, w), k, (r0, c0), colour in zip(sizes, cells, corners, palette):
        shape = {(r0 + r, c0 + c) for r, c in connected_shape(rng, h, w, k)}
        for r, c in shape:
            rows[r][c] = colour
        placed.append((shape, colour))
    g = freeze(rows)
    return (g, bg, placed) if most_common(g) == bg else None


def _draw_single_shape(rng: random.Random) -> Optional[Pair]:
    """1cf80156: one shape of one colour on a background; the output is the shape cropped."""
    h, w = rng.randint(1, 6), rng.randint(1, 6)
    got = _shapes_on_grid(rng, 1, [(h, w)], [rng.randint(h + w - 1, h * w)])
    if got is None:
        return None
    g, bg, [(shape, colour)] = got
    return g, _crop(shape, colour, bg)


def _draw_largest_shape(rng: random.Random) -> Optional[Pair]:
    """be94b721: 2-4 shapes of different colours; the output is the one with the most cells."""
    n = rng.randint(2, 4)
    sizes = [(rng.randint(1, 5), rng.randint(1, 5)) for _ in range(n)]
    counts = [rng.randint(h + w - 1, h * w) for h, w in sizes]
    got = _shapes_on_grid(rng, n, sizes, counts)
    if got is None:
        return None
    g, bg, placed = got
    sizes_now = sorted((len(s) for s, _ in placed), reverse=True)
    if len(sizes_now) > 1 and sizes_now[0] == sizes_now[1]:
        return None  # two largest shapes: the rule does not say which
    shape, colour = max(placed, key=lambda p: len(p[0]))
    return g, _crop(shape, colour, bg)


def _one_colour_window(i: Grid, o: Grid) -> bool:
    bg = most_common(i)
    return _is_window(i, o) and len({v for row in o for v in row} - {bg}) == 1


def _draw_smallest_rectangle(rng: random.Random) -> Optional[Pair]:
    """23b5c85d: 2-4 solid rectangles of different colours; the output is the smallest one."""
    n = rng.randint(2, 4)
    sizes = [(rng.randint(1, 8), rng.randint(1, 8)) for _ in range(n)]
    areas = sorted(h * w for h, w in sizes)
    if areas[0] == areas[1]:
        return None
    H, W = rng.randint(8, 25), rng.randint(8, 25)
    corners = place_boxes(rng, H, W, sizes)
    if corners is None:
        return None
    bg, *palette = colours(rng, n + 1)
    rows = blank(H, W, bg)
    for (h, w), (r0, c0), colour in zip(sizes, corners, palette):
        for r in range(r0, r0 + h):
            rows[r][c0:c0 + w] = [colour] * w
    (h, w), colour = min(zip(sizes, palette), key=lambda p: p[0][0] * p[0][1])
    return freeze(rows), freeze(blank(h, w, colour))


def _check_smallest_rectangle(i: Grid, o: Grid) -> bool:
    bg = most_common(i)
    counts = Counter(v for row in i for v in row if v != bg)
    colour = min(counts, key=counts.get)
    return {v for row in o for v in row} == {colour} and len(o) * len(o[0]) == counts[colour]


def _draw_a740d043(rng: random.Random) -> Optional[Pair]:
    """A picture inside a box on a background; the output is the box with background turned black."""
    bg = rng.randint(0, 9)
    palette = colours(rng, rng.randint(1, 3), exclude=(bg, 0))
    h, w = rng.randint(1, 5), rng.randint(1, 5)
    H, W = rng.randint(h + 1, 15), rng.randint(w + 1, 15)
    box = [[rng.choice(palette) if rng.random() < 0.6 else None for _ in range(w)] for _ in range(h)]
    if not (any(box[0]) and any(box[-1]) and any(r[0] is not None for r in box)
            and any(r[-1] is not None for r in box)):
        return None  # the picture must reach every side of its box
    r0, c0 = rng.randint(0, H - h), rng.randint(0, W - w)
    rows = blank(H, W, bg)
    for r in range(h):
        for c in range(w):
            if box[r][c] is not None:
                rows[r0 + r][c0 + c] = box[r][c]
    g = freeze(rows)
    if most_common(g) != bg:
        return None
    return g, freeze([0 if v is None else v for v in row] for row in box)


def _check_a740d043(i: Grid, o: Grid) -> bool:
    bg = most_common(i)
    cells = [(r, c) for r, row in enumerate(i) for c, v in enumerate(row) if v != bg]
    r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
    c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
    return freeze([0 if v == bg else v for v in row[c0:c1 + 1]] for row in i[r0:r1 + 1]) == o


def _draw_gravity(rng: random.Random) -> Optional[Pair]:
    """1e0a9b12: scattered coloured cells; in the output each column's cells are stacked at the bottom."""
    H, W = rng.randint(2, 15), rng.randint(2, 15)
    bg, *palette = colours(rng, 1 + rng.randint(1, 5))
    columns = [[rng.choice(palette) if rng.random() < 0.3 else None for _ in range(H)] for _ in range(W)]
    g = freeze([[bg if columns[c][r] is None else columns[c][r] for c in range(W)] for r in range(H)])
    if most_common(g) != bg:
        return None
    stacks = [[v for v in col if v is not None] for col in columns]
    out = freeze([[bg if r < H - len(stacks[c]) else stacks[c][r - (H - len(stacks[c]))] for c in range(W)]
                  for r in range(H)])
    return g, out


def _gravity(i: Grid) -> Grid:
    bg = most_common(i)
    cols = [[v for v in col if v != bg] for col in zip(*i)]
    return freeze(zip(*[[bg] * (len(i) - len(c)) + c for c in cols]))


def _draw_count_row(rng: random.Random) -> Pair:
    """d631b094: k cells of one colour on black; the output is a 1 x k row of that colour.

    Black is the background here because the task's own test has more coloured cells than black
    ones, so only the colour (not the count) says which is the background.
    """
    H, W = rng.randint(2, 8), rng.randint(2, 8)
    k = rng.randint(1, min(MAX_SIDE, H * W - 1))
    colour = rng.randint(1, 9)
    spots = rng.sample([(r, c) for r in range(H) for c in range(W)], k)
    rows = blank(H, W, 0)
    for r, c in spots:
        rows[r][c] = colour
    return freeze(rows), ((colour,) * k,)


def _check_count_row(i: Grid, o: Grid) -> bool:
    cells = [v for row in i for v in row if v != 0]
    return len(set(cells)) == 1 and o == (tuple(cells),)


def _draw_isolated(rng: random.Random) -> Optional[Pair]:
    """42a50994: cells of one colour; a cell with no neighbour of that colour (8 around) is erased."""
    H, W = rng.randint(3, 20), rng.randint(3, 20)
    bg, colour = colours(rng, 2)
    marked = {(r, c) for r in range(H) for c in range(W) if rng.random() < rng.uniform(0.1, 0.3)}
    kept = {(r, c) for r, c in marked
            if any((r + dr, c + dc) in marked for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)}
    def paint(cells: set[tuple[int, int]]) -> Grid:
        return freeze([[colour if (r, c) in cells else bg for c in range(W)] for r in range(H)])
    g = paint(marked)
    return (g, paint(kept)) if most_common(g) == bg else None


def _remove_isolated(i: Grid) -> Grid:
    bg, H, W = most_common(i), len(i), len(i[0])
    def lonely(r: int, c: int) -> bool:
        return all(i[r + dr][c + dc] == bg for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                   if (dr or dc) and 0 <= r + dr < H and 0 <= c + dc < W)
    return freeze([[bg if v != bg and lonely(r, c) else v for c, v in enumerate(row)] for r, row in enumerate(i)])


def _draw_hollow(rng: random.Random) -> Optional[Pair]:
    """4347f46a: solid rectangles (at least 3x3) on a background; the output keeps only their outlines."""
    n = rng.randint(1, 4)
    sizes = [(rng.randint(3, 8), rng.randint(3, 8)) for _ in range(n)]
    H, W = rng.randint(8, 22), rng.randint(8, 22)
    corners = place_boxes(rng, H, W, sizes)
    if corners is None:
        return None
    bg = rng.randint(0, 9)
    fills = [rng.choice([c for c in range(10) if c != bg]) for _ in sizes]
    solid, hollow = blank(H, W, bg), blank(H, W, bg)
    for (h, w), (r0, c0), colour in zip(sizes, corners, fills):
        for r in range(h):
            for c in range(w):
                solid[r0 + r][c0 + c] = colour
                if r in (0, h - 1) or c in (0, w - 1):
                    hollow[r0 + r][c0 + c] = colour
    g = freeze(solid)
    return (g, freeze(hollow)) if most_common(g) == bg else None


def _hollow(i: Grid) -> Grid:
    bg, H, W = most_common(i), len(i), len(i[0])
    def inner(r: int, c: int) -> bool:
        return 0 < r < H - 1 and 0 < c < W - 1 and all(
            i[r + dr][c + dc] == i[r][c] for dr in (-1, 0, 1) for dc in (-1, 0, 1))
    return freeze([[bg if v != bg and inner(r, c) else v for c, v in enumerate(row)] for r, row in enumerate(i)])


def _draw_shift_down(rng: random.Random) -> Optional[Pair]:
    """25ff71a9: a picture whose bottom row is empty; the output moves everything down one row."""
    H, W = rng.randint(2, 12), rng.randint(1, 12)
    bg, *palette = colours(rng, 1 + rng.randint(1, 2))
    body = noise(rng, H - 1, W, bg, palette, rng.uniform(0.2, 0.5))
    empty = (tuple([bg] * W),)
    return (body + empty, empty + body) if most_common(body + empty) == bg else None


def _shift_down(i: Grid) -> Grid:
    bg = most_common(i)
    return (tuple([bg] * len(i[0])),) + i[:-1]


def _draw_count_upscale(rng: random.Random) -> Optional[Pair]:
    """ac0a08a4: k cells of distinct colours on a background; each cell becomes a k x k block."""
    k = rng.randint(1, 6)
    side = MAX_SIDE // k
    H, W = rng.randint(2, min(6, side)), rng.randint(2, min(6, side))
    if 2 * k >= H * W:
        return None
    bg, *palette = colours(rng, k + 1)
    spots = rng.sample([(r, c) for r in range(H) for c in range(W)], k)
    small = blank(H, W, bg)
    for (r, c), colour in zip(spots, palette):
        small[r][c] = colour
    big = [[small[r // k][c // k] for c in range(W * k)] for r in range(H * k)]
    return freeze(small), freeze(big)


def _check_count_upscale(i: Grid, o: Grid) -> bool:
    bg = most_common(i)
    k = sum(v != bg for row in i for v in row)
    return o == freeze([[i[r // k][c // k] for c in range(len(i[0]) * k)] for r in range(len(i) * k)])


def _gen(task_id: str, draw, check, rule: str) -> FreshGenerator:
    return FreshGenerator(task_id, "objects", lambda rng: redraw(draw, rng), check, rule)


GENERATORS: list[FreshGenerator] = [
    _gen("1cf80156", _draw_single_shape, _one_colour_window, "the single shape, cropped"),
    _gen("be94b721", _draw_largest_shape, _one_colour_window, "the largest shape, cropped"),
    _gen("23b5c85d", _draw_smallest_rectangle, _check_smallest_rectangle, "the smallest rectangle"),
    _gen("a740d043", _draw_a740d043, _check_a740d043, "crop the content; background becomes black"),
    _gen("1e0a9b12", _draw_gravity, lambda i, o: _gravity(i) == o, "cells fall to the bottom of their column"),
    _gen("d631b094", _draw_count_row, _check_count_row, "a row of the colour, one cell per coloured cell"),
    _gen("42a50994", _draw_isolated, lambda i, o: _remove_isolated(i) == o, "isolated cells are removed"),
    _gen("4347f46a", _draw_hollow, lambda i, o: _hollow(i) == o, "solid rectangles are hollowed out"),
    _gen("25ff71a9", _draw_shift_down, lambda i, o: _shift_down(i) == o, "the picture moves down one row"),
    _gen("ac0a08a4", _draw_count_upscale, _check_count_upscale, "scale up by the number of coloured cells"),
]
