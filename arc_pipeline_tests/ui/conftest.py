"""Session fixture: a real `dagster dev` (webserver + daemon + code server) on loopback.

It is what users run (`make ui`), started from the repo root against `workspace.yaml`, with
DAGSTER_HOME (with the project's instance settings) and ARC_PIPELINE_DATA_DIR pointing at a
per-session tmp dir, and ARC_PIPELINE_CONFIG at the tiny slice `UI_TINY_CONFIG`.

Shutdown notes (see shared STACK-NOTES, Dagster section): `dagster dev` maps SIGTERM onto its
SIGINT handler, so a SIGINT inherited as *ignored* (any background job of a non-interactive
shell) makes it deaf to SIGTERM. The child therefore resets SIGINT/SIGTERM to the default before
exec, runs in its own session/process group, and is stopped with SIGTERM to that group, a
bounded wait, then SIGKILL for anything left. Teardown asserts no process of the tree survives.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# The complete asset graph (the UI tests expect all of these).
EXPECTED_ASSETS: tuple[str, ...] = (
    "arc_tasks",
    "verified_solutions",
    "baseline_programs",
    "edit_traces",
    "sft_dataset",
    "sft_checkpoint",
    "grpo_checkpoint",
    "eval_report",
)
EDIT_TRACES_PARTITIONS: tuple[str, ...] = tuple(f"level-{i}" for i in range(1, 6))
SCHEDULE_NAME = "resample_traces_schedule"
EDIT_TRACES_JOB = "edit_traces_job"

# The slice every UI test's server runs (ARC_PIPELINE_CONFIG): the whole lineage in about a minute on
# 2 cores, so the metadata, staleness and screenshot tests can afford to materialize it (twice).
UI_TINY_CONFIG = """\
profile: ui-tiny
tasks: {slice: default, train_limit: 4, eval_limit: 1}
teacher: {samples_per_start: 2, search_generations: 2}
baselines: {corruptions_per_task: 1}
model: {tiny_hidden_size: 32, tiny_layers: 1, tiny_vocab_size: 600, max_length: 512, warm_start_steps: 1,
        warm_start_batch_size: 2}
sft: {max_steps: 2, batch_size: 2}
grpo: {max_steps: 1, num_generations: 2, batch_size: 2, max_completion_length: 16, rounds: 1}
eval: {rounds: 1, samples_per_round: 1, max_new_tokens: 16}
curriculum: {gate_levels: false}
"""

STARTUP_TIMEOUT_S = 90.0
SHUTDOWN_GRACE_S = 20.0
HTTP_TIMEOUT_S = 30.0

_WORKSPACE_QUERY = """
query UiTestWorkspace {
  workspaceOrError {
    __typename
    ... on Workspace {
      locationEntries {
        name
        loadStatus
        locationOrLoadError {
          __typename
          ... on RepositoryLocation { name repositories { name } }
          ... on PythonError { message stack }
        }
      }
    }
    ... on PythonError { message }
  }
}
"""


@dataclass(frozen=True)
class DagsterServer:
    base_url: str
    pid: int
    dagster_home: Path
    data_dir: Path
    log_path: Path

    def log_tail(self, n_chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n_chars:]
        except OSError:
            return "<no log>"


def graphql_request(base_url: str, query: str, variables: dict[str, Any] | None = None,
                    timeout: float = HTTP_TIMEOUT_S) -> dict[str, Any]:
    """POST one GraphQL document; return `data`, raising on transport or GraphQL errors."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(
        base_url.rstrip("/") + "/graphql",
        data=body,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        payload = json.loads(resp.read())
    if payload.get("errors"):
        raise AssertionError(f"GraphQL errors: {json.dumps(payload['errors'], indent=1)[:3000]}")
    return payload["data"]


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dagster_executable() -> str:
    candidate = Path(sys.executable).parent / "dagster"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("dagster")
    if not found:
        pytest.skip("the `dagster` CLI is not installed in this environment")
    return found


