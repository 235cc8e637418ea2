"""GRPO on (task, start program) prompts with trl's ``GRPOTrainer``.

Each dataset row is one edit prompt: a (task, start program) pair with the columns the reward
needs (``task_json`` -- train pairs only --, ``start_program``, ``reward_before``,
``task_id``). trl samples ``num_generations`` completions per row, so a group shares its start
program and the group-relative advantage compares edits of the same program.

Rewards (``reward_weights = [1, grpo_cfg.format_reward_weight]``):

* ``delta_r`` -- :func:`arc_pipeline.rewards.trl.make_trl_reward`: the edited program runs in the
  sandbox (``arc_pipeline.execution.default_executor()``) on the train pairs; reward =
  reward(edit) − reward_before (− the thinking penalty, 0 by default). trl logs it as
  ``rewards/delta_r/mean``.
* ``format`` -- :func:`arc_pipeline.rewards.trl.make_format_reward`: 1 for a closed
  ``<think>..</think>`` followed by a program, 0.5 for a program without think tags, 0
  otherwise (statuses of the edit evaluator).

Curriculum hook: ``sampling_weights`` (one float ≥ 0 per prompt row) builds the training set by
weighted sampling *with replacement*, deterministic in ``seed``: ``max(len(rows), prompts the
run consumes)`` draws, so a weight-3 row appears about three times as often as a weight-1 row
and a weight-0 (sunset) row never. Without weights the rows are used as they are.

Prompts longer than ``max_length − max_completion_length`` tokens keep their end (same policy
as SFT, :func:`arc_pipeline.training.tiny_model.fit_prompt`).

CPU overrides (STACK-NOTES): fp32, no activation checkpointing, ``use_cpu``; the batch is
``grpo_cfg.batch_size`` completions and ``steps_per_generation`` is the smallest value making
``batch_size × steps_per_generation`` divisible by ``num_generations``. vLLM is used only when
``grpo_cfg.use_vllm`` (GPU extra; never imported here). Outputs: ``merged/`` (model + tokenizer,
LoRA merged when ``grpo_cfg.use_lora``), ``metrics.json`` (per-step reward mean/std,
``frac_reward_zero_std``, per-function reward means, completion lengths, log history) and
``reward_curve.png``. Same content-addressed skip as SFT.
"""

from __future__ import annotations

import dataclasses
import json
import math
import random
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

from arc_pipeline.config import GRPOConfigSection, ModelConfig
from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig
from arc_pipeline.rewards.trl import FORMAT_SCORES, make_format_reward  # noqa: F401  (re-exported)
from arc_pipeline.training.common import (cached_metrics, fingerprint, load_dtype, lora_config, model_identity,
                                          no_checkpointing, plot_curves, precision_flags, save_final, use_cuda, write_metrics)

GRPO_VERSION = "grpo-v1"
REQUIRED_COLUMNS = ("prompt", "task_json", "start_program", "reward_before", "task_id")
# passed through to the reward (trl hands dataset columns to it) and into the visit log
OPTIONAL_COLUMNS = ("variant_id", "thinking_budget", "difficulty_level")
VISITS_FILE = "visits.jsonl"


def read_visits(out_dir: Path) -> list[dict]:
    """The per-completion visit log a GRPO run wrote (empty when there is none)."""
    path = Path(out_dir) / VISITS_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def per_step(visits: list[dict], key: str) -> list[float]:
    """Mean of ``key`` per reward call (one call per optimizer step when
    ``batch_size * steps_per_generation`` completions are generated at once)."""
    groups: dict[int, list[float]] = {}
    for v in visits:
        groups.setdefault(int(v["call"]), []).append(float(v[key]))
    return [sum(g) / len(g) for _, g in sorted(groups.items())]


def logged_reward(fn: Any, log: list[dict]) -> Any:
    """Wrap a trl reward so every completion's outcome lands in ``log`` (a *visit*: task,
    variant, absolute reward after the edit, Δr, valid edit, share of the start's statements kept
    -- :func:`arc_pipeline.program.kept_statements`), tagged with the call number."""
    from arc_pipeline.program import kept_statements

    calls = [0]

    def wrapper(completions, **kwargs):
        values = fn(completions, **kwargs)
        n = len(completions)
        column = lambda name: list(kwargs.get(name) or [None] * n)  # noqa: E731
        tasks, variants, budgets = column("task_id"), column("variant_id"), column("thinking_budget")
        starts = column("start_program")
        for i, d in enumerate(fn.last_details):
            log.append({"call": calls[0], "task_id": tasks[i], "variant_id": variants[i],
                        "thinking_budget": budgets[i], "reward_before": d["reward_before"],
                        "reward_after": d["reward_after"], "delta_r": d["delta"] + d["penalty"],
                        "penalty": d["penalty"], "valid": bool(d.get("valid")), "status": d["parse_status"],
                        "noop": bool(d.get("noop")),
                        "start_kept": kept_statements(starts[i], d.get("program")) if starts[i] else None})
        calls[0] += 1
        return values

    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    return wrapper


