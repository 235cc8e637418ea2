"""Materialize the foundation assets into a temporary DuckDB warehouse."""

import dagster as dg
import duckdb

from arc_pipeline.defs.foundation import arc_tasks, verified_solutions
from arc_pipeline.defs.resources import PipelineResource


def test_materialize_tasks_and_verified_solutions(tmp_path):
    resource = PipelineResource(profile="cpu-tiny", data_dir=str(tmp_path))
    result = dg.materialize([arc_tasks, verified_solutions], resources={"pipeline": resource})
    assert result.success
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True)
    roles = dict(con.execute("select role, count(*) from tasks group by role").fetchall())
    assert roles["train"] >= 20 and roles["eval"] >= 4
    revisions = con.execute("select count(distinct data_revision) from tasks").fetchone()[0]
    assert revisions == 1
    total, passed = con.execute("select count(*), count(*) filter (where passed) from verified_solutions").fetchone()
    assert total >= 1 and passed == total
    # every training-pool task of the default slice has a verified solution
    missing = con.execute(
        "select count(*) from tasks t where role = 'train' and not exists "
        "(select 1 from verified_solutions v where v.task_id = t.task_id and v.passed)"
    ).fetchone()[0]
    assert missing == 0
    mats = result.asset_materializations_for_node("verified_solutions")
    assert mats[0].metadata["pass_rate"].value == 1.0
