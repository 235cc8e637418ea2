"""Command line: arc-pipeline verify | score | score-submission | bench | run | reference | review.

Heavy imports (dagster, torch) happen inside the command that needs them, so ``score`` and
``verify`` start fast. Bad input (a missing file, an unknown task, profile or asset, a malformed
submission) is one line on stderr and exit code 2; a pipe closed early (``| head``) ends quietly.
Tables stay whole when piped (a wide console when stdout is not a terminal); JSON floats are
rounded to 6 decimals.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

PIPE_WIDTH = 240  # console width when stdout is not a terminal: rich would otherwise cut tables at 80
JSON_DIGITS = 6


class UsageError(Exception):
    """Bad input from the command line: printed as one line, exit code 2."""


def _rounded(value: Any, digits: int = JSON_DIGITS) -> Any:
    """``value`` with every float rounded (no 0.10000000000000002 in JSON output)."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v, digits) for v in value]
    return value


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(_rounded(value), indent=indent)


def _console():
    """A rich console that does not wrap or cut tables when piped."""
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else PIPE_WIDTH)


def _print_table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.table import Table

    table = Table(title=title)
    for c in columns:
        table.add_column(c)
    for r in rows:
        table.add_row(*[str(v) for v in r])
    _console().print(table)


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
        print(_dumps(out, indent=1) if args.json else
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
        _check_verify_tasks(args.task, tasks, solutions, args.dataset, args.split)
        solutions = {t: solutions[t] for t in args.task}
    probes = [p.strip() for p in args.probes.split(",") if p.strip()] if args.probes else None
    try:
        with Executor(num_workers=args.workers) as executor:
            report = verify_solutions(solutions, tasks, executor, progress=not args.json, probes=probes)
    except ValueError as exc:  # a malformed exemption line or an unknown probe name
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(_dumps(report.to_dict(), indent=1))
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


def _check_verify_tasks(wanted: list[str], tasks: dict, solutions: dict, dataset: str, split: str) -> None:
    """Every ``--task`` must be in the chosen dataset/split and have a solver; else a UsageError
    naming the task (and the split it is in, when it is in another one)."""
    from arc_pipeline.tasks import UnknownTaskError, find_task

    for task_id in wanted:
        if task_id in tasks and task_id in solutions:
            continue
        if task_id not in tasks:
            try:
                other = find_task(task_id, dataset if dataset in ("arc-agi-1", "arc-agi-2") else None)
            except (UnknownTaskError, ValueError):
                raise UsageError(f"unknown task {task_id!r}: not in {dataset}/{split}") from None
            raise UsageError(f"task {task_id} is not in {dataset}/{split} (it is in {other.source}); "
                             "pass the split it is in") from None
        raise UsageError(f"task {task_id} is in {dataset}/{split} but has no solver program")


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
    except OSError as exc:  # a missing or unreadable --task-file
        print(f"error: task file {args.task_file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    program_path = Path(args.program)
    if not program_path.is_file():
        print(f"error: program file not found: {program_path}", file=sys.stderr)
        return 2
    program = program_path.read_text(errors="replace")
    problem = program_problem(program)
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
        "error": problem,
    }
    if args.json:
        print(_dumps(out))
    else:
        _print_table(f"{task.id}: reward {score.reward:.3f}", ["example", "status", "shape ok",
                     "pixel accuracy", "reward"],
                     [[i, e.status, e.shape_ok, f"{e.pixel_accuracy:.3f}", f"{e.reward:.3f}"]
                      for i, e in enumerate(score.examples)])
        print(f"test correct: {tests}")
        if problem:
            where = f"line {problem['line']}: " if problem["line"] else ""
            print(f"{problem['kind']}: {where}{problem['message']}")
    return 0


def program_problem(program: str) -> dict | None:
    """Why the validator rejects ``program`` (kind, message, line), or ``None`` when it is valid.

    Static only (an AST walk, nothing runs), so it is safe outside the sandbox; the sandbox gives
    the same verdict as a status without the reason.
    """
    from arc_pipeline.program import ProgramError, validate_program

    try:
        validate_program(program)
    except ProgramError as exc:
        return {"kind": exc.kind, "message": exc.message, "line": exc.line}
    return None


def cmd_score_submission(args) -> int:
    """Score an ARC Prize submission.json against a task folder or dataset split."""
    from arc_pipeline.evaluation.scoring import score_submission
    from arc_pipeline.evaluation.submission import load_submission
    from arc_pipeline.tasks import TaskFormatError, load_tasks

    submission = load_submission(args.file)  # SubmissionError -> one line, exit 2 (main)
    try:
        tasks = load_tasks(args.tasks, args.split)
    except (TaskFormatError, ValueError, FileNotFoundError) as exc:
        raise UsageError(f"--tasks {args.tasks}: {exc}") from None
    result = score_submission(submission, tasks, origin=str(args.file))  # ValueError -> exit 2
    result = {"file": str(args.file), "tasks_source": str(args.tasks), **result}
    if args.json:
        print(_dumps(result, indent=1))
        return 0
    _print_table(f"{args.file}", ["task", "test outputs", "solved", "score"],
                 [[r["task_id"], r["test_outputs"], r["solved"], f"{r['score']:.3f}"] for r in result["tasks"]])
    print(f"score: {result['score']:.4f} over {result['n_tasks']} tasks in the file "
          f"({100 * result['score']:.1f}%)")
    if result["missing"]:
        shown = " ".join(result["missing"][:20]) + (" ..." if result["n_missing"] > 20 else "")
        print(f"{result['n_missing']} tasks of {args.tasks} are missing from the file and score 0: {shown}")
        print(f"score counting the missing tasks as 0: {result['score_with_missing']:.4f} "
              f"over {result['n_tasks'] + result['n_missing']} tasks")
    return 0


def cmd_bench(args) -> int:
    from arc_pipeline.bench import run_benchmark

    result = run_benchmark(repeats=args.repeats, workers=args.workers)
    if args.json:
        print(_dumps(result, indent=1))
    else:
        _print_table("sandbox benchmark", list(result), [list(_rounded(result, 3).values())])
    return 0


def cmd_run(args) -> int:
    from arc_pipeline.config import ConfigError, choose_profile, resolve_config, settings_from_env

    try:
        cfg = resolve_config(choose_profile(settings_from_env(), args.profile))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    _check_task_sources(cfg)
    from arc_pipeline.defs.runner import resolve_selection, run_pipeline  # the Dagster layer: only `run`

    try:
        select = resolve_selection(args.select)
    except ValueError as exc:
        raise UsageError(str(exc)) from None

    return run_pipeline(profile=args.profile, select=select, traceback=args.traceback)


def _check_task_sources(cfg) -> None:
    """A task folder in the config is loaded (validated) up front, so a malformed task file is
    one line naming the file and field instead of a failed Dagster step with its stack trace."""
    from arc_pipeline.tasks import DATASETS, TaskFormatError, load_tasks

    for dataset, split in ((cfg.tasks.train_dataset, cfg.tasks.train_split),
                           (cfg.tasks.eval_dataset, cfg.tasks.eval_split)):
        if dataset in DATASETS:
            continue
        try:
            load_tasks(dataset, split)
        except (TaskFormatError, ValueError, FileNotFoundError) as exc:
            raise UsageError(str(exc)) from None




def cmd_probe(args) -> int:
    """Score model directories on the validation slice, once per (temperature, top_p) setting."""
    import dataclasses

    from arc_pipeline.config import ConfigError, choose_profile, resolve_config, settings_from_env
    from arc_pipeline.evaluation.validation import probe, validation_tasks
    from arc_pipeline.execution import default_executor
    from arc_pipeline.stages.inputs import model_proposer

    try:
        cfg = resolve_config(choose_profile(settings_from_env(), args.profile))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    for model in args.model:
        if not (Path(model) / "config.json").exists():
            raise UsageError(f"{model}: not a model directory (no config.json)")
    settings = [(t, p) for t in (args.temperature or [cfg.eval.temperature]) for p in (args.top_p or [cfg.eval.top_p])]
    tasks, executor = validation_tasks(), default_executor()
    for temperature, top_p in settings:
        run_cfg = dataclasses.replace(cfg, eval=dataclasses.replace(cfg.eval, temperature=temperature, top_p=top_p))
        for model in args.model:
            result = probe(model_proposer(run_cfg, model), tasks, executor, cfg.eval.rounds,
                           cfg.eval.samples_per_round, cfg.seed, cfg.reward)
            print(f"{model} T{temperature} top_p {top_p}: {result.line()}", flush=True)
    return 0


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


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("arc_pipeline")
    except metadata.PackageNotFoundError:
        return "unknown"


JSON_HELP = "print machine-readable JSON instead of tables (floats rounded to 6 decimals)"
DATASET_HELP = "arc-agi-1 | arc-agi-2 | a folder of ARC JSON task files"
SPLIT_HELP = "training | evaluation (for a folder: its <split>/ subfolder when there is one)"
WORKERS_HELP = "sandbox worker processes (default: one per CPU core)"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="arc-pipeline", description=__doc__.splitlines()[0])
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("verify", help="verify every DSL solution in the sandbox (exit 1 on failure)")
    v.add_argument("--json", action="store_true", help=JSON_HELP)
    v.add_argument("--dataset", default="arc-agi-1", help=DATASET_HELP + " (default: arc-agi-1)")
    v.add_argument("--split", default="training", help=SPLIT_HELP + " (default: training)")
    v.add_argument("--task", action="append", help="only these task ids (repeatable); an id not in the "
                                                   "dataset/split or without a solver is an error")
    v.add_argument("--workers", type=int, default=None, help=WORKERS_HELP)
    v.add_argument("--hash-seeds", default=None,
                   help="comma-separated PYTHONHASHSEED values: verify once under each and require identical outputs")
    v.add_argument("--programs", default=None,
                   help="folder of <task_id>.py solver files to verify instead of the library's own")
    v.add_argument("--probes", nargs="?", const="recolour,dihedral,fresh", default=None,
                   help="also run the generalisation probes (comma-separated; default all: recolour,dihedral,fresh); "
                        "exit 1 if a task fails one it is not exempt from")
    v.set_defaults(fn=cmd_verify)

    s = sub.add_parser("score", help="smooth reward of a program on a task's train pairs")
    s.add_argument("--task", help="task id (searched in --dataset/--split, default: everywhere)")
    s.add_argument("--task-file", help="an ARC JSON task file instead of --task")
    s.add_argument("--program", required=True, help="file holding def solve(I): ...")
    s.add_argument("--dataset", choices=["arc-agi-1", "arc-agi-2"], default=None,
                   help="where to look for --task (default: both)")
    s.add_argument("--split", choices=["training", "evaluation"], default=None,
                   help="where to look for --task (default: both)")
    s.add_argument("--json", action="store_true", help=JSON_HELP)
    s.set_defaults(fn=cmd_score)

    ss = sub.add_parser("score-submission", help="official ARC Prize score of a submission.json "
                                                 "(either attempt exact; mean over test outputs, then tasks)")
    ss.add_argument("file", help="submission.json: {task_id: [{attempt_1: grid, attempt_2: grid}, ...]}")
    ss.add_argument("--tasks", required=True, help=DATASET_HELP + " holding the test outputs")
    ss.add_argument("--split", default="evaluation", help=SPLIT_HELP + " (default: evaluation)")
    ss.add_argument("--json", action="store_true", help=JSON_HELP)
    ss.set_defaults(fn=cmd_score_submission)

    b = sub.add_parser("bench", help="sandboxed vs in-process evaluations/s over all solvers")
    b.add_argument("--repeats", type=int, default=3, help="timed passes over all solvers (default 3)")
    b.add_argument("--workers", type=int, default=None, help=WORKERS_HELP)
    b.add_argument("--json", action="store_true", help=JSON_HELP)
    b.set_defaults(fn=cmd_bench)

    r = sub.add_parser("run", help="materialize the whole lineage (raw tasks -> eval report)")
    r.add_argument("--profile", default=None, help="config profile: cpu-tiny | gpu (default: cpu-tiny)")
    r.add_argument("--select", default="*",
                   help="asset names, comma-separated, or a Dagster asset selection such as group:traces, "
                        "edit_traces+ or 'key:arc_tasks or key:eval_report' (default: everything)")
    r.add_argument("--traceback", action="store_true",
                   help="print the full traceback of a failed stage (always written to data/logs/)")
    r.set_defaults(fn=cmd_run)

    pr = sub.add_parser("probe", help="valid edits and improved tasks of model directories on the validation slice "
                                      "(choose eval knobs here, not on the reported tasks)")
    pr.add_argument("model", nargs="+", help="model directories (e.g. data/checkpoints/sft/merged)")
    pr.add_argument("--profile", default=None, help="config profile for the eval settings (default: cpu-tiny)")
    pr.add_argument("--temperature", type=float, action="append", help="sampling temperature (repeatable; "
                                                                          "default: the profile's eval.temperature)")
    pr.add_argument("--top-p", type=float, action="append", help="nucleus top_p (repeatable; default: eval.top_p)")
    pr.set_defaults(fn=cmd_probe)

    ref = sub.add_parser("reference", help="print the markdown DSL reference")
    ref.set_defaults(fn=cmd_reference)

    rv = sub.add_parser("review", help="manual check of edit traces: a stratified sample as HTML or text; verdicts")
    rv.add_argument("--n", type=int, default=20, help="traces to show (default 20)")
    rv.add_argument("--seed", type=int, default=0, help="seed of the stratified sample (default 0)")
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


def _quiet_broken_pipe() -> int:
    """The reader went away (``| head``): stop without a BrokenPipeError trace. stdout is pointed
    at /dev/null so the interpreter's final flush cannot fail again; 141 = 128 + SIGPIPE, what
    Unix tools killed by a closed pipe report."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (captured in tests)
        pass
    return 141


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "score" and not (args.task or args.task_file):
        build_parser().error("score needs --task or --task-file")
    try:
        code = args.fn(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        if args.command != "score-submission":
            raise
        print(f"error: {exc}", file=sys.stderr)  # SubmissionError, or a file that does not fit the task set
        return 2


if __name__ == "__main__":
    sys.exit(main())
