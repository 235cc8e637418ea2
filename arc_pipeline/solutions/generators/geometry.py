"""Geometry tasks: the output is the input moved as a whole (flips, turns, mirrors, tiles, scaling).

Inputs are random pictures: any size the output still fits in (1-30 per side), a random
background and 1-4 random colours at a random density. The transforms are written here in plain
Python, independently of the DSL the solvers use.
"""

from __future__ import annotations

import random
from typing import Callable, Optional

from arc_pipeline.solutions.generators.common import (
    MAX_SIDE, FreshGenerator, Grid, Pair, blank, colours, freeze, noise, redraw, strict_majority)


def picture(rng: random.Random, max_h: int = 15, max_w: int = 15, min_side: int = 2) -> Grid:
    """A random picture: random size, background, 1-4 other colours and density."""
    h, w = rng.randint(min_side, max_h), rng.randint(min_side, max_w)
    bg, *palette = colours(rng, 1 + rng.randint(1, 4))
    return noise(rng, h, w, bg, palette, rng.uniform(0.2, 0.9))


def flip_lr(g: Grid) -> Grid:
    return freeze(row[::-1] for row in g)


def flip_ud(g: Grid) -> Grid:
    return g[::-1]


def transpose(g: Grid) -> Grid:
    return freeze(zip(*g))


def rot180(g: Grid) -> Grid:
    return flip_ud(flip_lr(g))


def rot90_ccw(g: Grid) -> Grid:
    """A quarter turn counter-clockwise: the last column becomes the first row."""
    return freeze(zip(*g))[::-1]


def beside(a: Grid, b: Grid) -> Grid:
    return freeze(ra + rb for ra, rb in zip(a, b))


def above(a: Grid, b: Grid) -> Grid:
    return a + b


def upscale(g: Grid, k: int) -> Grid:
    """Every cell becomes a k x k block."""
    return freeze([v for v in row for _ in range(k)] for row in g for _ in range(k))


def whole_grid(task_id: str, rule: str, transform: Callable[[Grid], Grid], max_h: int = 20,
               max_w: int = 20) -> FreshGenerator:
    """A generator for "output = transform(input)" over random pictures up to max_h x max_w."""
    def draw(rng: random.Random) -> Pair:
        g = picture(rng, max_h, max_w)
        return g, transform(g)
    return FreshGenerator(task_id, "geometry", draw, lambda i, o: transform(i) == o, rule)


def _mirror_four(g: Grid) -> Grid:
    return above(beside(g, flip_lr(g)), beside(flip_ud(g), rot180(g)))


def draw_9dfd6313(rng: random.Random) -> Pair:
    """Square grid, grey main diagonal, coloured cells below it; the output mirrors them above."""
    n = rng.randint(2, 15)
    bg, *palette = colours(rng, 1 + rng.randint(1, 3), exclude=(5,))
    rows = blank(n, n, bg)
    for r in range(n):
        rows[r][r] = 5
        for c in range(r):
            if rng.random() < 0.35:
                rows[r][c] = rng.choice(palette)
    g = freeze(rows)
    return g, transpose(g)


def fractal(g: Grid, empty: int = 0) -> Grid:
    """007bbfb7: block (i, j) of the n*n output is the input where input[i][j] is coloured, else empty."""
    n = len(g)
    blank_block = freeze(blank(n, len(g[0]), empty))
    return freeze(
        [v for j in range(len(g[0])) for v in (g if g[i][j] != empty else blank_block)[r]]
        for i in range(n) for r in range(n))


def draw_007bbfb7(rng: random.Random) -> Pair:
    """A square n x n input (n <= 5 so n*n fits) of black and one colour; black is the empty cell."""
    n = rng.randint(2, 5)
    c = rng.randint(1, 9)
    g = noise(rng, n, n, 0, [c], rng.uniform(0.3, 0.8))
    if all(v == 0 for row in g for v in row):
        g = freeze([[c] + list(g[0][1:])] + [list(r) for r in g[1:]])
    return g, fractal(g)


def _distinct_upscale(rng: random.Random) -> Optional[Pair]:
    """b91ae062: k distinct colours on a background; each cell becomes a k x k block."""
    k = rng.randint(1, 4)
    side = MAX_SIDE // k
    h, w = rng.randint(2, min(7, side)), rng.randint(2, min(7, side))
    bg, *palette = colours(rng, k + 1)
    g = noise(rng, h, w, bg, palette, rng.uniform(0.2, 0.5))
    if {v for row in g for v in row} != {bg, *palette} or strict_majority(g) != bg:
        return None
    return g, upscale(g, k)


