"""Sandboxed execution of DSL programs: a pool of limited worker processes.

``Executor`` runs validated programs (see ``arc_pipeline.program``) on grids in long-lived
worker processes and always returns one ``ExecResult`` per (program, grid): the caller never
hangs and never sees an exception from a program. Typical use::

    with Executor(timeout_s=1.0) as ex:
        results = ex.run(program_text, [grid1, grid2])
        per_job = ex.run_many([(prog_a, grids_a), (prog_b, grids_b)])

Modules (the worker never imports the pool; ``test_execution_imports`` checks that there is
no import circle): ``protocol`` (statuses, ``ExecResult``, error texts, wire format and its
limits, shared by both sides), ``pool`` (parent side: ``Executor``, scheduling, kills,
``default_executor``), ``worker`` (worker-process side: limits, serve loop, soft timeouts),
``inprocess`` (``run_unsandboxed``, trusted programs only). This package re-exports the
public API; ``Executor.settings()`` gives the limits in effect (to record with results).

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
``_STARTUP_S`` (30 s) to pick a message up before it counts as hung. Each finished grid's result is also
appended, before the next grid starts, to the worker's area of a shared-memory *results log*
(same records, parsed just as strictly). When a worker is hard-killed (timeout) or dies
(crash), the parent reads that log: every grid the worker had finished keeps its result, the
grid it was running (from the progress slot) gets the status (if it died while compiling,
every grid of that program in the message gets it), and only the grids it never reached (and
messages queued behind it) are run again in a fresh worker. So a kill costs one grid, not the
whole message. (If a child process the program forked is alive in the worker's group at
that moment, the logged results of that program are void and it is run again.) Each
failure removes at least one grid, so this terminates.

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
process that imports only this package; then ``extra_primitives`` must be picklable, i.e.
module-level functions). Best practice: create the executor (or ``default_executor()``)
before importing torch. Executors are not fork-safe: a child process of the caller that
uses an inherited executor gets fresh workers of its own.
"""

from arc_pipeline.execution.inprocess import run_unsandboxed
from arc_pipeline.execution.pool import Executor, default_executor, shutdown_default_executor
from arc_pipeline.execution.protocol import (
    BAD_OUTPUT,
    INVALID_PROGRAM,
    MAX_ERROR_CHARS,
    MEMORY_LIMIT,
    OK,
    RUNTIME_ERROR,
    STATUSES,
    SYNTAX_ERROR,
    TIMEOUT,
    ExecResult,
)

__all__ = [
    "OK", "SYNTAX_ERROR", "INVALID_PROGRAM", "RUNTIME_ERROR", "TIMEOUT", "MEMORY_LIMIT",
    "BAD_OUTPUT", "STATUSES", "MAX_ERROR_CHARS", "ExecResult", "Executor", "default_executor",
    "shutdown_default_executor", "run_unsandboxed",
]
