"""Verified DSL solutions: one file per ARC-AGI-1 training task, ``programs/<task_id>.py``.

Each file is a complete program (``def solve(I): ...``) that opens with comment lines stating
the task's rule in plain words; those words are reused as explanations in prompts and CoTs.
Verification (``arc_pipeline.solutions.verify``) runs every file through the sandbox.

A comment line starting ``# data-flaw:`` documents an exception a solver makes for an
inconsistency in the task's own demonstrations (ARC-AGI-1 has a few). Such lines are not part of
the rule (prompts never see them) and ``verify`` lists every solver that carries one.
``# colour-semantic:`` and ``# orientation-semantic:`` lines declare exemptions from the
generalisation probes (format: ``arc_pipeline.solutions.probes``); they are not rule text either.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PROGRAM_DIR = Path(__file__).parent / "programs"
DATA_FLAW_MARK = "# data-flaw:"
COLOUR_SEMANTIC_MARK = "# colour-semantic:"
ORIENTATION_SEMANTIC_MARK = "# orientation-semantic:"
NOT_RULE_MARKS = (DATA_FLAW_MARK, COLOUR_SEMANTIC_MARK, ORIENTATION_SEMANTIC_MARK)


def _read(directory: Path) -> tuple[tuple[str, str], ...]:
    return tuple((p.stem, p.read_text()) for p in sorted(directory.glob("*.py")))


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[str, str], ...]:
    """The library's own solvers, read once per process (they do not change while it runs)."""
    return _read(PROGRAM_DIR)


def load_solutions(directory: str | Path | None = None) -> dict[str, str]:
    """``{task_id: program_text}`` for every solver file, sorted by task id.

    ``directory`` (default: the library's ``programs/``) lets a developer verify or probe
    candidate solvers kept elsewhere, one ``<task_id>.py`` per task.
    """
    if directory is None:
        return dict(_load())
    folder = Path(directory)
    if not folder.is_dir():
        raise FileNotFoundError(f"solver folder not found: {folder}")
    return dict(_read(folder))


def rule_description(program: str) -> str:
    """The plain-words rule: the program's leading ``#`` comment lines, joined.

    Data-flaw and probe-exemption lines are skipped: they talk about the solver, not the rule.
    """
    lines = []
    for line in program.splitlines():
        stripped = line.strip()
        if stripped.startswith(NOT_RULE_MARKS):
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
