"""Every shipped profile loads (unknown or misspelt fields are errors), and the warm-start
profile is the default plus the warm start only."""

import dataclasses

import pytest

from arc_pipeline.config import CONFIG_DIR, load_config

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


def test_cpu_warm_is_the_default_plus_a_warm_start():
    tiny, warm = load_config("cpu-tiny").to_dict(), load_config("cpu-warm").to_dict()
    assert tiny["model"]["warm_start_steps"] == 0 < warm["model"]["warm_start_steps"]
    for section in tiny:
        if section in ("profile", "model"):
            continue
        assert tiny[section] == warm[section], section
    other = {k for k in tiny["model"] if tiny["model"][k] != warm["model"][k]}
    assert other <= {"warm_start_steps", "warm_start_lr"}
    assert dataclasses.is_dataclass(load_config("cpu-warm").model)
