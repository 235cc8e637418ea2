"""What the parent-side pool and the worker share: statuses, the result type, error texts,
limits of the wire format, and the encodings both ends must agree on.

Imported by ``pool`` (parent) and ``worker``; it imports neither, so the two sides never
import each other. The parent parses everything that comes from a worker strictly and never
unpickles it (see the package docstring); inputs going to a worker are pickled (trusted).

Two channels carry results from a worker to the parent:

- the **reply** on the pipe, one per message: header, ``count`` fixed records, then all error
  texts, then all output cells (each block in record order);
- the **results log**, a per-worker shared-memory area where the worker appends each grid's
  result (record, error text, cells) as soon as the grid is done. The parent reads it only
  after the worker is dead (killed or crashed), so that a kill costs just the grid that was
  running and not the finished grids of the same message.
"""

from __future__ import annotations

import itertools
import math
import struct
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from arc_pipeline.dsl.types import MAX_SIDE, Grid
from arc_pipeline.program import ProgramError, validate_program

OK = "ok"
SYNTAX_ERROR = "syntax_error"
INVALID_PROGRAM = "invalid_program"
RUNTIME_ERROR = "runtime_error"
TIMEOUT = "timeout"
MEMORY_LIMIT = "memory_limit"
BAD_OUTPUT = "bad_output"
STATUSES = (OK, SYNTAX_ERROR, INVALID_PROGRAM, RUNTIME_ERROR, TIMEOUT, MEMORY_LIMIT, BAD_OUTPUT)
CODE = {s: i for i, s in enumerate(STATUSES)}

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


def make_result(status: str, output: Grid | None, error: str | None, seconds: float) -> ExecResult:
    """Build an ExecResult ~3x faster than the frozen dataclass __init__ (hot path)."""
    result = _new(ExecResult)
    d = result.__dict__
    d["status"] = status
    d["output"] = output
    d["error"] = error
    d["seconds"] = seconds
    return result


# --------------------------------------------------------------------------------------
# Error texts
# --------------------------------------------------------------------------------------


def truncate(message: str) -> str:
    """Cap an error text at MAX_ERROR_CHARS so a hostile message cannot flood a result."""
    return message if len(message) <= MAX_ERROR_CHARS else message[: MAX_ERROR_CHARS - 3] + "..."


def describe(exc: BaseException) -> str:
    """``"Type: text"`` of an exception, robust to a hostile ``__str__``."""
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - a hostile __str__ must not break the worker
        text = ""
    name = type(exc).__name__
    return truncate(f"{name}: {text}" if text else name)


def describe_bad_output(value: Any) -> str:
    """Why ``value`` is not a grid, in a line a model can act on."""
    kind = type(value).__name__
    extra = ""
    if isinstance(value, tuple):
        extra = f" of length {len(value)}"
        if value and isinstance(value[0], tuple):
            extra += f"x{len(value[0])}"
    return truncate(
        f"program returned {kind}{extra}, not a grid (tuple of equal-length tuples of ints "
        f"0..9, 1..{MAX_SIDE} per side)"
    )


def compile_status(exc: BaseException) -> tuple[str, str]:
    """Map an exception raised while validating/compiling a program to (status, message)."""
    if isinstance(exc, ProgramError):
        return (exc.kind if exc.kind in CODE else INVALID_PROGRAM), truncate(str(exc))
    if isinstance(exc, MemoryError):
        return MEMORY_LIMIT, describe(exc)
    if isinstance(exc, RecursionError):
        return INVALID_PROGRAM, truncate(f"program nests too deeply ({describe(exc)})")
    if isinstance(exc, (SyntaxError, ValueError)):  # e.g. null bytes in the source
        return SYNTAX_ERROR, describe(exc)
    return INVALID_PROGRAM, describe(exc)


def compile_with(source: str, primitives: Mapping[str, Callable]) -> Callable:
    """``program.compile_program`` with a different primitive table (test hook only)."""
    module = validate_program(source, set(primitives))
    code = compile(module, "<program>", "exec")
    namespace: dict[str, Any] = {"__builtins__": {}}
    namespace.update(primitives)
    exec(code, namespace)  # noqa: S102 - validated AST, empty builtins, inside the sandbox
    return namespace["solve"]


