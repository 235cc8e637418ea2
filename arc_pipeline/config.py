"""Pipeline configuration: one dataclass tree, loaded from a profile YAML plus overrides.

Profiles live in ``configs/<name>.yaml``: ``cpu-tiny`` (the embedded default: no key, no
GPU, a small fixed slice of tasks, the offline search teacher, a tiny locally built model)
and ``gpu`` (real base model, bf16, vLLM, an API teacher). ``ARC_PIPELINE_PROFILE`` picks one;
``ARC_PIPELINE_CONFIG`` points to any YAML file; ``ARC_PIPELINE_DATA_DIR`` moves ``data/``.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from arc_pipeline.rewards.smooth import RewardConfig

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = REPO_ROOT / "configs"
DEFAULT_PROFILE = "cpu-tiny"


@dataclass
class TasksConfig:
    """Which tasks: the training pool and the held-out evaluation set."""

    train_dataset: str = "arc-agi-1"  # arc-agi-1 | arc-agi-2 | a folder of ARC JSON files
    train_split: str = "training"
    eval_dataset: str = "arc-agi-1"
    eval_split: str = "evaluation"
    slice: str = "default"  # "default" = the fixed documented slice; "all" = every task
    train_limit: int | None = None  # optional cap applied after slicing (sorted ids)
    eval_limit: int | None = None
    add_eval_subset_to_training: bool = False  # the seed's option: 100 eval tasks join training


@dataclass
class TeacherConfig:
    """Which teacher writes edits, and how much it may spend."""

    name: str = "search"  # search | anthropic | gemini | local | replay
    model: str = ""
    base_url: str | None = None
    replay_path: str | None = None
    samples_per_start: int = 4
    rounds: int = 1
    temperature: float = 1.0
    max_output_tokens: int = 4096
    max_concurrency: int = 4
    max_retries: int = 5
    request_timeout_s: float = 600.0  # client timeout of one API request (anthropic, gemini)
    max_malformed_retries: int = 2  # re-asks after a reply that is not valid JSON; then a failed sample
    budget_usd: float | None = 5.0
    # [input, output] USD per million tokens; overrides the price table (teachers/pricing.py).
    # Required for a model the table does not price while budget_usd is set.
    price_per_mtok: list[float] | None = None
    budget_tokens: int | None = 2_000_000
    search_generations: int = 3
    search_population: int = 8


@dataclass
class BaselineConfig:
    """How many imperfect starting programs per task, from which sources."""

    corruptions_per_task: int = 3
    search_starts: bool = True
    teacher_first_try: bool = False  # a configured teacher's attempt from scratch (paid)
    seed: int = 0


@dataclass
class ModelConfig:
    """Base model: 'tiny' builds one locally; else a HF id or a local path."""

    base_model: str = "tiny"
    tiny_hidden_size: int = 256
    tiny_layers: int = 4
    tiny_vocab_size: int = 2048
    dtype: str = "float32"  # bfloat16 on GPU
    max_length: int = 1024
    # tiny model only: causal-LM steps over the verified training programs before SFT
    # (training/warm_start.py); 0 = start SFT from the random-init weights
    warm_start_steps: int = 0
    warm_start_lr: float = 1e-3
    warm_start_batch_size: int = 16


@dataclass
class SFTConfigSection:
    """SFT hyper-parameters (trl SFTTrainer + peft LoRA)."""

    use_lora: bool = False  # the tiny random-init model needs a full fine-tune
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_targets: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj")
    epochs: float = 3.0
    max_steps: int = 60
    learning_rate: float = 1e-3
    batch_size: int = 8
    gradient_accumulation_steps: int = 1


@dataclass
class GRPOConfigSection:
    """GRPO hyper-parameters (trl GRPOTrainer)."""

    num_generations: int = 4  # group size; 32-64 on GPU
    max_steps: int = 10
    learning_rate: float = 5e-5
    batch_size: int = 4
    max_completion_length: int = 96
    temperature: float = 1.0
    beta: float = 0.0
    use_vllm: bool = False
    vllm_mode: str = "colocate"
    format_reward_weight: float = 0.1
    use_lora: bool = False  # LoRA on the SFT checkpoint (saved merged); the tiny model trains fully
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_targets: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj")


@dataclass
class EvalConfig:
    """Test-time refinement loop used by the evaluation."""

    rounds: int = 2
    samples_per_round: int = 4
    attempts: int = 2
    max_new_tokens: int = 96


@dataclass
class PipelineConfig:
    """Everything a run depends on; recorded with every result."""

    profile: str = DEFAULT_PROFILE
    data_dir: str = "data"
    seed: int = 0
    device: str = "cpu"
    tasks: TasksConfig = field(default_factory=TasksConfig)
    teacher: TeacherConfig = field(default_factory=TeacherConfig)
    baselines: BaselineConfig = field(default_factory=BaselineConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    sft: SFTConfigSection = field(default_factory=SFTConfigSection)
    grpo: GRPOConfigSection = field(default_factory=GRPOConfigSection)
    eval: EvalConfig = field(default_factory=EvalConfig)
    reward: RewardConfig = field(default_factory=RewardConfig)  # constants of the smooth reward
    # overrides of arc_pipeline.curriculum.CurriculumConfig (sunset_mean, boost_mean, gate_levels, ...)
    curriculum: dict[str, Any] = field(default_factory=dict)

    @property
    def data_path(self) -> Path:
        path = Path(self.data_dir)
        return path if path.is_absolute() else REPO_ROOT / path

    @property
    def warehouse_path(self) -> Path:
        return self.data_path / "warehouse.duckdb"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _merge(obj: Any, values: dict[str, Any], where: str) -> Any:
    """Return a copy of dataclass ``obj`` with ``values`` applied; unknown keys are errors."""
    known = {f.name: f for f in dataclasses.fields(obj)}
    changes = {}
    for key, value in values.items():
        if key not in known:
            raise ValueError(f"unknown config field {where}{key!r}; known: {sorted(known)}")
        current = getattr(obj, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise ValueError(f"config field {where}{key} must be a mapping")
            value = _merge(current, value, f"{where}{key}.")
        elif isinstance(current, tuple) and isinstance(value, list):
            value = tuple(value)
        changes[key] = value
    return dataclasses.replace(obj, **changes)


def load_config(profile: str | None = None, path: str | Path | None = None,
                overrides: dict[str, Any] | None = None) -> PipelineConfig:
    """Profile YAML (or an explicit file) + overrides, validated field by field."""
    path = path or os.environ.get("ARC_PIPELINE_CONFIG")
    profile = profile or os.environ.get("ARC_PIPELINE_PROFILE") or DEFAULT_PROFILE
    if path is None:
        path = CONFIG_DIR / f"{profile}.yaml"
        if not Path(path).exists():
            names = sorted(p.stem for p in CONFIG_DIR.glob("*.yaml"))
            raise ValueError(f"unknown profile {profile!r}; available: {names}")
    data = yaml.safe_load(Path(path).read_text()) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a config file must hold a mapping")
    config = _merge(PipelineConfig(profile=profile), data, f"{path}: ")
    if os.environ.get("ARC_PIPELINE_DATA_DIR"):
        config = dataclasses.replace(config, data_dir=os.environ["ARC_PIPELINE_DATA_DIR"])
    if overrides:
        config = _merge(config, overrides, "override ")
    return config
