"""Stage `grpo_checkpoint`: GRPO from the SFT checkpoint in rounds, with a curriculum that adapts
to the student (:mod:`arc_pipeline.training.rounds`) -> checkpoints/grpo + tables
`curriculum_decisions` (one set per round, ``round`` and ``source`` columns) and
`curriculum_visits` (every GRPO completion's absolute reward, with task, variant and round)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.stages.inputs import baseline_starts, executor_for, model_proposer, tasks_by_role
from arc_pipeline.warehouse import Warehouse

VISIT_SCHEMA = {
    "round": pl.Int64, "call": pl.Int64, "task_id": pl.Utf8, "variant_id": pl.Utf8, "thinking_budget": pl.Int64,
    "reward_before": pl.Float64, "reward_after": pl.Float64, "delta_r": pl.Float64, "penalty": pl.Float64,
    "valid": pl.Boolean, "status": pl.Utf8,
    "start_kept": pl.Float64,  # share of the start's statements the edit kept (None: empty start or no program)
}


SYNTHETIC_LEVEL = "level-1"  # one-step tasks: the easiest level, gated and sunset like the rest


def grpo_prompt_rows(cfg: PipelineConfig, wh: Warehouse, tasks: dict | None = None) -> pl.DataFrame:
    """One row per (task, start program): the student prompt + the columns the reward needs.
    ``tasks`` defaults to the training tasks (:func:`grpo_tasks` adds the synthetic ones)."""
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.traces import outcomes_of

    tasks = tasks if tasks is not None else tasks_by_role(wh, "train")
    executor = executor_for(cfg)
    starts = [(r["task_id"], r["program"], float(r["reward"]), r["difficulty_level"])
              for r in baseline_starts(wh).iter_rows(named=True)] if cfg.grpo.baseline_starts else []
    if cfg.grpo.empty_starts:
        starts += empty_starts(tasks, wh, executor, cfg.reward)
    starts += synthetic_starts(tasks, executor, cfg.reward)
    rows = []
    for task_id, program, reward, level in starts:
        task = tasks[task_id]
        prompt = render_student_prompt([(p.input, p.output) for p in task.train], program,
                                       outcomes_of(program, task, executor))
        rows.append({"task_id": task_id, "prompt": prompt, "task_json": task.train_json(),
                     "start_program": program, "reward_before": reward, "difficulty_level": level})
    return pl.DataFrame(rows)


def empty_starts(tasks: dict, wh: Warehouse, executor, reward_cfg) -> list[tuple[str, str, float, str]]:
    """(task, EMPTY_PROGRAM, its train reward, level) per training task with a level: the start
    every held-out task has at evaluation, so GRPO practises the edit the eval asks for."""
    from arc_pipeline.baselines import EMPTY_PROGRAM
    from arc_pipeline.rewards.smooth import score_program

    levels = dict(wh.read("select task_id, difficulty_level from task_difficulty").iter_rows())
    return [(t, EMPTY_PROGRAM, float(score_program(EMPTY_PROGRAM, tasks[t], executor, reward_cfg).reward), levels[t])
            for t in sorted(tasks) if t in levels]


def synthetic_starts(tasks: dict, executor, reward_cfg) -> list[tuple[str, str, float, str]]:
    """(synthetic task, EMPTY_PROGRAM, its reward, level-1) for every synthetic task in ``tasks``."""
    from arc_pipeline.baselines import EMPTY_PROGRAM
    from arc_pipeline.rewards.smooth import score_program

    return [(t, EMPTY_PROGRAM, float(score_program(EMPTY_PROGRAM, tasks[t], executor, reward_cfg).reward),
             SYNTHETIC_LEVEL) for t in sorted(tasks) if is_synthetic(t)]


def is_synthetic(task_id: str) -> bool:
    return task_id.startswith("syn-")


def grpo_tasks(cfg: PipelineConfig, wh: Warehouse) -> dict:
    """The training tasks, plus ``grpo.synthetic_tasks`` synthetic one-step tasks
    (:mod:`arc_pipeline.training.synthetic_tasks`) on the train *inputs* of as many pool tasks
    (ARC-AGI-1 training, held-out tasks excluded), one each, seeded.

    Why: the held-out tasks start from the empty program, and a handful of real level-1 tasks
    is too few for GRPO to learn reading a diff from them without memorising; fresh one-step
    tasks with verifiable rewards are as many as GRPO asks for. Their catalogue order is seeded
    with ``seed + 1``, so they are mostly not the warm start's (task, program) pairs."""
    import random

    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.slices import held_out_task_ids
    from arc_pipeline.stages.inputs import task_ids
    from arc_pipeline.tasks import ArcTask, load_tasks
    from arc_pipeline.training.synthetic_tasks import synthetic_tasks, task_json

    tasks = tasks_by_role(wh, "train")
    n = cfg.grpo.synthetic_tasks
    if n <= 0:
        return tasks
    held_out = held_out_task_ids(cfg.tasks, task_ids(wh, "eval"))
    pool = {t: task for t, task in load_tasks("arc-agi-1", "training").items() if t not in held_out}
    chosen = random.Random(f"{cfg.seed}:grpo-synthetic").sample(sorted(pool), min(len(pool), 2 * n))
    made = synthetic_tasks({t: pool[t] for t in chosen}, executor_for(cfg), render_student_prompt, 1, cfg.seed + 1)
    for one in made[:n]:
        tasks[one["task_id"]] = ArcTask.from_json(json.loads(task_json(one)), one["task_id"], require_test=False)
    return tasks


