"""The parent side of the sandbox: ``Executor``, the pool of worker processes, its
scheduling, deadlines, kills and replacements, and the shared process-wide instance.

What the walls are and what they do not cover is in the package docstring
(``arc_pipeline.execution``); the worker side is ``worker``, the shared wire format
``protocol``.
"""

from __future__ import annotations

import atexit
import ctypes
import math
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import struct
import sys
import threading
import time
import weakref
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from arc_pipeline.execution.protocol import (
    MEMORY_LIMIT,
    PHASE_COMPILE,
    PHASE_QUEUED,
    PHASE_RUN,
    RUNTIME_ERROR,
    SLOT,
    SYNTAX_ERROR,
    TIMEOUT,
    FLAG_RETIRE,
    ExecResult,
    ProtocolError,
    decode_log,
    decode_reply,
    describe,
    encode_grid,
    log_bytes,
    make_result,
    max_reply_bytes,
    truncate,
)
from arc_pipeline.execution.worker import worker_main

_STARTUP_S = 30.0  # a worker that takes longer than this to pick up a message is hung
_POLL_S = 0.05
_PIPELINE = 2  # messages in flight per worker


def _classify_exit(exitcode: int | None) -> tuple[str, str]:
    """Heuristic status for a worker that died on its own during a call (see module doc)."""
    if exitcode is None:
        return RUNTIME_ERROR, "worker crashed (no exit status)"
    if exitcode < 0:
        sig = -exitcode
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        if sig == signal.SIGKILL:
            return MEMORY_LIMIT, "worker was killed by SIGKILL (most likely the out-of-memory killer)"
        if sig == signal.SIGXCPU:
            return TIMEOUT, "worker exceeded its CPU time limit (SIGXCPU)"
        return RUNTIME_ERROR, f"worker crashed ({name})"
    return RUNTIME_ERROR, f"worker crashed (exit code {exitcode})"


class _Worker:
    __slots__ = ("proc", "conn", "slot", "pid", "replies", "sent", "inflight")

    def __init__(self, proc, conn, slot: int):
        self.proc = proc
        self.conn = conn
        self.slot = slot
        self.pid = proc.pid
        self.replies = 0
        self.sent = 0  # messages sent on this connection (the worker counts the same)
        self.inflight: deque[tuple[int, _Task]] = deque()

    def kill(self) -> int | None:
        """SIGKILL the worker's process group (and so any children) and reap it."""
        for target in ((os.killpg, self.pid), (os.kill, self.pid)):
            try:
                target[0](target[1], signal.SIGKILL)
                break
            except (ProcessLookupError, PermissionError):
                continue
        self.proc.join(5.0)
        try:
            self.conn.close()
        except OSError:
            pass
        code = self.proc.exitcode
        try:
            self.proc.close()
        except ValueError:
            pass
        return code


@dataclass
class _Task:
    # segments: (job index, program, grid indices into the job's grid list)
    segments: list[tuple[int, str, list[int]]]
    attempts: int = 0

    @property
    def size(self) -> int:
        return sum(len(s[2]) for s in self.segments)


_LIVE: "weakref.WeakSet[Executor]" = weakref.WeakSet()


def _close_all_live() -> None:
    for executor in list(_LIVE):
        try:
            executor.close()
        except Exception:  # noqa: BLE001
            pass


atexit.register(_close_all_live)


def _group_has_others(pgid: int) -> bool:
    """Whether a live process other than ``pgid`` is in process group ``pgid``: a child that a
    program forked inside the worker. Read from /proc before the group is killed; True when
    /proc cannot be listed (then logged results of the interrupted program are not trusted)."""
    try:
        names = os.listdir("/proc")
    except OSError:
        return True
    for name in names:
        if not name.isdigit() or int(name) == pgid:
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2 :].split()
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
            return True
    return False


def _default_start_method() -> str:
    return "forkserver" if "torch" in sys.modules else "fork"


