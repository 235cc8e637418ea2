"""Pipeline configuration: one dataclass tree, loaded from a profile YAML plus overrides.

Profiles live in ``configs/<name>.yaml``: ``cpu-tiny`` (the embedded default: no key, no
GPU, a small fixed slice of tasks, the offline search teacher, a tiny locally built model)
and ``gpu`` (real base model, bf16, vLLM, an API teacher). ``ARC_PIPELINE_PROFILE`` picks one;
``ARC_PIPELINE_CONFIG`` points to any YAML file; ``ARC_PIPELINE_DATA_DIR`` moves ``data/``.

Configuration is resolved once, at the edge: ``settings_from_env`` is the only function that
reads those variables (and ``ARC_PIPELINE_TEACHER*``); ``resolve_config`` turns the settings
into a ``PipelineConfig``. ``load_config`` itself never looks at the environment, so a test or
a Dagster resource gets exactly the configuration it asks for. Every YAML value is checked
against its dataclass field's type, and an error names the file, the dotted key and the type.
"""

from __future__ import annotations

import dataclasses
import os
import types
import typing
from collections.abc import Mapping
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

    name: str = "search"  # search | anthropic | gemini | openai | local | replay
    model: str = ""
    base_url: str | None = None
    # teacher "openai" (any OpenAI-compatible server): the environment variable holding its key;
    # "" = the server needs none (a local `vllm serve`)
    api_key_env: str = "OPENAI_API_KEY"
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
    warm_start_repairs_per_task: int = 2  # repair pairs per verified training task (0 = programs only)
    warm_start_max_tokens: int = 512  # warm-start documents longer than this are left out
    warm_start_synthetic_per_task: int = 0  # synthetic one-step tasks per training task (training/synthetic_tasks.py)
    # the student writes a bare "@k" line to keep statement k of the program it edits
    # (arc_pipeline/line_refs.py): training completions are written that way; answers are always expanded
    line_refs: bool = True
    # torch intra-op threads for training and generation (None = torch's default). On a loaded
    # 2-vCPU machine 1 thread decoded 6-19x faster than 2; measure both (benchmarks/)
    torch_threads: int | None = None
    # CPU training under bf16 autocast ("bfloat16") where the CPU has native bf16 matmuls
    # (training/common.cpu_autocast; fp32 elsewhere); None = fp32 always
    cpu_autocast: str | None = None


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
    max_cot_chars: int = 2000  # CoTs in SFT completions are cut at a line boundary past this
    eval_fraction: float = 0.1  # SFT rows held out (by content hash) for the eval-loss curve
    replay_rows: int = 0  # warm-start chat documents trained alongside the SFT rows (0 = off; tiny model only)
    group_by_length: bool = False  # batches of similar length (transformers' LengthGroupedSampler): less padding


@dataclass
class GRPOConfigSection:
    """GRPO hyper-parameters (trl GRPOTrainer)."""

    num_generations: int = 4  # group size; 32-64 on GPU
    max_steps: int = 10
    learning_rate: float = 5e-5
    batch_size: int = 4
    max_completion_length: int = 96
    temperature: float = 1.0
    top_p: float = 1.0  # nucleus sampling of the completions (1.0 = off); the eval's own is eval.top_p
    beta: float = 0.0
    use_vllm: bool = False
    vllm_mode: str = "colocate"
    format_reward_weight: float = 0.1
    use_lora: bool = False  # LoRA on the SFT checkpoint (saved merged); the tiny model trains fully
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_targets: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj")
    # rounds (training/rounds.py): max_steps is split over `rounds`; after each round the
    # curriculum re-decides from the student's rewards
    rounds: int = 1
    program_tokens: int = 160  # completion = min(max_completion_length, k·B thinking + this)
    augment_variants: int = 2  # augmented variants per boosted (task, start) row
    heldout_samples: int = 2  # per held-out task, per round: the round's held-out score (0 = off)
    # an edit whose train outputs equal its start's scores as a failed edit (rewards/trl.py):
    # GRPO must not learn that doing nothing beats trying on tasks it cannot improve
    noop_edits_fail: bool = False
    probe_samples: int = 0  # before round 1 the SFT student edits every row this often (training/probe.py; 0 = off)
    empty_starts: bool = False  # also start every training task from the empty program (the eval's start)
    baseline_starts: bool = True  # the baseline_programs starts (corrupted solutions, search) as GRPO prompts
    synthetic_tasks: int = 0  # one-step synthetic tasks (training/synthetic_tasks.py) added as level-1 GRPO tasks


@dataclass
class EvalConfig:
    """Test-time refinement loop used by the evaluation."""

    rounds: int = 2
    samples_per_round: int = 4
    attempts: int = 2
    max_new_tokens: int = 96
    temperature: float = 1.0  # sampling temperature of the model proposers (GRPO explores at grpo.temperature)
    top_p: float = 1.0  # nucleus sampling (1.0 = off): drops the low-probability tail that breaks a small model's syntax
    wait_min_think_tokens: int = 0  # "Wait" budget forcing (generation.WaitForcing): a think block shorter than this is reopened; 0 = off
    wait_text: str = "Wait,"
    constrained_programs: bool = False  # grammar-constrained program part (constrained.py; HF generation only)
    # also score the warm-started tiny model (SFT's init) beside base/SFT/GRPO: shows what SFT adds
    # over the warm start; costs one model's evaluation (~30 s on the default slice, 2 cores)
    warm_start: bool = True