# --------------------------------------------------------------------------------------
# Wire format
# --------------------------------------------------------------------------------------

HEADER = struct.Struct("<BI")  # flags, number of results
RECORD = struct.Struct("<BBBdH")  # status code, height, width, seconds, error byte length
MAX_ERROR_BYTES = 4 * MAX_ERROR_CHARS
MAX_ENTRY_BYTES = RECORD.size + MAX_ERROR_BYTES + MAX_SIDE * MAX_SIDE
FLAG_RETIRE = 1
DIGITS = bytes(range(10))
TUPLE_TYPE = {tuple}
INT_TYPE = {int}

# progress slot per worker (doubles): flat index of the grid in the message, phase, start
# (time.monotonic, system-wide), sequence number of the message on this worker's connection
SLOT = 4
PHASE_COMPILE = 0.0
PHASE_RUN = 1.0
# set by the parent when it hands a message to an idle worker, until the worker stamps the
# compile phase itself: a worker still starting up (or starved of CPU on a busy machine) must
# not have that time charged to the program it has not begun (a correct program would score 0)
PHASE_QUEUED = 2.0

# results log per worker: header (message sequence number, entries, bytes used) + entries,
# each one RECORD + error bytes + cells. Capped so a huge batch_size cannot eat memory; a
# worker that runs out of room just stops logging (those grids are re-run after a kill).
LOG_HEADER = struct.Struct("<QII")
MAX_LOG_BYTES = 4 * 1024 * 1024


class ProtocolError(Exception):
    """A worker sent something that does not parse: the parent treats it as a crash."""


def max_reply_bytes(count: int) -> int:
    """Largest well-formed reply for ``count`` results (the parent refuses longer ones)."""
    return HEADER.size + count * MAX_ENTRY_BYTES


def log_bytes(batch_size: int) -> int:
    """Size of one worker's results log: room for a full message, within MAX_LOG_BYTES."""
    return min(MAX_LOG_BYTES, LOG_HEADER.size + batch_size * MAX_ENTRY_BYTES)


def encode_grid(grid: Any) -> Any:
    """Wire form of an input grid: ``bytes([h, w]) + cells`` for a rectangular tuple of
    tuples of ints 0..255 (int subclasses such as bool or numpy ints arrive as plain ints),
    else ``[grid]`` (pickled as is)."""
    if type(grid) is tuple and 1 <= len(grid) <= MAX_SIDE:
        first = grid[0]
        if type(first) is tuple and 1 <= len(first) <= MAX_SIDE:
            width = len(first)
            if set(map(type, grid)) == TUPLE_TYPE and set(map(len, grid)) == {width}:
                try:
                    return bytes((len(grid), width)) + bytes(itertools.chain.from_iterable(grid))
                except (TypeError, ValueError):
                    pass
    return [grid]


def decode_grid(enc: bytes) -> Grid:
    """Inverse of ``encode_grid`` for its bytes form (worker side)."""
    return tuple(zip(*[iter(enc[2:])] * enc[1]))


def grid_bytes(value: Any) -> bytes | None:
    """The cells of ``value`` row-major as bytes if ``is_grid(value)``, else None.

    Same acceptance as ``dsl.types.is_grid`` (checked by a test), but mostly C loops; run in
    the worker so that a huge or hostile result never crosses the pipe.
    """
    if not isinstance(value, tuple) or not 1 <= len(value) <= MAX_SIDE:
        return None
    first = value[0]
    if not isinstance(first, tuple) or not 1 <= len(first) <= MAX_SIDE:
        return None
    if set(map(type, value)) != TUPLE_TYPE or set(map(len, value)) != {len(first)}:
        return None
    flat = tuple(itertools.chain.from_iterable(value))
    if set(map(type, flat)) != INT_TYPE:
        return None
    try:
        cells = bytes(flat)
    except ValueError:  # negative or > 255
        return None
    return None if cells.translate(None, DIGITS) else cells


