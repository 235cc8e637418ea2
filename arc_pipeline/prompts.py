"""Versioned, leak-free edit prompts.

A prompt shows: (teacher only) the DSL reference and a worked edit example; the task's
*train* pairs; the current program; its outputs on the train inputs; and a readable diff
against the expected train outputs. It never shows a test output or the verified solution:
``render_edit_prompt`` takes only train pairs, and ``find_leaks`` checks stored prompts for
any test output of their task (used by an asset check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from arc_pipeline.dsl.types import Grid, is_grid
from arc_pipeline.line_refs import PROGRAM_HEADER, tag_program

PROMPT_VERSION = "edit-v1"
MAX_DIFF_CELLS = 12

SYSTEM_PROMPT = (
    "You edit programs that solve ARC-AGI tasks. Programs are written in a small Python DSL: "
    "`def solve(I):` whose body only assigns DSL calls and literals, then returns the output grid. "
    "Think step by step inside <think>...</think>: what the train examples show, where the current "
    "program goes wrong, and what to change. Then give the complete edited program in one "
    "```python code block."
)

WORKED_EXAMPLE = """## Worked example
Current program:
```python
def solve(I):
    O = rotate_90(I)
    return O
```
Train example 0: shape right, 5/9 pixels right; the output is the input mirrored left-right, not rotated.
<think>The expected outputs keep the row order and reverse each row: a left-right mirror. rotate_90 moves rows into columns, which is wrong. Replace it with flip_horizontal.</think>
```python
def solve(I):
    # mirror each row left-right
    O = flip_horizontal(I)
    return O
```
"""


def grid_text(grid: Grid | None) -> str:
    """Rows of digits separated by spaces; the format every prompt uses."""
    if grid is None:
        return "(no grid)"
    return "\n".join(" ".join(str(v) for v in row) for row in grid)


@dataclass(frozen=True)
class ExampleOutcome:
    """What the current program did on one train example."""

    status: str
    output: Grid | None
    error: str | None = None


def diff_text(output: Grid | None, expected: Grid, status: str, error: str | None = None) -> str:
    """A short, readable comparison of a program's output with the expected train output."""
    if status != "ok" or output is None or not is_grid(output):
        return f"the program failed: {status}{(' — ' + error) if error else ''}"
    eh, ew = len(expected), len(expected[0])
    oh, ow = len(output), len(output[0])
    if (oh, ow) != (eh, ew):
        return f"wrong shape: got {oh}x{ow}, expected {eh}x{ew}"
    wrong = [(r, c) for r in range(eh) for c in range(ew) if output[r][c] != expected[r][c]]
    if not wrong:
        return "correct"
    lines = [f"shape right, {eh * ew - len(wrong)}/{eh * ew} pixels right. Mismatch map (. = right, X = wrong):"]
    lines += ["".join("X" if output[r][c] != expected[r][c] else "." for c in range(ew)) for r in range(eh)]
    shown = ", ".join(f"({r},{c}) got {output[r][c]} expected {expected[r][c]}" for r, c in wrong[:MAX_DIFF_CELLS])
    more = f" (+{len(wrong) - MAX_DIFF_CELLS} more)" if len(wrong) > MAX_DIFF_CELLS else ""
    lines.append(f"first mismatches: {shown}{more}")
    return "\n".join(lines)


def render_edit_prompt(
    train_pairs: Sequence[tuple[Grid, Grid]],
    program: str,
    outcomes: Sequence[ExampleOutcome],
    dsl_reference: str | None,
    include_worked_example: bool = True,
) -> str:
    """The edit prompt for one (task, program). Takes train pairs only, by construction.

    ``dsl_reference`` is None for the student (the seed: the DSL is learned from programs).
    """
    parts: list[str] = []
    if dsl_reference:
        parts.append(dsl_reference.strip())
    if include_worked_example and dsl_reference:
        parts.append(WORKED_EXAMPLE.strip())
    parts.append("## Task: train examples")
    for i, ((inp, out), outcome) in enumerate(zip(train_pairs, outcomes)):
        parts.append(
            f"### Example {i}\nInput:\n{grid_text(inp)}\nExpected output:\n{grid_text(out)}\n"
            f"Current program's output:\n{grid_text(outcome.output if outcome.status == 'ok' else None)}\n"
            f"Diff: {diff_text(outcome.output, out, outcome.status, outcome.error)}"
        )
    parts.append(f"## Current program\n```python\n{program.strip()}\n```")
    parts.append("Edit the program so it maps every train input to its expected output. "
                 "Answer with <think>...</think> then the full program in a ```python block.")
    return "\n\n".join(parts)


STUDENT_PROMPT_VERSION = "student-v4"  # v3: the shape diff states how each side differs; v4: statements tagged @k (line_refs)


