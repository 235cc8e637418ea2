"""Sandboxed execution of DSL programs: a pool of limited worker processes.

``Executor`` runs validated programs (see ``arc_pipeline.program``) on grids in long-lived
worker processes and always returns one ``ExecResult`` per (program, grid): the caller never
hangs and never sees an exception from a program. Typical use::

    with Executor(timeout_s=1.0) as ex:
        results = ex.run(program_text, [grid1, grid2])
        per_job = ex.run_many([(prog_a, grids_a), (prog_b, grids_b)])

The worker-process side (limits, serve loop, soft timeouts, reply encoding) is in
``arc_pipeline.sandbox_worker``; this module is the parent side and the public API.

What the sandbox covers (the walls, outermost first)
----------------------------------------------------
1. **AST whitelist** (``program.validate_program``): no imports, attribute access, subscripts,
   dunders, strings, loops, lambdas, ``exec``/``eval``/``open``. Programs can only call DSL
   primitives. This is the wall that actually stops escapes such as ``().__class__``.
2. **Empty builtins**: the program namespace holds only the DSL primitives.
3. **Process isolation**: programs run in worker processes, never in the caller. Results
   come back in a small hand-rolled binary format that the parent parses strictly (no
   unpickling of worker data), checked to be a grid of at most 30x30 *in the worker* before
   it is sent, so a huge or hostile result never crosses the pipe.
4. **rlimits, set in each worker at start** (best effort; one that the OS refuses is skipped
   with a note on stderr):

   - ``RLIMIT_AS``: the address space the worker had when it started (inherited from the
     parent by ``fork``) **plus** ``memory_limit_mb`` (default 1024 MiB). It is a headroom,
     not a total, because a forked worker inherits the parent's whole virtual size, which
     depends on what the parent imported. Measured ``VmSize`` of a Python 3.11 process:
     with ``arc_pipeline.dsl`` only ~16 MiB; plus numpy ~141 MiB; plus polars ~405 MiB;
     plus torch (CPU, no CUDA init) ~642 MiB (RSS is much smaller; the pages are shared
     copy-on-write). A program allocating past the headroom gets ``MemoryError`` ->
     ``memory_limit``.
   - ``RLIMIT_CPU``: re-armed before every message to (CPU used so far + the message's
     budget + grace), a backstop behind the wall-clock timeouts (a worker killed by
     ``SIGXCPU`` is reported as ``timeout``).
   - ``RLIMIT_FSIZE = 0`` (with ``SIGXFSZ`` ignored): no file can grow.
   - ``RLIMIT_NOFILE``: the worker closes every inherited descriptor except its pipe, points
     0/1 at ``/dev/null`` (2, stderr, stays for diagnostics), fills every hole below the
     pipe's descriptor with ``/dev/null`` and sets the limit to (highest fd + 1). No new
     descriptor can be created at all: ``open``, ``socket``, ``pipe`` fail with ``EMFILE``.
     Consequence: code that runs in the worker must not import modules lazily (the worker
     imports the DSL and runs a warm-up program before locking down).
   - ``RLIMIT_NPROC = 0``: blocks ``fork``/threads for an unprivileged user. **As root (or
     with CAP_SYS_RESOURCE/CAP_SYS_ADMIN) the kernel ignores RLIMIT_NPROC**, so fork still
     works there. Containment for that case: each worker leads its own process group; after
     each program's grids it checks for children (``waitpid(-1, WNOHANG)``); a forked child
     that returns into the worker loop ``_exit``s immediately; every grid of a program that
     created a process is reported ``runtime_error`` and the worker is retired, its whole
     process group SIGKILLed. Only a child that also calls ``setsid`` could escape that,
     which the validator makes impossible for program text.
   - ``RLIMIT_CORE = 0``; ``sys.setrecursionlimit(recursion_limit)`` (default 1000):
     ``RecursionError`` -> ``runtime_error``.
5. **Timeouts**: a per-grid wall-clock limit (``timeout_s``). A soft ``SIGALRM`` timer
   raises inside the program (cheap, keeps the worker); if the program is stuck in C code or
   the signal is blocked, the parent SIGKILLs the worker's process group ``kill_grace_s``
   later (it sees which grid is running through a tiny shared-memory progress slot) and
   starts a replacement.

What it does NOT cover
----------------------
Not a security boundary against kernel exploits, CPU side channels or interpreter bugs:
there is no seccomp filter, no namespaces/chroot, no privilege drop; the worker runs as the
same user as the caller (root included) and could read memory inherited from the parent
(everything the parent had in memory at fork time is in the worker). It relies on the AST
whitelist + empty builtins + rlimits + process isolation. If the parent dies, idle
workers exit on EOF; one stuck in C code lives on until its RLIMIT_CPU (the current
message's budget) kills it (no PR_SET_PDEATHSIG: it fires when the forking *thread* exits,
which would kill workers of an executor created in a short-lived thread). The test-only ``extra_primitives``
hook deliberately puts arbitrary Python in the namespace; never pass untrusted functions.

Batches, wire format, timeout and crash semantics
-------------------------------------------------
Several (program, grids) jobs travel in one message (``batch_size`` grids at most; a big
job is split so that all workers get a share) and the worker returns all their results in
one reply; up to two messages are in flight per worker so it never waits for the parent.
Input grids go out as ``bytes([h, w]) + cells`` (other inputs are pickled as they are);
replies are fixed-size records + error texts + output cells, parsed strictly by the parent.
The per-grid ``timeout_s`` applies to every grid of a batch separately (a program that
spins on all of its N grids costs N x ``timeout_s``; the others are not starved since the
other workers go on). The clock for a program starts when the worker begins it, not when
the parent sends it: a worker still starting up or starved of CPU on a busy machine has
``_STARTUP_S`` (30 s) to pick a message up before it counts as hung. When a worker is hard-killed
(timeout) or dies (crash), the grid it was running (from the progress slot) gets the status;
if it died while compiling, every grid of that program in the message gets it; all other
grids of the message (and messages queued behind it) are re-queued and run again in a
fresh worker, so good grids still get their results. Each failure removes at least one
grid, so this terminates.

A worker that dies on its own is classified by its exit: ``SIGKILL`` that we did not send ->
``memory_limit`` (the usual sender is the kernel's out-of-memory killer); ``SIGXCPU`` ->
``timeout``; anything else -> ``runtime_error`` "worker crashed (...)". ``MemoryError``
raised inside the worker -> ``memory_limit``.

Throughput (2-core dev VM, noisy, Python 3.11; cheap programs like ``rotate_90`` on
random 3..15-sided grids, 1,000 evaluations per call, 2 workers): ``run_many`` with 4-grid
jobs of distinct programs ~50-60k evaluations/s vs ~40-60k in-process (``run_unsandboxed``,
which compiles per job); one program on 1,000 grids ~60-85k/s vs ~90-150k/s in-process
(there a ~3 us program is dominated by the per-grid output check and IPC: 1.3-2.2x).
A hard kill + worker replacement costs a few ms with ``fork``.

Start method
------------
Workers are forked (``fork`` is fastest on Linux; a replacement costs a few ms). Forking a
process that runs threads (torch, CUDA, OpenMP pools) is unsafe, so when ``torch`` is
already imported in the parent the default switches to ``forkserver`` (a clean server
process that imports only this module; then ``extra_primitives`` must be picklable, i.e.
module-level functions). Best practice: create the executor (or ``default_executor()``)
before importing torch. Executors are not fork-safe: a child process of the caller that
uses an inherited executor gets fresh workers of its own.
"""

