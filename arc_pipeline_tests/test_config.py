"""Every shipped profile loads (unknown or misspelt fields are errors), and the warm-start
profile is the default plus the warm start only."""

import dataclasses

import pytest

from arc_pipeline.config import (CONFIG_DIR, SandboxConfig, choose_profile, load_config, resolve_config,
                                 settings_from_env)

PROFILES = sorted(p.stem for p in CONFIG_DIR.glob("*.yaml"))


@pytest.mark.parametrize("name", PROFILES)
def test_every_profile_loads(name):
    cfg = load_config(name)
    assert cfg.profile == name


def test_unknown_field_names_the_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("model: {warm_start_stepz: 3}\n")
    with pytest.raises(ValueError, match="warm_start_stepz"):
        load_config(path=bad)


def test_the_default_profile_warm_starts_and_trains_in_rounds():
    """The embedded default is the learning recipe: a warm start before SFT, GRPO in rounds."""
    tiny = load_config("cpu-tiny")
    assert tiny.model.warm_start_steps > 0 and tiny.model.warm_start_repairs_per_task > 0
    assert tiny.grpo.rounds >= 3 and tiny.grpo.max_steps >= tiny.grpo.rounds
    assert dataclasses.is_dataclass(tiny.model)


# -- type checking: one line naming file, dotted key and expected type ------------------------------

@pytest.mark.parametrize("text,message", [
    ("tasks: {train_limit: five}\n", "tasks.train_limit must be an int or null, got 'five'"),
    ("grpo: {use_vllm: 1}\n", "grpo.use_vllm must be a boolean (true/false), got 1"),
    ("teacher: {temperature: hot}\n", "teacher.temperature must be a number, got 'hot'"),
    ("teacher: {budget_usd: true}\n", "teacher.budget_usd must be a number or null, got True"),
    ("teacher: {price_per_mtok: [1, x]}\n", "teacher.price_per_mtok must be a list of numbers or null"),
    ("sft: {lora_targets: q_proj}\n", "sft.lora_targets must be a list of strings, got 'q_proj'"),
    ("model: {base_model: 7}\n", "model.base_model must be a string, got 7"),
    ("curriculum: [gate_levels]\n", "curriculum must be a mapping"),
    ("sandbox: {workers: 2.5}\n", "sandbox.workers must be an int or null, got 2.5"),
    ("eval: 3\n", "eval must be a mapping, got 3"),
])
def test_wrong_type_names_file_key_and_type(tmp_path, text, message):
    bad = tmp_path / "x.yaml"
    bad.write_text(text)
    with pytest.raises(ValueError) as err:
        load_config(path=bad)
    assert str(err.value).startswith(f"{bad}: {message}")
    assert "\n" not in str(err.value)


def test_values_are_converted_to_the_field_type(tmp_path):
    good = tmp_path / "x.yaml"
    good.write_text("teacher: {temperature: 1, price_per_mtok: [3, 15]}\nsft: {lora_targets: [q_proj]}\n"
                    "tasks: {train_limit: null}\nsandbox: {workers: 2, timeout_s: 2, memory_mb: 512}\n")
    cfg = load_config(path=good)
    assert cfg.teacher.temperature == 1.0 and isinstance(cfg.teacher.temperature, float)
    assert cfg.teacher.price_per_mtok == [3.0, 15.0]
    assert cfg.sft.lora_targets == ("q_proj",)
    assert cfg.tasks.train_limit is None
    assert cfg.sandbox == SandboxConfig(workers=2, timeout_s=2.0, memory_mb=512)


def test_overrides_are_type_checked_too():
    with pytest.raises(ValueError, match=r"^override: sft.max_steps must be an int, got '10'"):
        load_config("cpu-tiny", overrides={"sft": {"max_steps": "10"}})


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("tasks:\n  slice: default\n teacher: {name: search\n")
    with pytest.raises(ValueError, match=rf"^{bad}: invalid YAML at line 3"):
        load_config(path=bad)


def test_sandbox_section_defaults():
    assert load_config("cpu-tiny").sandbox == SandboxConfig(workers=None, timeout_s=1.0, memory_mb=1024)


# -- the environment is read once, by settings_from_env ----------------------------------------------

def test_load_config_ignores_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARC_PIPELINE_PROFILE", "gpu")
    monkeypatch.setenv("ARC_PIPELINE_DATA_DIR", str(tmp_path))
    cfg = load_config()
    assert cfg.profile == "cpu-tiny" and cfg.data_dir == "data"


def test_settings_from_env_resolve_profile_data_dir_and_teacher(tmp_path):
    env = {"ARC_PIPELINE_PROFILE": "gpu", "ARC_PIPELINE_DATA_DIR": str(tmp_path),
           "ARC_PIPELINE_TEACHER": "gemini", "ARC_PIPELINE_TEACHER_MODEL": "gemini-x",
           "ARC_PIPELINE_TEACHER_BASE_URL": "http://127.0.0.1:9", "ARC_PIPELINE_TEACHER_PRICE": "1,4",
           "ANTHROPIC_API_KEY": "sk-secret"}
    cfg = resolve_config(settings_from_env(env))
    assert (cfg.profile, cfg.data_dir, cfg.device) == ("gpu", str(tmp_path), "cuda")
    assert (cfg.teacher.name, cfg.teacher.model, cfg.teacher.base_url) == ("gemini", "gemini-x",
                                                                          "http://127.0.0.1:9")
    assert cfg.teacher.price_per_mtok == [1.0, 4.0]
    assert "sk-secret" not in repr(cfg.to_dict())


def test_explicit_profile_beats_the_environment(tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text("profile: mine\nseed: 7\n")
    settings = settings_from_env({"ARC_PIPELINE_PROFILE": "gpu", "ARC_PIPELINE_CONFIG": str(own)})
    assert resolve_config(settings).seed == 7
    assert resolve_config(choose_profile(settings, "cpu-tiny")).profile == "cpu-tiny"


def test_unknown_profile_and_bad_env_price_are_one_line_errors():
    with pytest.raises(ValueError, match=r"^unknown profile 'nosuch'; available: \["):
        resolve_config(settings_from_env({"ARC_PIPELINE_PROFILE": "nosuch"}))
    with pytest.raises(ValueError, match="ARC_PIPELINE_TEACHER_PRICE"):
        resolve_config(settings_from_env({"ARC_PIPELINE_TEACHER_PRICE": "cheap"}))
