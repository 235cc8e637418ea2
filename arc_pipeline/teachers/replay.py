"""Replay teacher: answers from a recorded JSONL file instead of calling a model.

Each line: ``{"task_id": ..., "sample_index": ..., "text": ..., "prompt_hash": ... (optional)}``
(extra keys such as ``teacher``/``model``/tokens are kept in ``TeacherSample.extra``).
``prompt_hash`` is ``arc_pipeline.teachers.cache.prompt_hash(system, prompt, temperature,
max_output_tokens)`` of the request that produced the line.

Lookup for (request, sample_index): a line with the request's ``prompt_hash`` wins; otherwise
a line of the same task without a ``prompt_hash`` (it answers any prompt of that task). Lines
whose ``prompt_hash`` differs from the request's are used only with
``strict_prompt_hash=False``. No match → ``TeacherSample(text="", finish_reason="missing")``.
When several lines share a key, the first one in the file wins.

``record(path, request, samples)`` appends such lines (e.g. to turn a paid run into a free,
deterministic fixture).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from arc_pipeline.teachers.base import EditRequest, TeacherSample
from arc_pipeline.teachers.cache import prompt_hash as _prompt_hash


def request_prompt_hash(request: EditRequest) -> str:
    return _prompt_hash(request.system, request.prompt, request.temperature,
                        request.max_output_tokens)


class ReplayTeacher:
    """Teacher backed by a JSONL recording (see module docstring)."""

    name = "replay"

    def __init__(self, path: str | os.PathLike[str], *, strict_prompt_hash: bool = True,
                 model: str | None = None) -> None:
        self.path = Path(path)
        self.strict_prompt_hash = strict_prompt_hash
        self.model = model or f"replay:{self.path.name}"
        self._by_hash: dict[tuple[str, str, int], dict] = {}
        self._no_hash: dict[tuple[str, int], dict] = {}
        self._any: dict[tuple[str, int], dict] = {}
        self.hits = 0
        self.misses = 0
        with self.path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    rec = json.loads(line)
                    task_id, idx = str(rec["task_id"]), int(rec["sample_index"])
                    str(rec["text"])
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                    raise ValueError(f"{self.path}:{lineno}: bad replay line: {exc}") from exc
                ph = rec.get("prompt_hash")
                if ph:
                    self._by_hash.setdefault((task_id, str(ph), idx), rec)
                else:
                    self._no_hash.setdefault((task_id, idx), rec)
                self._any.setdefault((task_id, idx), rec)

    def __len__(self) -> int:
        return len(self._by_hash) + len(self._no_hash)

    def lookup(self, request: EditRequest, sample_index: int, ph: str | None = None) -> dict | None:
        ph = ph or request_prompt_hash(request)
        key = (request.task_id, sample_index)
        rec = self._by_hash.get((request.task_id, ph, sample_index)) or self._no_hash.get(key)
        if rec is None and not self.strict_prompt_hash:
            rec = self._any.get(key)
        return rec

    def sample(self, request: EditRequest) -> list[TeacherSample]:
        ph = request_prompt_hash(request)
        out = []
        for i in range(int(request.n_samples)):
            rec = self.lookup(request, i, ph)
            if rec is None:
                self.misses += 1
                out.append(TeacherSample(sample_index=i, text="", finish_reason="missing",
                                         extra={"prompt_hash": ph}))
                continue
            self.hits += 1
            extra = {k: v for k, v in rec.items()
                     if k not in {"task_id", "sample_index", "text", "input_tokens",
                                  "output_tokens", "finish_reason"}}
            out.append(TeacherSample(
                sample_index=i,
                text=str(rec["text"]),
                input_tokens=int(rec.get("input_tokens") or 0),
                output_tokens=int(rec.get("output_tokens") or 0),
                cost_usd=0.0,
                cached=True,
                finish_reason=str(rec.get("finish_reason") or "replay"),
                extra=extra,
            ))
        return out


def record(
    path: str | os.PathLike[str],
    request: EditRequest,
    samples: Iterable[TeacherSample],
    *,
    teacher: str | None = None,
    model: str | None = None,
    append: bool = True,
    skip_missing: bool = True,
) -> int:
    """Write ``samples`` for ``request`` as replay lines; returns the number written.

    Samples with ``finish_reason == "missing"`` are skipped unless ``skip_missing=False``.
    """
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    ph = request_prompt_hash(request)
    n = 0
    with p.open("a" if append else "w", encoding="utf-8") as fh:
        for s in samples:
            if skip_missing and s.finish_reason == "missing":
                continue
            rec = {
                "task_id": request.task_id,
                "prompt_hash": ph,
                "sample_index": s.sample_index,
                "text": s.text,
                "input_tokens": s.input_tokens,
                "output_tokens": s.output_tokens,
                "finish_reason": s.finish_reason,
            }
            if teacher:
                rec["teacher"] = teacher
            if model:
                rec["model"] = model
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
