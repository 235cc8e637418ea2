"""Persistent cache of teacher calls in a DuckDB table ``teacher_calls``.

Every completed API call is stored (and committed) as soon as it returns, so a run killed
midway keeps what it paid for, and a re-run with the same inputs answers from the cache.

Concurrency: DuckDB lets only one *process* open a database file at a time (any open
connection, read-only or not, holds a file lock; a second process gets ``duckdb.IOException``
"Could not set lock on file"). ``CallCache`` therefore opens a connection per operation and
closes it straight away (~20 ms), and retries with jittered backoff while another process holds
the lock (up to ``lock_timeout_s``). Two processes sampling into the same file thus take turns
instead of crashing. Within one process, operations on the same file are serialised by a
per-path lock (threads from a ``ThreadPoolExecutor`` are fine). Do not keep another long-lived
connection to the same file open elsewhere (e.g. a Dagster DuckDB resource) while teachers run:
they would wait ``lock_timeout_s`` and then fail. Sharing the file with other short-lived users
(e.g. ``arc_pipeline.warehouse.Warehouse``, which also connects per operation, read-only or not)
is fine: a "different configuration" clash inside one process is waited out like a lock.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

logger = logging.getLogger(__name__)

TABLE = "teacher_calls"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    teacher       VARCHAR NOT NULL,
    model         VARCHAR NOT NULL,
    prompt_hash   VARCHAR NOT NULL,
    sample_index  INTEGER NOT NULL,
    seed          BIGINT  NOT NULL,
    response      VARCHAR NOT NULL,
    input_tokens  BIGINT,
    output_tokens BIGINT,
    cost_usd      DOUBLE,
    latency_s     DOUBLE,
    finish_reason VARCHAR,
    created_at    TIMESTAMP,
    PRIMARY KEY (teacher, model, prompt_hash, seed, sample_index)
)
"""

_COLUMNS = (
    "teacher, model, prompt_hash, sample_index, seed, response, input_tokens, output_tokens, "
    "cost_usd, latency_s, finish_reason, created_at"
)

# One lock per resolved database path, shared by every CallCache in this process.
_path_locks: dict[str, threading.RLock] = {}
_path_locks_guard = threading.Lock()


def _lock_for(path: str) -> threading.RLock:
    with _path_locks_guard:
        lock = _path_locks.get(path)
        if lock is None:
            lock = _path_locks[path] = threading.RLock()
        return lock


