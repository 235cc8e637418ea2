"""Materialize the whole lineage through a running `dagster dev`, the way a UI user would.

Why a helper module: the GraphQL metadata/staleness tests and the browser test all need the same
materialized lineage, and launching it is three kinds of run (the unpartitioned upstream assets,
one run per `edit_traces` level, the downstream assets), each launched with `launchRun` and
waited for until it ends. The slice is `UI_TINY_CONFIG` (conftest points the server at it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

from arc_pipeline_tests.ui.conftest import EDIT_TRACES_PARTITIONS

Gql = Callable[..., dict[str, Any]]

UPSTREAM = ("arc_tasks", "verified_solutions", "baseline_programs")
DOWNSTREAM = ("sft_dataset", "sft_checkpoint", "grpo_checkpoint", "eval_report")
RUN_TIMEOUT_S = 300.0
TERMINAL_STATUSES = {"SUCCESS", "FAILURE", "CANCELED"}

REPOSITORY_QUERY = """
query UiLineageRepository {
  repositoriesOrError {
    __typename
    ... on RepositoryConnection { nodes { name location { name } } }
    ... on PythonError { message }
  }
}
"""

LAUNCH = """
mutation UiLineageLaunch($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
    ... on PythonError { message }
  }
}
"""

STATUS = """
query UiLineageStatus($runId: ID!) {
  runOrError(runId: $runId) { __typename ... on Run { status } }
}
"""

ERRORS = """
query UiLineageErrors($runId: ID!) {
  logsForRun(runId: $runId) {
    ... on EventConnection { events { __typename ... on MessageEvent { message level stepKey } } }
  }
}
"""


@dataclass(frozen=True)
class LaunchedRun:
    label: str
    run_id: str
    seconds: float


def repository_selector(gql: Gql) -> dict[str, str]:
    """The (only) repository of the workspace: where every launch goes."""
    result = gql(REPOSITORY_QUERY)["repositoriesOrError"]
    assert result["__typename"] == "RepositoryConnection", result
    repo = result["nodes"][0]
    return {"repositoryLocationName": repo["location"]["name"], "repositoryName": repo["name"]}


def launch_and_wait(gql: Gql, repo: dict[str, str], assets: tuple[str, ...], partition: str | None = None,
                    timeout_s: float = RUN_TIMEOUT_S) -> LaunchedRun:
    """Launch one run of ``assets`` (one ``partition``) and wait until it ends; raise with the run's
    error events unless it succeeded."""
    tags = [{"key": "dagster/partition", "value": partition}] if partition else []
    params = {"selector": {**repo, "jobName": "__ASSET_JOB", "assetSelection": [{"path": [a]} for a in assets]},
              "executionMetadata": {"tags": tags}}
    t0 = time.monotonic()
    launched = gql(LAUNCH, {"executionParams": params})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id, status = launched["run"]["runId"], launched["run"]["status"]
    while status not in TERMINAL_STATUSES:
        if time.monotonic() - t0 > timeout_s:
            raise AssertionError(f"run {run_id} of {assets} [{partition}] still {status} after {timeout_s:.0f}s")
        time.sleep(0.5)
        status = gql(STATUS, {"runId": run_id})["runOrError"]["status"]
    label = ",".join(assets) + (f"[{partition}]" if partition else "")
    if status != "SUCCESS":
        events = gql(ERRORS, {"runId": run_id})["logsForRun"].get("events", [])
        errors = [e.get("message", "")[:500] for e in events if e.get("level") in ("ERROR", "CRITICAL")]
        raise AssertionError(f"run {run_id} of {label} ended {status}: {errors[-3:]}")
    return LaunchedRun(label, run_id, time.monotonic() - t0)


def materialize_lineage(gql: Gql) -> list[LaunchedRun]:
    """Every asset once, in the order `arc-pipeline run` uses: upstream, each level, downstream."""
    repo = repository_selector(gql)
    runs = [launch_and_wait(gql, repo, UPSTREAM)]
    runs += [launch_and_wait(gql, repo, ("edit_traces",), level) for level in EDIT_TRACES_PARTITIONS]
    runs.append(launch_and_wait(gql, repo, DOWNSTREAM))
    return runs