def error_entry(status: str, message: str, seconds: float) -> tuple[bytes, bytes]:
    """(record, error bytes) of a failed result, the text cut to MAX_ERROR_BYTES."""
    err = message.encode("utf-8", "replace")[:MAX_ERROR_BYTES]
    return RECORD.pack(CODE[status], 0, 0, seconds, len(err)), err


def _check_record(code: int, h: int, w: int, seconds: float, elen: int) -> int:
    """Validate one record; returns its number of output cells."""
    if code >= len(STATUSES) or elen > MAX_ERROR_BYTES or not math.isfinite(seconds):
        raise ProtocolError("bad record")
    if code == 0:
        if not (1 <= h <= MAX_SIDE and 1 <= w <= MAX_SIDE):
            raise ProtocolError("bad grid shape")
        return h * w
    if h or w:
        raise ProtocolError("grid on a failed result")
    return 0


def _result_of(code: int, w: int, seconds: float, error: bytes, cells: bytes) -> ExecResult:
    if code == 0:
        return make_result(OK, tuple(zip(*[iter(cells)] * w)), None, seconds)
    return make_result(STATUSES[code], None, error.decode("utf-8", "replace") if error else None, seconds)


def decode_reply(data: bytes, expected: int) -> tuple[int, list[ExecResult]]:
    """Parse a worker reply: header, ``count`` fixed records, then all error texts, then all
    output cells (each block in record order). Anything malformed -> ProtocolError."""
    if len(data) < HEADER.size:
        raise ProtocolError("short reply")
    flags, count = HEADER.unpack_from(data, 0)
    if count != expected:
        raise ProtocolError(f"expected {expected} results, got {count}")
    rec_end = HEADER.size + count * RECORD.size
    if len(data) < rec_end:
        raise ProtocolError("truncated records")
    records = list(RECORD.iter_unpack(data[HEADER.size : rec_end]))
    err_total = 0
    cell_total = 0
    for code, h, w, seconds, elen in records:
        cell_total += _check_record(code, h, w, seconds, elen)
        err_total += elen
    if len(data) != rec_end + err_total + cell_total:
        raise ProtocolError("bad reply length")
    cells = data[rec_end + err_total :]
    if cells.translate(None, DIGITS):
        raise ProtocolError("bad grid cells")
    eoff = rec_end
    coff = 0
    out: list[ExecResult] = []
    append = out.append
    for code, h, w, seconds, elen in records:
        if code == 0:
            n = h * w
            append(make_result(OK, tuple(zip(*[iter(cells[coff : coff + n])] * w)), None, seconds))
            coff += n
        else:
            append(make_result(STATUSES[code], None, data[eoff : eoff + elen].decode("utf-8", "replace") if elen else None, seconds))
            eoff += elen
    return flags, out


def decode_log(data: bytes, seq: int, limit: int) -> list[ExecResult]:
    """The results a dead worker logged for message ``seq`` (at most ``limit``, in grid order).

    Strict like ``decode_reply`` but forgiving at the end: the log of a worker killed while
    writing may end in a partial entry, which is dropped (that grid is simply run again).
    A log of another message, or one that does not parse, gives no results.
    """
    if len(data) < LOG_HEADER.size:
        return []
    logged_seq, count, used = LOG_HEADER.unpack_from(data, 0)
    if logged_seq != seq or used > len(data) - LOG_HEADER.size:
        return []
    end = LOG_HEADER.size + used
    off = LOG_HEADER.size
    out: list[ExecResult] = []
    try:
        while len(out) < min(count, limit) and off + RECORD.size <= end:
            code, h, w, seconds, elen = RECORD.unpack_from(data, off)
            n = _check_record(code, h, w, seconds, elen)
            stop = off + RECORD.size + elen + n
            if stop > end:
                break
            error = data[off + RECORD.size : off + RECORD.size + elen]
            cells = data[off + RECORD.size + elen : stop]
            if cells.translate(None, DIGITS):
                raise ProtocolError("bad grid cells")
            out.append(_result_of(code, w, seconds, error, cells))
            off = stop
    except ProtocolError:
        return []
    return out
