"""Gemini as a teacher, via the official ``google-genai`` SDK (Gemini Developer API).

One ``generate_content`` request per sample with ``system_instruction``, ``temperature``,
``max_output_tokens`` and ``seed = request.seed + sample_index`` (so samples of one prompt
differ and each is reproducible where the API honours seeds). The SDK's own retries are turned
off (``HttpRetryOptions(attempts=1)``); ``CachedLLMTeacher`` retries, caches and charges the
budget. Output tokens include "thinking" tokens (``thoughts_token_count``), which are billed as
output; thought parts are left out of the text.
"""

from __future__ import annotations

import os

from arc_pipeline.teachers.base import DEFAULT_MODELS, EditRequest, MissingAPIKeyError
from arc_pipeline.teachers.budget import Budget
from arc_pipeline.teachers.cache import CallCache
from arc_pipeline.teachers.llm import CachedLLMTeacher, RawResponse, RetryInfo, status_retry_info

API_KEY_ENVS = ("GEMINI_API_KEY", "GOOGLE_API_KEY")


def _transport_errors() -> tuple[type[BaseException], ...]:
    """httpx / httpx2 transport errors (timeouts, connection failures), whichever is installed."""
    out: list[type[BaseException]] = []
    for mod_name in ("httpx", "httpx2"):
        try:
            mod = __import__(mod_name)
        except ImportError:
            continue
        for attr in ("TransportError", "TimeoutException"):
            cls = getattr(mod, attr, None)
            if isinstance(cls, type):
                out.append(cls)
    return tuple(out)


class GeminiTeacher(CachedLLMTeacher):
    """Gemini teacher; key from ``api_key``, ``$GEMINI_API_KEY`` or ``$GOOGLE_API_KEY``."""

    name = "gemini"

    def __init__(
        self,
        model: str = DEFAULT_MODELS["gemini"],
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        cache: CallCache | str | os.PathLike[str] | None = None,
        budget: Budget | None = None,
        timeout_s: float = 600.0,
        max_retries: int = 5,
        retry_base_delay: float = 1.0,
        retry_max_delay: float = 60.0,
        max_concurrency: int = 4,
        max_malformed_retries: int = 2,
        api_version: str | None = None,
    ) -> None:
        key = api_key or next((os.environ[e] for e in API_KEY_ENVS if os.environ.get(e)), None)
        if not key:
            raise MissingAPIKeyError(
                "GeminiTeacher needs an API key: pass api_key= or set GEMINI_API_KEY "
                "(GOOGLE_API_KEY is also accepted)"
            )
        super().__init__(
            model,
            cache=cache,
            budget=budget,
            max_retries=max_retries,
            retry_base_delay=retry_base_delay,
            retry_max_delay=retry_max_delay,
            max_concurrency=max_concurrency,
            max_malformed_retries=max_malformed_retries,
        )
        from google import genai  # noqa: PLC0415 - slow import, only when used
        from google.genai import errors, types  # noqa: PLC0415

        self._errors = errors
        self._types = types
        self._transport_errors = _transport_errors()
        self.timeout_s = float(timeout_s)
        http_options = types.HttpOptions(
            base_url=base_url,
            api_version=api_version,
            timeout=max(1, int(self.timeout_s * 1000)),  # milliseconds
            retry_options=types.HttpRetryOptions(attempts=1),  # we retry ourselves
        )
        self.client = genai.Client(api_key=key, vertexai=False, http_options=http_options)

    def _call_once(self, request: EditRequest, sample_index: int) -> RawResponse:
        types = self._types
        config = types.GenerateContentConfig(
            system_instruction=request.system or None,
            temperature=float(request.temperature),
            max_output_tokens=int(request.max_output_tokens),
            seed=int(request.seed) + int(sample_index),
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        resp = self.client.models.generate_content(
            model=self.model, contents=request.prompt, config=config
        )
        text, finish = "", ""
        if resp.candidates:
            cand = resp.candidates[0]
            parts = (cand.content.parts if cand.content is not None else None) or []
            text = "".join(p.text for p in parts if p.text and not p.thought)
            if cand.finish_reason is not None:
                finish = str(getattr(cand.finish_reason, "value", cand.finish_reason))
        elif resp.prompt_feedback is not None and resp.prompt_feedback.block_reason is not None:
            br = resp.prompt_feedback.block_reason
            finish = "blocked:" + str(getattr(br, "value", br))
        um = resp.usage_metadata
        input_tokens = int((um.prompt_token_count if um else 0) or 0)
        output_tokens = int((um.candidates_token_count if um else 0) or 0)
        output_tokens += int((um.thoughts_token_count if um else 0) or 0)
        return RawResponse(
            text=text,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            finish_reason=finish,
            extra={"response_id": resp.response_id, "response_model": resp.model_version},
        )

    def _retry_info(self, exc: BaseException) -> RetryInfo:
        if isinstance(exc, self._errors.APIError):
            headers = getattr(getattr(exc, "response", None), "headers", None)
            return status_retry_info(exc.code, headers)
        if self._transport_errors and isinstance(exc, self._transport_errors):
            return RetryInfo(True)
        if isinstance(exc, (TimeoutError, ConnectionError)):
            return RetryInfo(True)
        return RetryInfo(False)