@dataclass
class SandboxConfig:
    """Limits of the sandbox that runs generated programs (arc_pipeline/execution.py)."""

    workers: int | None = None  # None = one worker per CPU core
    timeout_s: float = 1.0  # wall-clock limit per program
    memory_mb: int = 1024  # address-space limit per worker process


#: Every flag ``arc_pipeline.traces_lint`` can raise on a trace.
LINT_FLAGS = ("repetition", "colour_arithmetic", "answer_leak", "over_budget")


@dataclass
class LintConfig:
    """Thresholds of the CoT lint (``arc_pipeline/traces_lint.py``), computed with every trace."""

    repetition_threshold: float = 0.35  # repetition score at or above which a CoT is "repetition"
    min_tokens_for_repetition: int = 40  # shorter CoTs are never called repetitive
    # thinking budget of level-k = k x this many tokens; None = the curriculum's base_thinking_budget
    tokens_per_level: int | None = None
    max_flagged_rate: float = 0.25  # the asset check warns when more traces than this are flagged


@dataclass
class DatasetConfig:
    """What the SFT dataset leaves out besides the selection rules in ``arc_pipeline/dataset.py``."""

    # traces carrying any of these lint flags never become SFT rows ([] = keep flagged traces)
    drop_lint_flags: list[str] = field(default_factory=lambda: list(LINT_FLAGS))


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
    sandbox: SandboxConfig = field(default_factory=SandboxConfig)
    reward: RewardConfig = field(default_factory=RewardConfig)  # constants of the smooth reward
    lint: LintConfig = field(default_factory=LintConfig)
    dataset: DatasetConfig = field(default_factory=DatasetConfig)
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


class ConfigError(ValueError):
    """A configuration problem, with a one-line message naming the file, key and what was expected."""


_TYPE_WORDS = {int: "an int", float: "a number", bool: "a boolean (true/false)", str: "a string"}


