"""Synthetic one-step tasks for the tiny student's warm start: a known program on real inputs.

Why: held-out tasks start from the empty program (``identity``), and the only signal a small
model can read cheaply is the one-line diff (``wrong shape 3x3, want 9x9``). The verified
solutions teach that mapping on ~one example per task; here every non-held-out training task
lends its *train inputs* to a few short programs of a fixed catalogue (scaling, tiling,
mirroring, halving, turning, cropping), whose outputs are computed by running the program in
the sandbox. The document is the student prompt of that synthetic task from the empty program
and, as completion, a diff-only CoT and the program under its plain-words rule -- which the
program reaches on every train example by construction, so the rule comment is honest.

Nothing here reads an output of any task (only inputs) and no held-out task is used: the
caller passes the pool (``stages.inputs.warm_start_documents`` filters the held-out ids).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from arc_pipeline.program import strip_comments

Document = dict  # {"prompt": str | None, "completion": str}

# (body statements, rule). Each body assigns O and uses only DSL primitives on I.
CATALOGUE: tuple[tuple[str, str], ...] = (
    ("O = upscale(I, 2)", "Scale the grid up by 2: every cell becomes a 2x2 block."),
    ("O = upscale(I, 3)", "Scale the grid up by 3: every cell becomes a 3x3 block."),
    ("O = downscale(I, 2)", "Scale the grid down by 2: keep one cell of every 2x2 block."),
    ("O = tile(I, 1, 2)", "Repeat the grid twice side by side."),
    ("O = tile(I, 2, 1)", "Repeat the grid twice, one copy above the other."),
    ("O = tile(I, 2, 2)", "Repeat the grid in a 2x2 arrangement."),
    ("O = tile(I, 3, 3)", "Repeat the grid in a 3x3 arrangement."),
    ("O = tile(I, 1, 3)", "Repeat the grid three times side by side."),
    ("O = mirror_right(I)", "Put the grid's mirror image to its right."),
    ("O = mirror_down(I)", "Put the grid's mirror image below it."),
    ("O = mirror_down(mirror_right(I))", "Mirror the grid to the right, then mirror the result downward."),
    ("O = top_half(I)", "Keep the top half of the grid."),
    ("O = bottom_half(I)", "Keep the bottom half of the grid."),
    ("O = left_half(I)", "Keep the left half of the grid."),
    ("O = right_half(I)", "Keep the right half of the grid."),
    ("O = transpose(I)", "Transpose the grid: rows become columns."),
    ("O = rotate_90(I)", "Turn the grid a quarter turn clockwise."),
    ("O = rotate_180(I)", "Turn the grid a half turn."),
    ("O = rotate_270(I)", "Turn the grid a quarter turn counter-clockwise."),
    ("O = flip_horizontal(I)", "Mirror the grid left to right."),
    ("O = flip_vertical(I)", "Flip the grid upside down."),
    ("bg = most_common_color(I)\n    O = crop_to_content(I, bg)", "Crop the grid to the cells that are not background."),
    ("O = pad(I, 1, 0)", "Frame the grid with a black border one cell wide."),
    ("O = downscale(I, 3)", "Scale the grid down by 3: keep one cell of every 3x3 block."),
    ("O = crop(I, 0, 0, 3, 3)", "Keep the grid's top-left 3x3 corner."),
    ("O = crop(I, 0, 0, 2, 2)", "Keep the grid's top-left 2x2 corner."),
)


WINDOW_SIDES = (3, 4, 5, 6, 8)  # input windows tried, largest first: small grids fit the token budget


def catalogue_program(body: str) -> str:
    """The catalogue entry as a program in the verified solvers' layout."""
    return f"def solve(I):\n    {body}\n    return O\n"


