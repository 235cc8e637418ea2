"""ARC Prize submission files: ``{task_id: [{"attempt_1": grid, "attempt_2": grid}, ...]}``.

One entry per test input, in test order, as the ARC Prize (Kaggle) scorer reads them. Built from
the ``eval_results`` rows (attempts 1 and 2 per test index) so that the file holds exactly the
attempts the report scored. A missing attempt (a model with fewer distinct predictions than 2, or
none) is written as ``[[0]]`` (:data:`MISSING_ATTEMPT`), the placeholder the ARC Prize format
expects: every entry must carry both keys with a grid. Such a placeholder can only "match" an
expected output that is itself ``[[0]]``, which no ARC-AGI-1/2 task has.

Reading (:func:`load_submission`) validates the whole file first and raises
:class:`SubmissionError` with one line naming the file and the task id / index / field.
Scoring lives in :func:`arc_pipeline.evaluation.scoring.score_submission` (it reads test outputs).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

__all__ = ["MISSING_ATTEMPT", "ATTEMPT_KEYS", "SubmissionError", "build_submission", "write_submissions",
           "load_submission", "validate_submission", "submission_path"]

MISSING_ATTEMPT: list[list[int]] = [[0]]
ATTEMPT_KEYS = ("attempt_1", "attempt_2")
Submission = dict[str, list[dict[str, list[list[int]]]]]


class SubmissionError(ValueError):
    """A malformed submission file; the message names the file and the offending field."""


def build_submission(results: pl.DataFrame, model: str) -> Submission:
    """The submission of one ``model`` from ``eval_results`` rows: tasks sorted by id, test
    entries in ``test_index`` order, attempts 1 and 2 (``[[0]]`` where a row has no prediction)."""
    mine = results.filter(pl.col("model") == model).select("task_id", "test_index", "attempt", "predicted")
    if mine.is_empty():
        raise ValueError(f"eval_results has no rows for model {model!r}")
    grids: dict[str, dict[int, dict[int, Any]]] = {}
    for row in mine.iter_rows(named=True):
        per_test = grids.setdefault(row["task_id"], {}).setdefault(int(row["test_index"]), {})
        per_test[int(row["attempt"])] = json.loads(row["predicted"]) if row["predicted"] else None
    out: Submission = {}
    for task_id in sorted(grids):
        tests = grids[task_id]
        if sorted(tests) != list(range(len(tests))):
            raise ValueError(f"{task_id} ({model}): test indices {sorted(tests)} are not 0..{len(tests) - 1}")
        out[task_id] = [{key: tests[t].get(k + 1) or MISSING_ATTEMPT for k, key in enumerate(ATTEMPT_KEYS)}
                        for t in range(len(tests))]
    return out


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in name) or "model"


def submission_path(report_dir: Path, model: str) -> Path:
    """``<report_dir>/submissions/<model>/submission.json``."""
    return Path(report_dir) / "submissions" / _slug(model) / "submission.json"


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file + rename so a reader never sees half a submission."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_submissions(results: pl.DataFrame, report_dir: Path) -> dict[str, Path]:
    """One ``submission.json`` per model in ``results`` (report order); returns model -> path."""
    paths: dict[str, Path] = {}
    if results.is_empty():
        return paths
    for model in results["model"].unique(maintain_order=True).to_list():
        path = submission_path(report_dir, model)
        _write_atomic(path, json.dumps(build_submission(results, model), separators=(",", ":")))
        paths[model] = path
    return paths


def _check_grid(value: Any, where: str) -> list[list[int]]:
    """A grid is a non-empty list of equally long, non-empty lists of ints 0..9."""
    if not isinstance(value, list) or not value:
        raise SubmissionError(f"{where}: expected a non-empty list of rows, got {type(value).__name__}")
    width = None
    for r, row in enumerate(value):
        if not isinstance(row, list) or not row:
            raise SubmissionError(f"{where}: row {r} is not a non-empty list")
        if width is not None and len(row) != width:
            raise SubmissionError(f"{where}: row {r} has {len(row)} cells, row 0 has {width}")
        width = len(row)
        for c, v in enumerate(row):
            if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 9:
                raise SubmissionError(f"{where}: cell [{r}][{c}] is {v!r}, not a colour 0..9")
    return value


def validate_submission(data: Any, origin: str) -> Submission:
    """Check the structure of a parsed submission; every error names ``origin`` and the field."""
    if not isinstance(data, Mapping):
        raise SubmissionError(f"{origin}: top level must be an object {{task_id: [...]}}, got {type(data).__name__}")
    if not data:
        raise SubmissionError(f"{origin}: no tasks in the submission")
    for task_id, entries in data.items():
        if not isinstance(entries, list) or not entries:
            raise SubmissionError(f"{origin}: task {task_id}: expected a non-empty list of test entries")
        for i, entry in enumerate(entries):
            where = f"{origin}: task {task_id} test {i}"
            if not isinstance(entry, Mapping):
                raise SubmissionError(f"{where}: expected an object with attempt_1 / attempt_2")
            if "attempt_1" not in entry:
                raise SubmissionError(f"{where}: missing attempt_1")
            extra = sorted(set(entry) - set(ATTEMPT_KEYS))
            if extra:
                raise SubmissionError(f"{where}: unexpected field {extra[0]!r} (only attempt_1, attempt_2)")
            for key in ATTEMPT_KEYS:
                if key in entry:
                    _check_grid(entry[key], f"{where} {key}")
    return dict(data)


def load_submission(path: str | Path) -> Submission:
    """Read and validate a submission file (raises :class:`SubmissionError`, one line)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SubmissionError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SubmissionError(f"{path}: cannot read ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SubmissionError(f"{path}: invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    return validate_submission(data, str(path))