def _describe(tp: Any) -> str:
    """Human words for a field type, as used in error messages ("an int or null")."""
    args = typing.get_args(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        words = [_describe(a) for a in args if a is not type(None)]
        return " or ".join(words) + (" or null" if type(None) in args else "")
    if origin in (tuple, list):
        item = args[0] if args else Any
        return f"a list of {_describe(item).split(' ', 1)[-1]}s" if item is not Any else "a list"
    if origin is dict or tp is dict:
        return "a mapping"
    return _TYPE_WORDS.get(tp, getattr(tp, "__name__", str(tp)))


def _check_value(value: Any, tp: Any, where: str) -> Any:
    """``value`` converted to field type ``tp`` (lists -> tuples, ints -> floats), or a ConfigError.

    Why: YAML accepts anything; a wrong type (``train_limit: five``) would otherwise surface as
    an unrelated error deep inside a stage, long after the run started.
    """
    if tp is Any:
        return value
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    bad = ConfigError(f"{where} must be {_describe(tp)}, got {value!r}")
    if origin in (typing.Union, types.UnionType):
        if value is None:
            if type(None) in args:
                return None
            raise bad
        for arg in (a for a in args if a is not type(None)):
            try:
                return _check_value(value, arg, where)
            except ConfigError:
                continue
        raise bad
    if origin in (tuple, list):
        if not isinstance(value, (list, tuple)):
            raise bad
        item = args[0] if args else Any
        try:
            items = [_check_value(v, item, where) for v in value]
        except ConfigError:
            raise bad from None
        return tuple(items) if origin is tuple else items
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            raise bad
        return dict(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise bad
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise bad
        return value
    raise ConfigError(f"{where}: unsupported field type {tp!r}")  # a new field type needs a rule here


def _merge(obj: Any, values: Mapping[str, Any], source: str, prefix: str = "") -> Any:
    """Return a copy of dataclass ``obj`` with ``values`` applied; unknown keys and wrong types are errors."""
    fields = {f.name: f for f in dataclasses.fields(obj)}
    hints = typing.get_type_hints(type(obj))
    changes = {}
    for key, value in values.items():
        where = f"{source}: {prefix}{key}"
        if key not in fields:
            raise ConfigError(f"{source}: unknown config field {prefix}{key!r}; known: {sorted(fields)}")
        current = getattr(obj, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where} must be a mapping, got {value!r}")
            changes[key] = _merge(current, value, source, f"{prefix}{key}.")
        else:
            changes[key] = _check_value(value, hints[key], where)
    return dataclasses.replace(obj, **changes)


def _read_yaml(path: Path) -> dict[str, Any]:
    """The mapping in a config file; a missing file or a YAML syntax error names the file (and line)."""
    try:
        text = path.read_text()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: invalid YAML{at}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a config file must hold a mapping, got {type(data).__name__}")
    return data


def profile_path(profile: str) -> Path:
    """The YAML file of a named profile; an unknown name lists the available ones."""
    path = CONFIG_DIR / f"{profile}.yaml"
    if not path.is_file():
        names = sorted(p.stem for p in CONFIG_DIR.glob("*.yaml"))
        raise ConfigError(f"unknown profile {profile!r}; available: {names}")
    return path


def load_config(profile: str | None = None, path: str | Path | None = None,
                overrides: dict[str, Any] | None = None) -> PipelineConfig:
    """Profile YAML (or an explicit file) + overrides, type-checked field by field.

    Reads no environment variables: ``settings_from_env`` + ``resolve_config`` do that, once.
    """
    profile = profile or DEFAULT_PROFILE
    file = Path(path) if path is not None else profile_path(profile)
    config = _merge(PipelineConfig(profile=profile), _read_yaml(file), str(file))
    if overrides:
        config = _merge(config, overrides, "override")
    return config


@dataclass(frozen=True)
class TeacherOverrides:
    """Teacher choice given outside the profile (``ARC_PIPELINE_TEACHER*``); empty = keep the profile's.

    Carries no API key: keys travel only through the Dagster ``TeacherResource`` (``dg.EnvVar``)
    so that they never reach a config dump.
    """

    name: str = ""
    model: str = ""
    base_url: str = ""
    price_per_mtok: str = ""  # "input,output" USD per million tokens


@dataclass(frozen=True)
class Settings:
    """Everything the environment says about a run, read once by ``settings_from_env``."""

    profile: str | None = None
    config_path: str | None = None
    data_dir: str | None = None
    teacher: TeacherOverrides = field(default_factory=TeacherOverrides)
    dagster_home: str | None = None  # $DAGSTER_HOME; the runner defaults it to <data dir>/dagster_home


def settings_from_env(env: Mapping[str, str] | None = None) -> Settings:
    """The one place that reads ``ARC_PIPELINE_PROFILE / _CONFIG / _DATA_DIR / _TEACHER*`` (and
    ``DAGSTER_HOME``). API keys are not read here: ``dg.EnvVar`` resolves them at run time."""
    env = os.environ if env is None else env
    return Settings(
        profile=env.get("ARC_PIPELINE_PROFILE") or None,
        config_path=env.get("ARC_PIPELINE_CONFIG") or None,
        data_dir=env.get("ARC_PIPELINE_DATA_DIR") or None,
        teacher=TeacherOverrides(
            name=env.get("ARC_PIPELINE_TEACHER", ""),
            model=env.get("ARC_PIPELINE_TEACHER_MODEL", ""),
            base_url=env.get("ARC_PIPELINE_TEACHER_BASE_URL", ""),
            price_per_mtok=env.get("ARC_PIPELINE_TEACHER_PRICE", ""),
        ),
        dagster_home=env.get("DAGSTER_HOME") or None,
    )


def parse_price(text: str) -> list[float]:
    """``"input,output"`` USD per million tokens -> ``[input, output]``; anything else is an error."""
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 2 or min(values) < 0:
        raise ConfigError(f"teacher.price_per_mtok / ARC_PIPELINE_TEACHER_PRICE must be two non-negative "
                          f"USD-per-million-token prices (input, output), got {text!r}")
    return values


def apply_teacher_overrides(cfg: PipelineConfig, teacher: TeacherOverrides) -> PipelineConfig:
    """``cfg`` with the non-empty overrides written into ``cfg.teacher``: the one place they merge.

    Why here and not in ``make_teacher``: the configuration recorded with results must name the
    teacher that actually ran.
    """
    changes: dict[str, Any] = {k: v for k, v in (("name", teacher.name), ("model", teacher.model),
                                                 ("base_url", teacher.base_url)) if v}
    if teacher.price_per_mtok:
        changes["price_per_mtok"] = parse_price(teacher.price_per_mtok)
    if not changes:
        return cfg
    return _merge(cfg, {"teacher": changes}, "ARC_PIPELINE_TEACHER*")


def choose_profile(settings: Settings, profile: str | None) -> Settings:
    """``settings`` with an explicit profile (``run --profile``) in place of ``ARC_PIPELINE_PROFILE``
    and ``ARC_PIPELINE_CONFIG``: a flag on the command line beats the environment."""
    if not profile or profile == settings.profile:
        return settings
    return dataclasses.replace(settings, profile=profile, config_path=None)


def resolve_config(settings: Settings, overrides: dict[str, Any] | None = None) -> PipelineConfig:
    """The run's configuration: the settings' profile or config file, then overrides, the data dir
    and the teacher overrides."""
    cfg = load_config(settings.profile, path=settings.config_path, overrides=overrides)
    if settings.data_dir:
        cfg = dataclasses.replace(cfg, data_dir=settings.data_dir)
    return apply_teacher_overrides(cfg, settings.teacher)
