"""SFT replay rows: a seeded sample of the warm start's chat documents, only when there is a warm start."""

from __future__ import annotations

import dataclasses

from arc_pipeline.config import PipelineConfig
from arc_pipeline.stages import sft_checkpoint

DOCS = [{"prompt": None, "completion": "```python\nprogram only\n```"}] + [
    {"prompt": f"## ex0 {i}", "completion": f"<think>t{i}</think>"} for i in range(20)]


def _cfg(replay: int, warm_steps: int = 10, base: str = "tiny") -> PipelineConfig:
    cfg = PipelineConfig()
    return dataclasses.replace(cfg, sft=dataclasses.replace(cfg.sft, replay_rows=replay),
                               model=dataclasses.replace(cfg.model, warm_start_steps=warm_steps, base_model=base))


def test_replay_is_a_seeded_sample_of_chat_documents(monkeypatch):
    monkeypatch.setattr(sft_checkpoint, "warm_start_documents", lambda cfg, wh: DOCS)
    rows = sft_checkpoint.replay_rows(_cfg(5), wh=None)
    assert len(rows) == 5 and all(r["prompt"] for r in rows)  # program-only documents are not chat rows
    assert rows == sft_checkpoint.replay_rows(_cfg(5), wh=None)
    assert len(sft_checkpoint.replay_rows(_cfg(100), wh=None)) == 20


def test_no_replay_without_a_warm_start_or_when_off(monkeypatch):
    monkeypatch.setattr(sft_checkpoint, "warm_start_documents", lambda cfg, wh: DOCS)
    assert sft_checkpoint.replay_rows(_cfg(0), wh=None) == []
    assert sft_checkpoint.replay_rows(_cfg(5, warm_steps=0), wh=None) == []
    assert sft_checkpoint.replay_rows(_cfg(5, base="Qwen/Qwen2.5-0.5B"), wh=None) == []