def prior_curriculum(cfg: PipelineConfig, wh: Warehouse, tasks: dict | None = None):
    """The curriculum before the student has tried anything: levels, baseline and teacher rewards."""
    from arc_pipeline.curriculum import Curriculum, CurriculumConfig

    cur = Curriculum(CurriculumConfig.from_settings(cfg.curriculum))
    for task_id, level in wh.read("select task_id, difficulty_level from task_difficulty").iter_rows():
        cur.set_level(task_id, level)
    for task_id in sorted(t for t in (tasks or {}) if is_synthetic(t)):
        cur.set_level(task_id, SYNTHETIC_LEVEL)  # no prior rewards: kept until the student tries it
    for task_id, rewards in wh.read("select task_id, list(reward) from baseline_programs group by task_id").iter_rows():
        cur.record(task_id, list(rewards), "baseline")
    if wh.has_table("edit_traces"):
        q = "select task_id, list(reward_after) from edit_traces where reward_after is not null group by task_id"
        for task_id, rewards in wh.read(q).iter_rows():
            cur.record(task_id, list(rewards), "teacher")
    return cur


def heldout_scorer(cfg: PipelineConfig, wh: Warehouse):
    """``model_dir -> {valid_rate, best_train_reward}`` on the held-out tasks (train pairs only:
    no test output is read), from ``grpo.heldout_samples`` edits of the empty program per task."""
    if cfg.grpo.heldout_samples <= 0:
        return None
    from arc_pipeline.evaluation.refine import train_only
    from arc_pipeline.evaluation.validation import probe

    tasks = [train_only(t) for _, t in sorted(tasks_by_role(wh, "eval").items())]
    if not tasks:
        return None

    def score(model_dir: Path) -> dict:
        p = probe(model_proposer(cfg, model_dir), tasks, executor_for(cfg), 1, cfg.grpo.heldout_samples, cfg.seed,
                  cfg.reward)
        return {"tasks": p.tasks, "edits": p.edits, "valid_rate": round(p.valid_rate, 4),
                "best_train_reward": round(p.mean_best, 4)}

    return score


def student_probe(cfg: PipelineConfig, cur, out_dir: Path):
    """``rows -> visits``: the SFT student's edits of every GRPO row before round 1
    (:mod:`arc_pipeline.training.probe`), sampled like GRPO samples; None when
    ``grpo.probe_samples`` is 0."""
    if cfg.grpo.probe_samples <= 0:
        return None
    from arc_pipeline.evaluation.refine import ModelProposer
    from arc_pipeline.training.probe import probe_student

    g = cfg.grpo
    layout = RunLayout.of(cfg)

    def make(model_dir: Path):
        return ModelProposer(model_dir, max_new_tokens=g.max_completion_length, device=cfg.device,
                             temperature=g.temperature, top_p=g.top_p, name="probe",
                             torch_threads=cfg.model.torch_threads, max_length=cfg.model.max_length)

    def run(rows):
        return probe_student(rows, layout.merged("sft"), out_dir, g.probe_samples, cfg.seed, make,
                             cur.thinking_budget, g.program_tokens, g.max_completion_length, cfg.reward,
                             {"temperature": g.temperature, "top_p": g.top_p, "max_length": cfg.model.max_length,
                              "device": cfg.device}, g.noop_edits_fail)

    return run


def _probe_summary(result, cur) -> dict | None:
    """What the probe saw: visits, tasks the student improved, those in its learning zone."""
    visits = result.probe_visits
    if not visits:
        return None
    improved = sorted({v["task_id"] for v in visits if float(v["delta_r"]) > 0})
    zone = sorted(t for t in {v["task_id"] for v in visits} if cur.in_learning_zone(t))
    return {"visits": len(visits), "tasks": len({v["task_id"] for v in visits}),
            "valid_rate": round(sum(bool(v["valid"]) for v in visits) / len(visits), 4),
            "improved_tasks": improved, "learning_zone_after_run": zone}