def compact_grid(grid: Grid | None) -> str:
    """One line of digits per row, no separators: one token per cell for the student's tokenizer
    (which splits digits individually), a quarter of the spaced format's length."""
    if grid is None:
        return "(none)"
    return "\n".join("".join(str(v) for v in row) for row in grid)


def side_change(got: int, want: int) -> str:
    """How one side of the output must change, in the words a short program acts on: a factor
    when one side is a whole multiple of the other (``x3``, ``/2``), else a difference.

    >>> [side_change(2, 6), side_change(6, 3), side_change(3, 5), side_change(5, 3), side_change(4, 4)]
    ['x3', '/2', '+2', '-2', 'same']
    """
    if got == want:
        return "same"
    if want % got == 0:
        return f"x{want // got}"
    if got % want == 0:
        return f"/{got // want}"
    return f"{want - got:+d}"


def compact_diff(output: Grid | None, expected: Grid, status: str) -> str:
    """One line: how the current output differs from the expected one (the student's diff).
    A wrong shape names the change per side (``rows x3, cols x3``): a small model reads that
    far more easily than it divides two sizes, and it comes from train outputs only."""
    if status != "ok" or output is None or not is_grid(output):
        return f"failed ({status})"
    eh, ew, oh, ow = len(expected), len(expected[0]), len(output), len(output[0])
    if (oh, ow) != (eh, ew):
        return f"wrong shape {oh}x{ow}, want {eh}x{ew} (rows {side_change(oh, eh)}, cols {side_change(ow, ew)})"
    wrong = sum(output[r][c] != expected[r][c] for r in range(eh) for c in range(ew))
    return "correct" if not wrong else f"{wrong}/{eh * ew} cells wrong"


def render_student_prompt(train_pairs: Sequence[tuple[Grid, Grid]], program: str,
                          outcomes: Sequence[ExampleOutcome]) -> str:
    """The SFT/GRPO/eval student's prompt (``STUDENT_PROMPT_VERSION``): compact by design.

    Per train example: input, expected output and a one-line diff of the current program's
    output (the output grid itself is left out: it costs as many tokens as the expected one
    and a small model cannot use it); then the current program, each statement tagged ``@k`` so
    an answer can keep it by reference (:mod:`arc_pipeline.line_refs`).
    No DSL reference (the seed: the student learns the DSL from programs) and no prose
    instruction (the format is learned). Grids are digit rows (``compact_grid``), so a prompt
    costs about one token per cell: the default slice's prompts are ~150-600 tokens.
    Built from train pairs only, by construction.
    """
    parts = []
    for i, ((inp, out), outcome) in enumerate(zip(train_pairs, outcomes)):
        got = outcome.output if outcome.status == "ok" else None
        diff = compact_diff(got, out, outcome.status)
        parts.append(f"## ex{i}\nin:\n{compact_grid(inp)}\nout:\n{compact_grid(out)}\ndiff: {diff}")
    parts.append(f"{PROGRAM_HEADER}{tag_program(program)}")
    return "\n".join(parts)


def find_leaks(prompt: str, test_outputs: Sequence[Grid], train_grids: Sequence[Grid] = ()) -> list[int]:
    """Indices of test outputs whose text appears in the prompt: a leak.

    A grid counts when it appears as whole rows (not inside longer rows of another grid), in
    the teachers' spaced rendering (``grid_text``) or the student's compact one (``compact_grid``;
    checked for grids of 2+ rows, as one compact row is just a digit string).
    Grids smaller than 4 cells are skipped (they occur by chance), and so are test outputs
    identical to a train grid, which the prompt shows legitimately.
    """
    allowed = {grid_text(g) for g in train_grids}
    leaks = []
    for i, grid in enumerate(test_outputs):
        text = grid_text(grid)
        if len(grid) * len(grid[0]) < 4 or text in allowed:
            continue
        # whole rows only: "1 1\n1 1" inside the rows "0 1 1\n1 1 0" of another grid is no leak
        if re.search(r"(?<!\d)(?<!\d )" + re.escape(text) + r"(?!\d)(?! \d)", prompt):
            leaks.append(i)
            continue
        # the student's compact rendering (digit rows without separators), whole rows too
        compact = compact_grid(grid)
        if compact_grid(grid) not in {compact_grid(g) for g in train_grids} and \
                re.search(r"(?<![\d])" + re.escape(compact) + r"(?![\d])", prompt) and len(grid) > 1:
            leaks.append(i)
    return leaks


STUDENT_PROMPT_START = "## Task: train examples"


def to_student_prompt(prompt: str) -> str:
    """Drop the DSL reference and worked example from a teacher prompt (the seed: the student
    learns the DSL implicitly from programs). Everything from the task section on is kept."""
    i = prompt.find(STUDENT_PROMPT_START)
    return prompt[i:] if i >= 0 else prompt
