"""The running Dagster webserver, through its GraphQL API (the same API the UI uses).

Field and mutation names were read from the installed dagster_graphql 1.13.27 schema
(schema/roots/query.py, schema/asset_graph.py, schema/inputs.py, schema/roots/mutation.py).
"""

from __future__ import annotations

import time

import pytest

from arc_pipeline_tests.ui.conftest import (
    EDIT_TRACES_JOB,
    EDIT_TRACES_PARTITIONS,
    EXPECTED_ASSETS,
    SCHEDULE_NAME,
)

pytestmark = pytest.mark.ui

RUN_TIMEOUT_S = 120.0
TERMINAL_STATUSES = {"SUCCESS", "FAILURE", "CANCELED"}

ASSET_NODES_QUERY = """
query UiTestAssetNodes {
  assetNodes {
    assetKey { path }
    groupName
    description
    jobNames
    partitionKeys
    partitionDefinition { type description }
  }
}
"""

REPOSITORIES_QUERY = """
query UiTestRepositories {
  repositoriesOrError {
    __typename
    ... on RepositoryConnection {
      nodes {
        name
        location { name }
        pipelines { name isJob }
        schedules { name pipelineName cronSchedule }
      }
    }
    ... on PythonError { message }
  }
}
"""

LAUNCH_RUN_MUTATION = """
mutation UiTestLaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on RunConfigValidationInvalid { errors { message reason } }
    ... on InvalidSubsetError { message }
    ... on PipelineNotFoundError { message }
    ... on RunConflict { message }
    ... on ConflictingExecutionParamsError { message }
    ... on UnauthorizedError { message }
    ... on PythonError { message stack }
  }
}
"""

RUN_STATUS_QUERY = """
query UiTestRunStatus($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run { runId status assetSelection { path } }
    ... on RunNotFoundError { message }
    ... on PythonError { message }
  }
}
"""

RUN_FAILURE_EVENTS_QUERY = """
query UiTestRunEvents($runId: ID!) {
  logsForRun(runId: $runId) {
    __typename
    ... on EventConnection {
      events {
        __typename
        ... on MessageEvent { message level stepKey }
      }
    }
  }
}
"""


@pytest.fixture(scope="module")
def asset_nodes(gql) -> dict[str, dict]:
    nodes = gql(ASSET_NODES_QUERY)["assetNodes"]
    return {"/".join(n["assetKey"]["path"]): n for n in nodes}


@pytest.fixture(scope="module")
def repositories(gql) -> list[dict]:
    result = gql(REPOSITORIES_QUERY)["repositoriesOrError"]
    assert result["__typename"] == "RepositoryConnection", result
    assert result["nodes"], "no repository is loaded"
    return result["nodes"]


def test_all_assets_present_with_group_and_description(asset_nodes):
    missing = [name for name in EXPECTED_ASSETS if name not in asset_nodes]
    assert not missing, f"assets missing from the webserver: {missing}; has {sorted(asset_nodes)}"
    for name in EXPECTED_ASSETS:
        node = asset_nodes[name]
        assert (node["groupName"] or "").strip(), f"{name} has no group name"
        assert node["groupName"] != "default", f"{name} is in the implicit 'default' group"
        assert (node["description"] or "").strip(), f"{name} has no description"


def test_edit_traces_partitioned_by_difficulty_level(asset_nodes):
    assert "edit_traces" in asset_nodes, sorted(asset_nodes)
    node = asset_nodes["edit_traces"]
    assert node["partitionDefinition"] is not None, "edit_traces is not partitioned"
    assert node["partitionKeys"] == list(EDIT_TRACES_PARTITIONS)
    # the other assets of the graph are unpartitioned
    for name in EXPECTED_ASSETS:
        if name != "edit_traces" and name in asset_nodes:
            assert asset_nodes[name]["partitionKeys"] == [], name


def test_schedule_and_job_present(repositories):
    schedules = {s["name"]: s for repo in repositories for s in repo["schedules"]}
    assert SCHEDULE_NAME in schedules, f"schedules: {sorted(schedules)}"
    assert schedules[SCHEDULE_NAME]["cronSchedule"]
    jobs = {p["name"] for repo in repositories for p in repo["pipelines"] if p["isJob"]}
    assert EDIT_TRACES_JOB in jobs, f"jobs: {sorted(jobs)}"
    assert schedules[SCHEDULE_NAME]["pipelineName"] == EDIT_TRACES_JOB


def _asset_job_selector(repositories, asset_nodes, asset: str) -> dict:
    """Find the repository/location that holds `asset` and an asset job that contains it."""
    job_names = asset_nodes[asset]["jobNames"]
    assert job_names, f"{asset} belongs to no job"
    job = "__ASSET_JOB" if "__ASSET_JOB" in job_names else job_names[0]
    for repo in repositories:
        if job in {p["name"] for p in repo["pipelines"]}:
            return {
                "repositoryLocationName": repo["location"]["name"],
                "repositoryName": repo["name"],
                "jobName": job,
                "assetSelection": [{"path": [asset]}],
            }
    raise AssertionError(f"no repository holds job {job!r}")


def test_launch_arc_tasks_materialization_succeeds(gql, repositories, asset_nodes, dagster_server):
    assert "arc_tasks" in asset_nodes
    selector = _asset_job_selector(repositories, asset_nodes, "arc_tasks")
    launched = gql(LAUNCH_RUN_MUTATION, {"executionParams": {"selector": selector}})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]

    deadline = time.monotonic() + RUN_TIMEOUT_S
    status = launched["run"]["status"]
    while status not in TERMINAL_STATUSES and time.monotonic() < deadline:
        time.sleep(0.5)
        run = gql(RUN_STATUS_QUERY, {"runId": run_id})["runOrError"]
        assert run["__typename"] == "Run", run
        status = run["status"]

    if status != "SUCCESS":
        events = gql(RUN_FAILURE_EVENTS_QUERY, {"runId": run_id})["logsForRun"].get("events", [])
        errors = [e for e in events if e.get("level") in ("ERROR", "CRITICAL")]
        pytest.fail(
            f"run {run_id} of arc_tasks ended as {status!r} "
            f"(timeout {RUN_TIMEOUT_S:.0f}s)\nerror events: {errors[-5:]}\n"
            f"--- dagster dev log tail ---\n{dagster_server.log_tail()}"
        )
    run = gql(RUN_STATUS_QUERY, {"runId": run_id})["runOrError"]
    assert run["assetSelection"] == [{"path": ["arc_tasks"]}]
    # the run wrote into the test's data dir, not the repo's
    assert any(dagster_server.data_dir.iterdir()), "arc_tasks wrote nothing under ARC_PIPELINE_DATA_DIR"
