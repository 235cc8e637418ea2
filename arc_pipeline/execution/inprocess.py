"""In-process execution of TRUSTED programs, for measuring sandbox overhead (``bench``).

Same result semantics as ``Executor.run`` minus timeouts and memory limits; no walls at all.
"""

from __future__ import annotations

import time
from typing import Sequence

from arc_pipeline.dsl.types import Grid, is_grid
from arc_pipeline.execution.protocol import (
    BAD_OUTPUT,
    MEMORY_LIMIT,
    OK,
    RUNTIME_ERROR,
    ExecResult,
    compile_status,
    describe,
    describe_bad_output,
)
from arc_pipeline.program import compile_program


def run_unsandboxed(program: str, grids: Sequence[Grid]) -> list[ExecResult]:
    """Compile and run ``program`` in THIS process, without any sandbox or time limit.

    Same result semantics as ``Executor.run`` minus timeouts and memory limits. Only for
    measuring sandbox overhead on TRUSTED, already verified programs: NEVER call this on
    untrusted (e.g. model-generated) program text.
    """
    try:
        solve = compile_program(program)
    except Exception as exc:  # noqa: BLE001
        status, message = compile_status(exc)
        return [ExecResult(status, None, message, 0.0) for _ in grids]
    results = []
    clock = time.perf_counter
    for grid in grids:
        t0 = clock()
        try:
            value = solve(grid)
        except MemoryError as exc:
            results.append(ExecResult(MEMORY_LIMIT, None, describe(exc), clock() - t0))
            continue
        except Exception as exc:  # noqa: BLE001
            results.append(ExecResult(RUNTIME_ERROR, None, describe(exc), clock() - t0))
            continue
        seconds = clock() - t0
        if is_grid(value):
            results.append(ExecResult(OK, value if type(value) is tuple else tuple(value), None, seconds))
        else:
            results.append(ExecResult(BAD_OUTPUT, None, describe_bad_output(value), seconds))
    return results