def synthetic_tasks(tasks: Mapping[str, Any], executor: Any, render_prompt: Callable[..., str],
                    per_task: int = 1, seed: int = 0,
                    catalogue: Sequence[tuple[str, str]] = CATALOGUE,
                    max_prompt_chars: int = 360, max_side: int | None = 8) -> list[dict]:
    """``per_task`` synthetic tasks per pool task (module docstring), deterministic for ``seed``:
    dicts with ``task_id`` (``syn-<pool task>-<catalogue index>``), ``pairs`` (the shown train
    pairs), ``program``, ``rule`` and ``prompt`` (the student prompt from the empty program).

    A (task, program) pair is skipped when the program fails on an input, returns something
    that is not a grid of at most 30x30, or changes no input (nothing to learn from the diff).
    ``render_prompt(train_pairs, program, outcomes)`` is the student prompt. It shows the
    longest prefix of the train pairs (at least two) whose prompt fits ``max_prompt_chars``
    (about one token per character: grids are digit rows), so the document fits the warm
    start's token limit instead of being dropped; a task whose first two pairs do not fit is
    skipped. Inputs are cut to their top-left ``s`` x ``s`` window, ``s`` the largest of
    ``WINDOW_SIDES`` (up to ``max_side``) whose document fits, so that growing programs
    (upscale, tile) are as well represented as shrinking ones; ``max_side=None`` keeps the
    inputs whole. Catalogue entries are tried in a per-task shuffled order.
    """
    sides = [min(w, max_side) for w in WINDOW_SIDES] if max_side else [None]
    sides = sorted(set(sides), key=lambda w: -(w or 0))  # largest window first
    jobs, order = [], {}
    for task_id in sorted(tasks):
        rng = random.Random(f"{seed}:{task_id}")
        order[task_id] = rng.sample(range(len(catalogue)), len(catalogue))
        for side in sides:
            inputs = [_window(g, side) for g in tasks[task_id].train_inputs]
            jobs += [((task_id, i, side), inputs) for i in order[task_id]]
    results = dict(zip([key for key, _ in jobs],
                       zip([inp for _, inp in jobs],
                           executor.run_many([(catalogue_program(catalogue[k[1]][0]), inp) for k, inp in jobs]))))
    made_tasks = []
    for task_id in sorted(tasks):
        made = 0
        for i in order[task_id]:
            if made >= per_task:
                break
            one = None
            for side in sides:  # the largest window whose document fits
                inputs, res = results[(task_id, i, side)]
                one = _synthetic_task(inputs, res, catalogue[i], render_prompt, max_prompt_chars)
                if one is not None:
                    break
            if one is not None:
                made_tasks.append({"task_id": f"syn-{task_id}-{i}", **one})
                made += 1
    return made_tasks


def synthetic_documents(tasks: Mapping[str, Any], executor: Any, render_prompt: Callable[..., str],
                        per_task: int = 1, seed: int = 0,
                        catalogue: Sequence[tuple[str, str]] = CATALOGUE,
                        max_prompt_chars: int = 360, max_side: int | None = 8) -> list[Document]:
    """The warm start's documents of :func:`synthetic_tasks` (same arguments): the prompt and,
    as completion, a diff-only CoT and the program under its plain-words rule."""
    return [task_document(t) for t in synthetic_tasks(tasks, executor, render_prompt, per_task, seed, catalogue,
                                                      max_prompt_chars, max_side)]


def task_document(task: dict) -> Document:
    """One synthetic task's warm-start document (its rule is true on every shown pair)."""
    from arc_pipeline.dataset import student_completion
    from arc_pipeline.prompts import compact_diff
    from arc_pipeline.training.warm_start import diff_cot

    diffs = [compact_diff(inp, out, "ok") for inp, out in task["pairs"]]
    return {"prompt": task["prompt"], "completion": student_completion(diff_cot(diffs), task["program"], task["rule"])}


def task_json(task: dict) -> str:
    """A synthetic task's train pairs as ARC JSON (no test pairs: there are none)."""
    import json

    return json.dumps({"train": [{"input": [list(r) for r in i], "output": [list(r) for r in o]}
                                 for i, o in task["pairs"]], "test": []})


def _synthetic_task(inputs: list, results: list, entry: tuple[str, str], render_prompt: Callable[..., str],
                    max_prompt_chars: int) -> dict | None:
    """One synthetic task (shown pairs, program, rule, prompt), or None when the program failed,
    changed nothing or the prompt does not fit."""
    from arc_pipeline.baselines import EMPTY_PROGRAM

    if any(r.status != "ok" or not _small_grid(r.output) for r in results):
        return None
    outs = [tuple(map(tuple, r.output)) for r in results]
    if outs == list(inputs):
        return None
    prompt, pairs = _fitted_prompt(list(zip(inputs, outs)), render_prompt, EMPTY_PROGRAM, max_prompt_chars)
    if prompt is None:
        return None
    return {"pairs": pairs, "program": strip_comments(catalogue_program(entry[0])), "rule": entry[1], "prompt": prompt}


def _fitted_prompt(pairs: list, render_prompt: Callable[..., str], start: str,
                   max_chars: int) -> tuple[str | None, list]:
    """The student prompt of the longest prefix (>= 2 pairs, or the one pair there is) that fits."""
    from arc_pipeline.prompts import ExampleOutcome

    for n in range(len(pairs), min(2, len(pairs)) - 1, -1):
        shown = pairs[:n]
        outcomes = [ExampleOutcome("ok", inp, None) for inp, _ in shown]  # the empty program's outputs
        prompt = render_prompt(shown, start, outcomes)
        if len(prompt) <= max_chars:
            return prompt, shown
    return None, []


def _window(grid: Any, side: int | None) -> tuple:
    """The grid's top-left ``side`` x ``side`` window, as a tuple grid (whole when ``side`` is None)."""
    rows = [tuple(r) for r in grid]
    return tuple(r[:side] for r in rows[:side]) if side else tuple(rows)


def _small_grid(grid: Any) -> bool:
    """A rectangular grid of 1..30 rows and columns (the ARC limits)."""
    return (isinstance(grid, (list, tuple)) and 1 <= len(grid) <= 30
            and all(isinstance(r, (list, tuple)) for r in grid)
            and 1 <= len(grid[0]) <= 30 and all(len(r) == len(grid[0]) for r in grid))
