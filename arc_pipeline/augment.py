"""Invertible task augmentations: the dihedral group D4 × colour permutations fixing 0.

A :class:`Transform` is ``(dihedral, colors)``:

* ``dihedral`` in 0..7: ``k = dihedral % 4`` clockwise quarter turns, then, for
  ``dihedral >= 4``, a left-right mirror. 0 is the identity; 1..3 the rotations; 4..7 the
  four reflections (4 = mirror left-right, 5 = transpose, 6 = mirror top-bottom,
  7 = anti-diagonal).
* ``colors``: a permutation of 0..9 as a 10-tuple (colour ``c`` becomes ``colors[c]``) with
  ``colors[0] == 0``: the background colour stays fixed.

``apply_grid`` recolours then moves cells; ``invert_grid`` undoes it exactly, so
``invert_grid(t, apply_grid(t, g)) == g`` for every grid and transform. Transforms compose
(:meth:`Transform.compose`) and form a group (D4 has 8 elements, 9! colour permutations).

:func:`score_on_transformed` scores a program on a transformed task *in the original frame*:
transform the train inputs, run the program, invert its outputs, and score them against the
**original** train outputs (train pairs only, like every reward). For a program that is
equivariant under the transform (``f(T(x)) == T(f(x))``: e.g. ``rotate_180`` or
``identity`` for every transform, ``flip_horizontal`` for the dihedral elements that commute
with it -- 0, 2, 4, 6 -- and any colour permutation), this equals the program's reward on the
original task. A difference flags a program that relies on orientation or particular colours.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from arc_pipeline.dsl.symmetry import rotate_90
from arc_pipeline.dsl.types import Grid
from arc_pipeline.tasks import ArcTask, Pair

IDENTITY_COLORS = tuple(range(10))


def _mirror(g: Grid) -> Grid:
    return tuple(row[::-1] for row in g)


def dihedral_apply(d: int, g: Grid) -> Grid:
    """Apply dihedral element ``d`` (0..7) to a grid (see module docstring)."""
    if not 0 <= d <= 7:
        raise ValueError(f"dihedral index must be 0..7, got {d}")
    g = tuple(tuple(r) for r in g)
    for _ in range(d % 4):
        g = rotate_90(g)
    if d >= 4:
        g = _mirror(g)
    return tuple(tuple(r) for r in g)


def _signature(d: int) -> Grid:
    return dihedral_apply(d, ((0, 1, 2), (3, 4, 5)))


_SIGNATURES = {_signature(d): d for d in range(8)}
# _COMPOSE[a][b] = the element c with dihedral_apply(c, g) == dihedral_apply(a, dihedral_apply(b, g))
_COMPOSE = [[_SIGNATURES[dihedral_apply(a, dihedral_apply(b, ((0, 1, 2), (3, 4, 5))))] for b in range(8)] for a in range(8)]
_INVERSE = [next(b for b in range(8) if _COMPOSE[a][b] == 0) for a in range(8)]


@dataclass(frozen=True)
class Transform:
    """One element of D4 × Perm(1..9) (see the module docstring)."""

    dihedral: int = 0
    colors: tuple[int, ...] = IDENTITY_COLORS

    def __post_init__(self) -> None:
        if not (isinstance(self.dihedral, int) and 0 <= self.dihedral <= 7):
            raise ValueError(f"dihedral must be an int 0..7, got {self.dihedral!r}")
        colors = tuple(self.colors)
        if sorted(colors) != list(range(10)):
            raise ValueError(f"colors must be a permutation of 0..9, got {colors}")
        if colors[0] != 0:
            raise ValueError("colors[0] must be 0: the background colour stays fixed")
        object.__setattr__(self, "colors", colors)

    @property
    def is_identity(self) -> bool:
        return self.dihedral == 0 and self.colors == IDENTITY_COLORS

    def inverse(self) -> "Transform":
        inv = [0] * 10
        for c, mapped in enumerate(self.colors):
            inv[mapped] = c
        return Transform(_INVERSE[self.dihedral], tuple(inv))

    def compose(self, other: "Transform") -> "Transform":
        """``self ∘ other``: apply ``other`` first, then ``self``.

        (Colour maps and cell moves commute, so the product is again one Transform.)
        """
        return Transform(_COMPOSE[self.dihedral][other.dihedral], tuple(self.colors[other.colors[c]] for c in range(10)))

    def tag(self) -> str:
        """Short id, e.g. ``d3-0123456789``."""
        return f"d{self.dihedral}-{''.join(map(str, self.colors))}"


def apply_grid(t: Transform, grid: Grid) -> Grid:
    """Recolour with ``t.colors`` and move cells with ``t.dihedral``."""
    recoloured = tuple(tuple(t.colors[v] for v in row) for row in grid)
    return dihedral_apply(t.dihedral, recoloured)


def invert_grid(t: Transform, grid: Grid) -> Grid:
    """The inverse of :func:`apply_grid`: ``invert_grid(t, apply_grid(t, g)) == g``."""
    return apply_grid(t.inverse(), grid)


def apply_task(task: ArcTask, t: Transform) -> ArcTask:
    """Every pair (train and test) transformed; id ``"<id>~<tag>"``, source ``"<source>+augmented"``.

    Test pairs are transformed too (the task stays a complete ARC task); as always, only
    train pairs may feed rewards or prompts.
    """
    def pairs(ps: tuple[Pair, ...]) -> tuple[Pair, ...]:
        return tuple(Pair(apply_grid(t, p.input), apply_grid(t, p.output)) for p in ps)

    if t.is_identity:
        return task
    return ArcTask(id=f"{task.id}~{t.tag()}", train=pairs(task.train), test=pairs(task.test),
                   source=f"{task.source}+augmented" if task.source else "augmented")


def random_transform(rng: random.Random, dihedral: bool = True, colors: bool = True) -> Transform:
    """A uniformly random transform (D4 element and/or a permutation of colours 1..9)."""
    d = rng.randrange(8) if dihedral else 0
    perm = list(range(1, 10))
    if colors:
        rng.shuffle(perm)
    return Transform(d, (0, *perm))


def all_dihedral() -> list[Transform]:
    return [Transform(d) for d in range(8)]


def score_on_transformed(program: str | None, task: ArcTask, transform: Transform, executor: Any = None,
                         config: Any = None):
    """The program's :class:`arc_pipeline.rewards.smooth.TaskScore` on the transformed task, scored in
    the original frame: outputs on transformed train inputs are inverted and compared with the
    ORIGINAL train outputs. Equals ``score_program(program, task)`` for an equivariant program.
    """
    from arc_pipeline.dsl.types import is_grid
    from arc_pipeline.rewards.smooth import DEFAULT_REWARD, failed_task_score, task_reward

    config = config or DEFAULT_REWARD
    expected = [p.output for p in task.train]
    if program is None:
        return failed_task_score(len(expected))
    if executor is None:
        from arc_pipeline.execution import default_executor

        executor = default_executor()
    results = executor.run(program, [apply_grid(transform, p.input) for p in task.train])

    class _Back:
        def __init__(self, status: str, output: Any):
            self.status, self.output = status, output

    back = []
    for r in results:
        out = r.output
        if r.status == "ok" and out is not None:
            grid = tuple(tuple(row) for row in out) if isinstance(out, (list, tuple)) else out
            if is_grid(grid):
                back.append(_Back("ok", invert_grid(transform, grid)))
                continue
        back.append(_Back(r.status, out))
    return task_reward(back, expected, config)
