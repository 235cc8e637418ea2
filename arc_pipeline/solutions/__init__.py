"""Verified DSL solutions: one file per ARC-AGI-1 training task, ``programs/<task_id>.py``.

Each file is a complete program (``def solve(I): ...``) that opens with comment lines stating
the task's rule in plain words; those words are reused as explanations in prompts and CoTs.
Verification (``arc_pipeline.solutions.verify``) runs every file through the sandbox.

A comment line starting ``# data-flaw:`` documents an exception a solver makes for an
inconsistency in the task's own demonstrations (ARC-AGI-1 has a few). Such lines are not part of
the rule (prompts never see them) and ``verify`` lists every solver that carries one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PROGRAM_DIR = Path(__file__).parent / "programs"
DATA_FLAW_MARK = "# data-flaw:"


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[str, str], ...]:
    return tuple((p.stem, p.read_text()) for p in sorted(PROGRAM_DIR.glob("*.py")))


def load_solutions() -> dict[str, str]:
    """``{task_id: program_text}`` for every solver file, sorted by task id."""
    return dict(_load())


def rule_description(program: str) -> str:
    """The plain-words rule: the program's leading ``#`` comment lines, joined."""
    lines = []
    for line in program.splitlines():
        stripped = line.strip()
        if stripped.startswith(DATA_FLAW_MARK):
            continue
        if stripped.startswith("#"):
            lines.append(stripped.lstrip("#").strip())
        elif stripped:
            break
    return " ".join(lines)


def data_flaw_note(program: str) -> str | None:
    """The solver's ``# data-flaw:`` note (joined), or None: why it departs from a pure rule."""
    notes = [line.strip()[len(DATA_FLAW_MARK):].strip() for line in program.splitlines()
             if line.strip().startswith(DATA_FLAW_MARK)]
    return " ".join(notes) or None
