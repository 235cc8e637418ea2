"""What a Dagster user sees after materializing the lineage twice in `dagster dev` (issue 15):

* every table asset's latest materialization carries `dagster/row_count`, `dagster/column_schema`
  and `dagster/table_name`, and they agree with the DuckDB file the run wrote;
* `edit_traces`, `sft_dataset` and `eval_report` carry readable markdown sample rows;
* after the second (unchanged) pass nothing is stale (`staleStatus` through GraphQL).

All of it is read through the webserver's GraphQL API, the same API the UI renders from.
"""

from __future__ import annotations

import duckdb
import pytest

from arc_pipeline.defs.traces import PREVIEW_EDITS
from arc_pipeline_tests.ui.conftest import EDIT_TRACES_PARTITIONS, EXPECTED_ASSETS

pytestmark = [pytest.mark.ui, pytest.mark.slow]

# asset -> the DuckDB table its standard metadata describes
TABLE_OF_ASSET = {
    "arc_tasks": "tasks",
    "verified_solutions": "verified_solutions",
    "baseline_programs": "baseline_programs",
    "edit_traces": "edit_traces",
    "sft_dataset": "sft_examples",
    "grpo_checkpoint": "curriculum_decisions",
    "eval_report": "eval_results",
}
# asset -> the markdown entry with sample rows a person reads
PREVIEW_OF_ASSET = {"edit_traces": "top_edits", "sft_dataset": "sample_rows", "eval_report": "eval_rows"}

LATEST_METADATA = """
query UiLatestMetadata($path: [String!]!, $partitions: [String!]) {
  assetOrError(assetKey: {path: $path}) {
    __typename
    ... on Asset {
      assetMaterializations(limit: 1, partitions: $partitions) {
        partition
        runId
        metadataEntries {
          __typename
          label
          ... on IntMetadataEntry { intValue }
          ... on TextMetadataEntry { text }
          ... on MarkdownMetadataEntry { mdStr }
          ... on TableSchemaMetadataEntry { schema { columns { name type } } }
        }
      }
    }
  }
}
"""

STALENESS = """
query UiStaleness($keys: [AssetKeyInput!]) {
  assetNodes(assetKeys: $keys) {
    assetKey { path }
    isPartitioned
    staleStatus
    staleCauses { key { path } reason category }
  }
}
"""

PARTITION_STALENESS = """
query UiPartitionStaleness($keys: [AssetKeyInput!], $partition: String) {
  assetNodes(assetKeys: $keys) {
    assetKey { path }
    staleStatus(partition: $partition)
    staleCauses(partition: $partition) { key { path } partitionKey reason category }
  }
}
"""


def _latest_entries(gql, asset: str, partition: str | None = None) -> dict[str, dict]:
    """label -> metadata entry of the asset's (partition's) latest materialization."""
    result = gql(LATEST_METADATA, {"path": [asset], "partitions": [partition] if partition else None})["assetOrError"]
    assert result["__typename"] == "Asset", f"{asset}: {result}"
    events = result["assetMaterializations"]
    assert events, f"{asset}[{partition}] has no materialization"
    return {e["label"]: e for e in events[0]["metadataEntries"]}


def _duckdb_table(data_dir, table: str, where: str = "", params: list | None = None) -> tuple[int, list[str]]:
    """(row count, column names) of ``table`` in the server's warehouse (read-only: runs are over)."""
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        count = con.execute(f"select count(*) from {table} {where}", params or []).fetchone()[0]
        columns = [row[0] for row in con.execute(f"describe {table}").fetchall()]
    finally:
        con.close()
    return count, columns


def _targets() -> list[tuple[str, str | None]]:
    """Every table asset, and every partition of the partitioned one."""
    return [(a, p) for a in TABLE_OF_ASSET
            for p in (EDIT_TRACES_PARTITIONS if a == "edit_traces" else (None,))]


