"""Command line: ``arc-pipeline verify | score | bench | run | reference | review``.

Heavy imports (dagster, torch) happen inside the command that needs them, so ``score`` and
``verify`` start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _print_table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for c in columns:
        table.add_column(c)
    for r in rows:
        table.add_row(*[str(v) for v in r])
    Console(stderr=False).print(table)


def format_primitive_usage(usage: dict[str, int], width: int = 100) -> str:
    """Text block for `verify`: solvers per primitive (most used first) and the unused ones."""
    import textwrap

    used = [f"{name}={n}" for name, n in usage.items() if n]
    unused = [name for name, n in usage.items() if not n]
    lines = [f"primitive use: {len(used)} of {len(usage)} primitives used by at least one solver "
             "(solvers per primitive):"]
    lines += textwrap.wrap(", ".join(used), width, initial_indent="  ", subsequent_indent="  ")
    lines.append(f"unused primitives ({len(unused)}): {', '.join(unused) if unused else 'none'}")
    return "\n".join(lines)


def cmd_verify(args) -> int:
    if args.hash_seeds:
        from arc_pipeline.solutions.verify import verify_under_hash_seeds

        extra = (["--dataset", args.dataset, "--split", args.split] + sum((["--task", t] for t in args.task or []), [])
                 + (["--programs", args.programs] if args.programs else []))
        out = verify_under_hash_seeds([s.strip() for s in args.hash_seeds.split(",")], extra)
        print(json.dumps(out, indent=1) if args.json else
              f"PYTHONHASHSEED {out['seeds']}: passed {out['passed']}, failed {out['failed']}, "
              f"tasks whose outputs differ between seeds: {len(out['disagreements'])} {out['disagreements'][:10]}")
        ok = not out["disagreements"] and not any(out["failed"].values())
        return 0 if ok else 1
    from arc_pipeline.execution import Executor
    from arc_pipeline.solutions import load_solutions
    from arc_pipeline.solutions.verify import verify_solutions
    from arc_pipeline.tasks import load_tasks

    tasks = load_tasks(args.dataset, args.split)
    try:
        solutions = load_solutions(args.programs)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.task:
        solutions = {t: solutions[t] for t in args.task if t in solutions}
    probes = [p.strip() for p in args.probes.split(",") if p.strip()] if args.probes else None
    try:
        with Executor(num_workers=args.workers) as executor:
            report = verify_solutions(solutions, tasks, executor, progress=not args.json, probes=probes)
    except ValueError as exc:  # a malformed exemption line or an unknown probe name
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=1))
    else:
        failed = report.rows.filter(~report.rows["passed"])
        if failed.height:
            _print_table("failing solvers", ["task", "correct/pairs", "first failure"],
                         [[r["task_id"], f"{r['n_correct']}/{r['n_pairs']}", r["first_failure"]]
                          for r in failed.to_dicts()])
        _print_table(
            "verification", ["solvers", "passed", "failed", "tasks in split", "data revision",
                             "python", "PYTHONHASHSEED", "seconds"],
            [[report.rows.height, report.passed, report.failed, len(tasks), report.data_revision,
              report.python, report.hash_seed, f"{report.seconds:.2f}"]])
        for row in report.rows.filter(report.rows["data_flaw"].is_not_null()).to_dicts():
            print(f"data flaw documented by the {row['task_id']} solver: {row['data_flaw']}")
        print(format_primitive_usage(report.primitive_usage))
        print(f"{report.passed} passed, {report.failed} failed"
              + (f" ({len(report.with_data_flaw)} solver with a documented data-flaw exception)"
                 if report.with_data_flaw else ""))
        if report.probes is not None:
            print(format_probe_report(report.probes))
    return 0 if report.ok else 1


def format_probe_report(probes) -> str:
    """Text block for `verify --probes`: totals per probe, failing tasks, exemptions with reasons."""
    import textwrap

    lines = []
    for name, t in probes.totals().items():
        pct = 100.0 * t["pairs_passed"] / t["pairs"] if t["pairs"] else 0.0
        lines.append(f"probe {name}: {t['passed']}/{t['probed']} probed tasks pass, {t['failed']} fail, "
                     f"{t['exempt']} exempt, {t['not_applicable']} n/a; pairs {t['pairs_passed']}/{t['pairs']} ({pct:.1f}%)")
        failing = probes.failing(name)
        if failing:
            lines += textwrap.wrap(f"failing {name}: " + " ".join(failing), 100, subsequent_indent="  ")
    for e in probes.exemptions():
        scope = "exempt" if e["full"] else (f"keeps {e['keep']}" if e["keep"] else f"only {e['only']}")
        lines.append(f"exemption {e['task_id']} {e['probe']} ({scope}): {e['reason']}")
    lines.append("probes: every non-exempt task passes" if probes.ok else
                 f"probes: {probes.rows.filter(probes.rows['status'] == 'fail').height} (task, probe) failures")
    return "\n".join(lines)


def cmd_score(args) -> int:
    from arc_pipeline.execution import Executor
    from arc_pipeline.rewards.smooth import score_program, test_correct
    from arc_pipeline.tasks import TaskFormatError, UnknownTaskError, find_task, load_task_file

    try:
        if args.task_file:
            task = load_task_file(args.task_file)
        else:
            task = find_task(args.task, args.dataset, args.split)
    except (UnknownTaskError, TaskFormatError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    program_path = Path(args.program)
    if not program_path.is_file():
        print(f"error: program file not found: {program_path}", file=sys.stderr)
        return 2
    program = program_path.read_text(errors="replace")
    with Executor(num_workers=1) as executor:
        score = score_program(program, task, executor)
        tests = test_correct(program, task, executor)
    out = {
        "task_id": task.id,
        "reward": score.reward,
        "examples": [
            {"status": e.status, "shape_ok": e.shape_ok, "pixel_accuracy": e.pixel_accuracy,
             "reward": e.reward}
            for e in score.examples
        ],
        "test_correct": tests,
    }
    if args.json:
        print(json.dumps(out))
    else:
        _print_table(f"{task.id}: reward {score.reward:.3f}", ["example", "status", "shape ok",
                     "pixel accuracy", "reward"],
                     [[i, e.status, e.shape_ok, f"{e.pixel_accuracy:.3f}", f"{e.reward:.3f}"]
                      for i, e in enumerate(score.examples)])
        print(f"test correct: {tests}")
    return 0


def cmd_bench(args) -> int:
    from arc_pipeline.bench import run_benchmark

    result = run_benchmark(repeats=args.repeats, workers=args.workers)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        _print_table("sandbox benchmark", list(result), [list(result.values())])
    return 0


def cmd_run(args) -> int:
    from arc_pipeline.defs.runner import run_pipeline  # the Dagster layer: imported only by `run`

    return run_pipeline(profile=args.profile, select=args.select, traceback=args.traceback)


def cmd_reference(args) -> int:
    from arc_pipeline.dsl.reference import render_reference

    print(render_reference())
    return 0


def cmd_review(args) -> int:
    """Show a stratified sample of traces (HTML page or terminal), or store verdicts."""
    from arc_pipeline.config import ConfigError, resolve_config, settings_from_env
    from arc_pipeline.review import ReviewError, read_verdicts_file, record_verdicts
    from arc_pipeline.warehouse import Warehouse

    try:
        cfg = resolve_config(settings_from_env())
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    wh = Warehouse(cfg.warehouse_path)
    if not wh.has_table("edit_traces"):
        print(f"error: {cfg.warehouse_path}: no edit_traces table yet (materialize edit_traces first)", file=sys.stderr)
        return 2
    try:
        if args.verdict or args.import_file:
            verdicts = ([{"trace_id": args.verdict[0], "verdict": args.verdict[1], "note": args.note}]
                        if args.verdict else read_verdicts_file(args.import_file))
            n = record_verdicts(wh, verdicts, reviewer=args.reviewer)
            print(f"stored {n} verdict{'s' if n != 1 else ''} in trace_reviews ({cfg.warehouse_path})")
            return 0
        return _show_review_sample(cfg, wh, args)
    except ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _show_review_sample(cfg, wh, args) -> int:
    from arc_pipeline.review import (latest_verdicts, prepare, render_html, render_text, stratified_sample,
                                     verdicts_template)
    from arc_pipeline.stages.inputs import executor_for, tasks_by_role

    traces = wh.read("edit_traces")
    reviewed = set() if args.include_reviewed else set(latest_verdicts(wh)["trace_id"].to_list())
    sample = stratified_sample(traces, args.n, seed=args.seed, exclude=reviewed)
    if sample.height == 0:
        print("nothing to review: every trace has a verdict (--include-reviewed shows them again)")
        return 0
    shown = prepare(sample, tasks_by_role(wh, "train"), executor_for(cfg))  # the process-wide sandbox pool
    if args.terminal:
        print(render_text(shown))
        return 0
    out = Path(args.out) if args.out else cfg.data_path / "reviews"
    out.mkdir(parents=True, exist_ok=True)
    page, template = out / "review.html", out / "verdicts.jsonl"
    page.write_text(render_html(shown))
    template.write_text(verdicts_template(shown))
    print(f"{len(shown)} traces: {page}\nverdicts: fill in {template}, then arc-pipeline review --import {template}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="arc-pipeline", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("verify", help="verify every DSL solution in the sandbox (exit 1 on failure)")
    v.add_argument("--json", action="store_true")
    v.add_argument("--dataset", default="arc-agi-1")
    v.add_argument("--split", default="training")
    v.add_argument("--task", action="append", help="only these task ids (repeatable)")
    v.add_argument("--workers", type=int, default=None)
    v.add_argument("--hash-seeds", default=None,
                   help="comma-separated PYTHONHASHSEED values: verify once under each and require identical outputs")
    v.add_argument("--programs", default=None,
                   help="folder of <task_id>.py solver files to verify instead of the library's own")
    v.add_argument("--probes", nargs="?", const="recolour,dihedral,fresh", default=None,
                   help="also run the generalisation probes (comma-separated; default all: recolour,dihedral,fresh); "
                        "exit 1 if a task fails one it is not exempt from")
    v.set_defaults(fn=cmd_verify)

    s = sub.add_parser("score", help="smooth reward of a program on a task's train pairs")
    s.add_argument("--task", help="task id")
    s.add_argument("--task-file", help="an ARC JSON task file instead of --task")
    s.add_argument("--program", required=True, help="file holding `def solve(I): ...`")
    s.add_argument("--dataset", choices=["arc-agi-1", "arc-agi-2"], default=None)
    s.add_argument("--split", choices=["training", "evaluation"], default=None)
    s.add_argument("--json", action="store_true")
    s.set_defaults(fn=cmd_score)

    b = sub.add_parser("bench", help="sandboxed vs in-process evaluations/s over all solvers")
    b.add_argument("--repeats", type=int, default=3)
    b.add_argument("--workers", type=int, default=None)
    b.add_argument("--json", action="store_true")
    b.set_defaults(fn=cmd_bench)

    r = sub.add_parser("run", help="materialize the whole lineage (raw tasks -> eval report)")
    r.add_argument("--profile", default=None, help="config profile (default: cpu-tiny)")
    r.add_argument("--select", default="*", help="dagster asset selection (default: everything)")
    r.add_argument("--traceback", action="store_true",
                   help="print the full traceback of a failed stage (always written to data/logs/)")
    r.set_defaults(fn=cmd_run)

    ref = sub.add_parser("reference", help="print the markdown DSL reference")
    ref.set_defaults(fn=cmd_reference)

    rv = sub.add_parser("review", help="manual check of edit traces: a stratified sample as HTML or text; verdicts")
    rv.add_argument("--n", type=int, default=20, help="traces to show (default 20)")
    rv.add_argument("--seed", type=int, default=0)
    rv.add_argument("--out", default=None, help="folder for review.html + verdicts.jsonl (default: <data>/reviews)")
    rv.add_argument("--terminal", action="store_true", help="print the sample instead of writing a page")
    rv.add_argument("--include-reviewed", action="store_true", help="also sample traces that have a verdict")
    rv.add_argument("--verdict", nargs=2, metavar=("TRACE_ID", "VERDICT"),
                    help="store a verdict (accept | reject | note) for one trace")
    rv.add_argument("--note", default="", help="the note stored with --verdict")
    rv.add_argument("--import", dest="import_file", default=None, metavar="FILE",
                    help="store the verdicts of a JSONL file (the page's verdicts.jsonl)")
    rv.add_argument("--reviewer", default="", help="who reviewed (stored with the verdicts)")
    rv.set_defaults(fn=cmd_review)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "score" and not (args.task or args.task_file):
        build_parser().error("score needs --task or --task-file")
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
