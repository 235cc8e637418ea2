"""A run's spending limit for paid teachers (USD and/or tokens), shared across threads."""

from __future__ import annotations

import threading

from arc_pipeline.teachers.base import BudgetExceededError


class Budget:
    """Tracks spend; ``check()`` raises ``BudgetExceededError`` once a limit is reached.

    ``None`` for a limit means unlimited. A limit counts as exceeded once the spend *reaches* it
    (``spent >= max``): a budget of exactly one call's cost allows that call and refuses the
    next. Teachers call ``check()`` before each request and ``charge()`` after it, so with
    ``k`` concurrent requests the overshoot is at most ``k - 1`` calls' cost.
    """

    def __init__(self, max_usd: float | None = None, max_tokens: int | None = None) -> None:
        if max_usd is not None and max_usd < 0:
            raise ValueError("max_usd must be >= 0 or None")
        if max_tokens is not None and max_tokens < 0:
            raise ValueError("max_tokens must be >= 0 or None")
        self.max_usd = max_usd
        self.max_tokens = max_tokens
        self._lock = threading.Lock()
        self._spent_usd = 0.0
        self._spent_tokens = 0

    @property
    def spent_usd(self) -> float:
        with self._lock:
            return self._spent_usd

    @property
    def spent_tokens(self) -> int:
        with self._lock:
            return self._spent_tokens

    def charge(self, tokens: int = 0, usd: float = 0.0) -> None:
        """Add one call's spend (never raises; the next ``check()`` does)."""
        with self._lock:
            self._spent_tokens += int(tokens)
            self._spent_usd += float(usd)

    def exceeded_reason(self) -> str | None:
        """Why the budget is spent, or None while there is room."""
        with self._lock:
            if self.max_usd is not None and self._spent_usd >= self.max_usd:
                return f"USD budget spent: {self._spent_usd:.4f} of {self.max_usd:.4f} USD"
            if self.max_tokens is not None and self._spent_tokens >= self.max_tokens:
                return f"token budget spent: {self._spent_tokens} of {self.max_tokens} tokens"
        return None

    @property
    def exceeded(self) -> bool:
        return self.exceeded_reason() is not None

    def check(self) -> None:
        """Raise ``BudgetExceededError`` if a limit has been reached."""
        reason = self.exceeded_reason()
        if reason is not None:
            raise BudgetExceededError(reason)

    def __repr__(self) -> str:
        return (
            f"Budget(max_usd={self.max_usd}, max_tokens={self.max_tokens}, "
            f"spent_usd={self.spent_usd:.4f}, spent_tokens={self.spent_tokens})"
        )
