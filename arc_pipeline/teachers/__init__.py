"""Teachers: who writes edit chains-of-thought. ``make_teacher`` builds one from configuration.

| name | what | needs |
|---|---|---|
| search | offline evolutionary search over the DSL (the embedded default) | nothing |
| anthropic | Claude through the official SDK | ANTHROPIC_API_KEY |
| gemini | Gemini through google-genai | GEMINI_API_KEY (or GOOGLE_API_KEY) |
| openai | any OpenAI-compatible server (DeepSeek-R1, Groq, OpenRouter, vllm serve) via the openai SDK | teacher.model, teacher.base_url, OPENAI_API_KEY (or teacher.api_key_env) |
| local | a local HF model directory (transformers; vLLM when installed) | a model path |
| replay | answers from a recorded JSONL file (tests, demos) | a file |

Every teacher caches its calls in the warehouse table ``teacher_calls``.
"""

from __future__ import annotations

from arc_pipeline.config import PipelineConfig
from arc_pipeline.teachers.base import (DEFAULT_MODELS, BudgetExceededError, EditRequest, MissingAPIKeyError,
                                        Teacher, TeacherSample)

TEACHERS = ("search", "anthropic", "gemini", "openai", "local", "replay")

__all__ = ["make_teacher", "TEACHERS", "EditRequest", "TeacherSample", "Teacher", "MissingAPIKeyError",
           "BudgetExceededError"]


#: The only keys ``make_teacher``'s ``secrets`` may carry: the rest of the teacher's settings live in
#: ``cfg.teacher`` (merged by ``config.apply_teacher_overrides``), keys never do.
SECRET_KEYS = ("anthropic_api_key", "gemini_api_key", "openai_api_key")


def make_teacher(cfg: PipelineConfig, secrets: dict | None, warehouse, executor=None) -> Teacher:
    """The teacher ``cfg.teacher`` describes; ``secrets`` (from the Dagster TeacherResource) holds
    only API keys. A missing key fails here, naming the variable."""
    from arc_pipeline.teachers.budget import Budget
    from arc_pipeline.teachers.cache import CallCache

    secrets = secrets or {}
    stray = sorted(set(secrets) - set(SECRET_KEYS))
    if stray:
        raise ValueError(f"make_teacher takes only API keys {SECRET_KEYS}, got {stray}: teacher settings "
                         "belong in cfg.teacher (config.apply_teacher_overrides)")
    tc = cfg.teacher
    name, model, base_url = tc.name, tc.model, tc.base_url
    cache = CallCache(warehouse.path)
    budget = Budget(max_usd=tc.budget_usd, max_tokens=tc.budget_tokens)
    common = dict(cache=cache, budget=budget, max_retries=tc.max_retries, max_concurrency=tc.max_concurrency,
                  max_malformed_retries=tc.max_malformed_retries, timeout_s=tc.request_timeout_s)
    if name == "search":
        from arc_pipeline.teachers.search import SearchTeacher

        return SearchTeacher(executor, tc.search_generations, tc.search_population, cache=cache)
    if name in ("anthropic", "gemini"):
        model = model or DEFAULT_MODELS[name]
        if name == "anthropic":
            from arc_pipeline.teachers.anthropic_teacher import AnthropicTeacher

            teacher = AnthropicTeacher(model, secrets.get("anthropic_api_key"), base_url, **common)
        else:
            from arc_pipeline.teachers.gemini_teacher import GeminiTeacher

            teacher = GeminiTeacher(model, secrets.get("gemini_api_key"), base_url, **common)
        teacher.price = _configured_price(model, tc)
        return teacher
    if name == "openai":
        from arc_pipeline.teachers.openai_teacher import OpenAICompatibleTeacher

        if not model:
            raise ValueError("teacher 'openai' needs teacher.model (ARC_PIPELINE_TEACHER_MODEL), e.g. deepseek-reasoner")
        price = _configured_price(model, tc)  # before the key: a refused budget needs no key to be reported
        # the resource's key is $OPENAI_API_KEY: it does not stand in for another configured variable
        key = secrets.get("openai_api_key") if tc.api_key_env == "OPENAI_API_KEY" else None
        teacher = OpenAICompatibleTeacher(model, key, base_url,
                                          api_key_env=tc.api_key_env, **common)
        teacher.price = price
        return teacher
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


def _configured_price(model: str, tc):
    """The price a paid teacher is charged at; refuses a USD budget it could not enforce.

    ``teacher.price_per_mtok`` (which ``ARC_PIPELINE_TEACHER_PRICE`` overrides, in config) wins over
    the price table. Why refuse: an unpriced model would cost 0 USD per call, so ``budget_usd``
    would never stop a run.
    """
    from arc_pipeline.teachers import pricing

    given = tc.price_per_mtok
    if given is not None:
        if len(given) != 2 or min(given) < 0:
            raise ValueError(f"teacher.price_per_mtok / ARC_PIPELINE_TEACHER_PRICE must be two non-negative "
                             f"USD-per-million-token prices (input, output), got {given!r}")
        return pricing.ModelPrice(float(given[0]), float(given[1]))
    if tc.budget_usd is not None and pricing.lookup(model) is None:
        raise ValueError(
            f"teacher model {model!r} has no price in arc_pipeline/teachers/pricing.py, so "
            f"teacher.budget_usd={tc.budget_usd} could not be enforced: set teacher.price_per_mtok: "
            "[input, output] or ARC_PIPELINE_TEACHER_PRICE=input,output (USD per million tokens, from the "
            "vendor's pricing page), or teacher.budget_usd: null")
    return None
