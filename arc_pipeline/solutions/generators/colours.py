"""Colour-map tasks: every cell's new colour depends only on its own colour (or the grid's majority).

These rules name their colours ("orange becomes grey"), so the generators keep the named
colours and randomise everything else: size, layout, and the other colours where the rule says
they stay.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Mapping, Optional

from arc_pipeline.solutions.generators.common import (
    FreshGenerator, Grid, Pair, colours, freeze, redraw, strict_majority)


def recolour(g: Grid, mapping: Mapping[int, int]) -> Grid:
    """Each cell through ``mapping``; colours it does not list stay."""
    return freeze([mapping.get(v, v) for v in row] for row in g)


def cells_from(rng: random.Random, palette: list[int], max_side: int = 20,
               must: tuple[int, ...] = ()) -> Optional[Grid]:
    """A random-size grid of cells drawn uniformly from ``palette``; None unless every ``must`` colour occurs."""
    h, w = rng.randint(1, max_side), rng.randint(1, max_side)
    g = freeze([[rng.choice(palette) for _ in range(w)] for _ in range(h)])
    present = {v for row in g for v in row}
    return g if set(must) <= present else None


def colour_map(task_id: str, rule: str, mapping: dict[int, int], others: bool) -> FreshGenerator:
    """Random grids over the mapped colours (plus random unmapped ones when ``others``), recoloured."""
    named = sorted(set(mapping) | set(mapping.values()))
    sources = sorted(mapping)

    def draw(rng: random.Random) -> Optional[Pair]:
        palette = sources[:]
        if others:
            palette += colours(rng, rng.randint(0, 3), exclude=named)
        g = cells_from(rng, palette, must=tuple(rng.sample(sources, 1)))
        return None if g is None else (g, recolour(g, mapping))

    return FreshGenerator(task_id, "colours", lambda rng: redraw(draw, rng),
                          lambda i, o: recolour(i, mapping) == o, rule)


def _draw_majority(rng: random.Random, fill: bool) -> Optional[Pair]:
    """A grid with one strictly most frequent colour: kept (others become grey) or filling the grid."""
    palette = colours(rng, rng.randint(2, 4))
    g = cells_from(rng, [palette[0]] * 2 + palette, max_side=8)
    keep = None if g is None else strict_majority(g)
    if keep is None or len({v for row in g for v in row}) < 2:
        return None
    out = freeze([[keep if fill or v == keep else 5 for v in row] for row in g])
    return g, out


def _check_majority(i: Grid, o: Grid, fill: bool) -> bool:
    keep = Counter(v for row in i for v in row).most_common(1)[0][0]
    return freeze([[keep if fill or v == keep else 5 for v in row] for row in i]) == o


GENERATORS: list[FreshGenerator] = [
    colour_map("0d3d703e", "fixed partners 1<->5, 2<->6, 3<->4, 8<->9",
               {1: 5, 5: 1, 2: 6, 6: 2, 3: 4, 4: 3, 8: 9, 9: 8}, others=False),
    colour_map("b1948b0a", "magenta becomes red, orange stays", {6: 2, 7: 7}, others=False),
    colour_map("c8f0f002", "orange becomes grey, other colours stay", {7: 5}, others=True),
    colour_map("d511f180", "grey and light blue swap, other colours stay", {5: 8, 8: 5}, others=True),
    FreshGenerator("9565186b", "colours", lambda rng: redraw(lambda r: _draw_majority(r, False), rng),
                   lambda i, o: _check_majority(i, o, False), "keep the most frequent colour, the rest grey"),
    FreshGenerator("5582e5ca", "colours", lambda rng: redraw(lambda r: _draw_majority(r, True), rng),
                   lambda i, o: _check_majority(i, o, True), "fill with the most frequent colour"),
]
