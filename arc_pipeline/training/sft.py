"""Supervised fine-tuning on edit traces with trl's ``SFTTrainer``.

Rows are ``{"prompt": str, "completion": str}`` (see :mod:`arc_pipeline.dataset`). They are
turned into *conversational* prompt/completion pairs (one user turn, one assistant turn, the
model's chat template) and trained with ``completion_only_loss=True``: prompt tokens get label
-100, only the ``<think>..</think>`` + program completion is learned.

Long prompts (policy): a row whose templated prompt + completion exceeds
``model_cfg.max_length`` tokens keeps the **end** of its prompt -- whole leading lines are
cut (see :func:`arc_pipeline.training.tiny_model.fit_prompt`), because the end holds the
current program and the instruction. The completion is never cut: a row whose completion
alone does not fit is dropped (counted in ``metrics["rows_dropped"]``). trl's own truncation
(``keep_start``) then never triggers. The CPU profile keeps grids small via the default task
slice, so truncation is rare there (``metrics["prompts_truncated"]``).

LoRA (peft) when ``sft_cfg.use_lora``; otherwise a full fine-tune (the tiny random-init model
needs it: a LoRA-only warm start samples garbage). Outputs under ``out_dir``: ``adapter/`` (LoRA
only), ``merged/`` (model, merged with ``merge_and_unload`` when LoRA, + tokenizer),
``metrics.json`` and ``loss_curve.png``.

Content-addressed skip: ``metrics.json`` records a fingerprint of (rows, configs, base model,
seed); an unchanged call returns the stored metrics (``reused=True``) without training.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from arc_pipeline.config import ModelConfig, SFTConfigSection
from arc_pipeline.line_refs import encode_documents
from arc_pipeline.training.common import (cached_metrics, fingerprint, load_dtype, lora_config, model_identity,
                                          no_checkpointing, plot_curves, precision_flags, save_final, use_cuda,
                                          write_metrics)

SFT_VERSION = "sft-v1"


# --------------------------------------------------------------------------- SFT


def prepare_rows(rows: list[dict], tokenizer: Any, max_length: int) -> tuple[list[dict], dict[str, int]]:
    """Conversational rows that fit ``max_length`` (prompt end kept; see module docstring)."""
    from arc_pipeline.training.tiny_model import chat_messages, fit_prompt

    out, truncated, dropped = [], 0, 0
    for row in rows:
        completion = row["completion"]
        # completion tokens as the template renders them (+ <|im_end|> and newline)
        reserve = len(tokenizer(completion, add_special_tokens=False)["input_ids"]) + 2
        prompt, cut = fit_prompt(tokenizer, row["prompt"], max_length, reserve)
        full = tokenizer.apply_chat_template(
            chat_messages(prompt) + [{"role": "assistant", "content": completion}], tokenize=False)
        if len(tokenizer(full, add_special_tokens=False)["input_ids"]) > max_length:
            dropped += 1
            continue
        truncated += int(cut)
        out.append({"prompt": chat_messages(prompt), "completion": [{"role": "assistant", "content": completion}]})
    return out, {"prompts_truncated": truncated, "rows_dropped": dropped}


def split_eval_rows(rows: list[dict], fraction: float) -> tuple[list[dict], list[dict]]:
    """Hold out about ``fraction`` of the rows for the SFT eval loss, chosen by a hash of the
    (prompt, completion) text: deterministic, and independent of row order.

    >>> train, held = split_eval_rows([{"prompt": str(i), "completion": "c"} for i in range(200)], 0.1)
    >>> len(train) + len(held), 10 <= len(held) <= 30
    (200, True)
    >>> split_eval_rows([{"prompt": "p", "completion": "c"}], 0.5)[1]  # never the only row
    []
    """
    if fraction <= 0 or len(rows) < 10:
        return list(rows), []
    def bucket(r: dict) -> float:
        digest = hashlib.sha256(f"{r['prompt']}\0{r['completion']}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2 ** 64
    held = [r for r in rows if bucket(r) < fraction]
    return [r for r in rows if bucket(r) >= fraction], held


def length_grouping(config_cls: Any, on: bool) -> dict:
    """Trainer kwargs for length-grouped batches: ``train_sampling_strategy`` in recent
    transformers 5 releases, ``group_by_length`` before it; nothing when off (any version)."""
    if not on:
        return {}
    names = {f.name for f in dataclasses.fields(config_cls)}
    return {"train_sampling_strategy": "group_by_length"} if "train_sampling_strategy" in names else {"group_by_length": True}


def train_sft(rows: list[dict], base_model: str | Path, model_cfg: ModelConfig, sft_cfg: SFTConfigSection,
              out_dir: Path, seed: int, *, settings: Mapping[str, Any] | None = None,
              replay: Sequence[Mapping[str, str]] = ()) -> dict:
    """Train (or reuse) an SFT checkpoint; returns the metrics dict (also in ``metrics.json``).

    Metrics: ``losses`` (one per optimizer step), ``steps``, ``train_tokens`` (non-padding
    input tokens seen), ``tokens_per_s``, ``wall_s``, ``s_per_step``, ``seed``, ``config``,
    ``rows``/``rows_used``/``prompts_truncated``/``rows_dropped``, ``merged_dir``,
    ``fingerprint``, ``reused``, ``settings`` (the run's settings in effect as passed by the
    caller -- sandbox limits, reward config -- recorded for provenance; SFT itself runs no
    program, so they are not part of the fingerprint).

    ``replay``: extra (prompt, completion) rows trained alongside ``rows`` -- the warm start's
    documents, so that a small model does not forget what it learnt there (``sft.replay_rows``);
    they never enter the eval-loss split, which holds ``rows`` only (``replay_rows_used`` in
    the metrics).
    """
    out_dir = Path(out_dir)
    # the student's representation: kept lines written as references (model.line_refs)
    rows = encode_documents([{"prompt": r["prompt"], "completion": r["completion"]} for r in rows],
                            model_cfg.line_refs)
    if not rows:
        raise ValueError("train_sft needs at least one row")
    replay = encode_documents([{"prompt": r["prompt"], "completion": r["completion"]} for r in replay],
                              model_cfg.line_refs)
    parts = (SFT_VERSION, rows, model_cfg, sft_cfg, model_identity(base_model), seed) + ((replay,) if replay else ())
    fp = fingerprint(*parts)
    cached = cached_metrics(out_dir, fp)
    if cached is not None:
        return cached
    rows, eval_rows = split_eval_rows(rows, sft_cfg.eval_fraction)

    import torch
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, set_seed
    from trl import SFTConfig, SFTTrainer

    from arc_pipeline.training.progress import use_compact_log
    from arc_pipeline.training.tiny_model import load_tokenizer

    set_seed(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = load_tokenizer(base_model)
    data, prep = prepare_rows(rows, tokenizer, model_cfg.max_length)
    if not data:
        raise ValueError(f"no SFT row fits max_length={model_cfg.max_length}")
    replayed, _ = prepare_rows(replay, tokenizer, model_cfg.max_length) if replay else ([], {})
    data = data + replayed
    dataset = Dataset.from_list(data)
    held, _ = prepare_rows(eval_rows, tokenizer, model_cfg.max_length) if eval_rows else ([], {})
    eval_every = max(1, sft_cfg.max_steps // 8) if sft_cfg.max_steps > 0 else 50
    evaluation = ({"eval_strategy": "steps", "eval_steps": eval_every, "per_device_eval_batch_size": sft_cfg.batch_size}
                  if held else {"eval_strategy": "no"})
    if model_cfg.torch_threads:
        torch.set_num_threads(int(model_cfg.torch_threads))

    model = AutoModelForCausalLM.from_pretrained(str(base_model), dtype=load_dtype(model_cfg, sft_cfg.use_lora))
    args = SFTConfig(
        output_dir=str(out_dir / "trainer"),
        max_length=model_cfg.max_length,
        completion_only_loss=True,
        packing=False,
        num_train_epochs=sft_cfg.epochs,
        max_steps=sft_cfg.max_steps,
        learning_rate=sft_cfg.learning_rate,
        per_device_train_batch_size=sft_cfg.batch_size,
        **length_grouping(SFTConfig, sft_cfg.group_by_length),
        gradient_accumulation_steps=sft_cfg.gradient_accumulation_steps,
        warmup_steps=min(5, max(0, sft_cfg.max_steps // 10)) if sft_cfg.max_steps > 0 else 0,
        logging_steps=1,
        logging_first_step=True,
        save_strategy="no",
        report_to="none",
        seed=seed,
        data_seed=seed,
        include_num_input_tokens_seen="non_padding",
        disable_tqdm=True,
        dataloader_num_workers=0,
        optim="adamw_torch",
        **evaluation,
        **no_checkpointing(),
        **precision_flags(model_cfg),
    )
    trainer = SFTTrainer(
        model=model, args=args, train_dataset=dataset, eval_dataset=Dataset.from_list(held) if held else None,
        processing_class=tokenizer,
        peft_config=lora_config(sft_cfg) if sft_cfg.use_lora else None,
    )
    use_compact_log(trainer, "sft", every=max(1, sft_cfg.max_steps // 10) if sft_cfg.max_steps > 0 else 10)
    t0 = time.perf_counter()
    result = trainer.train()
    wall = time.perf_counter() - t0
    history = trainer.state.log_history
    losses = [float(h["loss"]) for h in history if "loss" in h and "train_loss" not in h]
    eval_losses = [{"step": int(h["step"]), "loss": round(float(h["eval_loss"]), 5)} for h in history if "eval_loss" in h]
    tokens = int(trainer.state.num_input_tokens_seen or 0)
    steps = int(trainer.state.global_step)

    is_peft = sft_cfg.use_lora
    merged = save_final(trainer.model, tokenizer, out_dir, is_peft)
    shutil.rmtree(out_dir / "trainer", ignore_errors=True)
    metrics = {
        "kind": "sft", "fingerprint": fp, "reused": False, "base_model": str(base_model),
        "losses": losses, "eval_losses": eval_losses, "eval_rows": len(held),
        "steps": steps, "train_loss": float(result.training_loss),
        "train_tokens": tokens, "tokens_per_s": round(tokens / wall, 1) if wall > 0 else None,
        "wall_s": round(wall, 2), "s_per_step": round(wall / steps, 4) if steps else None,
        "seed": seed, "rows": len(rows), "rows_used": len(data) - len(replayed), "replay_rows_used": len(replayed), **prep,
        "parameters": sum(p.numel() for p in trainer.model.parameters()),
        "device": "cuda" if use_cuda() else "cpu", "torch": torch.__version__,
        "config": {"model": dataclasses.asdict(model_cfg), "sft": dataclasses.asdict(sft_cfg)},
        "settings": dict(settings or {}),
        "merged_dir": str(merged), "loss_curve": str(out_dir / "loss_curve.png"),
        "log_history": history,
    }
    plot_curves(out_dir / "loss_curve.png", {"train loss": losses}, f"SFT loss ({steps} steps)")
    write_metrics(out_dir, metrics)
    return metrics
