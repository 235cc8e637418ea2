"""Stage `grpo_checkpoint`: GRPO from the SFT checkpoint, curriculum-weighted prompts ->
`curriculum_decisions` + checkpoints/grpo."""

from __future__ import annotations

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.stages.inputs import baseline_starts, executor_for, tasks_by_role
from arc_pipeline.warehouse import Warehouse


def grpo_prompt_rows(cfg: PipelineConfig, wh: Warehouse) -> pl.DataFrame:
    """One row per (task, start program): the student prompt + the columns the reward needs."""
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.traces import outcomes_of

    tasks = tasks_by_role(wh, "train")
    executor = executor_for(cfg)
    rows = []
    for r in baseline_starts(wh).iter_rows(named=True):
        task = tasks[r["task_id"]]
        prompt = render_student_prompt([(p.input, p.output) for p in task.train], r["program"],
                                       outcomes_of(r["program"], task, executor))
        rows.append({"task_id": r["task_id"], "prompt": prompt, "task_json": task.train_json(),
                     "start_program": r["program"], "reward_before": float(r["reward"]),
                     "difficulty_level": r["difficulty_level"]})
    return pl.DataFrame(rows)


def curriculum_decisions(cfg: PipelineConfig, wh: Warehouse):
    """Feed the curriculum every reward seen so far; store its decisions with reasons."""
    from arc_pipeline.curriculum import Curriculum, CurriculumConfig

    cur = Curriculum(CurriculumConfig.from_settings(cfg.curriculum))
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


def build_grpo_checkpoint(cfg: PipelineConfig, wh: Warehouse) -> tuple[dict, pl.DataFrame]:
    """GRPO from the SFT checkpoint; prompts weighted by the curriculum's decisions."""
    from arc_pipeline.training.grpo import train_grpo

    layout = RunLayout.of(cfg)
    prompts = grpo_prompt_rows(cfg, wh)
    _, decisions = curriculum_decisions(cfg, wh)
    weight = {r["task_id"]: r["weight"] for r in decisions.iter_rows(named=True)}
    weights = [weight.get(t, 1.0) for t in prompts["task_id"].to_list()]
    if not any(w > 0 for w in weights):
        weights = [1.0] * len(weights)  # everything sunset: fall back to uniform rather than nothing
    metrics = train_grpo(prompts.to_dicts(), layout.merged("sft"), cfg.model, cfg.grpo,
                         layout.checkpoint("grpo"), cfg.seed, sampling_weights=weights,
                         reward_config=cfg.reward)
    return metrics, decisions