def _check_b91ae062(i: Grid, o: Grid) -> bool:
    bg = strict_majority(i)
    k = len({v for row in i for v in row} - {bg})
    return bg is not None and k > 0 and upscale(i, k) == o


def draw_d10ecb37(rng: random.Random) -> Pair:
    g = picture(rng, 20, 20, min_side=2)
    return g, freeze(row[:2] for row in g[:2])


def draw_2dee498d(rng: random.Random) -> Pair:
    """A square pattern repeated three times side by side or stacked; the output is one copy."""
    n = rng.randint(2, 10)
    p = picture(rng, n, n, min_side=n)
    return (beside(beside(p, p), p) if rng.random() < 0.5 else above(above(p, p), p)), p


def _check_2dee498d(i: Grid, o: Grid) -> bool:
    """The output is the first third along the long side (the given copies need not be identical)."""
    h, w = len(i), len(i[0])
    return o == (freeze(r[: w // 3] for r in i) if w > h else i[: h // 3]) and len(o) == len(o[0])


def _draw_7b7f7511(rng: random.Random) -> Optional[Pair]:
    """A pattern repeated twice, side by side or stacked; redrawn when both readings fit."""
    p = picture(rng, 15, 15, min_side=1)
    side = rng.random() < 0.5
    g = beside(p, p) if side else above(p, p)
    other = (len(g) % 2 == 0 and g[: len(g) // 2] == g[len(g) // 2:]) if side else (
        len(g[0]) % 2 == 0 and all(r[: len(r) // 2] == r[len(r) // 2:] for r in g))
    return None if other else (g, p)


GENERATORS: list[FreshGenerator] = [
    whole_grid("3c9b0459", "rotate a half turn", rot180),
    whole_grid("6150a2bd", "rotate a half turn", rot180),
    whole_grid("67a3c6ac", "mirror left-right", flip_lr),
    whole_grid("68b16354", "flip upside down", flip_ud),
    whole_grid("74dd1130", "mirror along the main diagonal", transpose),
    whole_grid("ed36ccf7", "rotate a quarter turn counter-clockwise", rot90_ccw),
    whole_grid("a416b8f3", "a copy placed to the right", lambda g: beside(g, g), max_w=15),
    whole_grid("c59eb873", "scale up by two", lambda g: upscale(g, 2), 15, 15),
    whole_grid("9172f3a0", "scale up by three", lambda g: upscale(g, 3), 10, 10),
    whole_grid("3af2c5a8", "mirrored to the right and downwards", _mirror_four, 15, 15),
    whole_grid("62c24649", "mirrored to the right and downwards", _mirror_four, 15, 15),
    whole_grid("6d0aefbc", "left-right mirror placed to the right", lambda g: beside(g, flip_lr(g)), max_w=15),
    whole_grid("c9e6f938", "left-right mirror placed to the right", lambda g: beside(g, flip_lr(g)), max_w=15),
    whole_grid("8be77c9e", "upside-down mirror stacked below", lambda g: above(g, flip_ud(g)), max_h=15),
    whole_grid("6fa7a44f", "upside-down mirror stacked below", lambda g: above(g, flip_ud(g)), max_h=15),
    whole_grid("4c4377d9", "upside-down mirror stacked above", lambda g: above(flip_ud(g), g), max_h=15),
    FreshGenerator("9dfd6313", "geometry", draw_9dfd6313, lambda i, o: transpose(i) == o,
                   "mirror across the grey main diagonal"),
    FreshGenerator("007bbfb7", "geometry", draw_007bbfb7, lambda i, o: len(i) == len(i[0]) and fractal(i) == o,
                   "each coloured cell places a copy of the input; side squared"),
    FreshGenerator("b91ae062", "geometry", lambda rng: redraw(_distinct_upscale, rng), _check_b91ae062,
                   "scale up by the number of non-background colours"),
    FreshGenerator("d10ecb37", "geometry", draw_d10ecb37, lambda i, o: freeze(r[:2] for r in i[:2]) == o,
                   "the top-left 2x2 block"),
    FreshGenerator("2dee498d", "geometry", draw_2dee498d, _check_2dee498d,
                   "one copy of a square pattern repeated three times"),
    FreshGenerator("7b7f7511", "geometry", lambda rng: redraw(_draw_7b7f7511, rng),
                   lambda i, o: beside(o, o) == i or above(o, o) == i, "one copy of a pattern repeated twice"),
]