from __future__ import annotations

import atexit
import ctypes
import itertools
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

from arc_pipeline.dsl.types import MAX_SIDE, Grid, is_grid
from arc_pipeline.program import ProgramError, compile_program, validate_program

__all__ = [
    "OK", "SYNTAX_ERROR", "INVALID_PROGRAM", "RUNTIME_ERROR", "TIMEOUT", "MEMORY_LIMIT",
    "BAD_OUTPUT", "STATUSES", "ExecResult", "Executor", "default_executor",
    "shutdown_default_executor", "run_unsandboxed",
]

OK = "ok"
SYNTAX_ERROR = "syntax_error"
INVALID_PROGRAM = "invalid_program"
RUNTIME_ERROR = "runtime_error"
TIMEOUT = "timeout"
MEMORY_LIMIT = "memory_limit"
BAD_OUTPUT = "bad_output"
STATUSES = (OK, SYNTAX_ERROR, INVALID_PROGRAM, RUNTIME_ERROR, TIMEOUT, MEMORY_LIMIT, BAD_OUTPUT)
_CODE = {s: i for i, s in enumerate(STATUSES)}

MAX_ERROR_CHARS = 300


@dataclass(frozen=True)
class ExecResult:
    """The outcome of one program on one grid.

    ``status`` is one of ``STATUSES``; ``output`` is the grid when ``status == "ok"`` (else
    None); ``error`` a short message (<= 300 chars) otherwise; ``seconds`` the time the call
    took (for a hard-killed call: the time until the kill).
    """

    status: str
    output: Grid | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == OK