def _store_probe(wh: Warehouse, visits: list[dict]) -> None:
    """The probe's visits in ``curriculum_visits`` as round 0."""
    if visits:
        wh.delete_where("curriculum_visits", "round = 0")
        wh.append_rows("curriculum_visits", pl.DataFrame([dict(v, round=0) for v in visits], schema=VISIT_SCHEMA))


def reset_curriculum_tables(wh: Warehouse) -> None:
    """Empty the curriculum tables before a GRPO run: this run's rounds replace any older run's.
    The visits table is re-created with :data:`VISIT_SCHEMA`, so a warehouse written before a
    column was added (``start_kept``) takes the new rows instead of failing the insert."""
    if wh.has_table("curriculum_decisions"):
        wh.delete_where("curriculum_decisions", "true")
    wh.replace_table("curriculum_visits", pl.DataFrame(schema=VISIT_SCHEMA))


def _store_round(wh: Warehouse, res) -> None:
    """Replace this round's decisions and visits (a resumed or re-run round overwrites itself)."""
    for table in ("curriculum_decisions", "curriculum_visits"):
        if wh.has_table(table):
            wh.delete_where(table, "round >= ?", [res.round])
    wh.append_rows("curriculum_decisions", res.decisions)
    visits = pl.DataFrame([dict(v, round=res.round) for v in res.visits], schema=VISIT_SCHEMA)
    wh.append_rows("curriculum_visits", visits)


def _level_rewards(visits: list[dict], levels: dict[str, str]) -> dict[str, float]:
    """The student's mean absolute reward per difficulty level in one round."""
    by: dict[str, list[float]] = {}
    for v in visits:
        by.setdefault(levels.get(v["task_id"], "unknown"), []).append(float(v["reward_after"]))
    return {lv: round(sum(x) / len(x), 4) for lv, x in sorted(by.items())}


def source_series(rounds) -> dict[str, list[float]]:
    """Per-step mean Δr over the real tasks' completions and over the synthetic tasks' (only
    sources that occur): the overall trend mixes both, so each is reported on its own."""
    steps: dict[str, dict[tuple[int, int], list[float]]] = {}
    for r in rounds:
        for v in r.visits:
            name = "synthetic" if is_synthetic(v["task_id"]) else "real"
            steps.setdefault(name, {}).setdefault((r.round, int(v["call"])), []).append(float(v["delta_r"]))
    return {name: [sum(x) / len(x) for _, x in sorted(by.items())] for name, by in sorted(steps.items())}


def within_start_series(rounds) -> list[float]:
    """Per-step mean of each completion's Δr minus the mean Δr of its start over the whole run.

    The raw per-step mean mixes learning with *which* starts a step drew (a near-solution start
    scores about -0.75 when the edit fails, an empty start about -0.1; the curriculum also moves
    the mix between rounds on purpose). Centering on the start -- (task, variant, reward_before),
    a proxy for the start program -- removes that between-start variance, so the quarter trend of
    this series asks only "does the student do better on the same starts later?".

    >>> class R:
    ...     round = 1
    ...     visits = [{"call": 0, "task_id": "a", "variant_id": None, "reward_before": 0.8, "delta_r": -0.8},
    ...               {"call": 1, "task_id": "a", "variant_id": None, "reward_before": 0.8, "delta_r": 0.0},
    ...               {"call": 1, "task_id": "b", "variant_id": None, "reward_before": 0.1, "delta_r": -0.1}]
    >>> within_start_series([R()])
    [-0.4, 0.2]
    """
    visits = [(r.round, int(v["call"]), (v["task_id"], v.get("variant_id"), round(float(v["reward_before"]), 6)),
               float(v["delta_r"])) for r in rounds for v in r.visits]
    by_start: dict[tuple, list[float]] = {}
    for _, _, key, dr in visits:
        by_start.setdefault(key, []).append(dr)
    centre = {k: sum(x) / len(x) for k, x in by_start.items()}
    steps: dict[tuple[int, int], list[float]] = {}
    for rnd, call, key, dr in visits:
        steps.setdefault((rnd, call), []).append(dr - centre[key])
    return [round(sum(x) / len(x), 6) for _, x in sorted(steps.items())]


def _mean_kept(visits: list[dict]) -> float | None:
    """Mean share of the start's statements the round's edits kept (starts with something to
    keep only; :func:`arc_pipeline.program.kept_statements`): near 0 means the student rewrites."""
    kept = [float(v["start_kept"]) for v in visits if v.get("start_kept") is not None]
    return round(sum(kept) / len(kept), 4) if kept else None


