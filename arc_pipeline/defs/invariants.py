"""The invariants behind the asset checks, as plain functions over the warehouse and files.

Why separate from the ``@dg.asset_check`` wrappers: each invariant is testable on a real DuckDB
file (or checkpoint directory) without a Dagster run, and the wrappers only turn the returned
violations into ``AssetCheckResult`` metadata. No dagster import here. Every function returns a
list of violations (empty = the invariant holds), each a small JSON-able dict or string.
"""

from __future__ import annotations

from pathlib import Path

from arc_pipeline.warehouse import Warehouse

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json")


def unverified_solvers(wh: Warehouse) -> tuple[int, list[dict]]:
    """(solvers checked, failures): every stored solver must pass all its pairs, and every
    training-pool task must have a passing solver."""
    rows = wh.read("select task_id, passed, first_failure from verified_solutions")
    failures = [{"task_id": r["task_id"], "first_failure": r["first_failure"]}
                for r in rows.iter_rows(named=True) if not r["passed"]]
    if wh.has_table("tasks"):
        missing = wh.read("select t.task_id from tasks t where t.role = 'train' and not exists "
                          "(select 1 from verified_solutions v where v.task_id = t.task_id and v.passed)")
        failures += [{"task_id": t, "first_failure": "no passing solver"} for t in missing["task_id"].to_list()
                     if not any(f["task_id"] == t for f in failures)]
    return rows.height, failures


def perfect_baselines(wh: Warehouse) -> list[dict]:
    """Baselines whose reward is 1 (or more): a start the edit model cannot improve."""
    frame = wh.read("select task_id, baseline_id, source, reward from baseline_programs where reward >= 1.0")
    return frame.to_dicts()


def sft_violations(wh: Warehouse, held_out: set[str], max_per_task: int) -> list[dict]:
    """Tasks with more than ``max_per_task`` SFT rows, and held-out tasks present in `sft_examples`."""
    counts = wh.read("select task_id, count(*) as n from sft_examples group by task_id order by task_id")
    out = [{"task_id": t, "problem": f"{n} rows > {max_per_task}"}
           for t, n in counts.iter_rows() if n > max_per_task]
    out += [{"task_id": t, "problem": "held-out task"} for t in counts["task_id"].to_list() if t in held_out]
    return out


def checkpoint_problems(merged_dir: Path) -> list[str]:
    """Why the merged checkpoint in ``merged_dir`` would not load ([] when config, tokenizer and
    weights load with ``from_pretrained``)."""
    merged_dir = Path(merged_dir)
    if not (merged_dir / "config.json").exists():
        return [f"{merged_dir}: no config.json"]
    if not any((merged_dir / f).exists() for f in TOKENIZER_FILES):
        return [f"{merged_dir}: no tokenizer ({' or '.join(TOKENIZER_FILES)})"]
    from transformers import AutoModelForCausalLM, AutoTokenizer

    problems = []
    for label, loader in (("tokenizer", AutoTokenizer), ("model", AutoModelForCausalLM)):
        try:
            loader.from_pretrained(str(merged_dir))
        except Exception as exc:  # noqa: BLE001 -- any load failure is the finding
            problems.append(f"{merged_dir}: {label} does not load: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    return problems


def leaked_eval_prompts(wh: Warehouse, executor) -> list[dict]:
    """Held-out tasks whose student prompt (train pairs + a stored program's train outputs, as
    the evaluation renders it from the train-only view) contains one of their test outputs."""
    from arc_pipeline.prompts import find_leaks, render_student_prompt
    from arc_pipeline.stages.inputs import tasks_by_role
    from arc_pipeline.traces import outcomes_of

    views = tasks_by_role(wh, "eval")
    full = tasks_by_role(wh, "eval", with_test=True)
    programs = wh.read("select distinct task_id, best_program from eval_results "
                       "where best_program is not null order by task_id, best_program")
    leaks = []
    for task_id, program in programs.iter_rows():
        view, task = views.get(task_id), full.get(task_id)
        if view is None or task is None:
            continue
        prompt = render_student_prompt([(p.input, p.output) for p in view.train], program,
                                       outcomes_of(program, view, executor))
        train_grids = [g for p in task.train for g in (p.input, p.output)]
        found = find_leaks(prompt, list(task.test_outputs), train_grids)
        if found:
            leaks.append({"task_id": task_id, "test_outputs": found})
    return leaks