def steps_per_generation(batch_size: int, num_generations: int) -> int:
    """Smallest s with ``batch_size * s`` divisible by ``num_generations``."""
    return num_generations // math.gcd(batch_size, num_generations)


def weighted_rows(rows: list[dict], weights: list[float] | None, n_draws: int, seed: int) -> list[dict]:
    """Curriculum sampling: ``n_draws`` rows drawn with replacement ∝ ``weights`` (seeded).

    ``None`` returns ``rows`` unchanged. Weights must be ≥ 0 with a positive sum.
    """
    if weights is None:
        return list(rows)
    if len(weights) != len(rows):
        raise ValueError(f"{len(weights)} sampling weights for {len(rows)} prompt rows")
    if any(w < 0 for w in weights) or not any(w > 0 for w in weights):
        raise ValueError("sampling weights must be >= 0 with at least one > 0")
    rng = random.Random(seed)
    return rng.choices(rows, weights=weights, k=n_draws)


def _history_series(history: list[dict], key: str) -> list[float]:
    return [float(h[key]) for h in history if key in h]


def train_grpo(prompts: list[dict], init_model: Path | str, model_cfg: ModelConfig, grpo_cfg: GRPOConfigSection,
               out_dir: Path, seed: int, sampling_weights: list[float] | None = None,
               reward_config: RewardConfig = DEFAULT_REWARD, max_steps: int | None = None,
               max_completion_length: int | None = None) -> dict:
    """Train (or reuse) a GRPO checkpoint from ``init_model`` (the SFT ``merged`` dir).

    ``prompts``: dicts with ``prompt`` (str), ``task_json`` (train pairs only), ``start_program``,
    ``reward_before``, ``task_id`` (other keys are ignored). Returns the metrics dict (also in
    ``metrics.json``): ``reward_mean``/``reward_std``/``frac_reward_zero_std`` per logged step,
    ``reward_delta_r``/``reward_format`` (per-function means), ``completion_length``, ``losses``,
    ``steps``, ``wall_s``, ``s_per_step``, ``parse_status_counts``, ``merged_dir``,
    ``fingerprint``, ``reused``, ``settings`` (``sandbox``: the limits of the pool the reward
    ran in, ``reward``: ``reward_config``).
    """
    out_dir = Path(out_dir)
    if not prompts:
        raise ValueError("train_grpo needs at least one prompt row")
    missing = [c for c in REQUIRED_COLUMNS if c not in prompts[0]]
    if missing:
        raise ValueError(f"prompt rows lack columns {missing}")
    rows = [{c: r[c] for c in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if c in r} for r in prompts]
    if max_steps is not None or max_completion_length is not None:  # one round of a run in rounds
        grpo_cfg = dataclasses.replace(grpo_cfg, max_steps=grpo_cfg.max_steps if max_steps is None else max_steps,
                                       max_completion_length=max_completion_length or grpo_cfg.max_completion_length)
    for r in rows:
        r["reward_before"] = float(r["reward_before"])
    weights = None if sampling_weights is None else [float(w) for w in sampling_weights]
    parts = [GRPO_VERSION, rows, weights, model_cfg, grpo_cfg, model_identity(init_model), seed]
    if reward_config != DEFAULT_REWARD:  # the default keeps existing fingerprints valid
        parts.append(reward_config)
    fp = fingerprint(*parts)
    cached = cached_metrics(out_dir, fp)
    if cached is not None:
        return cached

    import torch
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, set_seed
    from trl import GRPOConfig, GRPOTrainer

    from arc_pipeline.execution import default_executor
    from arc_pipeline.rewards.trl import make_trl_reward
    from arc_pipeline.training.tiny_model import chat_messages, fit_prompt, load_tokenizer

    set_seed(seed)
    if model_cfg.torch_threads:
        torch.set_num_threads(int(model_cfg.torch_threads))
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = load_tokenizer(init_model)
    G = grpo_cfg.num_generations
    spg = steps_per_generation(grpo_cfg.batch_size, G)
    prompts_needed = max(1, grpo_cfg.max_steps) * grpo_cfg.batch_size // G + 1
    sampled = weighted_rows(rows, weights, max(len(rows), prompts_needed), seed)
    budget = model_cfg.max_length - grpo_cfg.max_completion_length
    if budget <= 0:
        raise ValueError("model.max_length must exceed grpo.max_completion_length")
    truncated, fitted = 0, {}
    data = []
    for r in sampled:
        key = r["prompt"]
        if key not in fitted:
            fitted[key] = fit_prompt(tokenizer, key, budget)
            truncated += int(fitted[key][1])
        data.append({**r, "prompt": chat_messages(fitted[key][0])})
    dataset = Dataset.from_list(data)

    model = AutoModelForCausalLM.from_pretrained(str(init_model), dtype=load_dtype(model_cfg, grpo_cfg.use_lora))
    vllm = {"use_vllm": True, "vllm_mode": grpo_cfg.vllm_mode} if grpo_cfg.use_vllm else {"use_vllm": False}
    args = GRPOConfig(
        output_dir=str(out_dir / "trainer"),
        num_generations=G,
        max_completion_length=grpo_cfg.max_completion_length,
        per_device_train_batch_size=grpo_cfg.batch_size,
        gradient_accumulation_steps=1,
        steps_per_generation=spg,
        max_steps=grpo_cfg.max_steps,
        learning_rate=grpo_cfg.learning_rate,
        temperature=grpo_cfg.temperature,
        top_p=grpo_cfg.top_p,
        beta=grpo_cfg.beta,
        reward_weights=[1.0, grpo_cfg.format_reward_weight],
        logging_steps=1,
        save_strategy="no",
        report_to="none",
        seed=seed,
        data_seed=seed,
        disable_tqdm=True,
        dataloader_num_workers=0,
        optim="adamw_torch",
        **vllm,
        **no_checkpointing(),
        **precision_flags(model_cfg, allow_cpu_autocast=False),
    )
    statuses: Counter = Counter()
    visits: list[dict] = []
    # sandboxed (default_executor); logged by trl as rewards/delta_r/*, per completion in `visits`
    delta_reward = logged_reward(make_trl_reward(config=reward_config, noop_fails=grpo_cfg.noop_edits_fail), visits)
    trainer = GRPOTrainer(
        model=model, reward_funcs=[delta_reward, make_format_reward(statuses)], args=args,
        train_dataset=dataset, processing_class=tokenizer,
        peft_config=lora_config(grpo_cfg) if grpo_cfg.use_lora else None,
    )
    t0 = time.perf_counter()
    trainer.train()
    wall = time.perf_counter() - t0
    history = trainer.state.log_history
    steps = int(trainer.state.global_step)
    merged = save_final(trainer.model, tokenizer, out_dir, grpo_cfg.use_lora)
    shutil.rmtree(out_dir / "trainer", ignore_errors=True)

    reward_mean = _history_series(history, "reward")
    (out_dir / VISITS_FILE).write_text("".join(json.dumps(v) + "\n" for v in visits))
    metrics = {
        "delta_r_per_step": per_step(visits, "delta_r"), "valid_rate_per_step": per_step(visits, "valid"),
        "reward_after_per_step": per_step(visits, "reward_after"), "visits": len(visits),
        "kind": "grpo", "fingerprint": fp, "reused": False, "init_model": str(init_model),
        "steps": steps, "wall_s": round(wall, 2), "s_per_step": round(wall / steps, 4) if steps else None,
        "reward_mean": reward_mean,
        "reward_std": _history_series(history, "reward_std"),
        "frac_reward_zero_std": _history_series(history, "frac_reward_zero_std"),
        "reward_delta_r": _history_series(history, f"rewards/{delta_reward.__name__}/mean"),
        "reward_format": _history_series(history, "rewards/format/mean"),
        "completion_length": _history_series(history, "completions/mean_length"),
        "losses": _history_series(history, "loss"),
        "parse_status_counts": dict(statuses),
        "seed": seed, "prompt_rows": len(rows), "train_rows": len(data), "prompts_truncated": truncated,
        "sampling_weights": weights, "steps_per_generation": spg,
        "device": "cuda" if use_cuda() else "cpu", "torch": torch.__version__,
        "config": {"model": dataclasses.asdict(model_cfg), "grpo": dataclasses.asdict(grpo_cfg)},
        "settings": {"sandbox": default_executor().settings(), "reward": dataclasses.asdict(reward_config)},
        "merged_dir": str(merged), "reward_curve": str(out_dir / "reward_curve.png"),
        "log_history": history,
    }
    plot_curves(out_dir / "reward_curve.png",
                {"reward (weighted sum)": reward_mean, "delta_r": metrics["reward_delta_r"],
                 "format": metrics["reward_format"]}, f"GRPO rewards ({steps} steps)")
    write_metrics(out_dir, metrics)
    return metrics
