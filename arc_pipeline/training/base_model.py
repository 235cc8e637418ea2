"""Which base model a run starts from: the locally built tiny model (optionally warm-started)
or a configured HF id / path.

Lives apart from :mod:`~arc_pipeline.training.tiny_model` and
:mod:`~arc_pipeline.training.warm_start` because it needs both, and those two must not import
each other (the warm start loads the tiny model; the choice between them is made here).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from arc_pipeline.config import ModelConfig
from arc_pipeline.layout import RunLayout
from arc_pipeline.training.tiny_model import build_tiny_model
from arc_pipeline.line_refs import encode_documents
from arc_pipeline.training.warm_start import as_document, warm_start


def resolve_base_model(cfg: ModelConfig, data_dir: Path, corpus_fn: Callable[[], list[str]],
                       documents_fn: Callable[[], list] | None = None, seed: int = 0) -> Path | str:
    """``"tiny"`` -> the built/cached tiny model under the run layout's ``models/``, warm-started
    on ``documents_fn()`` (:mod:`arc_pipeline.training.warm_start` documents: programs and repair
    pairs) when ``cfg.warm_start_steps`` > 0; else the configured HF id or local path, unchanged.
    The corpora are callables so a non-tiny run never reads them."""
    if cfg.base_model != "tiny":
        return cfg.base_model
    built = build_tiny_model(cfg, list(corpus_fn()), RunLayout(Path(data_dir)).models)
    if cfg.warm_start_steps <= 0 or documents_fn is None:
        return built
    documents = encode_documents([as_document(d) for d in documents_fn()], cfg.line_refs)
    return warm_start(built, documents, cfg.warm_start_steps, cfg.warm_start_lr,
                      cfg.warm_start_batch_size, seed=seed, max_tokens=cfg.warm_start_max_tokens,
                      threads=cfg.torch_threads, autocast=cfg.cpu_autocast)
