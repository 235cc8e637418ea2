"""Any OpenAI-compatible chat-completions server as a teacher, via the official ``openai`` SDK.

One route for DeepSeek's API (``deepseek-reasoner`` = R1), Groq, OpenRouter, OpenAI itself and a
local ``vllm serve``: ``teacher.base_url`` (e.g. ``https://api.deepseek.com/v1``,
``http://127.0.0.1:8000/v1``) and ``teacher.model`` choose the server and model; the key comes
from ``$OPENAI_API_KEY`` or the variable named by ``teacher.api_key_env`` (``""`` = no key).

One request per sample: a system message, one user message, ``temperature``, ``max_tokens`` and
``seed = request.seed + sample_index``. Reasoning models return their thinking separately, in
``message.reasoning_content`` (DeepSeek, vLLM's reasoning parsers) or ``message.reasoning``
(newer vLLM, OpenRouter): it is wrapped into ``<think>...</think>`` in front of the answer, so the
cached response holds the whole trace and ``parsing.extract_program`` makes it the CoT. A reply
cut off while thinking (``finish_reason: length`` with no answer yet) keeps the ``<think>``
unclosed, which the parser records as ``truncated``. The SDK's own retries are off
(``max_retries=0``); ``CachedLLMTeacher`` retries, caches and charges the budget.
"""

from __future__ import annotations

import os

from arc_pipeline.parsing import THINK_CLOSE, THINK_OPEN
from arc_pipeline.teachers.base import EditRequest, MissingAPIKeyError
from arc_pipeline.teachers.budget import Budget
from arc_pipeline.teachers.cache import CallCache
from arc_pipeline.teachers.llm import CachedLLMTeacher, RawResponse, RetryInfo, status_retry_info

API_KEY_ENV = "OPENAI_API_KEY"
REASONING_FIELDS = ("reasoning_content", "reasoning")


def join_reasoning(reasoning: str | None, content: str | None, finish_reason: str) -> str:
    """The response text: ``<think>reasoning</think>`` + answer; the think block stays open when the
    reply stopped for length before any answer (so it parses as truncated, not as an empty CoT).

    >>> join_reasoning("swap colours", "```python\\ndef solve(I):\\n    return I\\n```", "stop")[:28]
    '<think>swap colours</think>\\n'
    >>> join_reasoning("still thinking", "", "length")
    '<think>still thinking'
    """
    content = content or ""
    if not reasoning or THINK_CLOSE in content:
        return content
    if not content.strip() and finish_reason == "length":
        return f"{THINK_OPEN}{reasoning}"
    return f"{THINK_OPEN}{reasoning}{THINK_CLOSE}\n{content}"


def _reasoning_of(message) -> str | None:
    """The separately returned reasoning of a chat message (SDK extra fields), if any."""
    extra = getattr(message, "model_extra", None) or {}
    for name in REASONING_FIELDS:
        value = getattr(message, name, None) or extra.get(name)
        if isinstance(value, str) and value:
            return value
    return None


class OpenAICompatibleTeacher(CachedLLMTeacher):
    """Chat-completions teacher; key from ``api_key`` or ``$<api_key_env>`` (default OPENAI_API_KEY)."""

    name = "openai"

    def __init__(
        self,
        model: str,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        api_key_env: str = API_KEY_ENV,
        cache: CallCache | str | os.PathLike[str] | None = None,
        budget: Budget | None = None,
        timeout_s: float = 600.0,
        max_retries: int = 5,
        retry_base_delay: float = 1.0,
        retry_max_delay: float = 60.0,
        max_concurrency: int = 4,
        max_malformed_retries: int = 2,
        send_seed: bool = True,
    ) -> None:
        if not model:
            raise ValueError("teacher 'openai' needs teacher.model (e.g. deepseek-reasoner)")
        key = api_key or (os.environ.get(api_key_env) if api_key_env else None)
        if not key:
            if api_key_env:
                raise MissingAPIKeyError(
                    f"OpenAICompatibleTeacher needs an API key: set {api_key_env} "
                    "(or teacher.api_key_env to the variable that holds it, or to '' for a keyless server)")
            key = "EMPTY"  # a keyless local server (vllm serve) still wants the header
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
        import openai  # noqa: PLC0415 - keep module import cheap

        self._openai = openai
        self.timeout_s = float(timeout_s)
        self.send_seed = send_seed
        self.client = openai.OpenAI(api_key=key, base_url=base_url or None, timeout=self.timeout_s, max_retries=0)

    def _call_once(self, request: EditRequest, sample_index: int) -> RawResponse:
        messages = [{"role": "user", "content": request.prompt}]
        if request.system:
            messages.insert(0, {"role": "system", "content": request.system})
        kwargs = {"seed": int(request.seed) + int(sample_index)} if self.send_seed else {}
        resp = self.client.chat.completions.create(
            model=self.model,
            messages=messages,
            temperature=float(request.temperature),
            max_tokens=int(request.max_output_tokens),
            **kwargs,
        )
        text, finish = "", ""
        if resp.choices:
            choice = resp.choices[0]
            finish = str(choice.finish_reason or "")
            text = join_reasoning(_reasoning_of(choice.message), choice.message.content, finish)
        usage = resp.usage
        return RawResponse(
            text=text,
            input_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            # reasoning tokens are part of completion_tokens (and billed as output) on these APIs
            output_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            finish_reason=finish,
            extra={"response_id": resp.id, "response_model": resp.model},
        )

    def _retry_info(self, exc: BaseException) -> RetryInfo:
        o = self._openai
        if isinstance(exc, o.APIStatusError):
            return status_retry_info(exc.status_code, getattr(exc.response, "headers", None))
        if isinstance(exc, (o.APITimeoutError, o.APIConnectionError)):
            return RetryInfo(True)
        return RetryInfo(False)
