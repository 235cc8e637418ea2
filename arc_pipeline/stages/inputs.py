"""Typed read access to the warehouse for the stages, plus the one sandbox entry point.

Every stage reads what an upstream stage wrote through these functions (never its own SQL
over another stage's table), so a table's shape is known in one place.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any, Literal

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.tasks import ArcTask
from arc_pipeline.warehouse import Warehouse

Role = Literal["train", "eval"]


def executor_for(cfg: PipelineConfig | None) -> Any:
    """The process-wide sandbox pool (one per process: workers are forked before torch loads),
    with the limits of ``cfg.sandbox`` (workers, timeout, memory). The one place a stage
    obtains an executor; ``executor_for(cfg).settings()`` is what results record."""
    from arc_pipeline.execution import default_executor

    if cfg is None:
        return default_executor()
    box = cfg.sandbox
    return default_executor(num_workers=box.workers, timeout_s=box.timeout_s, memory_limit_mb=box.memory_mb)


def settings_in_effect(cfg: PipelineConfig) -> dict[str, Any]:
    """What results record about how they were produced: the sandbox limits of the pool
    (``executor_for(cfg).settings()``; no worker is started for this) and the reward config."""
    return {"sandbox": executor_for(cfg).settings(), "reward": dataclasses.asdict(cfg.reward)}


def tasks_by_role(wh: Warehouse, role: Role | None = None, with_test: bool = False) -> dict[str, ArcTask]:
    """Tasks as stored by `arc_tasks` (``role=None``: all); train pairs only unless
    ``with_test`` (evaluation and leak checks only)."""
    if role not in (None, "train", "eval"):
        raise ValueError(f"unknown task role {role!r}; known: 'train', 'eval'")
    where, params = (" where role = ?", [role]) if role else ("", [])
    frame = wh.read(f"select task_id, train_json, task_json from tasks{where} order by task_id", params)
    column = "task_json" if with_test else "train_json"
    return {r["task_id"]: ArcTask.from_json(json.loads(r[column]), r["task_id"], require_test=with_test)
            for r in frame.iter_rows(named=True)}


def task_ids(wh: Warehouse, role: Role) -> set[str]:
    """Ids of the stored tasks with this role."""
    return set(wh.read("select task_id from tasks where role = ?", [role])["task_id"].to_list())


def data_revision(wh: Warehouse) -> str:
    """Content hash of the stored task set ('' before `arc_tasks` ran)."""
    if not wh.has_table("tasks"):
        return ""
    return wh.scalar("select any_value(data_revision) from tasks") or ""


def verified_programs(wh: Warehouse, pool_only: bool = False) -> dict[str, str]:
    """task id -> passing solver program (``pool_only``: tasks of the training pool only)."""
    join = " join tasks t using (task_id) where t.role = 'train' and" if pool_only else " where"
    frame = wh.read(f"select v.task_id, v.program from verified_solutions v{join} v.passed order by v.task_id")
    return {r["task_id"]: r["program"] for r in frame.iter_rows(named=True)}


def verified_rules(wh: Warehouse) -> dict[str, str]:
    """task id -> the rule text of its passing solver."""
    frame = wh.read("select task_id, rule from verified_solutions where passed")
    return {r["task_id"]: r["rule"] for r in frame.iter_rows(named=True)}


def non_eval_verified(wh: Warehouse) -> pl.DataFrame:
    """Passing solvers (task_id, program, rule) of every task without the eval role."""
    return wh.read("select v.task_id, v.program, v.rule from verified_solutions v where v.passed and "
                   "v.task_id not in (select task_id from tasks where role = 'eval') order by v.task_id")


def baseline_starts(wh: Warehouse, level: str | None = None) -> pl.DataFrame:
    """Baselines with their task's level (task_id, program, reward, difficulty_level), one level
    or all, in (task, baseline id) order."""
    where, params = (" where d.difficulty_level = ?", [level]) if level else ("", [])
    return wh.read("select b.task_id, b.program, b.reward, d.difficulty_level from baseline_programs b "
                   f"join task_difficulty d using (task_id){where} order by b.task_id, b.baseline_id", params)


def sft_rows(wh: Warehouse) -> list[dict]:
    """(prompt, completion) rows of `sft_examples` in training order."""
    return wh.read("select prompt, completion from sft_examples "
                   "order by task_id, start_id, sample_index").to_dicts()


def tokenizer_corpus(wh: Warehouse) -> list[str]:
    """Text the tiny model's tokenizer is trained on: the DSL reference, the verified programs of
    the training pool, and SFT rows. Only pool tasks, so adding a solver elsewhere does not
    change the base model (and so does not force retraining)."""
    from arc_pipeline.dsl.reference import render_reference

    corpus = [render_reference()] + list(verified_programs(wh, pool_only=True).values())
    if wh.has_table("sft_examples"):
        frame = wh.read("select prompt, completion from sft_examples order by task_id limit 400")
        corpus += frame["prompt"].to_list() + frame["completion"].to_list()
    return corpus


def build_warm_start_documents(cfg: PipelineConfig, wh: Warehouse) -> list[dict]:
    """Documents for the tiny model's warm start (:mod:`arc_pipeline.training.warm_start`): every
    verified program of a task without the eval role, and repair pairs built from those tasks'
    train pairs (ARC-AGI-1 training, the solvers' dataset). Held-out tasks -- the eval role and
    the whole evaluation split (:func:`arc_pipeline.slices.held_out_task_ids`) -- are left out,
    so no held-out task's solution or grid reaches a model. With
    ``model.warm_start_synthetic_per_task`` the same pool's train *inputs* also carry synthetic
    one-step tasks (:mod:`arc_pipeline.training.synthetic_tasks`)."""
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.slices import held_out_task_ids
    from arc_pipeline.tasks import load_tasks
    from arc_pipeline.training.warm_start import program_documents, repair_documents

    held_out = held_out_task_ids(cfg.tasks, task_ids(wh, "eval"))
    frame = non_eval_verified(wh).filter(~pl.col("task_id").is_in(sorted(held_out)))
    solutions = {r["task_id"]: (r["program"], r["rule"]) for r in frame.iter_rows(named=True)}
    docs = program_documents([solutions[t] for t in sorted(solutions)])
    per_task = cfg.model.warm_start_repairs_per_task
    if per_task > 0:
        pool = {t: task for t, task in load_tasks("arc-agi-1", "training").items() if t in solutions}
        docs += repair_documents(pool, solutions, executor_for(cfg), render_student_prompt, per_task, cfg.seed)
    synthetic = cfg.model.warm_start_synthetic_per_task
    if synthetic > 0:
        from arc_pipeline.training.synthetic_tasks import synthetic_documents

        pool = {t: task for t, task in load_tasks("arc-agi-1", "training").items() if t not in held_out}
        docs += synthetic_documents(pool, executor_for(cfg), render_student_prompt, synthetic, cfg.seed)
    return docs


WARM_DOCS_VERSION = "warm-docs-v1"  # bump when the documents' construction changes


def warm_start_documents(cfg: PipelineConfig, wh: Warehouse) -> list[dict]:
    """:func:`build_warm_start_documents`, cached under ``<data>/models/`` by everything they
    depend on (verified programs, held-out ids, the document settings, seed, sandbox limits).

    Why a cache: the repair and synthetic documents come from sandbox runs, and a corrupted
    program that times out on a loaded machine but not on an idle one would change the
    documents, the warm-start fingerprint and so every checkpoint after it. Computed once, an
    unchanged re-run reuses them exactly (and skips the runs).
    """
    from arc_pipeline.layout import RunLayout
    from arc_pipeline.slices import held_out_task_ids
    from arc_pipeline.training.common import fingerprint
    from arc_pipeline.training.synthetic_tasks import CATALOGUE

    m = cfg.model
    programs = non_eval_verified(wh).select("task_id", "program", "rule").sort("task_id").rows()
    key = fingerprint(WARM_DOCS_VERSION, programs, sorted(held_out_task_ids(cfg.tasks, task_ids(wh, "eval"))),
                      m.warm_start_repairs_per_task, m.warm_start_synthetic_per_task, cfg.seed, cfg.sandbox,
                      CATALOGUE)
    path = RunLayout(cfg.data_path).models / f"warm-docs-{key}.json"
    if path.exists():
        return json.loads(path.read_text())
    docs = build_warm_start_documents(cfg, wh)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(docs))
    tmp.replace(path)
    return docs


def base_model_path(cfg: PipelineConfig, wh: Warehouse) -> Path:
    """The base model (built locally for 'tiny', from the warehouse corpora), shared by the
    SFT stage and the evaluation."""
    from arc_pipeline.training.base_model import resolve_base_model

    return resolve_base_model(cfg.model, cfg.data_path, lambda: tokenizer_corpus(wh),
                              lambda: warm_start_documents(cfg, wh), seed=cfg.seed)


def untrained_base_path(cfg: PipelineConfig, wh: Warehouse) -> Path:
    """The base model before any training of ours (for 'tiny': the random-init model, without
    the warm start): the "untrained" reference the evaluation compares every model with."""
    import dataclasses

    from arc_pipeline.training.base_model import resolve_base_model

    cold = dataclasses.replace(cfg.model, warm_start_steps=0)
    return resolve_base_model(cold, cfg.data_path, lambda: tokenizer_corpus(wh), None, seed=cfg.seed)


def model_proposer(cfg: PipelineConfig, model_dir: Path | str, name: str | None = None) -> Any:
    """The evaluation's sampler for a model directory (``eval`` section: tokens, temperature,
    optional "Wait" forcing, optional grammar-constrained programs), shared by the eval report
    and GRPO's per-round held-out score."""
    from arc_pipeline.evaluation.refine import ModelProposer
    from arc_pipeline.generation import WaitForcing

    e = cfg.eval
    wait = WaitForcing(e.wait_min_think_tokens, e.wait_text) if e.wait_min_think_tokens > 0 else None
    constrain = None
    if e.constrained_programs:
        from arc_pipeline.constrained import ProgramGrammar

        constrain = ProgramGrammar()
    return ModelProposer(model_dir, max_new_tokens=e.max_new_tokens, device=cfg.device, temperature=e.temperature,
                         top_p=e.top_p, name=name, torch_threads=cfg.model.torch_threads, wait=wait, constrain=constrain)