def test_table_assets_show_row_count_schema_and_table_name(gql, materialized_lineage, dagster_server):
    wrong_schema = {}
    for asset, partition in _targets():
        where = f"{asset}[{partition}]" if partition else asset
        entries = _latest_entries(gql, asset, partition)
        table = TABLE_OF_ASSET[asset]
        rows, columns = (_duckdb_table(dagster_server.data_dir, table, "where difficulty_level = ?", [partition])
                         if partition else _duckdb_table(dagster_server.data_dir, table))

        count = entries.get("dagster/row_count")
        assert count and count["__typename"] == "IntMetadataEntry", f"{where}: no dagster/row_count: {sorted(entries)}"
        assert count["intValue"] == rows, f"{where}: row_count {count['intValue']} but {table} holds {rows}"

        schema = entries.get("dagster/column_schema")
        assert schema and schema["__typename"] == "TableSchemaMetadataEntry", f"{where}: no dagster/column_schema"
        shown = [c["name"] for c in schema["schema"]["columns"]]
        if shown != columns:
            wrong_schema[where] = f"shows {shown}, {table} has {columns}"
        assert all(c["type"] for c in schema["schema"]["columns"]), f"{where}: a column without a type"

        name = entries.get("dagster/table_name")
        assert name and name["__typename"] == "TextMetadataEntry", f"{where}: no dagster/table_name"
        assert name["text"] == f"warehouse.main.{table}"
    assert wrong_schema == {}, wrong_schema
    # the lineage produced rows where the tiny slice promises them
    assert _duckdb_table(dagster_server.data_dir, "sft_examples")[0] > 0
    assert _duckdb_table(dagster_server.data_dir, "eval_results")[0] > 0


def test_edit_sft_and_eval_assets_show_readable_sample_rows(gql, materialized_lineage, dagster_server):
    con = duckdb.connect(str(dagster_server.data_dir / "warehouse.duckdb"), read_only=True)
    try:
        level, n_rows = con.execute("select difficulty_level, count(*) from edit_traces group by 1 "
                                    "order by 2 desc, 1 limit 1").fetchone()
        level_tasks = {t for (t,) in con.execute("select task_id from edit_traces where difficulty_level = ?",
                                                 [level]).fetchall()}
        sft_tasks = {t for (t,) in con.execute("select task_id from sft_examples").fetchall()}
        eval_tasks = {t for (t,) in con.execute("select task_id from eval_results").fetchall()}
    finally:
        con.close()

    edits = _latest_entries(gql, "edit_traces", level)[PREVIEW_OF_ASSET["edit_traces"]]
    assert edits["__typename"] == "MarkdownMetadataEntry"
    md = edits["mdStr"]
    # up to PREVIEW_EDITS edits of this level, each with a header, the teacher's CoT and a diff
    heads = [line for line in md.splitlines() if line.startswith("#### ")]
    assert len(heads) == min(PREVIEW_EDITS, n_rows), md[:500]
    assert all(h.split(" · ")[0][5:] in level_tasks and f" · {level} · " in h for h in heads), heads
    assert md.count("**CoT**") == md.count("**Edit**") == md.count("```diff") == len(heads), md[:800]

    sft = _latest_entries(gql, "sft_dataset")[PREVIEW_OF_ASSET["sft_dataset"]]
    assert sft["__typename"] == "MarkdownMetadataEntry"
    assert "**completion**" in sft["mdStr"] and any(f"#### {t}" in sft["mdStr"] for t in sft_tasks), sft["mdStr"][:500]

    rows = _latest_entries(gql, "eval_report")[PREVIEW_OF_ASSET["eval_report"]]
    assert rows["__typename"] == "MarkdownMetadataEntry"
    header, rule, *body = rows["mdStr"].splitlines()
    assert header.startswith("| task_id | model |") and rule.startswith("|---|"), rows["mdStr"][:300]
    assert body and {line.split("|")[1].strip() for line in body} <= eval_tasks
    # no float printed with binary noise (0.1, not 0.10000000000000002)
    assert "0000000" not in rows["mdStr"], rows["mdStr"]


def test_nothing_is_stale_after_two_unchanged_passes(gql, materialized_lineage):
    plain = [{"path": [a]} for a in EXPECTED_ASSETS if a != "edit_traces"]
    problems = {}
    nodes = gql(STALENESS, {"keys": plain})["assetNodes"]
    assert len(nodes) == len(plain), [n["assetKey"] for n in nodes]
    for node in nodes:
        assert not node["isPartitioned"], node["assetKey"]
        if node["staleStatus"] != "FRESH":
            problems["/".join(node["assetKey"]["path"])] = (node["staleStatus"], [c["reason"] for c in node["staleCauses"]])
    for partition in EDIT_TRACES_PARTITIONS:
        (node,) = gql(PARTITION_STALENESS, {"keys": [{"path": ["edit_traces"]}], "partition": partition})["assetNodes"]
        if node["staleStatus"] != "FRESH":
            problems[f"edit_traces[{partition}]"] = (node["staleStatus"], [c["reason"] for c in node["staleCauses"]])
    assert problems == {}, problems  # neither STALE nor MISSING: all materialized, nothing changed
