"""Standard metadata, content digests, code versions and the markdown previews."""

from __future__ import annotations

from datetime import datetime

import dagster as dg
import polars as pl

import arc_pipeline
from arc_pipeline.defs.metadata import column_schema, frame_digest, rounded, stage_code_version, table_metadata
from arc_pipeline.render import edits_markdown, markdown_table


def test_table_metadata_has_the_standard_keys():
    frame = pl.DataFrame({"task_id": ["a", "b"], "delta_r": [0.1, 0.2], "n": [1, 2]})
    meta = table_metadata("edit_traces", frame)
    assert meta["dagster/row_count"].value == 2
    assert meta["dagster/table_name"].value == "warehouse.main.edit_traces"
    schema = meta["dagster/column_schema"].value
    assert isinstance(schema, dg.TableSchema)
    assert [(c.name, c.type) for c in schema.columns] == [("task_id", "String"), ("delta_r", "Float64"), ("n", "Int64")]
    assert column_schema(frame) == schema
    assert table_metadata("t", frame, row_count=7)["dagster/row_count"].value == 7


def test_frame_digest_ignores_order_and_volatile_columns_but_not_values():
    a = pl.DataFrame({"task_id": ["a", "b"], "reward": [0.5, 0.25], "seconds": [1.0, 2.0],
                      "created_at": [datetime(2025, 1, 1), datetime(2025, 1, 2)]})
    rerun = a.reverse().with_columns(pl.Series("seconds", [9.0, 8.0]), pl.lit(datetime(2026, 1, 1)).alias("created_at"))
    assert frame_digest(a) == frame_digest(rerun)
    changed = a.with_columns(pl.Series("reward", [0.5, 0.26]))
    assert frame_digest(changed) != frame_digest(a)
    assert frame_digest(a.head(1)) != frame_digest(a)


def test_code_version_is_per_stage_and_follows_the_library_version(monkeypatch):
    v = stage_code_version("sft_dataset")
    assert v == stage_code_version("sft_dataset") and v != stage_code_version("edit_traces")
    monkeypatch.setattr(arc_pipeline, "__version__", arc_pipeline.__version__ + "+changed")
    assert stage_code_version("sft_dataset") != v


def test_rounded_numbers_and_escaped_table_cells():
    assert rounded({"x": [0.1 + 0.2, 1], "y": 0.10000000000000002}) == {"x": [0.3, 1], "y": 0.1}
    table = markdown_table(pl.DataFrame({"prompt": ["a | b\nc"], "r": [0.1 + 0.2]}))
    assert "a \\| b ⏎ c" in table and "| 0.3 |" in table and "0.30000000000000004" not in table


def test_edit_preview_shows_cot_and_diff():
    row = {"task_id": "t1", "difficulty_level": "level-2", "status": "ok", "reward_before": 0.2,
           "reward_after": 0.30000000000000004, "delta_r": 0.1, "cot": "Rotate instead of mirror.",
           "start_program": "def solve(I):\n    O = hmirror(I)\n    return O",
           "edited_program": "def solve(I):\n    O = rot90(I)\n    return O"}
    md = edits_markdown([row])
    assert "Rotate instead of mirror." in md
    assert "-    O = hmirror(I)" in md and "+    O = rot90(I)" in md
    assert "0.3" in md and "0.30000000000000004" not in md