def prompt_hash(system: str, prompt: str, temperature: float, max_tokens: int) -> str:
    """sha256 over everything that shapes a response except the model, seed and sample index."""
    payload = json.dumps(
        {"system": system, "prompt": prompt, "temperature": float(temperature),
         "max_tokens": int(max_tokens)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _is_lock_error(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return isinstance(exc, duckdb.Error) and (
        "could not set lock" in msg or "conflicting lock" in msg or "lock on file" in msg
        # same process, a connection with another configuration (e.g. a read-only one from
        # the Warehouse) is open right now: transient too, it closes after its operation
        or "different configuration" in msg
    )


@dataclass(frozen=True)
class CachedCall:
    """One stored call."""

    teacher: str
    model: str
    prompt_hash: str
    sample_index: int
    seed: int
    response: str
    input_tokens: int
    output_tokens: int
    cost_usd: float
    latency_s: float
    finish_reason: str
    created_at: datetime | None


class CallCache:
    """The ``teacher_calls`` table in the DuckDB file ``db_path`` (created if missing)."""

    prompt_hash = staticmethod(prompt_hash)

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        *,
        lock_timeout_s: float = 120.0,
        lock_retry_base_s: float = 0.02,
        lock_retry_max_s: float = 1.0,
    ) -> None:
        path = Path(db_path).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db_path = path
        self._key = str(path.resolve())
        self._lock = _lock_for(self._key)
        self.lock_timeout_s = lock_timeout_s
        self.lock_retry_base_s = lock_retry_base_s
        self.lock_retry_max_s = lock_retry_max_s
        self.lock_waits = 0  # how often another process held the file
        with self._connect() as con:
            con.execute(_SCHEMA)

    def __repr__(self) -> str:
        return f"CallCache({str(self.db_path)!r})"

    # -- connection handling -----------------------------------------------------------------

    @contextmanager
    def _connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived read-write connection; waits while another process holds the file."""
        with self._lock:
            deadline = time.monotonic() + self.lock_timeout_s
            attempt = 0
            while True:
                try:
                    con = duckdb.connect(self._key)
                    break
                except duckdb.Error as exc:
                    if not _is_lock_error(exc) or time.monotonic() >= deadline:
                        raise
                    self.lock_waits += 1
                    delay = min(self.lock_retry_max_s, self.lock_retry_base_s * 2 ** min(attempt, 10))
                    attempt += 1
                    time.sleep(random.uniform(0.5, 1.0) * delay)
            try:
                yield con
            finally:
                con.close()

    # -- API ---------------------------------------------------------------------------------

    def get(
        self, teacher: str, model: str, prompt_hash: str, seed: int, sample_index: int
    ) -> CachedCall | None:
        """The stored call for this key, or None."""
        return self.get_many(teacher, model, prompt_hash, seed, [sample_index]).get(sample_index)

    def get_many(
        self, teacher: str, model: str, prompt_hash: str, seed: int, sample_indices: Iterable[int]
    ) -> dict[int, CachedCall]:
        """Stored calls for several sample indices of one prompt (one connection)."""
        indices = sorted({int(i) for i in sample_indices})
        if not indices:
            return {}
        placeholders = ", ".join("?" for _ in indices)
        sql = (
            f"SELECT {_COLUMNS} FROM {TABLE} WHERE teacher = ? AND model = ? AND prompt_hash = ? "
            f"AND seed = ? AND sample_index IN ({placeholders})"
        )
        with self._connect() as con:
            rows = con.execute(sql, [teacher, model, prompt_hash, int(seed), *indices]).fetchall()
        out = {}
        for row in rows:
            call = _row_to_call(row)
            out[call.sample_index] = call
        return out

    def put(
        self,
        teacher: str,
        model: str,
        prompt_hash: str,
        seed: int,
        sample_index: int,
        response: str,
        input_tokens: int = 0,
        output_tokens: int = 0,
        cost_usd: float = 0.0,
        latency_s: float = 0.0,
        finish_reason: str = "",
        created_at: datetime | None = None,
    ) -> None:
        """Store one call (committed at once); an existing row for the key is kept as is."""
        if created_at is None:
            created_at = datetime.now(timezone.utc).replace(tzinfo=None)
        sql = (
            f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING"
        )
        params: list[Any] = [
            teacher, model, prompt_hash, int(sample_index), int(seed), response,
            int(input_tokens), int(output_tokens), float(cost_usd), float(latency_s),
            finish_reason or "", created_at,
        ]
        with self._connect() as con:
            con.execute(sql, params)  # autocommit: durable once close() returns

    def count(self, teacher: str | None = None, model: str | None = None) -> int:
        """Number of stored calls (optionally for one teacher / model)."""
        where, params = _filters(teacher, model)
        with self._connect() as con:
            return int(con.execute(f"SELECT count(*) FROM {TABLE}{where}", params).fetchone()[0])

    def all(self, teacher: str | None = None, model: str | None = None) -> list[CachedCall]:
        """Every stored call (optionally filtered), oldest first."""
        where, params = _filters(teacher, model)
        with self._connect() as con:
            rows = con.execute(
                f"SELECT {_COLUMNS} FROM {TABLE}{where} "
                "ORDER BY created_at, prompt_hash, sample_index",
                params,
            ).fetchall()
        return [_row_to_call(r) for r in rows]

    def total_cost_usd(self) -> float:
        with self._connect() as con:
            return float(con.execute(f"SELECT coalesce(sum(cost_usd), 0) FROM {TABLE}").fetchone()[0])


def _filters(teacher: str | None, model: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if teacher is not None:
        clauses.append("teacher = ?")
        params.append(teacher)
    if model is not None:
        clauses.append("model = ?")
        params.append(model)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _row_to_call(row: tuple) -> CachedCall:
    (teacher, model, ph, idx, seed, response, inp, out, cost, lat, fin, created) = row
    return CachedCall(
        teacher=teacher, model=model, prompt_hash=ph, sample_index=int(idx), seed=int(seed),
        response=response, input_tokens=int(inp or 0), output_tokens=int(out or 0),
        cost_usd=float(cost or 0.0), latency_s=float(lat or 0.0), finish_reason=fin or "",
        created_at=created,
    )