def _reset_signals_in_child() -> None:
    # Runs in the child between fork and exec: undo an inherited SIG_IGN for SIGINT so that
    # `dagster dev` installs its handlers and honours SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _proc_stat(pid: int) -> tuple[int, int, str, int] | None:
    """(ppid, pgrp, state, starttime) from /proc/<pid>/stat, or None if gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ValueError):
        return None
    rest = raw[raw.rfind(")") + 2:].split()
    # fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt
    # cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime
    return int(rest[1]), int(rest[2]), rest[0], int(rest[19])


def _all_pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def _live_tree(root_pid: int, pgid: int) -> dict[int, int]:
    """Live (non-zombie) processes that descend from root_pid or sit in its process group.

    Returns pid -> starttime (so a recycled pid is not mistaken for a survivor)."""
    stats = {pid: st for pid in _all_pids() if (st := _proc_stat(pid)) is not None}
    children: dict[int, list[int]] = {}
    for pid, (ppid, _pgrp, _state, _start) in stats.items():
        children.setdefault(ppid, []).append(pid)
    found: set[int] = set()
    stack = [root_pid]
    while stack:
        pid = stack.pop()
        if pid in found or pid not in stats:
            continue
        found.add(pid)
        stack.extend(children.get(pid, []))
    found |= {pid for pid, st in stats.items() if st[1] == pgid}
    return {pid: stats[pid][3] for pid in found if stats[pid][2] != "Z"}


def _still_alive(snapshot: dict[int, int]) -> dict[int, int]:
    alive = {}
    for pid, start in snapshot.items():
        st = _proc_stat(pid)
        if st is not None and st[3] == start and st[2] != "Z":
            alive[pid] = start
    return alive


def _wait_until_ready(proc: subprocess.Popen, base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    last_problem = "no answer yet"

    def fail(why: str) -> None:
        tail = log_path.read_text(errors="replace")[-4000:] if log_path.exists() else ""
        raise RuntimeError(f"dagster dev did not become ready: {why}\n--- log tail ---\n{tail}")

    # 1) the webserver answers HTTP
    while True:
        if proc.poll() is not None:
            fail(f"process exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/server_info", timeout=5) as resp:
                if resp.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            last_problem = repr(exc)
        if time.monotonic() > deadline:
            fail(f"/server_info never answered within {STARTUP_TIMEOUT_S:.0f}s ({last_problem})")
        time.sleep(0.25)

    # 2) the code location has loaded (server_info answers before the workspace is ready)
    while True:
        if proc.poll() is not None:
            fail(f"process exited with code {proc.returncode}")
        try:
            data = graphql_request(base_url, _WORKSPACE_QUERY, timeout=10)
            ws = data["workspaceOrError"]
            entries = ws.get("locationEntries") or []
            if entries and all(e["loadStatus"] == "LOADED" for e in entries):
                errors = [e for e in entries
                          if e["locationOrLoadError"]["__typename"] != "RepositoryLocation"]
                if errors:
                    fail("code location failed to load: "
                         + json.dumps(errors, indent=1)[:4000])
                return
            last_problem = f"workspace not loaded yet: {json.dumps(ws)[:300]}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError,
                AssertionError, KeyError) as exc:
            last_problem = repr(exc)
        if time.monotonic() > deadline:
            fail(f"workspace never loaded within {STARTUP_TIMEOUT_S:.0f}s ({last_problem})")
        time.sleep(0.25)


def _stop(proc: subprocess.Popen) -> list[str]:
    """Stop the whole tree; return descriptions of anything that needed SIGKILL or survived."""
    pgid = proc.pid  # start_new_session=True: the child leads its own session and group
    tree = _live_tree(proc.pid, pgid)
    problems: list[str] = []

    def signal_group(sig: int) -> None:
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            pass

    signal_group(signal.SIGTERM)
    deadline = time.monotonic() + SHUTDOWN_GRACE_S
    try:
        proc.wait(timeout=SHUTDOWN_GRACE_S)
    except subprocess.TimeoutExpired:
        problems.append(f"dagster dev (pid {proc.pid}) ignored SIGTERM for {SHUTDOWN_GRACE_S:.0f}s")
    # give grandchildren (webserver, daemon, code servers, run workers) the rest of the grace
    while _still_alive(tree) and time.monotonic() < deadline:
        time.sleep(0.2)

    leftovers = _still_alive(tree)
    if leftovers or proc.poll() is None:
        problems.append(f"SIGKILL needed for pids {sorted(leftovers)}")
        signal_group(signal.SIGKILL)
        for pid in leftovers:  # members of the tree that left the group (new sessions)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        kill_deadline = time.monotonic() + 10
        while _still_alive(tree) and time.monotonic() < kill_deadline:
            time.sleep(0.2)
        if _still_alive(tree):
            problems.append(f"orphans survive SIGKILL: {sorted(_still_alive(tree))}")
    return problems


@pytest.fixture(scope="session")
def dagster_server(tmp_path_factory: pytest.TempPathFactory):
    """A running `dagster dev` for the whole UI test session."""
    root = tmp_path_factory.mktemp("dagster_ui")
    dagster_home = root / "dagster_home"
    data_dir = root / "data"
    dagster_home.mkdir()
    data_dir.mkdir()
    # the project's instance settings (what `make ui` writes): telemetry off, one run at a time
    (dagster_home / "dagster.yaml").write_text((REPO_ROOT / "arc_pipeline" / "defs" / "dagster.yaml").read_text())
    log_path = root / "dagster_dev.log"
    config_path = root / "ui-tiny.yaml"
    config_path.write_text(UI_TINY_CONFIG)

    port = _free_loopback_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARC_PIPELINE_")}
    env.update(
        DAGSTER_HOME=str(dagster_home),
        ARC_PIPELINE_DATA_DIR=str(data_dir),
        ARC_PIPELINE_CONFIG=str(config_path),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        PYTHONUNBUFFERED="1",
        NO_COLOR="1",
    )
    cmd = [_dagster_executable(), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_reset_signals_in_child,
        )
    server = DagsterServer(base_url, proc.pid, dagster_home, data_dir, log_path)
    t0 = time.monotonic()
    try:
        _wait_until_ready(proc, base_url, log_path)
        print(f"\n[ui] dagster dev ready at {base_url} in {time.monotonic() - t0:.1f}s "
              f"(log: {log_path})")
        yield server
    finally:
        t1 = time.monotonic()
        problems = _stop(proc)
        print(f"\n[ui] dagster dev stopped in {time.monotonic() - t1:.1f}s")
    assert not problems, "; ".join(problems) + "\n--- log tail ---\n" + server.log_tail()


@pytest.fixture(scope="session")
def base_url(dagster_server: DagsterServer) -> str:
    return dagster_server.base_url


@pytest.fixture(scope="session")
def gql(base_url: str) -> Callable[..., dict[str, Any]]:
    """gql(query, variables=None) -> data, against the session's server."""

    def run(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        return graphql_request(base_url, query, variables)

    return run


@pytest.fixture(scope="session")
def materialized_lineage(gql: Callable[..., dict[str, Any]]) -> list:
    """The whole lineage materialized twice through the server (what `make run` twice does), so
    that every asset has a materialization to show and the second pass is an unchanged re-run."""
    from arc_pipeline_tests.ui.lineage import materialize_lineage

    t0 = time.monotonic()
    passes = [materialize_lineage(gql) for _ in range(2)]
    for i, runs in enumerate(passes, 1):
        print(f"\n[ui] lineage pass {i}: " + ", ".join(f"{r.label} {r.seconds:.1f}s" for r in runs))
    print(f"[ui] two lineage passes in {time.monotonic() - t0:.1f}s")
    return passes
