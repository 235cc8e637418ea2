"""Standard Dagster metadata, code versions and data versions for the table assets.

Why one module: every asset reports the same three standard entries (``dagster/row_count``,
``dagster/column_schema``, ``dagster/table_name``) so the UI shows each DuckDB table the same way,
and every asset derives its versions by the same two rules:

* **code version** = ``sha256(source of arc_pipeline/stages/<asset>.py + arc_pipeline.__version__)``
  (first 16 hex digits). Editing a stage module, or bumping the library version when a library
  module the stage calls changes behaviour, marks the asset (and so its descendants) stale.
* **data version** = a hash of what the asset produced: the table's rows without volatile
  columns (timings, run ids, timestamps, hash seed) for tables, the dataset hash for
  ``sft_dataset``, the checkpoint fingerprint for checkpoints, the evaluation fingerprint for the
  report. An unchanged re-run yields the same data version, so nothing downstream becomes stale.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Iterable

import dagster as dg
import polars as pl

# columns that differ between two runs that produced the same data
VOLATILE_COLUMNS = frozenset({"seconds", "hash_seed", "run_id", "created_at", "cached", "latency_s"})
WAREHOUSE_SCHEMA = "warehouse.main"  # DuckDB: <database file stem>.<schema>


def stage_code_version(stage: str) -> str:
    """The code version of asset ``stage``: its stage module's source plus the library version."""
    import arc_pipeline
    import arc_pipeline.stages as stages

    source = (Path(stages.__file__).parent / f"{stage}.py").read_bytes()
    return hashlib.sha256(source + arc_pipeline.__version__.encode()).hexdigest()[:16]


def table_name(table: str) -> str:
    """The fully qualified DuckDB name shown as ``dagster/table_name``."""
    return f"{WAREHOUSE_SCHEMA}.{table}"


def column_schema(frame: pl.DataFrame) -> dg.TableSchema:
    """A ``dg.TableSchema`` from a polars frame's schema (column name + polars dtype)."""
    return dg.TableSchema(columns=[dg.TableColumn(name, str(dtype)) for name, dtype in frame.schema.items()])


def table_metadata(table: str, frame: pl.DataFrame, row_count: int | None = None) -> dict[str, Any]:
    """The three standard entries for one DuckDB table (``row_count`` when the table holds more
    rows than ``frame``, e.g. an appended partitioned table)."""
    return {
        "dagster/row_count": dg.MetadataValue.int(frame.height if row_count is None else int(row_count)),
        "dagster/column_schema": dg.MetadataValue.table_schema(column_schema(frame)),
        "dagster/table_name": dg.MetadataValue.text(table_name(table)),
    }


def rounded(value: Any, digits: int = 4) -> Any:
    """``value`` with every float rounded (recursively in lists/dicts), so the UI shows 0.1, not
    0.10000000000000002."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: rounded(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(v, digits) for v in value]
    return value


def frame_digest(frame: pl.DataFrame, exclude: Iterable[str] = VOLATILE_COLUMNS) -> str:
    """Order-independent content hash of a frame without its volatile columns.

    Rows are serialised as JSON lines and sorted, so neither row order nor a re-run's timings
    change the digest; a changed value, row or column does.
    """
    drop = [c for c in frame.columns if c in set(exclude)]
    kept = frame.drop(drop)
    lines = sorted(kept.write_ndjson().splitlines()) if kept.height else []
    h = hashlib.sha256(",".join(f"{n}:{t}" for n, t in kept.schema.items()).encode())
    for line in lines:
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()[:16]


def frame_version(*frames: pl.DataFrame) -> dg.DataVersion:
    """The data version of an asset that writes ``frames`` (one digest over all of them)."""
    return dg.DataVersion(hashlib.sha256("|".join(frame_digest(f) for f in frames).encode()).hexdigest()[:16])


def stored_table_metadata(warehouse: Any, table: str) -> dict[str, Any]:
    """The standard entries for ``table`` as DuckDB holds it after the write.

    Why not the frame a stage returns: some stages return a subset of the stored columns (e.g.
    `verified_solutions` without the program text and run environment), and the UI should show
    the table a user queries."""
    return table_metadata(table, warehouse.read(table))