def _summary(result, steps_per_round: int, levels: dict[str, str]) -> dict:
    """One metrics dict over all rounds: per-step series concatenated, the rounds' records."""
    from arc_pipeline.curriculum import changed_actions
    from arc_pipeline.evaluation.stats import quarter_trend

    frames = [r.decisions for r in result.rounds] + [result.final_decisions]
    changes = [changed_actions(frames[i - 1] if i else None, f) for i, f in enumerate(frames) if f is not None]
    final = result.final_decisions
    after = ({"actions": dict(final.group_by("action").len().iter_rows()), "changed_actions": changes[-1],
              "open_levels": sorted(set(final.filter(pl.col("action") != "locked")["level"].drop_nulls()))}
             if final is not None else None)
    series = {k: [x for r in result.rounds for x in r.metrics.get(k, [])]
              for k in ("delta_r_per_step", "valid_rate_per_step", "reward_after_per_step", "reward_mean",
                        "reward_format", "losses", "frac_reward_zero_std")}
    last = result.rounds[-1].metrics
    trend = quarter_trend(series["delta_r_per_step"])
    by_source = {name: quarter_trend(steps) for name, steps in source_series(result.rounds).items()}
    within = within_start_series(result.rounds)
    return {
        "kind": "grpo", "fingerprint": last["fingerprint"], "reused": all(r.reused for r in result.rounds),
        "rounds": len(result.rounds), "steps_per_round": steps_per_round,
        "steps": sum(int(r.metrics.get("steps", 0)) for r in result.rounds),
        "wall_s": round(sum(float(r.metrics.get("wall_s", 0)) for r in result.rounds), 2),
        **series, "delta_r_trend": trend.as_dict(),
        "delta_r_trend_by_source": {k: v.as_dict() for k, v in by_source.items()},
        "delta_r_within_start_per_step": within, "delta_r_trend_within_start": quarter_trend(within).as_dict(),
        "round_records": [{"round": r.round, "rows": r.rows, "augmented_rows": r.augmented_rows,
                           "open_levels": r.open_levels, "max_completion_length": r.max_completion_length,
                           "actions": dict(r.decisions.group_by("action").len().iter_rows()),
                           "changed_actions": changes[i],
                           "heldout": r.heldout, "reused": r.reused,
                           "reward_per_level": _level_rewards(r.visits, levels),
                           "mean_delta_r": round(sum(v["delta_r"] for v in r.visits) / max(1, len(r.visits)), 4),
                           "valid_rate": round(sum(v["valid"] for v in r.visits) / max(1, len(r.visits)), 4),
                           "noop_rate": round(sum(bool(v.get("noop")) for v in r.visits) / max(1, len(r.visits)), 4),
                           "start_kept": _mean_kept(r.visits)}
                          for i, r in enumerate(result.rounds)],
        "after_last_round": after,
        "merged_dir": str(result.merged_dir), "config": last.get("config"),
    }


def build_grpo_checkpoint(cfg: PipelineConfig, wh: Warehouse) -> tuple[dict, pl.DataFrame]:
    """GRPO in ``cfg.grpo.rounds`` rounds from the SFT checkpoint (module docstring)."""
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.training.grpo import train_grpo
    from arc_pipeline.training.rounds import RoundsConfig, run_rounds

    layout = RunLayout.of(cfg)
    tasks = grpo_tasks(cfg, wh)
    rows = grpo_prompt_rows(cfg, wh, tasks).to_dicts()
    cur = prior_curriculum(cfg, wh, tasks)
    rounds = max(1, cfg.grpo.rounds)
    rcfg = RoundsConfig(rounds=rounds, steps_per_round=max(1, math.ceil(cfg.grpo.max_steps / rounds)),
                        program_tokens=cfg.grpo.program_tokens, augment_variants=cfg.grpo.augment_variants,
                        seed=cfg.seed)

    def train(todo, init, out, seed, weights, steps, completion):
        return train_grpo(todo, init, cfg.model, cfg.grpo, out, seed, sampling_weights=weights,
                          reward_config=cfg.reward, max_steps=steps,
                          max_completion_length=min(cfg.grpo.max_completion_length, completion))

    reset_curriculum_tables(wh)
    probe = student_probe(cfg, cur, layout.checkpoint("grpo"))

    def stored_probe(todo):
        visits = probe(todo)
        _store_probe(wh, visits)
        return visits

    result = run_rounds(rows, tasks, cur, layout.merged("sft"), layout.checkpoint("grpo"),
                        rcfg, train, render_student_prompt, executor_for(cfg), heldout_scorer(cfg, wh),
                        on_round=lambda res: _store_round(wh, res), probe=stored_probe if probe else None)
    wh.append_rows("curriculum_decisions", result.final_decisions)
    metrics = _summary(result, rcfg.steps_per_round, {r["task_id"]: r["difficulty_level"] for r in rows})
    metrics["probe"] = _probe_summary(result, cur)
    (layout.checkpoint("grpo") / "metrics.json").write_text(json.dumps(metrics, indent=1, default=str))
    return metrics, wh.read("select * from curriculum_decisions order by round, task_id")
