"""scripts/gpu_smoke.py: the --tiny run on CPU prints its figures and writes them as JSON; bad
options fail with one line before anything heavy is imported; the GRPO pieces (advantages,
completion mask, clipped loss, vocabulary mask) do what the loop relies on."""

import importlib.util
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "gpu_smoke.py"


def _env() -> dict[str, str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    env["PYTHONPATH"] = os.pathsep.join([str(SCRIPT.parent.parent), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _module():
    """The script as a module (registered first: its dataclass looks itself up in sys.modules)."""
    if "gpu_smoke" in sys.modules:
        return sys.modules["gpu_smoke"]
    spec = importlib.util.spec_from_file_location("gpu_smoke", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["gpu_smoke"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_tiny_run_prints_and_writes_figures(tmp_path):
    out = tmp_path / "figures" / "smoke.json"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--tiny", "--device", "cpu", "--model-vocab", "2000", "--json", str(out)],
        capture_output=True, text=True, env=_env(), timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = proc.stdout
    assert text.count("s/step") >= 2 and "tokens/s" in text and "reward share" in text
    figures = json.loads(out.read_text())
    sft, grpo, model = figures["sft"], figures["grpo"], figures["model"]
    assert model["shape"]["hidden_size"] == 64 and model["shape"]["num_hidden_layers"] == 2
    assert model["model_vocab"] == 2000 > model["vocab_size"]
    assert 0 < model["trainable_parameters"] < model["parameters"]  # LoRA: the base is frozen
    assert sft["steps"] == 3 and sft["s_per_step"] > 0 and sft["tokens_per_s"] > 0
    assert math.isfinite(sft["loss_first"]) and math.isfinite(sft["loss_last"])
    assert grpo["steps"] == 2 and grpo["completions_per_step"] == 4
    assert sum(grpo["parse_status_counts"].values()) == 2 * 4  # every completion went through the reward
    parts = grpo["generate_s_per_step"] + grpo["reward_s_per_step"] + grpo["update_s_per_step"]
    assert parts == pytest.approx(grpo["s_per_step"], rel=1e-6)
    assert 0 <= grpo["reward_share"] <= 1 and 0 < grpo["reward_share_if_all_parse"] < 1
    assert grpo["reward_probe_s_per_step"] > 0 and grpo["generated_tokens_per_s"] > 0
    assert -1 <= grpo["delta_r_mean"] <= 1
    assert not list(out.parent.glob("*.tmp"))


@pytest.mark.parametrize("argv, word", [(["--group-size", "1"], "--group-size"),
                                        (["--sft-steps", "0"], "--sft-steps"),
                                        (["--clip-eps", "1.5"], "--clip-eps")])
def test_bad_options_fail_with_one_line(argv, word, tmp_path):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--tiny", *argv, "--json", str(tmp_path / "x.json")],
                          capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.returncode == 2
    last = proc.stderr.strip().splitlines()[-1]
    assert word in last and "error" in last
    assert not (tmp_path / "x.json").exists()


def test_group_advantages_and_completion_mask():
    import torch

    smoke = _module()
    adv = smoke.group_advantages(torch.tensor([0.0, 1.0, 0.5, 0.5, -1.0, 3.0]), 2)
    assert adv.view(3, 2).sum(dim=1).abs().max() < 1e-6  # centred within each group
    assert adv[1] > 0 > adv[0] and adv[2].abs() < 1e-6 and adv[5] > 0 > adv[4]
    mask = smoke.completion_mask(torch.tensor([[5, 9, 7, 7], [5, 6, 8, 9], [9, 9, 9, 9]]), eos_id=9)
    assert mask.tolist() == [[1, 1, 0, 0], [1, 1, 1, 1], [1, 0, 0, 0]]


def test_clipped_loss_clips_and_ignores_masked_tokens():
    import torch

    smoke = _module()
    old = torch.zeros(1, 3)
    logp = torch.full((1, 3), math.log(2.0))  # ratio 2 on every token
    mask = torch.tensor([[1.0, 1.0, 0.0]])
    up = smoke.clipped_pg_loss(logp, old, torch.tensor([1.0]), mask, eps=0.2)
    down = smoke.clipped_pg_loss(logp, old, torch.tensor([-1.0]), mask, eps=0.2)
    assert float(up) == pytest.approx(-1.2)  # a good sample's gain is capped at 1 + eps
    assert float(down) == pytest.approx(2.0)  # a bad sample's penalty is not
    scores = smoke.RealVocab(3)(None, torch.zeros(2, 5))
    assert torch.isinf(scores[:, 3:]).all() and (scores[:, :3] == 0).all()


def test_missing_dataset_folder_names_it(tmp_path):
    missing = tmp_path / "no-such-tasks"
    proc = subprocess.run([sys.executable, str(SCRIPT), "--tiny", "--device", "cpu", "--dataset", str(missing),
                           "--json", str(tmp_path / "x.json")], capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("gpu_smoke: --dataset") and str(missing) in last and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.json").exists()
