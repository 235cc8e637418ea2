"""Claude as a teacher, via the official ``anthropic`` SDK (Messages API).

One request per sample: ``system`` = ``request.system``, one user message = ``request.prompt``.
The SDK's own retries are off (``max_retries=0``); ``CachedLLMTeacher`` retries, caches and
charges the budget. The response text is the concatenation of its ``text`` blocks.

Sampling temperature: the installed SDK (anthropic 2.x) no longer has a ``temperature``
argument on ``messages.create``; the teacher sends ``request.temperature`` in the JSON body via
``extra_body`` (accepted by the Claude 4.x models in the price table). Set
``send_temperature=False`` for a model that rejects it; samples then use the API default.
Different samples of one prompt are separate requests, cached under their ``sample_index``.
"""

from __future__ import annotations

import os

from arc_pipeline.teachers.base import DEFAULT_MODELS, EditRequest, MissingAPIKeyError
from arc_pipeline.teachers.budget import Budget
from arc_pipeline.teachers.cache import CallCache
from arc_pipeline.teachers.llm import CachedLLMTeacher, RawResponse, RetryInfo, status_retry_info

API_KEY_ENV = "ANTHROPIC_API_KEY"


class AnthropicTeacher(CachedLLMTeacher):
    """Claude teacher; the key comes from ``api_key`` or ``$ANTHROPIC_API_KEY``."""

    name = "anthropic"

    def __init__(
        self,
        model: str = DEFAULT_MODELS["anthropic"],
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
        send_temperature: bool = True,
    ) -> None:
        key = api_key or os.environ.get(API_KEY_ENV)
        if not key:
            raise MissingAPIKeyError(
                f"AnthropicTeacher needs an API key: pass api_key= or set {API_KEY_ENV}"
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
        import anthropic  # noqa: PLC0415 - keep module import cheap

        self._anthropic = anthropic
        self.timeout_s = float(timeout_s)
        self.send_temperature = send_temperature
        self.client = anthropic.Anthropic(
            api_key=key, base_url=base_url, timeout=self.timeout_s, max_retries=0
        )

    def _call_once(self, request: EditRequest, sample_index: int) -> RawResponse:
        extra_body = {"temperature": float(request.temperature)} if self.send_temperature else None
        msg = self.client.messages.create(
            model=self.model,
            max_tokens=int(request.max_output_tokens),
            system=request.system,
            messages=[{"role": "user", "content": request.prompt}],
            extra_body=extra_body,
        )
        text = "".join(
            getattr(block, "text", "") for block in msg.content if getattr(block, "type", "") == "text"
        )
        usage = msg.usage
        input_tokens = int(getattr(usage, "input_tokens", 0) or 0)
        # Prompt-cache tokens are billed separately; count them as input for the token budget.
        input_tokens += int(getattr(usage, "cache_creation_input_tokens", 0) or 0)
        input_tokens += int(getattr(usage, "cache_read_input_tokens", 0) or 0)
        return RawResponse(
            text=text,
            input_tokens=input_tokens,
            output_tokens=int(getattr(usage, "output_tokens", 0) or 0),
            finish_reason=str(msg.stop_reason or ""),
            extra={"response_id": msg.id, "response_model": msg.model},
        )

    def _retry_info(self, exc: BaseException) -> RetryInfo:
        a = self._anthropic
        if isinstance(exc, a.APIStatusError):
            return status_retry_info(exc.status_code, getattr(exc.response, "headers", None))
        if isinstance(exc, (a.APITimeoutError, a.APIConnectionError)):
            return RetryInfo(True)
        return RetryInfo(False)
