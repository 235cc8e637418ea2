"""The worker-process side of the sandbox (see ``arc_pipeline.execution`` for what the sandbox
covers and what it does not): limits set at start, the serve loop, soft timeouts, the reply
and the per-grid results log. Only ``pool.Executor`` starts these workers; this module
imports ``protocol`` and never the pool, so the two sides share no import circle.
"""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import resource
import signal
import sys
import time
from collections import OrderedDict
from typing import Any, Callable, Mapping

from arc_pipeline.dsl.types import is_grid
from arc_pipeline.execution.protocol import (
    BAD_OUTPUT,
    FLAG_RETIRE,
    HEADER,
    LOG_HEADER,
    MEMORY_LIMIT,
    PHASE_COMPILE,
    PHASE_RUN,
    RECORD,
    RUNTIME_ERROR,
    SLOT,
    TIMEOUT,
    compile_status,
    compile_with,
    decode_grid,
    describe,
    describe_bad_output,
    error_entry,
    grid_bytes,
)
from arc_pipeline.program import compile_program

_ARMED = False
_WORKER_PID = -1


class _SoftTimeout(BaseException):
    """Raised by the SIGALRM handler inside a running program (BaseException: not catchable
    by ``except Exception`` in primitives)."""


def _on_alarm(signum, frame):  # noqa: ARG001
    if _ARMED:
        raise _SoftTimeout()


def _guarded(fn: Callable, arg: Any, budget: float) -> tuple[bool, Any, float]:
    """Run fn(arg) under the soft timer. Returns (ok, value-or-exception, seconds).

    The timer is re-armed (replacing any earlier one) for each call but not disarmed after
    it, to save a syscall per grid: ``_ARMED`` makes a late alarm a no-op, and ``_serve``
    disarms once per message. ``_ARMED`` is set after arming so a stale pending alarm from
    the previous call cannot hit this one.
    """
    global _ARMED
    clock = time.perf_counter
    t0 = clock()
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, budget)
            _ARMED = True
            value = fn(arg)
        finally:
            if os.getpid() != _WORKER_PID:  # a forked child returned into the worker loop
                os._exit(0)
            _ARMED = False
    except BaseException as exc:  # noqa: BLE001 - every failure becomes a status
        _ARMED = False
        return False, exc, clock() - t0
    return True, value, clock() - t0


def _has_children() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return False
    return True


