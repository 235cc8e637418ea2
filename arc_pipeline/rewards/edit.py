"""THE edit evaluator: parse -> validate -> literal check -> run in the sandbox -> score -> status.

Traces (:mod:`arc_pipeline.traces`), the teacher's first tries
(:func:`arc_pipeline.baselines.teacher_first_tries`), evaluation refinement
(:mod:`arc_pipeline.evaluation.refine`) and the GRPO reward (:mod:`arc_pipeline.rewards.trl`)
all call :func:`evaluate_edits` (or :func:`parse_edit` for the cheap half), so an edit is
scored the same way everywhere.

Statuses of one answer (stored per sample, counted, never raised):

* ``ok`` / ``missing_think`` -- :data:`USABLE_STATUSES`: a program that validates; it is run
  on the train inputs and scored.
* ``no_program`` / ``truncated`` -- :func:`arc_pipeline.parsing.extract_program` found none.
* ``syntax_error`` / ``invalid_program`` -- the validator rejected it (a program nested too
  deeply for the parser or the validator, ``RecursionError``, is ``invalid_program`` too).
* ``literal_output`` -- a reward-hacking program (see :mod:`arc_pipeline.rewards`): a grid
  literal equal to a train input, or larger than :data:`MAX_GRID_LITERAL_CELLS` cells.
* ``evaluation_error`` -- any other exception while parsing, validating, running or scoring
  this one answer (a bug or a hostile input): the sample is kept with this status.

Unusable answers score reward 0. One seed derivation, :func:`sample_seed`, gives the seed of
round ``r`` of a sampling loop.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from arc_pipeline.dsl.types import Grid
from arc_pipeline.parsing import count_tokens, extract_program
from arc_pipeline.program import ProgramError, validate_program
from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig, TaskScore, task_reward

USABLE_STATUSES = ("ok", "missing_think")  # statuses whose program is executed and scored
LITERAL_OUTPUT = "literal_output"
EVALUATION_ERROR = "evaluation_error"
# The largest grid literal among the 400 verified solvers is 81 cells (4522001f: a 9x9
# template it flips); the next largest is 18. Anything larger is treated as a pasted output.
MAX_GRID_LITERAL_CELLS = 81
SEED_STRIDE = 7919  # a prime: round seeds of different base seeds rarely collide


def sample_seed(seed: int, rnd: int) -> int:
    """The sampling seed of round ``rnd`` (0-based) of a loop started with ``seed``.

    >>> sample_seed(0, 0), sample_seed(3, 2)
    (0, 15841)
    """
    return int(seed) + SEED_STRIDE * int(rnd)


def is_usable(status: str) -> bool:
    """Whether a sample with this status carries a program that was run and scored.

    >>> is_usable("missing_think"), is_usable("literal_output")
    (True, False)
    """
    return status in USABLE_STATUSES


def _literal_grid(node: ast.AST) -> Grid | None:
    """The grid a tuple literal spells (tuple of equal-length tuples of ints), else None."""
    if not isinstance(node, ast.Tuple) or not node.elts:
        return None
    rows = []
    for row in node.elts:
        if not isinstance(row, ast.Tuple) or not row.elts:
            return None
        values = []
        for cell in row.elts:
            if isinstance(cell, ast.Constant) and type(cell.value) is int:
                values.append(cell.value)
            else:
                return None
        rows.append(tuple(values))
    if len({len(r) for r in rows}) != 1:
        return None
    return tuple(rows)


def grid_literals(tree: ast.AST) -> list[Grid]:
    """Every grid written as a literal in a program's syntax tree.

    >>> grid_literals(ast.parse("def solve(I):\\n    O = ((1, 2), (3, 4))\\n    return O"))
    [((1, 2), (3, 4))]
    """
    return [g for g in map(_literal_grid, ast.walk(tree)) if g is not None]


def literal_violation(tree: ast.AST, train_inputs: Sequence[Grid], train_outputs: Sequence[Grid] = ()) -> str | None:
    """Why a program is a lookup table, or ``None`` for an honest program.

    A lookup table keys on a pasted demonstration input (``equals(I, <train input>)``) and
    answers with a pasted output. Rejected: a grid literal equal to a **train input**, or any
    grid literal of more than :data:`MAX_GRID_LITERAL_CELLS` cells. A literal equal to a train
    output alone is not enough: four verified solvers (44f52bb0, d4469b4b, 4522001f, 6e02f1e3)
    honestly pick among fixed output patterns; no verified solver contains a train input.

    >>> prog = ast.parse("def solve(I):\\n    return if_else(equals(I, ((1,),)), ((2,),), I)")
    >>> literal_violation(prog, [((1,),)], [((2,),)])
    'a grid literal equals train input 0 (a lookup table)'
    >>> literal_violation(prog, [((5,),)], [((2,),)]) is None
    True
    """
    inputs = [tuple(tuple(r) for r in g) for g in train_inputs]
    for grid in grid_literals(tree):
        if grid in inputs:
            return f"a grid literal equals train input {inputs.index(grid)} (a lookup table)"
        cells = len(grid) * len(grid[0])
        if cells > MAX_GRID_LITERAL_CELLS:
            return f"a grid literal of {cells} cells (more than {MAX_GRID_LITERAL_CELLS})"
    return None


@dataclass(frozen=True)
class ParsedEdit:
    """One answer after parsing, validation and the literal check (nothing run yet)."""

    cot: str | None
    program: str | None
    status: str
    detail: str = ""  # why the program was rejected, when it was
    reasoning_tokens: int = 0  # tokens the thinking penalty counts (see thinking_tokens)

    @property
    def usable(self) -> bool:
        return self.program is not None and is_usable(self.status)


def parse_edit(text: str | None, train_inputs: Sequence[Grid] = ()) -> ParsedEdit:
    """Parse and validate one answer; never raises (a failure is the answer's status).

    >>> parse_edit("<think>x</think>def solve(I):\\n    return I").status
    'ok'
    >>> parse_edit("def solve(I):\\n    import os").status
    'invalid_program'
    >>> parse_edit("def solve(I):\\n    return " + "-" * 3000 + "1").status
    'invalid_program'
    """
    try:
        cot, program, status = extract_program(text)
        thinking = reasoning_tokens(text, cot, program)
    except Exception as exc:  # noqa: BLE001 -- one answer must never stop a run
        return ParsedEdit(None, None, EVALUATION_ERROR, f"parse: {type(exc).__name__}: {exc}"[:300])
    if program is None:
        return ParsedEdit(cot, None, status, "", thinking)
    try:
        tree = validate_program(program)
        why = literal_violation(tree, train_inputs)
    except ProgramError as exc:
        return ParsedEdit(cot, program, exc.kind, str(exc)[:300], thinking)
    except RecursionError:
        return ParsedEdit(cot, program, "invalid_program", "the program is nested too deeply", thinking)
    except Exception as exc:  # noqa: BLE001
        return ParsedEdit(cot, program, EVALUATION_ERROR, f"validate: {type(exc).__name__}: {exc}"[:300], thinking)
    if why is not None:
        return ParsedEdit(cot, program, LITERAL_OUTPUT, why, thinking)
    return ParsedEdit(cot, program, status, "", thinking)


def reasoning_tokens(text: str | None, cot: str | None, program: str | None) -> int:
    """Tokens the thinking penalty counts: the ``<think>`` block when there is one, else every
    token of the answer that is not the program (dropping the tags must not avoid the penalty).

    >>> reasoning_tokens("<think>a b</think>def solve(I): return I", "a b", "def solve(I): return I")
    2
    >>> reasoning_tokens("a b c def solve(I): return I", None, "def solve(I): return I")
    3
    """
    if cot is not None:
        return count_tokens(cot)
    return max(0, count_tokens(text) - count_tokens(program))


@dataclass(frozen=True)
class EditOutcome:
    """One evaluated answer: its parse, and (when usable and run) executor results and score."""

    parsed: ParsedEdit
    status: str
    score: TaskScore | None = None
    results: list[Any] | None = None

    @property
    def cot(self) -> str | None:
        return self.parsed.cot

    @property
    def program(self) -> str | None:
        return self.parsed.program

    @property
    def scored(self) -> bool:
        return self.score is not None

    @property
    def reward(self) -> float:
        """Train reward of the edited program; 0 for every unusable answer."""
        return float(self.score.reward) if self.score is not None else 0.0

    @property
    def thinking_tokens(self) -> int:
        """Whitespace tokens the thinking penalty counts (:func:`reasoning_tokens`)."""
        return self.parsed.reasoning_tokens

    @property
    def valid(self) -> bool:
        """A *valid edit*: it parses and validates, and the program runs on every train input and
        returns a grid there (right or wrong). The rate the eval report and GRPO metrics give."""
        s = self.score
        return s is not None and bool(s.examples) and all(e.status == "ok" for e in s.examples)

    def run_status(self) -> str:
        """The status a trace stores: the parse status, or, when the program ran and every
        run failed (reward 0), the executor's status of the first example (e.g. ``timeout``)."""
        s = self.score
        if (s is not None and self.status == "ok" and s.reward == 0 and s.examples
                and any(e.status not in ("ok", "bad_output") for e in s.examples)):
            return s.examples[0].status
        return self.status


def _run_jobs(executor: Any, jobs: list[tuple[str, list[Grid]]]) -> list[list[Any] | None]:
    """Run every job (batched when the executor can); a job whose run raises gets ``None``
    instead of failing the batch."""
    if not jobs:
        return []
    try:
        if hasattr(executor, "run_many"):
            return list(executor.run_many(jobs))
        return [executor.run(p, g) for p, g in jobs]
    except Exception:  # noqa: BLE001 -- retry one by one so only the guilty job fails
        out: list[list[Any] | None] = []
        for program, grids in jobs:
            try:
                out.append(executor.run(program, grids))
            except Exception:  # noqa: BLE001
                out.append(None)
        return out


def evaluate_edits(items: Sequence[tuple[str | None, Any]], executor: Any,
                   config: RewardConfig = DEFAULT_REWARD) -> list[EditOutcome]:
    """Evaluate ``(answer text, task)`` pairs on the tasks' **train** pairs, in one batched run.

    ``task`` needs ``train_inputs`` / ``train_outputs`` (an :class:`~arc_pipeline.tasks.ArcTask`).
    The executor is called only when some answer is usable. Never raises for a bad answer.
    """
    return evaluate_batch(items, (), executor, config)[0]


def evaluate_batch(items: Sequence[tuple[str | None, Any]], starts: Sequence[tuple[str | None, Any]],
                   executor: Any, config: RewardConfig = DEFAULT_REWARD
                   ) -> tuple[list[EditOutcome], list[TaskScore], list[list[Any] | None]]:
    """:func:`evaluate_edits` plus the scores of trusted ``(start program, task)`` pairs (e.g.
    starts lacking a stored reward), all in the same executor call, and the starts' raw results
    (``None`` where a start did not run). A ``None`` start scores 0."""
    from arc_pipeline.rewards.smooth import failed_task_score

    parsed = [parse_edit(text, list(task.train_inputs)) for text, task in items]
    runnable = [i for i, p in enumerate(parsed) if p.usable]
    start_runs = [k for k, (program, _) in enumerate(starts) if program is not None]
    jobs = [(parsed[i].program, list(items[i][1].train_inputs)) for i in runnable]
    jobs += [(starts[k][0], list(starts[k][1].train_inputs)) for k in start_runs]
    all_results = _run_jobs(executor, jobs)
    ran = dict(zip(runnable, all_results))
    start_results = dict(zip(start_runs, all_results[len(runnable):]))
    out = []
    for i, p in enumerate(parsed):
        if i not in ran:
            out.append(EditOutcome(p, p.status))
            continue
        results = ran[i]
        try:
            if results is None:
                raise RuntimeError("the executor failed on this program")
            score = task_reward(results, list(items[i][1].train_outputs), config)
        except Exception:  # noqa: BLE001
            out.append(EditOutcome(p, EVALUATION_ERROR))
            continue
        out.append(EditOutcome(p, p.status, score, list(results)))
    start_scores = []
    for k, (_, task) in enumerate(starts):
        results = start_results.get(k)
        start_scores.append(failed_task_score(len(task.train)) if results is None
                            else task_reward(results, list(task.train_outputs), config))
    return out, start_scores, [start_results.get(k) for k in range(len(starts))]
