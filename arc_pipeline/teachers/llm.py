"""Shared machinery for API teachers: cache → budget → call with retries → charge → store.

Subclasses implement ``_call_once(request, sample_index) -> RawResponse`` (one HTTP request, no
retries of its own) and ``_retry_info(exc) -> RetryInfo`` (is this error worth retrying, and did
the server say how long to wait). ``CachedLLMTeacher.sample`` does the rest:

* per sample index, the ``CallCache`` is consulted first; a hit returns
  ``TeacherSample(cached=True, cost_usd=0.0)`` (the recorded cost is in ``extra``) with no
  request and no budget charge;
* otherwise ``Budget.check()`` (raises ``BudgetExceededError`` → nothing more is sent), then the
  call, retried with exponential backoff + jitter on 408/409/429/5xx (incl. 529 overloaded),
  timeouts and connection errors, honouring ``retry-after`` (capped at ``retry_max_delay``);
* the response is charged to the budget and stored in the cache (committed immediately);
* a reply that is not valid JSON is asked for again up to ``max_malformed_retries`` times,
  then stored as a failed sample (empty text, ``finish_reason="malformed_reply"``, no charge);
* missing samples run on at most ``max_concurrency`` threads. On the first error nothing new
  starts; requests already in flight finish and are stored; then the error is raised.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from arc_pipeline.teachers import pricing
from arc_pipeline.teachers.base import BudgetExceededError, EditRequest, TeacherSample
from arc_pipeline.teachers.budget import Budget
from arc_pipeline.teachers.cache import CallCache, prompt_hash

logger = logging.getLogger(__name__)

RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504, 529})


class TeacherCallError(RuntimeError):
    """A teacher request failed for good (retries exhausted or a non-retryable error)."""

    def __init__(self, message: str, *, attempts: int, status: int | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.status = status


@dataclass
class RawResponse:
    """What one successful request returned."""

    text: str
    input_tokens: int = 0
    output_tokens: int = 0
    finish_reason: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RetryInfo:
    retryable: bool
    retry_after_s: float | None = None
    status: int | None = None


def parse_retry_after(headers) -> float | None:
    """Seconds from ``retry-after-ms`` / ``retry-after`` (numeric form only), else None."""
    if headers is None:
        return None
    try:
        ms = headers.get("retry-after-ms")
        if ms is not None:
            return max(0.0, float(ms) / 1000.0)
        s = headers.get("retry-after")
        if s is not None:
            return max(0.0, float(s))
    except (TypeError, ValueError):
        return None
    return None


def status_retry_info(status: int | None, headers=None) -> RetryInfo:
    """RetryInfo for an HTTP status code."""
    retryable = status is not None and (status in RETRYABLE_STATUS or status >= 500)
    return RetryInfo(retryable, parse_retry_after(headers) if retryable else None, status)


class CachedLLMTeacher(ABC):
    """Base class for API teachers (see module docstring).

    ``cache``: a ``CallCache``, a path to a DuckDB file, or None (no caching — every sample is
    a request). ``budget``: a shared ``Budget`` or None (unlimited).
    """

    name: str = "llm"

    def __init__(
        self,
        model: str,
        *,
        cache: CallCache | str | os.PathLike[str] | None = None,
        budget: Budget | None = None,
        max_retries: int = 5,
        retry_base_delay: float = 1.0,
        retry_max_delay: float = 60.0,
        max_concurrency: int = 4,
        max_malformed_retries: int = 2,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self.model = model
        if cache is not None and not isinstance(cache, CallCache):
            cache = CallCache(Path(cache))
        self.cache: CallCache | None = cache
        self.budget = budget
        self.max_retries = int(max_retries)
        self.retry_base_delay = float(retry_base_delay)
        self.retry_max_delay = float(retry_max_delay)
        self.max_concurrency = max(1, int(max_concurrency))
        self.max_malformed_retries = max(0, int(max_malformed_retries))
        self.malformed_replies = 0
        self._counter_lock = threading.Lock()
        self.calls_made = 0  # successful requests (each charged and cached)
        self.attempts_made = 0  # requests sent, retries included
        self.retries = 0
        self.cache_hits = 0

    # -- to implement --------------------------------------------------------------------------

    @abstractmethod
    def _call_once(self, request: EditRequest, sample_index: int) -> RawResponse:
        """Send one request for ``sample_index``; raise the SDK's exception on failure."""

    @abstractmethod
    def _retry_info(self, exc: BaseException) -> RetryInfo:
        """Classify an exception raised by ``_call_once``."""

    #: USD per Mtok from the config (``teacher.price_per_mtok``); None = the price table.
    price: pricing.ModelPrice | None = None

    def cost_usd(self, input_tokens: int, output_tokens: int) -> float:
        return pricing.cost_usd(self.model, input_tokens, output_tokens, self.price)

    # -- public --------------------------------------------------------------------------------

    def sample(self, request: EditRequest) -> list[TeacherSample]:
        """``request.n_samples`` samples (indices 0..n-1), from the cache where possible."""
        n = int(request.n_samples)
        if n <= 0:
            return []
        ph = self.prompt_hash(request)
        results: dict[int, TeacherSample] = {}
        if self.cache is not None:
            for idx, row in self.cache.get_many(self.name, self.model, ph, request.seed, range(n)).items():
                results[idx] = TeacherSample(
                    sample_index=idx,
                    text=row.response,
                    input_tokens=row.input_tokens,
                    output_tokens=row.output_tokens,
                    cost_usd=0.0,
                    latency_s=0.0,
                    cached=True,
                    finish_reason=row.finish_reason,
                    extra={
                        "recorded_cost_usd": row.cost_usd,
                        "recorded_latency_s": row.latency_s,
                        "created_at": row.created_at.isoformat() if row.created_at else None,
                        "prompt_hash": ph,
                    },
                )
            with self._counter_lock:
                self.cache_hits += len(results)
        missing = [i for i in range(n) if i not in results]
        if missing:
            results.update(self._run_missing(request, ph, missing))
        return [results[i] for i in range(n)]

    def prompt_hash(self, request: EditRequest) -> str:
        return prompt_hash(request.system, request.prompt, request.temperature,
                           request.max_output_tokens)

    @property
    def spent_usd(self) -> float:
        return self.budget.spent_usd if self.budget is not None else 0.0

    # -- internals -----------------------------------------------------------------------------

    def _run_missing(self, request: EditRequest, ph: str, indices: list[int]) -> dict[int, TeacherSample]:
        out: dict[int, TeacherSample] = {}
        if self.max_concurrency == 1 or len(indices) == 1:
            for i in indices:  # in order: a failure leaves exactly indices < i done
                out[i] = self._sample_one(request, ph, i, None)
            return out

        stop = threading.Event()
        errors: list[BaseException] = []
        with ThreadPoolExecutor(max_workers=min(self.max_concurrency, len(indices)),
                                thread_name_prefix=f"{self.name}-teacher") as pool:
            futures = {pool.submit(self._sample_one, request, ph, i, stop): i for i in indices}
            for fut in futures:
                fut.add_done_callback(
                    lambda f: (not f.cancelled() and f.exception() is not None) and stop.set())
            wait(futures)
        for fut, i in futures.items():
            if fut.cancelled():
                continue
            exc = fut.exception()
            if exc is None:
                res = fut.result()
                if res is not None:
                    out[i] = res
            elif not isinstance(exc, _Skipped):
                errors.append(exc)
        if errors:
            # A budget stop is the expected, clean way to end; report it over other errors.
            budget_errors = [e for e in errors if isinstance(e, BudgetExceededError)]
            raise (budget_errors or errors)[0]
        return out

    def _sample_one(self, request: EditRequest, ph: str, index: int,
                    stop: threading.Event | None) -> TeacherSample:
        if stop is not None and stop.is_set():
            raise _Skipped()
        if self.budget is not None:
            self.budget.check()
        raw, latency = self._call_with_retries(request, index, stop)
        cost = self.cost_usd(raw.input_tokens, raw.output_tokens)
        if self.budget is not None:
            self.budget.charge(raw.input_tokens + raw.output_tokens, cost)
        with self._counter_lock:
            self.calls_made += 1
        if self.cache is not None:
            self.cache.put(self.name, self.model, ph, request.seed, index, raw.text,
                           raw.input_tokens, raw.output_tokens, cost, latency, raw.finish_reason)
        return TeacherSample(
            sample_index=index,
            text=raw.text,
            input_tokens=raw.input_tokens,
            output_tokens=raw.output_tokens,
            cost_usd=cost,
            latency_s=latency,
            cached=False,
            finish_reason=raw.finish_reason,
            extra={**raw.extra, "prompt_hash": ph},
        )

    def _call_with_retries(self, request: EditRequest, index: int,
                           stop: threading.Event | None) -> tuple[RawResponse, float]:
        attempt = malformed = 0
        while True:
            with self._counter_lock:
                self.attempts_made += 1
            t0 = time.monotonic()
            try:
                raw = self._call_once(request, index)
                return raw, time.monotonic() - t0
            except Exception as exc:  # noqa: BLE001 - classified below
                where = f"{self.name} teacher ({self.model}), task {request.task_id!r}, sample {index}"
                if is_malformed_reply(exc):
                    with self._counter_lock:
                        self.malformed_replies += 1
                    if malformed >= self.max_malformed_retries:
                        logger.warning("%s: malformed reply %d times; stored as a failed sample", where, malformed + 1)
                        return RawResponse("", finish_reason=MALFORMED_REPLY,
                                           extra={"error": f"{type(exc).__name__}: {exc}"[:300]}), time.monotonic() - t0
                    malformed += 1
                    continue
                info = self._retry_info(exc)
                if not info.retryable:
                    raise TeacherCallError(
                        f"{where}: non-retryable error: {type(exc).__name__}: {exc}",
                        attempts=attempt + 1, status=info.status,
                    ) from exc
                if attempt >= self.max_retries:
                    raise TeacherCallError(
                        f"{where}: gave up after {attempt + 1} attempts "
                        f"(max_retries={self.max_retries}); last error: {type(exc).__name__}: {exc}",
                        attempts=attempt + 1, status=info.status,
                    ) from exc
                delay = self._backoff(attempt, info.retry_after_s)
                logger.info("%s: %s (%s); retry %d/%d in %.2fs", where, type(exc).__name__,
                            info.status, attempt + 1, self.max_retries, delay)
                with self._counter_lock:
                    self.retries += 1
                attempt += 1
                time.sleep(delay)
                if stop is not None and stop.is_set():
                    raise _Skipped() from exc

    def _backoff(self, attempt: int, retry_after_s: float | None) -> float:
        """Exponential backoff with jitter (0.5–1.5×), at least ``retry-after``, capped."""
        delay = self.retry_base_delay * (2 ** min(attempt, 30)) * random.uniform(0.5, 1.5)
        if retry_after_s is not None:
            delay = max(delay, retry_after_s)
        return min(delay, self.retry_max_delay)


MALFORMED_REPLY = "malformed_reply"  # finish_reason of a sample whose reply never parsed


def is_malformed_reply(exc: BaseException) -> bool:
    """Whether an SDK error means the server answered with a body that is not valid JSON (or
    not the expected shape): anywhere in the cause chain, a ``json.JSONDecodeError`` or an
    SDK response-validation error."""
    import json

    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, json.JSONDecodeError) or "ResponseValidation" in type(seen).__name__:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class _Skipped(Exception):
    """A sample not attempted because another sample of the same request failed."""
