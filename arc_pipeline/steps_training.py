"""Warehouse-aware training steps behind the Dagster assets: SFT, curriculum, GRPO.

Checkpoints are content-addressed by the training functions themselves (a fingerprint of
rows + configs + base model in ``metrics.json``), so an unchanged re-run trains nothing.
"""

from __future__ import annotations

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.pipeline_steps import executor_for, load_task_table
from arc_pipeline.warehouse import Warehouse


def tokenizer_corpus(wh: Warehouse) -> list[str]:
    """Text the tiny model's tokenizer is trained on: the DSL reference, the verified programs of
    the training pool, and SFT rows. Only pool tasks, so adding a solver elsewhere does not
    change the base model (and so does not force retraining)."""
    from arc_pipeline.dsl.reference import render_reference

    programs = wh.read("select v.program from verified_solutions v join tasks t using (task_id) "
                       "where t.role = 'train' and v.passed order by v.task_id")["program"].to_list()
    corpus = [render_reference()] + programs
    if wh.has_table("sft_examples"):
        frame = wh.read("select prompt, completion from sft_examples order by task_id limit 400")
        corpus += frame["prompt"].to_list() + frame["completion"].to_list()
    return corpus


def warm_start_corpus(wh: Warehouse) -> list[str]:
    """Documents for the tiny model's warm start: every verified program of the training
    dataset as ``# rule: ...`` + the program in a python block (the completions' format).
    Tasks with the eval role are left out, so no held-out task's solution reaches a model."""
    from arc_pipeline.dataset import program_block
    from arc_pipeline.program import strip_comments

    frame = wh.read("select v.task_id, v.program, v.rule from verified_solutions v where v.passed and "
                    "v.task_id not in (select task_id from tasks where role = 'eval') order by v.task_id")
    return [program_block(strip_comments(r["program"]), r["rule"]) for r in frame.iter_rows(named=True)]


def base_model_path(cfg: PipelineConfig, wh: Warehouse):
    from arc_pipeline.training.tiny_model import resolve_base_model

    return resolve_base_model(cfg.model, cfg.data_path, lambda: tokenizer_corpus(wh), lambda: warm_start_corpus(wh))


def train_sft_step(cfg: PipelineConfig, wh: Warehouse) -> dict:
    """Train (or reuse) the SFT checkpoint under data/checkpoints/sft from `sft_examples`."""
    from arc_pipeline.training.sft import train_sft

    rows = wh.read("select prompt, completion from sft_examples order by task_id, start_id, sample_index").to_dicts()
    if not rows:
        raise ValueError("sft_examples is empty: materialize edit_traces (all levels) and sft_dataset first")
    return train_sft(rows, base_model_path(cfg, wh), cfg.model, cfg.sft, cfg.data_path / "checkpoints" / "sft", cfg.seed)


def grpo_prompt_rows(cfg: PipelineConfig, wh: Warehouse) -> pl.DataFrame:
    """One row per (task, start program): the student prompt + the columns the reward needs."""
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.traces import outcomes_of

    tasks = load_task_table(wh, "train")
    starts = wh.read("select b.task_id, b.program, b.reward, d.difficulty_level from baseline_programs b "
                     "join task_difficulty d using (task_id) order by b.task_id, b.baseline_id")
    executor = executor_for(cfg)
    rows = []
    for r in starts.iter_rows(named=True):
        task = tasks[r["task_id"]]
        prompt = render_student_prompt([(p.input, p.output) for p in task.train], r["program"],
                                       outcomes_of(r["program"], task, executor))
        rows.append({"task_id": r["task_id"], "prompt": prompt, "task_json": task.train_json(),
                     "start_program": r["program"], "reward_before": float(r["reward"]),
                     "difficulty_level": r["difficulty_level"]})
    return pl.DataFrame(rows)


def curriculum_step(cfg: PipelineConfig, wh: Warehouse):
    """Feed the curriculum every reward seen so far; store its decisions with reasons."""
    import dataclasses

    from arc_pipeline.curriculum import Curriculum, CurriculumConfig

    known = {f.name for f in dataclasses.fields(CurriculumConfig)}
    unknown = set(cfg.curriculum) - known
    if unknown:
        raise ValueError(f"unknown curriculum settings {sorted(unknown)}; known: {sorted(known)}")
    cur = Curriculum(CurriculumConfig(**cfg.curriculum))
    levels = wh.read("select task_id, difficulty_level from task_difficulty")
    for task_id, level in levels.iter_rows():
        cur.set_level(task_id, level)
    for task_id, rewards in wh.read("select task_id, list(reward) from baseline_programs group by task_id").iter_rows():
        cur.record(task_id, list(rewards), "baseline")
    if wh.has_table("edit_traces"):
        q = "select task_id, list(reward_after) from edit_traces where reward_after is not null group by task_id"
        for task_id, rewards in wh.read(q).iter_rows():
            cur.record(task_id, list(rewards), "teacher")
    decisions = cur.decisions_frame()
    wh.replace_table("curriculum_decisions", decisions)
    return cur, decisions


def train_grpo_step(cfg: PipelineConfig, wh: Warehouse, sft_dir) -> tuple[dict, pl.DataFrame]:
    """GRPO from the SFT checkpoint; prompts weighted by the curriculum's decisions."""
    from arc_pipeline.training.grpo import train_grpo

    prompts = grpo_prompt_rows(cfg, wh)
    cur, decisions = curriculum_step(cfg, wh)
    weight = {r["task_id"]: r["weight"] for r in decisions.iter_rows(named=True)}
    weights = [weight.get(t, 1.0) for t in prompts["task_id"].to_list()]
    if not any(w > 0 for w in weights):
        weights = [1.0] * len(weights)  # everything sunset: fall back to uniform rather than nothing
    metrics = train_grpo(prompts.to_dicts(), sft_dir, cfg.model, cfg.grpo,
                         cfg.data_path / "checkpoints" / "grpo", cfg.seed, sampling_weights=weights)
    return metrics, decisions
