"""Adversarial tests of the sandboxed executor: one property per test, and after each one the
pool must still serve a normal program correctly.

The functions below are registered with ``Executor(extra_primitives=...)``, a TEST-ONLY hook
that puts arbitrary Python into the workers' DSL namespace, so that behaviours the validator
makes impossible for program text (loops, allocation, fork, files) can still be exercised
against the process-level walls.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import signal
import socket
import threading
import time

import pytest

from arc_pipeline.dsl import PRIMITIVES
from arc_pipeline.execution import (
    BAD_OUTPUT,
    INVALID_PROGRAM,
    MEMORY_LIMIT,
    OK,
    RUNTIME_ERROR,
    STATUSES,
    SYNTAX_ERROR,
    TIMEOUT,
    ExecResult,
    Executor,
    run_unsandboxed,
)

TIMEOUT_S = 0.5
GRACE_S = 0.3
G1 = ((1, 2, 3), (4, 5, 6))
G2 = ((0, 7), (8, 9), (3, 3))
ROTATE = "def solve(I):\n    O = rotate_90(I)\n    return O\n"


def program_calling(name: str) -> str:
    return f"def solve(I):\n    O = {name}(I)\n    return O\n"


# ---- test-only primitives (module level so they also work with forkserver) -------------


def spin(grid):
    while True:
        pass


def spin_signals_blocked(grid):
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # defeat the soft timer
    while True:
        pass


def recurse(grid):
    return recurse(grid)


def memory_bomb(grid):
    return bytearray(10 * 1024**3)  # 10 GiB


def huge_output(grid):
    row = (1,) * 1000
    return (row,) * 1000


def forker(grid):
    pid = os.fork()
    if pid == 0:
        time.sleep(60)  # a lingering child: the sandbox must kill it
    return grid


def write_file(path, grid):
    with open(path, "w") as fh:
        fh.write("escaped")
    return grid


def open_socket(grid):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.close()
    return grid


def exit_worker(grid):
    os._exit(3)


def kill_worker(grid):
    os.kill(os.getpid(), signal.SIGKILL)


def boom(grid):
    return 1 // 0


# grid runs per grid index, in shared memory inherited by forked workers (they cannot open files)
N_COUNTED = 25
KILLED = {2, 7, 12, 17, 22}
RUNS = multiprocessing.RawArray("i", N_COUNTED)


def counted_grid(index: int):
    return ((index // 10, index % 10),)


def counted(grid):
    """Count a run of grid `counted_grid(i)`; the grids in KILLED hang until hard-killed."""
    index = grid[0][0] * 10 + grid[0][1]
    RUNS[index] += 1
    if index in KILLED:
        spin_signals_blocked(grid)
    return grid


def fork_then_hang(grid):
    """Grid ((0,),) forks (a lingering child) and returns; any other grid hangs until killed."""
    if grid == ((0,),):
        return forker(grid)
    spin_signals_blocked(grid)


HOOKS = {
    "spin": spin,
    "spin_signals_blocked": spin_signals_blocked,
    "recurse": recurse,
    "memory_bomb": memory_bomb,
    "huge_output": huge_output,
    "forker": forker,
    "open_socket": open_socket,
    "exit_worker": exit_worker,
    "kill_worker": kill_worker,
    "boom": boom,
    "counted": counted,
    "fork_then_hang": fork_then_hang,
}


@pytest.fixture(scope="module")
def ex():
    with Executor(
        num_workers=2, timeout_s=TIMEOUT_S, kill_grace_s=GRACE_S, start_method="fork", extra_primitives=HOOKS
    ) as executor:
        yield executor


def assert_healthy(executor: Executor) -> None:
    results = executor.run(ROTATE, [G1, G2])
    assert [r.status for r in results] == [OK, OK]
    assert [r.output for r in results] == [PRIMITIVES["rotate_90"](G1), PRIMITIVES["rotate_90"](G2)]


def single(executor: Executor, program: str, grid=G1) -> ExecResult:
    (result,) = executor.run(program, [grid])
    assert result.status in STATUSES
    return result


# ---- statuses ------------------------------------------------------------------------------


def test_ok_results_equal_expected(ex):
    grids = [G1, G2, ((5,),)]
    results = ex.run(ROTATE, grids)
    assert all(r.status == OK and r.error is None for r in results)
    assert [r.output for r in results] == [PRIMITIVES["rotate_90"](g) for g in grids]
    assert all(isinstance(r.output, tuple) and all(type(row) is tuple for row in r.output) for r in results)


def test_syntax_error_status(ex):
    result = single(ex, "def solve(I):\n    O = rotate_90(I\n    return O\n")
    assert result.status == SYNTAX_ERROR and result.output is None and result.error
    assert_healthy(ex)


def test_invalid_program_status(ex):
    result = single(ex, "def solve(I):\n    O = no_such_primitive(I)\n    return O\n")
    assert result.status == INVALID_PROGRAM and "no_such_primitive" in result.error
    assert_healthy(ex)


def test_runtime_error_status(ex):
    result = single(ex, "def solve(I):\n    O = floor_divide(1, 0)\n    return O\n")
    assert result.status == RUNTIME_ERROR and result.error.startswith("ZeroDivisionError")
    assert_healthy(ex)


def test_bad_output_for_non_grid(ex):
    result = single(ex, "def solve(I):\n    O = height(I)\n    return O\n")
    assert result.status == BAD_OUTPUT and "int" in result.error and result.output is None
    assert_healthy(ex)


def test_grid_larger_than_30_is_bad_output(ex):
    result = single(ex, "def solve(I):\n    O = upscale(I, 11)\n    return O\n")  # 22x33
    assert result.status == BAD_OUTPUT
    assert_healthy(ex)


def test_huge_output_is_bad_output(ex):
    result = single(ex, program_calling("huge_output"))
    assert result.status == BAD_OUTPUT and len(result.error) <= 300
    assert_healthy(ex)


# ---- escapes through program text ----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "O = __import__(1)",
        "O = open(I)",
        "O = eval(I)",
        "O = exec(I)",
        "O = globals()",
    ],
)
def test_builtins_escape_rejected(ex, body):
    result = single(ex, f"def solve(I):\n    {body}\n    return O\n")
    assert result.status == INVALID_PROGRAM
    assert_healthy(ex)


def test_dunder_attribute_escape_rejected(ex):
    result = single(ex, "def solve(I):\n    O = ().__class__.__bases__\n    return O\n")
    assert result.status == INVALID_PROGRAM
    assert_healthy(ex)


def test_import_statement_rejected(ex):
    result = single(ex, "import os\ndef solve(I):\n    O = identity(I)\n    return O\n")
    assert result.status == INVALID_PROGRAM
    result = single(ex, "def solve(I):\n    import os\n    return I\n")
    assert result.status == INVALID_PROGRAM
    assert_healthy(ex)


# ---- resource abuse ------------------------------------------------------------------------


def test_infinite_loop_times_out(ex):
    t0 = time.monotonic()
    result = single(ex, program_calling("spin"))
    assert result.status == TIMEOUT
    assert time.monotonic() - t0 < TIMEOUT_S + GRACE_S + 1.0
    assert_healthy(ex)


def test_stuck_worker_is_killed_and_replaced(ex):
    before = ex.restarts
    t0 = time.monotonic()
    result = single(ex, program_calling("spin_signals_blocked"))
    assert result.status == TIMEOUT and "killed" in result.error
    assert time.monotonic() - t0 < TIMEOUT_S + GRACE_S + 1.5
    assert ex.restarts > before
    assert_healthy(ex)


def test_pathological_primitive_program_is_stopped(ex):
    # 2x3 -> 2000x3000 -> 2e6 x 3e6 cells: pure DSL, no hook
    result = single(ex, "def solve(I):\n    O = upscale(upscale(I, 1000), 1000)\n    return O\n")
    assert result.status in (TIMEOUT, MEMORY_LIMIT)
    assert_healthy(ex)


def test_deep_recursion_is_runtime_error(ex):
    result = single(ex, program_calling("recurse"))
    assert result.status == RUNTIME_ERROR and result.error.startswith("RecursionError")
    assert_healthy(ex)


def test_memory_bomb_is_memory_limit(ex):
    result = single(ex, program_calling("memory_bomb"))
    assert result.status == MEMORY_LIMIT
    assert_healthy(ex)


def _live_members_of_groups(groups: set[int]) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp in groups and state not in ("Z", "X"):
            found.append(int(name))
    return found


def test_fork_is_contained(ex):
    groups = set(ex.worker_pids())  # each worker leads its own process group
    result = single(ex, program_calling("forker"))
    # unprivileged: RLIMIT_NPROC=0 makes fork fail; root: the fork is detected, reported and
    # the worker's whole process group is killed
    assert result.status == RUNTIME_ERROR
    retired = groups - set(ex.worker_pids())
    deadline = time.monotonic() + 3.0
    while _live_members_of_groups(retired) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _live_members_of_groups(retired) == []
    assert_healthy(ex)


def test_writing_a_file_fails(tmp_path):
    target = tmp_path / "escaped.txt"
    hook = {"write_file": functools.partial(write_file, str(target))}
    with Executor(num_workers=1, timeout_s=TIMEOUT_S, start_method="fork", extra_primitives=hook) as executor:
        result = single(executor, program_calling("write_file"))
        assert result.status == RUNTIME_ERROR and "OSError" in result.error
        assert not target.exists()
        assert_healthy(executor)


def test_opening_a_socket_fails(ex):
    result = single(ex, program_calling("open_socket"))
    assert result.status == RUNTIME_ERROR and "OSError" in result.error
    assert_healthy(ex)


def test_worker_exit_is_replaced(ex):
    before = ex.restarts
    result = single(ex, program_calling("exit_worker"))
    assert result.status == RUNTIME_ERROR and "worker crashed" in result.error
    assert ex.restarts > before
    assert_healthy(ex)


def test_worker_sigkill_is_replaced(ex):
    before = ex.restarts
    result = single(ex, program_calling("kill_worker"))
    assert result.status == MEMORY_LIMIT  # an unexplained SIGKILL is read as the OOM killer
    assert ex.restarts > before
    assert_healthy(ex)


# ---- batches -------------------------------------------------------------------------------


def test_batch_results_order_preserved(ex):
    programs = [ROTATE, program_calling("flip_horizontal"), program_calling("transpose"),
                "def solve(I):\n    O = floor_divide(1, 0)\n    return O\n"]
    grids = [G1, G2, ((1,),), ((2, 3),)]
    jobs = [(programs[i % len(programs)], grids[: 1 + i % len(grids)]) for i in range(40)]
    got = ex.run_many(jobs)
    expected = [[(r.status, r.output) for r in run_unsandboxed(p, gs)] for p, gs in jobs]
    assert [[(r.status, r.output) for r in job] for job in got] == expected
    assert {r.status for job in got for r in job} == {OK, RUNTIME_ERROR}
    assert_healthy(ex)


def test_timeout_in_batch_keeps_other_results(ex):
    jobs = [(ROTATE, [G1]), (program_calling("spin"), [G1, G2]), (ROTATE, [G2])]
    got = ex.run_many(jobs)
    assert [[r.status for r in job] for job in got] == [[OK], [TIMEOUT, TIMEOUT], [OK]]
    assert got[2][0].output == PRIMITIVES["rotate_90"](G2)
    assert_healthy(ex)


def test_kill_in_batch_reruns_the_other_grids(ex):
    ex_grids = [G1, G2, G1]
    jobs = [(ROTATE, ex_grids), (program_calling("spin_signals_blocked"), [G1]), (ROTATE, [G2, G1])]
    got = ex.run_many(jobs)
    assert [[r.status for r in job] for job in got] == [[OK, OK, OK], [TIMEOUT], [OK, OK]]
    assert [r.output for r in got[2]] == [PRIMITIVES["rotate_90"](G2), PRIMITIVES["rotate_90"](G1)]
    assert_healthy(ex)


def test_a_kill_costs_only_the_grid_it_was_running(ex):
    """25 grids of which 5 must be hard-killed: every other grid runs exactly once (finished
    grids of a killed worker's message keep the results it logged; they are not re-run)."""
    for i in range(N_COUNTED):
        RUNS[i] = 0
    before, salvaged = ex.restarts, ex.salvaged
    results = ex.run(program_calling("counted"), [counted_grid(i) for i in range(N_COUNTED)])
    assert [r.status for r in results] == [TIMEOUT if i in KILLED else OK for i in range(N_COUNTED)]
    assert [r.output for r in results if r.ok] == [counted_grid(i) for i in range(N_COUNTED) if i not in KILLED]
    assert list(RUNS) == [1] * N_COUNTED
    assert ex.restarts - before == len(KILLED)
    assert ex.salvaged > salvaged
    assert_healthy(ex)


def test_a_kill_after_a_fork_does_not_keep_the_forking_programs_results(ex):
    """The program forked on its first grid and hung on the second: the logged OK of the first
    grid is void (a child was alive in the worker's group); the re-run reports the fork."""
    got = ex.run(program_calling("fork_then_hang"), [((0,),), ((1,),)])
    assert [r.status for r in got] == [RUNTIME_ERROR, TIMEOUT]
    assert_healthy(ex)


def test_crash_in_batch_reruns_the_other_grids(ex):
    jobs = [(ROTATE, [G1]), (program_calling("exit_worker"), [G1]), (ROTATE, [G2])]
    got = ex.run_many(jobs)
    assert [[r.status for r in job] for job in got] == [[OK], [RUNTIME_ERROR], [OK]]
    assert_healthy(ex)


def test_empty_inputs(ex):
    assert ex.run(ROTATE, []) == []
    assert ex.run_many([]) == []
    assert ex.run_many([(ROTATE, []), (ROTATE, [G1])])[0] == []


def test_unsandboxed_matches_sandboxed(ex):
    for program in (ROTATE, "def solve(I):\n    O = height(I)\n    return O\n", "def solve(I):\n    return I +\n"):
        a = [(r.status, r.output) for r in ex.run(program, [G1, G2])]
        b = [(r.status, r.output) for r in run_unsandboxed(program, [G1, G2])]
        assert a == b


def test_forkserver_start_method():
    with Executor(num_workers=1, timeout_s=TIMEOUT_S, start_method="forkserver") as executor:
        assert_healthy(executor)


def test_output_check_agrees_with_is_grid():
    from arc_pipeline.dsl.types import is_grid
    from arc_pipeline.execution.protocol import grid_bytes as _grid_bytes

    class T(tuple):
        pass

    cases = [
        G1, G2, ((0,),), ((9,) * 30,) * 30, ((9,) * 31,), ((1,),) * 31, (), ((),), ((1, 2), (3,)),
        ((True, 0),), ((10,),), ((-1,),), ((1.0,),), ([1, 2],), [(1, 2)], T(((1, 2),)), ((1, 2), [3, 4]),
        ((256,),), (("1",),), None, 5, ((1, 2), T((3, 4))),
    ]
    for value in cases:
        cells = _grid_bytes(value)
        assert (cells is not None) == is_grid(value), value
        if cells is not None:
            assert tuple(cells) == tuple(v for row in value for v in row)


def test_exec_result_is_frozen_and_picklable():
    import dataclasses
    import pickle

    result = ExecResult(OK, G1, None, 0.5)
    assert pickle.loads(pickle.dumps(result)) == result
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.status = TIMEOUT  # type: ignore[misc]


def test_shared_input_grids_and_default_executor():
    from arc_pipeline.execution import default_executor, shutdown_default_executor

    executor = default_executor()
    try:
        assert default_executor() is executor
        jobs = [(ROTATE, [G1, G2, G1])] * 5 + [(program_calling("flip_vertical"), [G2])]
        got = executor.run_many(jobs)
        assert [r.output for r in got[0]] == [PRIMITIVES["rotate_90"](g) for g in (G1, G2, G1)]
        assert got[-1][0].output == PRIMITIVES["flip_vertical"](G2)
    finally:
        shutdown_default_executor()


def test_settings_are_json_and_default_executor_follows_requested_limits():
    from arc_pipeline.execution import default_executor, shutdown_default_executor

    shutdown_default_executor()
    try:
        first = default_executor(num_workers=1)
        assert first.settings()["timeout_s"] == 1.0 and first.settings()["memory_limit_mb"] == 1024  # defaults
        assert default_executor() is first  # no request: whatever pool is current
        assert default_executor(num_workers=1, timeout_s=1.0, memory_limit_mb=1024) is first
        second = default_executor(num_workers=1, timeout_s=2.5, memory_limit_mb=512)
        assert second is not first and first._closed
        settings = json.loads(json.dumps(second.settings()))
        assert (settings["num_workers"], settings["timeout_s"], settings["memory_limit_mb"]) == (1, 2.5, 512)
        assert settings["compile_timeout_s"] == 2.5 and settings["extra_primitives"] == []
        assert default_executor() is second
        assert_healthy(second)
        with pytest.raises(ValueError, match="timeout_s"):
            default_executor(timeout_s="fast")
        with pytest.raises(ValueError, match="memory_limit_mb"):
            default_executor(memory_limit_mb=-1)
        assert default_executor() is second and not second._closed  # a refused request changes nothing
    finally:
        shutdown_default_executor()


def test_worker_slow_to_pick_up_a_message_is_not_a_timeout():
    """Time a worker spends before it starts a program (starting up, or starved of CPU on a busy
    machine) is not charged to the program: a correct program must not score as a timeout."""
    with Executor(num_workers=1, timeout_s=TIMEOUT_S, kill_grace_s=GRACE_S, start_method="fork") as executor:
        assert_healthy(executor)  # started and idle
        (pid,) = executor.worker_pids()
        os.kill(pid, signal.SIGSTOP)  # frozen before it can read the next message
        resume = threading.Timer(executor.compile_timeout_s + GRACE_S + 1.0, os.kill, (pid, signal.SIGCONT))
        resume.start()
        try:
            result = single(executor, ROTATE)
        finally:
            resume.join()
        assert result.status == OK and result.output == PRIMITIVES["rotate_90"](G1)
        assert executor.worker_pids() == [pid]  # not killed and replaced


def test_kill_benchmark_counts_each_grid_once():
    from arc_pipeline.bench import run_kill_benchmark

    got = run_kill_benchmark(n_grids=6, n_killed=2, work_s=0.0, workers=1, timeout_s=TIMEOUT_S, kill_grace_s=GRACE_S)
    assert (got["grid_runs"], got["max_runs_of_a_good_grid"], got["timeouts"]) == (6, 1, 2)
    with pytest.raises(ValueError, match="n_killed"):
        run_kill_benchmark(n_grids=3, n_killed=4)
