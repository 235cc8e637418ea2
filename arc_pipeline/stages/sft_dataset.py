"""Stage `sft_dataset`: edit traces filtered into SFT rows -> `sft_examples` + a HF export."""

from __future__ import annotations

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.stages.inputs import task_ids, verified_rules
from arc_pipeline.warehouse import Warehouse


def build_sft_dataset(cfg: PipelineConfig, wh: Warehouse) -> tuple[pl.DataFrame, str]:
    """`sft_examples` (+ a HF datasets export under datasets/) from all edit traces."""
    from arc_pipeline.dataset import build_sft_frame, dataset_hash, export_hf
    from arc_pipeline.slices import held_out_task_ids

    traces = wh.read("edit_traces")
    held_out = held_out_task_ids(cfg.tasks, task_ids(wh, "eval"))
    frame = build_sft_frame(traces, held_out, verified_rules(wh))
    digest = dataset_hash(frame)
    frame = frame.with_columns(pl.lit(digest).alias("dataset_hash"))
    wh.replace_table("sft_examples", frame)
    out = RunLayout.of(cfg).sft_dataset(digest)
    if not out.exists() and frame.height:
        export_hf(frame, out)
    return frame, digest
