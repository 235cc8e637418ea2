"""Shared drawing helpers for the fresh-pair generators (plain Python, no DSL, no solver code).

Generators draw inputs the way a person would describe the task's inputs ("a few shapes of
different colours on a background") and build the output from what they placed, so these helpers
only ever place things; they never read a rule back out of a grid.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

Grid = tuple[tuple[int, ...], ...]
Pair = tuple[Grid, Grid]
Cells = frozenset[tuple[int, int]]
MAX_SIDE = 30


def freeze(rows: Iterable[Iterable[int]]) -> Grid:
    """A grid as the immutable tuple-of-tuples the sandbox and the DSL use."""
    return tuple(tuple(int(v) for v in row) for row in rows)


def blank(h: int, w: int, colour: int) -> list[list[int]]:
    """A mutable h x w canvas of one colour, to paint placed things onto."""
    return [[colour] * w for _ in range(h)]


def colours(rng: random.Random, k: int, exclude: Iterable[int] = ()) -> list[int]:
    """``k`` distinct colours 0-9 drawn at random, none of ``exclude``."""
    pool = [c for c in range(10) if c not in set(exclude)]
    return rng.sample(pool, k)


def noise(rng: random.Random, h: int, w: int, bg: int, palette: list[int], density: float) -> Grid:
    """An h x w grid on ``bg`` where each cell is, with probability ``density``, a palette colour."""
    return freeze([[rng.choice(palette) if rng.random() < density else bg for _ in range(w)] for _ in range(h)])


def most_common(grid: Grid) -> int:
    """Most frequent colour (ties: smaller colour); used by checks on given pairs, not by generators."""
    counts = Counter(v for row in grid for v in row)
    return min(counts, key=lambda c: (-counts[c], c))


def strict_majority(grid: Grid) -> Optional[int]:
    """The colour strictly more frequent than every other, or None on a tie (ambiguous background)."""
    counts = Counter(v for row in grid for v in row).most_common(2)
    if len(counts) == 1 or counts[0][1] > counts[1][1]:
        return counts[0][0]
    return None


def connected_shape(rng: random.Random, h: int, w: int, n: int) -> Cells:
    """A random 4-connected set of ``n`` cells inside an h x w box that touches all four box sides.

    Grown cell by cell from a random seed; retried until it spans the box, so the box is its
    bounding box (what "cropped to its bounding box" means for the output).
    """
    n = max(n, h + w - 1)
    n = min(n, h * w)
    for _attempt in range(200):
        cells = {(rng.randrange(h), rng.randrange(w))}
        while len(cells) < n:
            r, c = rng.choice(sorted(cells))
            dr, dc = rng.choice(((0, 1), (1, 0), (0, -1), (-1, 0)))
            if 0 <= r + dr < h and 0 <= c + dc < w:
                cells.add((r + dr, c + dc))
        rows, cols = {r for r, _ in cells}, {c for _, c in cells}
        if rows == set(range(h)) and cols == set(range(w)):
            return frozenset(cells)
    return frozenset((r, c) for r in range(h) for c in range(w))


def place_boxes(rng: random.Random, H: int, W: int, sizes: list[tuple[int, int]],
                gap: int = 1) -> Optional[list[tuple[int, int]]]:
    """Top-left corners for boxes of ``sizes`` in an H x W grid, at least ``gap`` cells apart.

    Boxes kept apart cannot touch, even diagonally, so every placed object stays its own
    connected object. None when random placement keeps failing (the caller redraws).
    """
    placed: list[tuple[int, int, int, int]] = []
    for h, w in sizes:
        if h > H or w > W:
            return None
        for _attempt in range(100):
            r, c = rng.randrange(H - h + 1), rng.randrange(W - w + 1)
            if all(r + h + gap <= r2 or r2 + h2 + gap <= r or c + w + gap <= c2 or c2 + w2 + gap <= c
                   for r2, c2, h2, w2 in placed):
                placed.append((r, c, h, w))
                break
        else:
            return None
    return [(r, c) for r, c, _h, _w in placed]


def redraw(draw: Callable[[random.Random], Optional[Pair]], rng: random.Random, tries: int = 500) -> Pair:
    """Call ``draw`` until it returns a pair (None means "this draw was ambiguous, draw again")."""
    for _attempt in range(tries):
        pair = draw(rng)
        if pair is not None:
            return pair
    raise RuntimeError(f"generator {getattr(draw, '__name__', draw)} found no pair in {tries} draws")


@dataclass(frozen=True)
class FreshGenerator:
    """A task's generator and a cheap check of the rule, applied to generated AND given pairs.

    ``check(input, output)`` is a plausibility test written from the rule statement (for most
    tasks the rule computed forward), so the task's own demonstrations can be tested against the
    generator's reading of the rule.
    """

    task_id: str
    family: str
    draw: Callable[[random.Random], Pair]
    check: Callable[[Grid, Grid], bool]
    rule: str
