"""The teacher protocol: an edit request in, sampled responses (CoT + program text) out.

Every teacher — the offline search teacher, Claude, Gemini, a local model, a replay file —
answers the same ``EditRequest`` with ``TeacherSample`` objects holding the *raw* response
text. Parsing the CoT and the program out of it is the caller's job
(``arc_pipeline.parsing.extract_program``), so every teacher's output goes through one parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

#: Default API models. Kept to ids the pinned SDK lists as current (not deprecated); a test checks
#: the Claude default against the installed ``anthropic`` package's model list. Defined here, not in
#: the package ``__init__``, so the client modules need not import the package that imports them.
DEFAULT_MODELS = {"anthropic": "claude-sonnet-4-6", "gemini": "gemini-2.5-flash"}


@dataclass(frozen=True)
class EditRequest:
    """One (task, start program) to edit.

    ``prompt`` is the full user prompt (already leak-checked: train pairs only) and ``system``
    the system prompt; LLM teachers send exactly these. ``task_json`` holds the task's *train*
    pairs only (ARC JSON) for teachers that execute programs themselves (search).
    """

    task_id: str
    prompt: str
    system: str
    start_program: str
    task_json: str
    n_samples: int = 1
    seed: int = 0
    temperature: float = 1.0
    max_output_tokens: int = 4096


@dataclass(frozen=True)
class TeacherSample:
    """One response: raw text plus what it cost."""

    sample_index: int
    text: str
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    latency_s: float = 0.0
    cached: bool = False
    finish_reason: str = ""
    extra: dict = field(default_factory=dict)


@runtime_checkable
class Teacher(Protocol):
    """Anything with a name, a model id and ``sample``."""

    name: str
    model: str

    def sample(self, request: EditRequest) -> list[TeacherSample]:
        """Return ``request.n_samples`` samples, indices 0..n-1."""
        ...


class MissingAPIKeyError(RuntimeError):
    """A configured teacher has no key; the message names the environment variable."""


class BudgetExceededError(RuntimeError):
    """The run's token or USD budget is spent; sampling stops cleanly."""