_new = object.__new__


def _make_result(status: str, output: Grid | None, error: str | None, seconds: float) -> ExecResult:
    """Build an ExecResult ~3x faster than the frozen dataclass __init__ (hot path)."""
    result = _new(ExecResult)
    d = result.__dict__
    d["status"] = status
    d["output"] = output
    d["error"] = error
    d["seconds"] = seconds
    return result


def _truncate(message: str) -> str:
    return message if len(message) <= MAX_ERROR_CHARS else message[: MAX_ERROR_CHARS - 3] + "..."


def _describe(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - a hostile __str__ must not break the worker
        text = ""
    name = type(exc).__name__
    return _truncate(f"{name}: {text}" if text else name)


def _describe_bad_output(value: Any) -> str:
    kind = type(value).__name__
    extra = ""
    if isinstance(value, tuple):
        extra = f" of length {len(value)}"
        if value and isinstance(value[0], tuple):
            extra += f"x{len(value[0])}"
    return _truncate(
        f"program returned {kind}{extra}, not a grid (tuple of equal-length tuples of ints "
        f"0..9, 1..{MAX_SIDE} per side)"
    )


def _compile_status(exc: BaseException) -> tuple[str, str]:
    """Map an exception raised while validating/compiling a program to (status, message)."""
    if isinstance(exc, ProgramError):
        return (exc.kind if exc.kind in _CODE else INVALID_PROGRAM), _truncate(str(exc))
    if isinstance(exc, MemoryError):
        return MEMORY_LIMIT, _describe(exc)
    if isinstance(exc, RecursionError):
        return INVALID_PROGRAM, _truncate(f"program nests too deeply ({_describe(exc)})")
    if isinstance(exc, (SyntaxError, ValueError)):  # e.g. null bytes in the source
        return SYNTAX_ERROR, _describe(exc)
    return INVALID_PROGRAM, _describe(exc)


def _compile_with(source: str, primitives: Mapping[str, Callable]) -> Callable:
    """``program.compile_program`` with a different primitive table (test hook only)."""
    module = validate_program(source, set(primitives))
    code = compile(module, "<program>", "exec")
    namespace: dict[str, Any] = {"__builtins__": {}}
    namespace.update(primitives)
    exec(code, namespace)  # noqa: S102 - validated AST, empty builtins, inside the sandbox
    return namespace["solve"]


# --------------------------------------------------------------------------------------
# In-process execution (trusted programs only)
# --------------------------------------------------------------------------------------


def run_unsandboxed(program: str, grids: Sequence[Grid]) -> list[ExecResult]:
    """Compile and run ``program`` in THIS process, without any sandbox or time limit.

    Same result semantics as ``Executor.run`` minus timeouts and memory limits. Only for
    measuring sandbox overhead on TRUSTED, already verified programs: NEVER call this on
    untrusted (e.g. model-generated) program text.
    """
    try:
        solve = compile_program(program)
    except Exception as exc:  # noqa: BLE001
        status, message = _compile_status(exc)
        return [ExecResult(status, None, message, 0.0) for _ in grids]
    results = []
    clock = time.perf_counter
    for grid in grids:
        t0 = clock()
        try:
            value = solve(grid)
        except MemoryError as exc:
            results.append(ExecResult(MEMORY_LIMIT, None, _describe(exc), clock() - t0))
            continue
        except Exception as exc:  # noqa: BLE001
            results.append(ExecResult(RUNTIME_ERROR, None, _describe(exc), clock() - t0))
            continue
        seconds = clock() - t0
        if is_grid(value):
            results.append(ExecResult(OK, value if type(value) is tuple else tuple(value), None, seconds))
        else:
            results.append(ExecResult(BAD_OUTPUT, None, _describe_bad_output(value), seconds))
    return results


# --------------------------------------------------------------------------------------
# Wire format worker -> parent (parsed strictly by the parent; never unpickled)
# --------------------------------------------------------------------------------------

_HEADER = struct.Struct("<BI")  # flags, number of results
_RECORD = struct.Struct("<BBBdH")  # status code, height, width, seconds, error byte length
_MAX_ERROR_BYTES = 4 * MAX_ERROR_CHARS
_FLAG_RETIRE = 1
_DIGITS = bytes(range(10))
# progress slot per worker (doubles): flat index of the grid in the message, phase, start
# (time.monotonic, system-wide), sequence number of the message on this worker's connection
_SLOT = 4
_PHASE_COMPILE = 0.0
_PHASE_RUN = 1.0
# set by the parent when it hands a message to an idle worker, until the worker stamps the
# compile phase itself: a worker still starting up (or starved of CPU on a busy machine) must
# not have that time charged to the program it has not begun (a correct program would score 0)
_PHASE_QUEUED = 2.0
_STARTUP_S = 30.0  # a worker that takes longer than this to pick up a message is hung
_POLL_S = 0.05
_PIPELINE = 2  # messages in flight per worker


def _max_reply_bytes(count: int) -> int:
    return _HEADER.size + count * (_RECORD.size + _MAX_ERROR_BYTES + MAX_SIDE * MAX_SIDE)


class _ProtocolError(Exception):
    pass


def _decode_reply(data: bytes, expected: int) -> tuple[int, list[ExecResult]]:
    """Parse a worker reply: header, ``count`` fixed records, then all error texts, then all
    output cells (each block in record order). Anything malformed -> _ProtocolError."""
    if len(data) < _HEADER.size:
        raise _ProtocolError("short reply")
    flags, count = _HEADER.unpack_from(data, 0)
    if count != expected:
        raise _ProtocolError(f"expected {expected} results, got {count}")
    rec_end = _HEADER.size + count * _RECORD.size
    if len(data) < rec_end:
        raise _ProtocolError("truncated records")
    records = list(_RECORD.iter_unpack(data[_HEADER.size : rec_end]))
    err_total = 0
    cell_total = 0
    for code, h, w, seconds, elen in records:
        if code >= len(STATUSES) or elen > _MAX_ERROR_BYTES or not math.isfinite(seconds):
            raise _ProtocolError("bad record")
        if code == 0:
            if not (1 <= h <= MAX_SIDE and 1 <= w <= MAX_SIDE):
                raise _ProtocolError("bad grid shape")
            cell_total += h * w
        elif h or w:
            raise _ProtocolError("grid on a failed result")
        err_total += elen
    if len(data) != rec_end + err_total + cell_total:
        raise _ProtocolError("bad reply length")
    cells = data[rec_end + err_total :]
    if cells.translate(None, _DIGITS):
        raise _ProtocolError("bad grid cells")
    eoff = rec_end
    coff = 0
    out: list[ExecResult] = []
    append = out.append
    for code, h, w, seconds, elen in records:
        if code == 0:
            n = h * w
            append(_make_result(OK, tuple(zip(*[iter(cells[coff : coff + n])] * w)), None, seconds))
            coff += n
        else:
            append(_make_result(STATUSES[code], None, data[eoff : eoff + elen].decode("utf-8", "replace") if elen else None, seconds))
            eoff += elen
    return flags, out


_TUPLE_TYPE = {tuple}
_INT_TYPE = {int}


# --------------------------------------------------------------------------------------
# Parent side
# --------------------------------------------------------------------------------------


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


def _encode_grid(grid: Any) -> Any:
    """Wire form of an input grid: ``bytes([h, w]) + cells`` for a rectangular tuple of
    tuples of ints 0..255 (int subclasses such as bool or numpy ints arrive as plain ints),
    else ``[grid]`` (pickled as is)."""
    if type(grid) is tuple and 1 <= len(grid) <= MAX_SIDE:
        first = grid[0]
        if type(first) is tuple and 1 <= len(first) <= MAX_SIDE:
            width = len(first)
            if set(map(type, grid)) == _TUPLE_TYPE and set(map(len, grid)) == {width}:
                try:
                    return bytes((len(grid), width)) + bytes(itertools.chain.from_iterable(grid))
                except (TypeError, ValueError):
                    pass
    return [grid]


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
            self._ctx.set_forkserver_preload(["arc_pipeline.execution"])
        self._cfg = {
            "timeout_s": self.timeout_s,
            "compile_timeout_s": self.compile_timeout_s,
            "kill_grace_s": self.kill_grace_s,
            "memory_limit_mb": self.memory_limit_mb,
            "cache_size": int(cache_size),
            "recursion_limit": int(recursion_limit),
            "extra_primitives": dict(extra_primitives or {}),
        }
        self._lock = threading.RLock()
        self._workers: list[_Worker | None] = []
        self._progress = None
        self._owner = os.getpid()
        self._closed = False
        self.restarts = 0  # workers replaced after a kill, crash or retirement
        _LIVE.add(self)

    # ---------------------------------------------------------------- lifecycle

    def _phase_budget(self, phase: float) -> float:
        """Seconds a worker may spend in a progress phase before the parent kills it."""
        if phase == _PHASE_RUN:
            return self.timeout_s
        if phase == _PHASE_COMPILE:
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
                self._owner = os.getpid()
            if self._progress is None:
                self._progress = self._ctx.RawArray(ctypes.c_double, _SLOT * self.num_workers)
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

    def worker_pids(self) -> list[int]:
        """Pids of the current workers (for tests and diagnostics)."""
        with self._lock:
            self.start()
            return [w.pid for w in self._workers if w is not None]

    def _spawn(self, slot: int) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(
            target=sandbox_worker._worker_main,
            args=(child_conn, self._progress, slot, self._cfg),
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
                results[j] = [_make_result(SYNTAX_ERROR, None, error, 0.0) for _ in grids]
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
            results[j][i] = _make_result(status, None, _truncate(error), seconds)

        def settle(task: _Task, failed_flat: int | None, phase: float, status: str, error: str, seconds: float):
            """The worker died while running `task`: give `status` to the grid it was on (to
            the whole program if it was compiling; to everything if unknown) and re-queue
            every other grid of the task."""
            keep: list[tuple[int, str, list[int]]] = []
            flat = 0
            for j, program, idxs in task.segments:
                seg_start, flat = flat, flat + len(idxs)
                if failed_flat is not None and not seg_start <= failed_flat < flat:
                    keep.append((j, program, idxs))
                    continue
                if failed_flat is None or phase != _PHASE_RUN:  # it never got to run a grid
                    dead, rest = idxs, []
                else:
                    k = failed_flat - seg_start
                    dead, rest = [idxs[k]], idxs[:k] + idxs[k + 1 :]
                for i in dead:
                    fail(j, i, status, error, seconds)
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
            one it was running (per its progress slot) loses the grid it was on, the others
            never started and are re-queued. `failed`: the worker died or was killed (not
            retired); if the running task is unknown, the oldest one is charged an attempt."""
            code = worker.kill()
            self.restarts += 1
            fresh = self._spawn(worker.slot)
            self._workers[worker.slot] = fresh
            workers[workers.index(worker)] = fresh
            if status is None:
                status, error = _classify_exit(code)
            now = monotonic()
            tasks = list(worker.inflight)
            worker.inflight.clear()
            running_seq = int(running[3]) if running is not None else None
            matched = any(seq == running_seq for seq, _ in tasks)
            for n in range(len(tasks) - 1, -1, -1):  # appendleft in reverse: keep the order
                seq, task = tasks[n]
                if matched and seq == running_seq:
                    settle(task, int(running[0]), running[1], status, error, now - running[2])
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
                        enc = encoded[id(grid)] = _encode_grid(grid)
                    wire.append(enc)
                segments.append((program, wire))
            try:
                return pickle.dumps(segments, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - unpicklable input: a caller bug
                for j, _, idxs in task.segments:
                    for i in idxs:
                        fail(j, i, RUNTIME_ERROR, f"could not send the job: {_describe(exc)}", 0.0)
                return None

        def snapshot(worker: _Worker) -> tuple[float, float, float, float]:
            base = worker.slot * _SLOT
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
                        base = worker.slot * _SLOT
                        progress[base + 3] = worker.sent
                        progress[base + 2] = monotonic()
                        progress[base + 1] = _PHASE_QUEUED
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
                    reply = _decode_reply(conn.recv_bytes(_max_reply_bytes(task.size)), task.size)
                except (EOFError, OSError, _ProtocolError, struct.error):
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
                if flags & _FLAG_RETIRE or (
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
                what = {_PHASE_RUN: "running", _PHASE_COMPILE: "compiling"}.get(snap[1], "starting")
                replace(
                    worker, snap, TIMEOUT, f"exceeded the time limit of {budget:g}s while {what} (worker killed)",
                    failed=True,
                )


# --------------------------------------------------------------------------------------
# Shared default instance
# --------------------------------------------------------------------------------------

_DEFAULT: Executor | None = None
_DEFAULT_LOCK = threading.Lock()


def default_executor() -> Executor:
    """A lazily created process-wide Executor with default settings (closed at exit)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None or _DEFAULT._closed or _DEFAULT._owner != os.getpid():
            _DEFAULT = Executor()
        return _DEFAULT


def shutdown_default_executor() -> None:
    """Close the shared default executor, if one was created."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is not None:
            _DEFAULT.close()
            _DEFAULT = None


# The worker-process side lives in its own module; imported last because it uses the names above.
from arc_pipeline import sandbox_worker  # noqa: E402