class Executor:
    """A pool of sandboxed worker processes (see the module docstring for the walls).

    Args:
        num_workers: worker processes (default: CPUs available to this process).
        timeout_s: wall-clock limit per program call on one grid.
        memory_limit_mb: address-space headroom per worker on top of what it inherited at
            start (RLIMIT_AS); 0 disables the limit.
        kill_grace_s: how long past a call's limit the parent waits for the soft timer
            before it SIGKILLs the worker.
        compile_timeout_s: limit for validating+compiling one program (default
            max(1, timeout_s)).
        batch_size: most grids per message to a worker (jobs are split/packed to this).
        cache_size: compiled programs kept per worker (LRU).
        recursion_limit: ``sys.setrecursionlimit`` in the workers.
        start_method: ``"fork"`` or ``"forkserver"``; default fork, forkserver if torch is
            already imported in this process.
        max_tasks_per_worker: recycle a worker after this many messages (None: never).
        extra_primitives: TEST-ONLY hook: extra name -> function entries added to the DSL
            namespace in the workers (used to test timeouts, memory bombs, crashes). Never
            pass untrusted functions; programs using them still go through the validator.

    Thread-safe (calls are serialized). Use as a context manager or call ``close()``.
    """

    def __init__(
        self,
        num_workers: int | None = None,
        timeout_s: float = 1.0,
        memory_limit_mb: int = 1024,
        *,
        kill_grace_s: float = 0.5,
        compile_timeout_s: float | None = None,
        batch_size: int = 64,
        cache_size: int = 512,
        recursion_limit: int = 1000,
        start_method: str | None = None,
        max_tasks_per_worker: int | None = None,
        extra_primitives: Mapping[str, Callable] | None = None,
    ):
        if num_workers is None:
            try:
                num_workers = len(os.sched_getaffinity(0))
            except AttributeError:
                num_workers = os.cpu_count() or 1
        if num_workers < 1:
            raise ValueError("num_workers must be >= 1")
        if timeout_s <= 0:
            raise ValueError("timeout_s must be > 0")
        if memory_limit_mb < 0:
            raise ValueError("memory_limit_mb must be >= 0 (0 disables the limit)")
        self.num_workers = int(num_workers)
        self.timeout_s = float(timeout_s)
        self.memory_limit_mb = int(memory_limit_mb)
        self.kill_grace_s = float(kill_grace_s)
        self.compile_timeout_s = float(compile_timeout_s if compile_timeout_s is not None else max(1.0, timeout_s))
        self.batch_size = max(1, int(batch_size))
        self.max_tasks_per_worker = max_tasks_per_worker
        self.start_method = start_method or _default_start_method()
        self._ctx = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            self._ctx.set_forkserver_preload(["arc_pipeline.execution.worker"])
        self._cfg = {
            "timeout_s": self.timeout_s,
            "compile_timeout_s": self.compile_timeout_s,
            "kill_grace_s": self.kill_grace_s,
            "memory_limit_mb": self.memory_limit_mb,
            "cache_size": int(cache_size),
            "recursion_limit": int(recursion_limit),
            "extra_primitives": dict(extra_primitives or {}),
            "log_bytes": log_bytes(self.batch_size),
        }
        self._lock = threading.RLock()
        self._workers: list[_Worker | None] = []
        self._progress = None
        self._log = None  # shared results log, one log_bytes area per worker
        self._owner = os.getpid()
        self._closed = False
        self.restarts = 0  # workers replaced after a kill, crash or retirement
        self.salvaged = 0  # finished grids whose results were read from a dead worker's log
        _LIVE.add(self)

    # ---------------------------------------------------------------- lifecycle

    def _phase_budget(self, phase: float) -> float:
        """Seconds a worker may spend in a progress phase before the parent kills it."""
        if phase == PHASE_RUN:
            return self.timeout_s
        if phase == PHASE_COMPILE:
            return self.compile_timeout_s
        return max(_STARTUP_S, self.compile_timeout_s)

    def __enter__(self) -> "Executor":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker processes (done automatically on first use)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("executor is closed")
            if self._owner != os.getpid():  # inherited through fork: the workers are not ours
                self._workers = []
                self._progress = None
                self._log = None
                self._owner = os.getpid()
            if self._progress is None:
                self._progress = self._ctx.RawArray(ctypes.c_double, SLOT * self.num_workers)
                self._log = self._ctx.RawArray(ctypes.c_char, self._cfg["log_bytes"] * self.num_workers)
            if not self._workers:
                self._workers = [self._spawn(i) for i in range(self.num_workers)]

    def close(self) -> None:
        """Kill all workers (and their process groups). Idempotent."""
        with self._lock:
            if self._owner == os.getpid():
                for worker in self._workers:
                    if worker is not None:
                        worker.kill()
            self._workers = []
            self._closed = True

    shutdown = close

    def settings(self) -> dict[str, Any]:
        """The limits in effect, JSON-able, to be recorded next to results they produced."""
        return {
            "num_workers": self.num_workers,
            "timeout_s": self.timeout_s,
            "memory_limit_mb": self.memory_limit_mb,
            "kill_grace_s": self.kill_grace_s,
            "compile_timeout_s": self.compile_timeout_s,
            "batch_size": self.batch_size,
            "cache_size": self._cfg["cache_size"],
            "recursion_limit": self._cfg["recursion_limit"],
            "start_method": self.start_method,
            "max_tasks_per_worker": self.max_tasks_per_worker,
            "extra_primitives": sorted(self._cfg["extra_primitives"]),
        }

    def worker_pids(self) -> list[int]:
        """Pids of the current workers (for tests and diagnostics)."""
        with self._lock:
            self.start()
            return [w.pid for w in self._workers if w is not None]

    def _log_of(self, slot: int) -> bytes:
        """A copy of worker ``slot``'s results-log area (read only once that worker is dead)."""
        size = self._cfg["log_bytes"]
        return bytes(memoryview(self._log).cast("B")[slot * size : (slot + 1) * size])

    def _spawn(self, slot: int) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(
            target=worker_main,
            args=(child_conn, self._progress, self._log, slot, self._cfg),
            name=f"arc-exec-{slot}",
            daemon=True,
        )
        proc.start()
        child_conn.close()
        if self.start_method == "fork":
            try:
                os.setpgid(proc.pid, proc.pid)
            except OSError:
                pass
        return _Worker(proc, parent_conn, slot)

    # ---------------------------------------------------------------- API

    def run(self, program: str, grids: Sequence[Grid]) -> list[ExecResult]:
        """Run one program on each grid; results in the order of ``grids``."""
        return self.run_many([(program, grids)])[0]

    def run_many(self, jobs: Sequence[tuple[str, Sequence[Grid]]]) -> list[list[ExecResult]]:
        """Run many (program, grids) jobs in parallel over the workers.

        Returns one list of results per job, in job order and grid order.
        """
        jobs = [(program, list(grids)) for program, grids in jobs]
        results: list[list[ExecResult | None]] = [[None] * len(grids) for _, grids in jobs]
        for j, (program, grids) in enumerate(jobs):
            if not isinstance(program, str):  # never reaches a worker
                error = f"a program must be a str, not {type(program).__name__}"
                results[j] = [make_result(SYNTAX_ERROR, None, error, 0.0) for _ in grids]
                jobs[j] = (program, [])
        total = sum(len(grids) for _, grids in jobs)
        if total == 0:
            return results  # type: ignore[return-value]
        with self._lock:
            self.start()
            chunk = max(1, min(self.batch_size, math.ceil(total / self.num_workers)))
            pending: deque[_Task] = deque(self._pack(jobs, chunk))
            self._schedule(jobs, results, pending)
        return results  # type: ignore[return-value]

    # ---------------------------------------------------------------- scheduling

    @staticmethod
    def _pack(jobs, chunk: int) -> list[_Task]:
        tasks: list[_Task] = []
        segments: list[tuple[int, str, list[int]]] = []
        room = chunk
        for j, (program, grids) in enumerate(jobs):
            start = 0
            while start < len(grids):
                take = min(room, len(grids) - start)
                segments.append((j, program, list(range(start, start + take))))
                start += take
                room -= take
                if room == 0:
                    tasks.append(_Task(segments))
                    segments, room = [], chunk
        if segments:
            tasks.append(_Task(segments))
        return tasks

    def _schedule(self, jobs, results, pending: deque) -> None:
        """Feed tasks to the workers (up to ``_PIPELINE`` messages in flight per worker, so a
        worker never idles while the parent decodes its last reply) until every grid has a
        result; kill and replace workers that blow a deadline, die or retire."""
        progress = self._progress
        workers: list[_Worker] = [w for w in self._workers if w is not None]
        monotonic = time.monotonic
        encoded: dict[int, Any] = {}  # id(grid) -> wire form, for grids shared between jobs

        def fail(j: int, i: int, status: str, error: str, seconds: float) -> None:
            results[j][i] = make_result(status, None, truncate(error), seconds)

        def settle(task: _Task, failed_flat: int, phase: float, status: str, error: str, seconds: float,
                   logged: list[ExecResult], forked: bool) -> None:
            """The worker died while running `task`: every grid it had finished keeps the
            result it logged; the grid it was on gets `status` (the whole program does if it
            was compiling or had not started); only the grids it never reached are re-queued.
            `forked`: a child process was alive in its group, so the logged results of the
            program it was running are void (that program is run again and reported there)."""
            keep: list[tuple[int, str, list[int]]] = []
            flat = 0
            for j, program, idxs in task.segments:
                seg_start, flat = flat, flat + len(idxs)
                here = seg_start <= failed_flat < flat
                if here and forked:
                    logged = logged[:seg_start]
                rest: list[int] = []
                for k, i in enumerate(idxs):
                    pos = seg_start + k
                    if pos < len(logged):
                        results[j][i] = logged[pos]
                        self.salvaged += 1
                    elif here and (pos == failed_flat or phase != PHASE_RUN):
                        fail(j, i, status, error, seconds)
                    else:
                        rest.append(i)
                if rest:
                    keep.append((j, program, rest))
            if keep:
                pending.appendleft(_Task(keep))

        def requeue(task: _Task, count_attempt: bool, status: str, error: str) -> None:
            """Re-run a task that never started (or whose worker was retired)."""
            if count_attempt:
                task.attempts += 1
                if task.attempts >= 3:  # workers keep dying before running it: give up
                    for j, _, idxs in task.segments:
                        for i in idxs:
                            fail(j, i, status, error, 0.0)
                    return
            pending.appendleft(task)

        def replace(worker: _Worker, running: tuple[float, float, float, float] | None, status: str | None,
                    error: str, failed: bool) -> None:
            """Kill `worker`, put a fresh one in its place and settle its in-flight tasks: the
            one it was running (per its progress slot) keeps what the worker logged and loses
            the grid it was on (see `settle`), the others never started and are re-queued. `failed`: the worker died or was killed (not
            retired); if the running task is unknown, the oldest one is charged an attempt."""
            tasks = list(worker.inflight)
            worker.inflight.clear()
            running_seq = int(running[3]) if running is not None else None
            matched = any(seq == running_seq for seq, _ in tasks)
            forked = matched and _group_has_others(worker.pid)  # before the kill takes them along
            code = worker.kill()
            self.restarts += 1
            fresh = self._spawn(worker.slot)
            self._workers[worker.slot] = fresh
            workers[workers.index(worker)] = fresh
            if status is None:
                status, error = _classify_exit(code)
            now = monotonic()
            for n in range(len(tasks) - 1, -1, -1):  # appendleft in reverse: keep the order
                seq, task = tasks[n]
                if matched and seq == running_seq:
                    logged = decode_log(self._log_of(worker.slot), running_seq, task.size)  # it is dead now
                    settle(task, int(running[0]), running[1], status, error, now - running[2], logged, forked)
                else:
                    requeue(task, failed and not matched and n == 0, status, error)

        def payload_of(task: _Task) -> bytes | None:
            segments = []
            for j, program, idxs in task.segments:
                grids = jobs[j][1]
                wire = []
                for i in idxs:
                    grid = grids[i]
                    enc = encoded.get(id(grid))
                    if enc is None:
                        enc = encoded[id(grid)] = encode_grid(grid)
                    wire.append(enc)
                segments.append((program, wire))
            try:
                return pickle.dumps(segments, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - unpicklable input: a caller bug
                for j, _, idxs in task.segments:
                    for i in idxs:
                        fail(j, i, RUNTIME_ERROR, f"could not send the job: {describe(exc)}", 0.0)
                return None

        def snapshot(worker: _Worker) -> tuple[float, float, float, float]:
            base = worker.slot * SLOT
            return (progress[base], progress[base + 1], progress[base + 2], progress[base + 3])

        while pending or any(w.inflight for w in workers):
            # dispatch: idle workers first, then a second message to busy ones
            for depth in range(_PIPELINE):
                for worker in list(workers):
                    if not pending:
                        break
                    if len(worker.inflight) != depth:
                        continue
                    task = pending.popleft()
                    payload = payload_of(task)
                    if payload is None:
                        continue
                    worker.sent += 1
                    if not worker.inflight:  # idle: its slot may be stale, reset it
                        base = worker.slot * SLOT
                        progress[base + 3] = worker.sent
                        progress[base + 2] = monotonic()
                        progress[base + 1] = PHASE_QUEUED
                        progress[base] = 0
                    worker.inflight.append((worker.sent, task))
                    try:
                        worker.conn.send_bytes(payload)
                    except (OSError, ValueError):  # died while idle (or earlier)
                        replace(worker, None, None, "", failed=True)
            busy = [w for w in workers if w.inflight]
            if not busy:
                continue

            now = monotonic()
            wake = math.inf
            for worker in busy:
                idx, phase, start, _ = snapshot(worker)
                wake = min(wake, start + self._phase_budget(phase) + self.kill_grace_s)
            # Only the pipes: a worker closes every inherited descriptor, including the
            # one behind multiprocessing's process sentinel, so death shows up as EOF here.
            # Re-check at least every _POLL_S: a worker that left the (longer) compile
            # phase has an earlier deadline than the one computed here.
            by_conn = {w.conn: w for w in busy}
            ready = multiprocessing.connection.wait(list(by_conn), timeout=min(_POLL_S, max(0.0, wake - now) + 0.001))

            for conn in ready:
                worker = by_conn[conn]
                running = snapshot(worker)
                seq, task = worker.inflight[0]
                reply = None
                try:
                    reply = decode_reply(conn.recv_bytes(max_reply_bytes(task.size)), task.size)
                except (EOFError, OSError, ProtocolError, struct.error):
                    reply = None
                if reply is None:  # died (or broke the protocol) during a task
                    replace(worker, running, None, "", failed=True)
                    continue
                worker.inflight.popleft()
                flags, outs = reply
                it = iter(outs)
                for j, _, idxs in task.segments:
                    row = results[j]
                    for i in idxs:
                        row[i] = next(it)
                worker.replies += 1
                if flags & FLAG_RETIRE or (
                    self.max_tasks_per_worker is not None and worker.replies >= self.max_tasks_per_worker
                ):
                    # tasks still queued on it are simply run elsewhere
                    replace(worker, None, RUNTIME_ERROR, "worker retired", failed=False)

            now = monotonic()
            for worker in [w for w in workers if w.inflight and w.conn not in ready]:
                snap = snapshot(worker)
                budget = self._phase_budget(snap[1])
                if now < snap[2] + budget + self.kill_grace_s:
                    continue
                if snapshot(worker) != snap or worker.conn.poll(0):
                    continue  # it moved on just now; look again next round
                what = {PHASE_RUN: "running", PHASE_COMPILE: "compiling"}.get(snap[1], "starting")
                replace(
                    worker, snap, TIMEOUT, f"exceeded the time limit of {budget:g}s while {what} (worker killed)",
                    failed=True,
                )


# --------------------------------------------------------------------------------------
# Shared default instance
# --------------------------------------------------------------------------------------

_DEFAULT: Executor | None = None
_DEFAULT_LOCK = threading.Lock()


def default_executor(
    num_workers: int | None = None, timeout_s: float | None = None, memory_limit_mb: int | None = None
) -> Executor:
    """The lazily created process-wide Executor (closed at exit), with the given limits.

    The pipeline calls this with its ``sandbox:`` settings; library code calls it without
    arguments and gets whatever pool is current. An argument left ``None`` asks for nothing:
    the current pool's value stays (a new pool gets the ``Executor`` default: CPUs available,
    1.0 s, 1024 MiB). If a given value differs from the current pool's, that pool is closed
    and a new one started -- an old reference to it then raises "executor is closed", so
    configure once, before the work starts.
    """
    global _DEFAULT
    with _DEFAULT_LOCK:
        current = _DEFAULT
        if current is not None and (current._closed or current._owner != os.getpid()):
            current = None
        wanted = {"num_workers": num_workers, "timeout_s": timeout_s, "memory_limit_mb": memory_limit_mb}
        wanted = {k: v for k, v in wanted.items() if v is not None}
        for key, value in wanted.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"sandbox setting {key} must be a number, not {type(value).__name__} {value!r}")
        if current is not None:
            have = current.settings()
            if all(have[k] == v for k, v in wanted.items()):
                return current
        fresh = Executor(**wanted)  # validates before the old pool is closed
        if current is not None:
            current.close()
        _DEFAULT = fresh
        return fresh


def shutdown_default_executor() -> None:
    """Close the shared default executor, if one was created."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is not None:
            _DEFAULT.close()
            _DEFAULT = None

