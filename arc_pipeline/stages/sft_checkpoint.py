"""Stage `sft_checkpoint`: trl SFT on `sft_examples` -> checkpoints/sft (content-addressed:
an unchanged re-run trains nothing)."""

from __future__ import annotations

from arc_pipeline.config import PipelineConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.stages.inputs import base_model_path, settings_in_effect, sft_rows, warm_start_documents
from arc_pipeline.warehouse import Warehouse


def build_sft_checkpoint(cfg: PipelineConfig, wh: Warehouse) -> dict:
    """Train (or reuse) the SFT checkpoint from `sft_examples`; returns its metrics."""
    from arc_pipeline.training.sft import train_sft

    rows = sft_rows(wh)
    if not rows:
        raise ValueError("sft_examples is empty: materialize edit_traces (all levels) and sft_dataset first")
    return train_sft(rows, base_model_path(cfg, wh), cfg.model, cfg.sft, RunLayout.of(cfg).checkpoint("sft"), cfg.seed,
                     settings=settings_in_effect(cfg), replay=replay_rows(cfg, wh))


def replay_rows(cfg: PipelineConfig, wh: Warehouse) -> list[dict]:
    """``sft.replay_rows`` of the warm start's chat documents (repairs, synthetic tasks), a
    seeded sample: trained alongside the SFT rows so the tiny model keeps what the warm start
    taught it (valid programs from the empty start). Empty unless the base model is warm-started."""
    import random

    n = cfg.sft.replay_rows
    if n <= 0 or cfg.model.base_model != "tiny" or cfg.model.warm_start_steps <= 0:
        return []
    chat = [d for d in warm_start_documents(cfg, wh) if d.get("prompt")]
    return random.Random(cfg.seed).sample(chat, min(n, len(chat)))
