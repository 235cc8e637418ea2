"""The DuckDB warehouse: one file, tables written whole or appended, read back as polars.

DuckDB allows one writing process per file. Every operation here opens a short-lived
connection and retries with backoff while another process holds the lock, so several
Dagster runs (e.g. partitions materialized at once) queue instead of failing. Writes of a
batch happen in one transaction: a failure leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import random
import time
from pathlib import Path
from typing import Iterator

import duckdb
import polars as pl

LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")


class Warehouse:
    """A DuckDB file plus the few operations the pipeline needs."""

    def __init__(self, path: str | Path, lock_timeout_s: float = 120.0):
        self.path = Path(path)
        self.lock_timeout_s = lock_timeout_s

    @contextlib.contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection, retried with jittered backoff while another process holds the lock."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.lock_timeout_s
        delay = 0.05
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only and self.path.exists())
                break
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                if not any(m in str(exc) for m in LOCK_MARKERS) or time.monotonic() > deadline:
                    raise
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 2.0)
        try:
            yield con
        finally:
            con.close()

    def has_table(self, name: str) -> bool:
        if not self.path.exists():
            return False
        with self.connect() as con:
            return bool(
                con.execute(
                    "select count(*) from information_schema.tables where table_name = ?", [name]
                ).fetchone()[0]
            )

    def replace_table(self, name: str, df: pl.DataFrame) -> int:
        """Replace table ``name`` with ``df`` atomically; returns the row count."""
        with self.connect() as con:
            con.execute("begin transaction")
            con.register("_incoming", df.to_arrow())
            con.execute(f'create or replace table "{name}" as select * from _incoming')
            con.execute("commit")
        return df.height

    def append_rows(self, name: str, df: pl.DataFrame, key: list[str] | None = None) -> int:
        """Append rows (creating the table if needed); rows whose ``key`` exists are skipped.

        Returns the number of rows actually inserted, so re-runs never duplicate.
        """
        if df.height == 0 and self.has_table(name):
            return 0
        with self.connect() as con:
            con.execute("begin transaction")
            con.register("_incoming", df.to_arrow())
            con.execute(f'create table if not exists "{name}" as select * from _incoming limit 0')
            before = con.execute(f'select count(*) from "{name}"').fetchone()[0]
            if key:
                cond = " and ".join(f't."{k}" is not distinct from i."{k}"' for k in key)
                con.execute(
                    f'insert into "{name}" by name select * from _incoming i '
                    f'where not exists (select 1 from "{name}" t where {cond})'
                )
            else:
                con.execute(f'insert into "{name}" by name select * from _incoming')
            after = con.execute(f'select count(*) from "{name}"').fetchone()[0]
            con.execute("commit")
        return after - before

    def delete_where(self, name: str, where: str, params: list | None = None) -> None:
        """Delete rows matching a SQL condition (used to replace one partition's rows)."""
        if not self.has_table(name):
            return
        with self.connect() as con:
            con.execute(f'delete from "{name}" where {where}', params or [])

    def read(self, sql_or_table: str, params: list | None = None) -> pl.DataFrame:
        """A table name or a SQL query, as a polars DataFrame."""
        sql = sql_or_table if " " in sql_or_table.strip() else f'select * from "{sql_or_table}"'
        with self.connect() as con:
            result = con.execute(sql, params or [])
            return pl.from_arrow(result.to_arrow_table() if hasattr(result, "to_arrow_table") else result.fetch_arrow_table())

    def scalar(self, sql: str, params: list | None = None):
        with self.connect() as con:
            row = con.execute(sql, params or []).fetchone()
            return row[0] if row else None