def _vm_size_bytes() -> int:
    with open("/proc/self/status", "rb") as fh:
        for line in fh:
            if line.startswith(b"VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _lock_down_fds(keep: int) -> int:
    """Close inherited fds, fill holes with /dev/null; returns the highest open fd."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        if fd != keep and fd != devnull:
            os.dup2(devnull, fd)
    try:
        os.fstat(2)
    except OSError:
        if keep != 2 and devnull != 2:
            os.dup2(devnull, 2)
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2 and fd != keep:
            try:
                os.close(fd)
            except OSError:
                pass
    while True:  # os.open returns the lowest free descriptor: fill every hole below `keep`
        fd = os.open(os.devnull, os.O_RDWR)
        if fd > keep:
            os.close(fd)
            break
    return max(2, keep)


def _set_limit(which: str, soft: int, hard: int | None, notes: list[str]) -> None:
    res = getattr(resource, which)
    try:
        cur_soft, cur_hard = resource.getrlimit(res)
        if hard is None:
            hard = cur_hard
        if cur_hard != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or hard > cur_hard):
            hard = cur_hard
        if hard != resource.RLIM_INFINITY and soft > hard:
            soft = hard
        resource.setrlimit(res, (soft, hard))
    except (OSError, ValueError) as exc:
        notes.append(f"{which}: {exc}")


_WARMUP_PROGRAM = "def solve(I):\n    O = identity(I)\n    return O\n"


def _worker_setup(conn, cfg: dict) -> Mapping[str, Callable] | None:
    global _WORKER_PID
    _WORKER_PID = os.getpid()
    try:
        os.setpgid(0, 0)  # own process group: a kill takes any forked children along
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, _on_alarm)
    sys.setrecursionlimit(cfg["recursion_limit"])

    from arc_pipeline.dsl import PRIMITIVES

    extra = cfg["extra_primitives"]
    table: Mapping[str, Callable] | None = None
    if extra:
        table = dict(PRIMITIVES)
        table.update(extra)
    # warm up every lazily-imported code path we know of before file descriptors are locked
    warm = compile_with(_WARMUP_PROGRAM, table) if table else compile_program(_WARMUP_PROGRAM)
    grid = ((0, 1), (2, 3))
    _guarded(warm, grid, 10.0)
    _guarded(warm, grid, 10.0)
    is_grid(grid)
    describe(ValueError("x"))
    try:
        _has_children()
        signal.setitimer(signal.ITIMER_REAL, 0)
    except OSError:
        pass

    gc.collect()
    gc.freeze()  # inherited objects are never collected again (no stray close() of a reused fd)

    notes: list[str] = []
    vm = _vm_size_bytes()
    top = _lock_down_fds(conn.fileno())
    _set_limit("RLIMIT_CORE", 0, 0, notes)
    if cfg["memory_limit_mb"]:
        limit = vm + int(cfg["memory_limit_mb"]) * 1024 * 1024
        _set_limit("RLIMIT_AS", limit, limit, notes)
    _set_limit("RLIMIT_FSIZE", 0, 0, notes)
    _set_limit("RLIMIT_NPROC", 0, 0, notes)
    _set_limit("RLIMIT_NOFILE", top + 1, top + 1, notes)
    if notes:
        try:
            os.write(2, ("arc_pipeline.execution: worker limits not applied: " + "; ".join(notes) + "\n").encode())
        except OSError:
            pass
    return table


class _ResultsLog:
    """This worker's area of the shared results log (layout in ``protocol``).

    Each finished grid's entry is appended before the next grid starts, so the parent can
    recover every finished result of a message after it had to kill this worker. Entries are
    written before the header that counts them: a kill mid-write leaves them uncounted.
    """

    __slots__ = ("view", "cap", "seq", "count", "used", "full")

    def __init__(self, buffer, slot: int, size: int):
        self.view = memoryview(buffer).cast("B")[slot * size : (slot + 1) * size] if buffer is not None else None
        self.cap = size - LOG_HEADER.size
        self.seq = self.count = self.used = 0
        self.full = self.view is None

    def start(self, seq: int) -> None:
        """Begin the log of message ``seq`` (forgets the previous message's entries)."""
        self.seq, self.count, self.used = seq, 0, 0
        self.full = self.view is None
        if self.view is not None:
            LOG_HEADER.pack_into(self.view, 0, seq, 0, 0)

    def append(self, *parts: bytes) -> None:
        """Log one grid's entry; once one does not fit, log nothing more of this message."""
        if self.full:
            return
        size = sum(map(len, parts))
        if self.used + size > self.cap:
            self.full = True
            return
        off = LOG_HEADER.size + self.used
        for part in parts:
            self.view[off : off + len(part)] = part
            off += len(part)
        self.used += size
        self.count += 1
        LOG_HEADER.pack_into(self.view, 0, self.seq, self.count, self.used)

    def mark(self) -> tuple[int, int, bool]:
        return self.count, self.used, self.full

    def rewind(self, mark: tuple[int, int, bool]) -> None:
        """Drop the entries logged since ``mark`` (a program that forked: its results are void)."""
        self.count, self.used, self.full = mark
        if self.view is not None:
            LOG_HEADER.pack_into(self.view, 0, self.seq, self.count, self.used)


def worker_main(conn, progress, log, slot: int, cfg: dict) -> None:
    """Entry point of a worker process: set up the walls, then serve messages forever."""
    try:
        table = _worker_setup(conn, cfg)
    except BaseException as exc:  # noqa: BLE001
        try:
            os.write(2, f"arc_pipeline.execution: worker setup failed: {exc!r}\n".encode())
        except OSError:
            pass
        os._exit(70)
    try:
        _serve(conn, progress, _ResultsLog(log, slot, int(cfg["log_bytes"])), slot, cfg, table)
    except BaseException:  # noqa: BLE001 - never let a worker run past a broken loop
        os._exit(71)
    os._exit(0)


def _serve(conn, progress, log: _ResultsLog, slot: int, cfg: dict, table) -> None:
    """Answer messages until EOF: per message one reply; per grid one results-log entry."""
    timeout = float(cfg["timeout_s"])
    compile_budget = float(cfg["compile_timeout_s"])
    grace = float(cfg["kill_grace_s"])
    cache_size = int(cfg["cache_size"])
    cache: OrderedDict[str, Any] = OrderedDict()
    base = slot * SLOT
    monotonic = time.monotonic
    pack = RECORD.pack
    compiler = (lambda src: compile_with(src, table)) if table else compile_program
    has_cpu_limit = True
    decoded: dict[bytes, Any] = {}
    seq = 0

    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        seq += 1
        log.start(seq)
        progress[base + 3] = seq
        segments = pickle.loads(data)  # from the trusted parent
        if len(decoded) > 4096:
            decoded.clear()
        n_grids = sum(len(g) for _, g in segments)
        if has_cpu_limit:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            budget = usage.ru_utime + usage.ru_stime + n_grids * timeout + len(segments) * compile_budget
            try:
                soft = int(budget + grace + 2)
                resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.getrlimit(resource.RLIMIT_CPU)[1]))
            except (OSError, ValueError):
                has_cpu_limit = False
        recs: list[bytes] = []  # one fixed-size record per grid
        errs: list[bytes] = []  # error texts, in record order
        cells_out: list[bytes] = []  # output cells, in record order
        flags = 0
        flat = 0
        for program, grids in segments:
            progress[base + 2] = monotonic()
            progress[base + 1] = PHASE_COMPILE
            progress[base] = flat
            entry = cache.get(program)
            if entry is None:
                ok, value, _ = _guarded(compiler, program, compile_budget)
                if ok:
                    entry = value
                elif isinstance(value, _SoftTimeout):
                    entry = (TIMEOUT, f"compiling the program took longer than {compile_budget:g}s")
                else:
                    entry = compile_status(value)
                if _has_children():
                    flags |= FLAG_RETIRE
                    entry = (RUNTIME_ERROR, "the program started a child process")
                cache[program] = entry
                if len(cache) > cache_size:
                    cache.popitem(last=False)
            else:
                cache.move_to_end(program)
            if isinstance(entry, tuple):  # compile failure: same result for every grid
                rec, err = error_entry(entry[0], entry[1], 0.0)
                recs.extend(itertools.repeat(rec, len(grids)))
                errs.extend(itertools.repeat(err, len(grids)))
                for _ in grids:
                    log.append(rec, err)
                flat += len(grids)
                continue
            marks = (len(recs), len(errs), len(cells_out), log.mark())
            for grid in grids:
                if type(grid) is bytes:  # compact wire form, see protocol.encode_grid
                    enc = grid
                    grid = decoded.get(enc)
                    if grid is None:
                        grid = decoded[enc] = decode_grid(enc)
                else:
                    grid = grid[0]
                progress[base + 2] = monotonic()
                progress[base + 1] = PHASE_RUN
                progress[base] = flat
                flat += 1
                ok, value, seconds = _guarded(entry, grid, timeout)
                if ok:
                    cells = grid_bytes(value)
                    if cells is not None:
                        rec = pack(0, len(value), len(value[0]), seconds, 0)
                        recs.append(rec)
                        cells_out.append(cells)
                        log.append(rec, cells)
                        value = None
                        continue
                    rec, err = error_entry(BAD_OUTPUT, describe_bad_output(value), seconds)
                elif isinstance(value, _SoftTimeout):
                    rec, err = error_entry(TIMEOUT, f"exceeded the time limit of {timeout:g}s", seconds)
                elif isinstance(value, MemoryError):
                    rec, err = error_entry(MEMORY_LIMIT, describe(value), seconds)
                else:
                    rec, err = error_entry(RUNTIME_ERROR, describe(value), seconds)
                value = None
                recs.append(rec)
                errs.append(err)
                log.append(rec, err)
            if _has_children():  # checked per program: the whole segment is void
                flags |= FLAG_RETIRE
                del recs[marks[0] :], errs[marks[1] :], cells_out[marks[2] :]
                log.rewind(marks[3])
                rec, err = error_entry(RUNTIME_ERROR, "the program started a child process", 0.0)
                for _ in grids:
                    recs.append(rec)
                    errs.append(err)
                    log.append(rec, err)
        signal.setitimer(signal.ITIMER_REAL, 0)
        parts = [HEADER.pack(flags, flat)]
        parts.extend(recs)
        parts.extend(errs)
        parts.extend(cells_out)
        try:
            conn.send_bytes(b"".join(parts))
        except (OSError, ValueError):
            return
        if flags & FLAG_RETIRE:
            return
