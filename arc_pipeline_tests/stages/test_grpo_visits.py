"""GRPO's visit rows in DuckDB: an older warehouse's table is re-created with today's columns."""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl

from arc_pipeline.stages.grpo_checkpoint import VISIT_SCHEMA, _store_round, reset_curriculum_tables
from arc_pipeline.warehouse import Warehouse

VISIT = {"call": 0, "task_id": "t", "variant_id": None, "thinking_budget": 48, "reward_before": 0.75,
         "reward_after": 0.1, "delta_r": -0.65, "penalty": 0.0, "valid": True, "status": "ok", "start_kept": 0.0}


def test_old_visits_table_is_recreated_and_start_kept_is_stored(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    old = {k: v for k, v in VISIT_SCHEMA.items() if k != "start_kept"}
    wh.replace_table("curriculum_visits", pl.DataFrame([{**{k: None for k in old}, "round": 9}], schema=old))
    reset_curriculum_tables(wh)
    assert wh.scalar("select count(*) from curriculum_visits") == 0
    decisions = pl.DataFrame({"task_id": ["t"], "round": [1]})
    _store_round(wh, SimpleNamespace(round=1, decisions=decisions, visits=[VISIT, {**VISIT, "start_kept": None}]))
    rows = wh.read("select round, start_kept, delta_r from curriculum_visits order by start_kept nulls last")
    assert rows.to_dicts() == [{"round": 1, "start_kept": 0.0, "delta_r": -0.65},
                               {"round": 1, "start_kept": None, "delta_r": -0.65}]
