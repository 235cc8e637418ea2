"""What the SFT and GRPO trainers share: run fingerprints, the content-addressed skip, metrics
files, curves, device/precision flags, LoRA and the final save.

A module of its own (trl's "base module" shape) so that neither trainer imports the other;
:mod:`~arc_pipeline.training.sft` and :mod:`~arc_pipeline.training.grpo` both import from here.
Paths inside a checkpoint directory (``merged/``) come from :mod:`arc_pipeline.layout`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from arc_pipeline.config import ModelConfig
from arc_pipeline.layout import MERGED, merged_in


def fingerprint(*parts: Any) -> str:
    """sha256 of the canonical JSON of ``parts`` (dataclasses as dicts, paths as strings)."""
    def default(o: Any) -> Any:
        if dataclasses.is_dataclass(o):
            return dataclasses.asdict(o)
        return str(o)

    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=default).encode()).hexdigest()[:16]


def model_identity(path_or_id: str | Path) -> str:
    """What a fingerprint records for a base/init model.

    A HF id stays as is. A local ``merged/`` dir written by our trainers is identified by its
    run's fingerprint (``../metrics.json``), so a retrained SFT checkpoint at the same path
    invalidates the GRPO run built on it; other local dirs by their name plus the names, sizes
    and mtimes of their files (the tiny model's dir name is already content-addressed).
    """
    path = Path(path_or_id)
    if not path.is_dir():
        return str(path_or_id)
    metrics = path.parent / "metrics.json"
    if path.name == MERGED and metrics.exists():
        try:
            return f"trained:{json.loads(metrics.read_text())['fingerprint']}"
        except (OSError, KeyError, json.JSONDecodeError):
            pass
    files = sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in path.iterdir() if f.is_file())
    return f"dir:{path.name}:{fingerprint(files)}"


def cached_metrics(out_dir: Path, fp: str) -> dict | None:
    """Stored metrics when ``out_dir`` holds a finished run with fingerprint ``fp``."""
    path = Path(out_dir) / "metrics.json"
    if not path.exists() or not (merged_in(out_dir) / "config.json").exists():
        return None
    try:
        metrics = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError):
        return None
    if metrics.get("fingerprint") != fp:
        return None
    metrics["reused"] = True
    return metrics


def write_metrics(out_dir: Path, metrics: dict) -> None:
    tmp = Path(out_dir) / "metrics.json.tmp"
    tmp.write_text(json.dumps(metrics, indent=2, default=str))
    tmp.replace(Path(out_dir) / "metrics.json")


def plot_curves(path: Path, curves: dict[str, list[float]], title: str, xlabel: str = "step") -> None:
    """A line plot (matplotlib, Agg backend) of named series."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    for name, ys in curves.items():
        if ys:
            ax.plot(range(1, len(ys) + 1), ys, marker="." if len(ys) < 50 else None, label=name)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.grid(alpha=0.3)
    if len(curves) > 1:
        ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def use_cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def cpu_autocast(requested: str | None) -> str | None:
    """The autocast dtype to train the tiny model under on CPU, or None (fp32).

    ``"bfloat16"`` is used only where the CPU has native bf16 matmuls (oneDNN reports it, e.g.
    AVX512-BF16 / AMX): there a warm-start step took 0.60x the fp32 time (benchmarks/bench_autocast.py);
    elsewhere bf16 is emulated and slower, so the run stays fp32. On CUDA: None (the GPU path
    has its own precision flags).
    """
    if requested not in ("bfloat16", "bf16"):
        return None
    import torch

    if torch.cuda.is_available():
        return None
    try:
        supported = bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        supported = False
    return "bfloat16" if supported else None


def precision_flags(model_cfg: ModelConfig, allow_cpu_autocast: bool = True) -> dict[str, Any]:
    """CPU: ``use_cpu``, fp32 -- or bf16 autocast when ``model_cfg.cpu_autocast`` asks for it, the
    CPU has native bf16 (:func:`cpu_autocast`) and the caller
    allows it (GRPO does not: its steps are mostly sampling, which bf16 made slower, not faster,
    in the default run -- 3.7 vs 2.5 s per step); GPU: ``bf16`` when ``model_cfg.dtype == "bfloat16"``."""
    if use_cuda():
        return {"bf16": model_cfg.dtype == "bfloat16", "fp16": False, "use_cpu": False}
    bf16 = allow_cpu_autocast and cpu_autocast(model_cfg.cpu_autocast) is not None
    return {"bf16": bf16, "fp16": False, "use_cpu": True}


def load_dtype(model_cfg: ModelConfig, use_lora: bool):
    """Weights dtype: bf16 for a LoRA base on GPU; fp32 otherwise (full fine-tunes keep fp32
    master weights and train under bf16 autocast)."""
    import torch

    if use_cuda() and use_lora and model_cfg.dtype == "bfloat16":
        return torch.bfloat16
    return torch.float32


def no_checkpointing() -> dict[str, bool]:
    """Activation (gradient) checkpointing off: trl defaults it on; it only slows small models."""
    from transformers import TrainingArguments

    names = {f.name for f in dataclasses.fields(TrainingArguments)}
    return {"activation_checkpointing": False} if "activation_checkpointing" in names else {"gradient_checkpointing": False}


def lora_config(sft_cfg: Any):
    """peft LoRA from a config section with ``lora_r/alpha/dropout/targets`` (SFT or GRPO)."""
    from peft import LoraConfig

    return LoraConfig(r=sft_cfg.lora_r, lora_alpha=sft_cfg.lora_alpha, lora_dropout=sft_cfg.lora_dropout,
                      target_modules=list(sft_cfg.lora_targets), task_type="CAUSAL_LM", bias="none")


def save_final(model: Any, tokenizer: Any, out_dir: Path, is_peft: bool) -> Path:
    """Save ``adapter/`` (peft only) and ``merged/`` (merged weights + tokenizer)."""
    from arc_pipeline.training.tiny_model import save_tokenizer

    merged_dir = merged_in(out_dir)
    shutil.rmtree(merged_dir, ignore_errors=True)
    if is_peft:
        model.save_pretrained(str(Path(out_dir) / "adapter"))
        model = model.merge_and_unload()
    model.save_pretrained(str(merged_dir))
    save_tokenizer(tokenizer, merged_dir)
    return merged_dir
