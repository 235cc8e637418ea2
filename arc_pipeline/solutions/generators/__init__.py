"""Fresh-pair generators: new (input, output) pairs that follow a task's rule, for the ``fresh`` probe.

The recolour and dihedral probes transform the given pairs; these draw pairs the demonstrations
never showed (other sizes, backgrounds, object counts and positions), written from the rule as a
person would state it and independently of the solver. ``GENERATORS`` maps task id ->
``FreshGenerator``; ``fresh_pairs`` draws a task's seeded sample.

Modules, one per kind of rule: ``geometry`` (flips, turns, mirrors, tiling, scaling),
``colours`` (colour maps, majority colour) and ``objects`` (crops, counting, gravity, outlines).
"""

from __future__ import annotations

import random

from arc_pipeline.solutions.generators import colours, geometry, objects
from arc_pipeline.solutions.generators.common import FreshGenerator, Grid, Pair

FRESH_PAIRS = 20
FRESH_SEED = 0


def _registry() -> dict[str, FreshGenerator]:
    """Task id -> generator over every module; a task claimed twice is a programming error."""
    out: dict[str, FreshGenerator] = {}
    for gen in geometry.GENERATORS + colours.GENERATORS + objects.GENERATORS:
        if gen.task_id in out:
            raise ValueError(f"fresh generator for task {gen.task_id} is defined twice")
        out[gen.task_id] = gen
    return out


GENERATORS: dict[str, FreshGenerator] = _registry()


def is_arc_grid(grid: object) -> bool:
    """True for a rectangular tuple grid of 1-30 rows and columns with colours 0-9."""
    return (isinstance(grid, tuple) and 1 <= len(grid) <= 30 and all(isinstance(r, tuple) for r in grid)
            and 1 <= len(grid[0]) <= 30 and all(len(r) == len(grid[0]) for r in grid)
            and all(type(v) is int and 0 <= v <= 9 for r in grid for v in r))


def fresh_pairs(task_id: str, n: int = FRESH_PAIRS, seed: int = FRESH_SEED) -> list[Pair]:
    """``n`` generated pairs for a task (empty without a generator), each from its own seeded RNG.

    Pair k is drawn from ``Random("<task>:fresh:<seed>:<k>")``, so pair k is the same whatever
    ``n`` is and under any ``PYTHONHASHSEED``. A generator that returns a non-ARC grid raises
    naming the task and pair, rather than feeding the solver garbage.
    """
    gen = GENERATORS.get(task_id)
    if gen is None:
        return []
    pairs = []
    for k in range(n):
        pair = gen.draw(random.Random(f"{task_id}:fresh:{seed}:{k}"))
        if not (is_arc_grid(pair[0]) and is_arc_grid(pair[1])):
            raise ValueError(f"fresh generator {task_id}: pair {k} (seed {seed}) is not a valid ARC grid pair")
        pairs.append(pair)
    return pairs


__all__ = ["FRESH_PAIRS", "FRESH_SEED", "GENERATORS", "FreshGenerator", "Grid", "Pair", "fresh_pairs", "is_arc_grid"]
