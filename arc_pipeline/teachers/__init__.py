"""Teachers: who writes edit chains-of-thought. ``make_teacher`` builds one from configuration.

| name | what | needs |
|---|---|---|
| search | offline evolutionary search over the DSL (the embedded default) | nothing |
| anthropic | Claude through the official SDK | ANTHROPIC_API_KEY |
| gemini | Gemini through google-genai | GEMINI_API_KEY (or GOOGLE_API_KEY) |
| local | a local HF model directory (transformers; vLLM when installed) | a model path |
| replay | answers from a recorded JSONL file (tests, demos) | a file |

Every teacher caches its calls in the warehouse table ``teacher_calls``.
"""

from __future__ import annotations

from arc_pipeline.config import PipelineConfig
from arc_pipeline.teachers.base import (BudgetExceededError, EditRequest, MissingAPIKeyError, Teacher,
                                        TeacherSample)

TEACHERS = ("search", "anthropic", "gemini", "local", "replay")

__all__ = ["make_teacher", "TEACHERS", "EditRequest", "TeacherSample", "Teacher", "MissingAPIKeyError",
           "BudgetExceededError"]


def make_teacher(cfg: PipelineConfig, settings: dict | None, warehouse, executor=None) -> Teacher:
    """The configured teacher; ``settings`` (from the Dagster TeacherResource) override the
    profile's ``teacher:`` section. A missing key fails here, naming the variable."""
    from arc_pipeline.teachers.budget import Budget
    from arc_pipeline.teachers.cache import CallCache

    settings = settings or {}
    tc = cfg.teacher
    name = settings.get("name") or tc.name
    model = settings.get("model") or tc.model
    base_url = settings.get("base_url") or tc.base_url
    cache = CallCache(warehouse.path)
    budget = Budget(max_usd=tc.budget_usd, max_tokens=tc.budget_tokens)
    common = dict(cache=cache, budget=budget, max_retries=tc.max_retries, max_concurrency=tc.max_concurrency)
    if name == "search":
        from arc_pipeline.teachers.search import SearchTeacher

        return SearchTeacher(executor, tc.search_generations, tc.search_population, cache=cache)
    if name == "anthropic":
        from arc_pipeline.teachers.anthropic_teacher import AnthropicTeacher

        return AnthropicTeacher(model or "claude-sonnet-4-5", settings.get("anthropic_api_key"), base_url, **common)
    if name == "gemini":
        from arc_pipeline.teachers.gemini_teacher import GeminiTeacher

        return GeminiTeacher(model or "gemini-2.5-flash", settings.get("gemini_api_key"), base_url, **common)
    if name == "local":
        from arc_pipeline.teachers.local_model import LocalModelTeacher

        if not model:
            raise ValueError("teacher 'local' needs teacher.model: a local model directory")
        return LocalModelTeacher(model)
    if name == "replay":
        from arc_pipeline.teachers.replay import ReplayTeacher

        if not tc.replay_path:
            raise ValueError("teacher 'replay' needs teacher.replay_path: a recorded JSONL file")
        return ReplayTeacher(tc.replay_path)
    raise ValueError(f"unknown teacher {name!r}; choose one of {TEACHERS}")
