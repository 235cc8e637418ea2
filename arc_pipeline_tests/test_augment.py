"""Augmentations: exact invertibility, the group structure of D4 × colour permutations, a fixed
background, and the reward-on-transformed-task property for equivariant programs."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arc_pipeline.augment import (Transform, all_dihedral, apply_grid, apply_task, dihedral_apply, invert_grid,
                                  random_transform, score_on_transformed)
from arc_pipeline.dsl import symmetry as G
from arc_pipeline.tasks import ArcTask, Pair


@st.composite
def grids(draw, max_side=8):
    h = draw(st.integers(1, max_side))
    w = draw(st.integers(1, max_side))
    return tuple(tuple(draw(st.integers(0, 9)) for _ in range(w)) for _ in range(h))


@st.composite
def transforms(draw):
    perm = draw(st.permutations(list(range(1, 10))))
    return Transform(draw(st.integers(0, 7)), (0, *perm))


@given(grids(), transforms())
def test_invert_undoes_apply(grid, t):
    assert invert_grid(t, apply_grid(t, grid)) == grid
    assert apply_grid(t, invert_grid(t, grid)) == grid


@given(grids(), transforms())
def test_background_fixed_and_shape_rotates(grid, t):
    out = apply_grid(t, grid)
    h, w = len(grid), len(grid[0])
    assert (len(out), len(out[0])) == ((w, h) if t.dihedral in (1, 3, 5, 7) else (h, w))
    assert sum(row.count(0) for row in out) == sum(row.count(0) for row in grid)
    zeros = [(r, c) for r in range(h) for c in range(w) if grid[r][c] == 0]
    # the background cells move with the geometry only
    marker = tuple(tuple(1 if (r, c) in zeros else 0 for c in range(w)) for r in range(h))
    moved = dihedral_apply(t.dihedral, marker)
    assert all((out[r][c] == 0) == (moved[r][c] == 1) for r in range(len(out)) for c in range(len(out[0])))


@given(grids(), transforms(), transforms())
def test_group_closure_and_inverse(grid, a, b):
    ab = a.compose(b)
    assert isinstance(ab, Transform) and ab.colors[0] == 0
    assert apply_grid(ab, grid) == apply_grid(a, apply_grid(b, grid))
    assert apply_grid(a.compose(a.inverse()), grid) == grid
    assert a.inverse().inverse() == a


def test_d4_is_a_group_of_eight():
    elems = all_dihedral()
    probe = ((1, 2, 3), (4, 5, 6))
    images = {apply_grid(t, probe) for t in elems}
    assert len(images) == 8  # all distinct
    for a in elems:
        for b in elems:
            assert a.compose(b) in elems  # closure
    assert [dihedral_apply(d, probe) for d in (1, 2, 3, 4, 5, 6, 7)] == [
        G.rotate_90(probe), G.rotate_180(probe), G.rotate_270(probe), G.flip_horizontal(probe),
        G.transpose(probe), G.flip_vertical(probe), G.flip_antidiagonal(probe)]


def test_transform_validation():
    with pytest.raises(ValueError):
        Transform(8)
    with pytest.raises(ValueError):
        Transform(0, (1, 0, 2, 3, 4, 5, 6, 7, 8, 9))  # moves the background
    with pytest.raises(ValueError):
        Transform(0, (0, 1, 1, 3, 4, 5, 6, 7, 8, 9))  # not a permutation


def test_random_transform_is_seeded_and_valid():
    a = [random_transform(random.Random(3)) for _ in range(2)]
    assert a[0] == a[1] and a[0].colors[0] == 0
    assert random_transform(random.Random(1), dihedral=False).dihedral == 0
    assert random_transform(random.Random(1), colors=False).colors == tuple(range(10))


def _flip_task() -> ArcTask:
    rng = random.Random(0)
    pairs = []
    for h, w in ((2, 3), (3, 3), (4, 2)):
        g = tuple(tuple(rng.randint(0, 9) for _ in range(w)) for _ in range(h))
        pairs.append(Pair(g, G.flip_horizontal(g)))
    return ArcTask("flip", tuple(pairs[:2]), (pairs[2],), source="hand-made")


def test_apply_task_transforms_every_pair():
    task = _flip_task()
    t = Transform(1, (0, 2, 1, 3, 4, 5, 6, 7, 8, 9))
    aug = apply_task(task, t)
    assert aug.id == f"flip~{t.tag()}" and aug.source == "hand-made+augmented"
    assert len(aug.train) == 2 and len(aug.test) == 1
    for p, q in zip(task.train + task.test, aug.train + aug.test):
        assert q.input == apply_grid(t, p.input) and q.output == apply_grid(t, p.output)
    assert apply_task(task, Transform()) is task


FLIP = "def solve(I):\n    O = flip_horizontal(I)\n    return O\n"
ROT180 = "def solve(I):\n    O = rotate_180(I)\n    return O\n"


@pytest.fixture(scope="module")
def executor():
    from arc_pipeline.execution import default_executor

    return default_executor()


@settings(max_examples=15, deadline=None)
@given(perm=st.permutations(list(range(1, 10))), d=st.sampled_from([0, 2, 4, 6]))
def test_equivariant_program_scores_the_same_on_transformed_tasks(executor, perm, d):
    """flip_horizontal commutes with colour permutations and with D4 elements {id, rot180,
    mirror-lr, mirror-tb}: its reward on the transformed task equals its reward on the task."""
    from arc_pipeline.rewards.smooth import score_program

    task = _flip_task()
    t = Transform(d, (0, *perm))
    assert score_program(FLIP, task, executor).reward == 1.0
    assert score_on_transformed(FLIP, task, t, executor).reward == 1.0
    # an imperfect but equivariant program: same (partial) reward in both frames
    base = score_program(ROT180, task, executor).reward
    assert base < 1.0
    for dd in range(8):  # rot180 is central in D4: equivariant under every transform
        assert score_on_transformed(ROT180, task, Transform(dd, (0, *perm)), executor).reward == pytest.approx(base)


def test_non_equivariant_program_is_detected(executor):
    task = _flip_task()
    # flip_horizontal does not commute with a quarter turn: scored back in the original frame it
    # behaves like flip_vertical, which does not solve the task
    assert score_on_transformed(FLIP, task, Transform(1), executor).reward < 1.0
    assert score_on_transformed(None, task, Transform(1), executor).reward == 0.0
    broken = "def solve(I):\n    O = no_such_primitive(I)\n    return O\n"
    assert score_on_transformed(broken, task, Transform(2), executor).reward == 0.0
