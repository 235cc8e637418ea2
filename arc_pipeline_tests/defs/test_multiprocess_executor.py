"""The definitions run on Dagster's multiprocess executor (one process per step), the way a
cluster executor would run them; results land in the same DuckDB warehouse."""

import dagster as dg
import duckdb

from arc_pipeline.defs.assembly import foundation_job_def


def test_foundation_job_runs_with_multiprocess_executor(tmp_path, monkeypatch):
    monkeypatch.setenv("ARC_PIPELINE_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "home").mkdir()
    with dg.DagsterInstance.local_temp(str(tmp_path / "home")) as instance:
        result = dg.execute_job(dg.reconstructable(foundation_job_def), instance=instance)
        assert result.success
        step_pids = {e.pid for e in result.all_events if e.event_type_value == "STEP_START"}
        steps = {e.step_key for e in result.all_events if e.event_type_value == "STEP_START"}
        assert len(steps) == 3  # arc_tasks, verified_solutions and its asset check all_solvers_verified
        assert len(step_pids) == len(steps)  # each step in its own process
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from tasks").fetchone()[0] > 0
    assert con.execute("select count(*) from verified_solutions where passed").fetchone()[0] > 0
