"""A short SFT run on the tiny model: the loss falls, the checkpoint reloads and generates, and an
unchanged re-run is skipped (content-addressed)."""

import json
import os
import random
import time

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from arc_pipeline.config import ModelConfig, SFTConfigSection  # noqa: E402

pytestmark = pytest.mark.slow

MODEL_CFG = ModelConfig(tiny_hidden_size=64, tiny_layers=2, tiny_vocab_size=1000, max_length=512)


def sft_rows(n: int = 16, seed: int = 0) -> list[dict]:
    """Real-looking rows: student edit prompts on small grids, completions = verified programs."""
    from arc_pipeline.dataset import format_completion
    from arc_pipeline.prompts import ExampleOutcome, render_student_prompt
    from arc_pipeline.solutions import load_solutions, rule_description

    rng = random.Random(seed)
    programs = sorted(load_solutions().items(), key=lambda kv: (len(kv[1]), kv[0]))[:n]
    rows = []
    for _, program in programs:
        grids = [tuple(tuple(rng.randint(0, 9) for _ in range(3)) for _ in range(rng.randint(2, 3))) for _ in range(2)]
        pairs = [(g, tuple(reversed(g))) for g in grids]
        start = "def solve(I):\n    O = identity(I)\n    return O\n"
        prompt = render_student_prompt(pairs, start, [ExampleOutcome("ok", g) for g, _ in pairs])
        cot = rule_description(program) or "Apply the rule of the examples."
        rows.append({"prompt": prompt, "completion": format_completion(cot, program)})
    return rows


@pytest.fixture(scope="module")
def base_model(tmp_path_factory):
    from arc_pipeline.dsl.reference import render_reference
    from arc_pipeline.solutions import load_solutions
    from arc_pipeline.training.tiny_model import build_tiny_model

    corpus = [render_reference()] + list(load_solutions().values()) + [r["prompt"] for r in sft_rows()]
    return build_tiny_model(MODEL_CFG, corpus, tmp_path_factory.mktemp("models"))


def test_sft_loss_falls_and_checkpoint_generates(base_model, tmp_path):
    import torch

    from arc_pipeline.training.sft import model_identity, train_sft
    from arc_pipeline.training.tiny_model import generation_text, load_model_and_tokenizer

    rows = sft_rows()
    cfg = SFTConfigSection(max_steps=12, batch_size=8, learning_rate=3e-3)
    m = train_sft(rows, base_model, MODEL_CFG, cfg, tmp_path, seed=0)
    losses = m["losses"]
    assert m["steps"] == 12 and len(losses) == 12
    assert losses[0] > losses[-1], losses
    assert losses[-1] < 0.95 * losses[0]
    assert m["train_tokens"] > 0 and m["tokens_per_s"] > 0 and m["rows_used"] + m["eval_rows"] == len(rows)
    assert m["eval_rows"] >= 1 and m["eval_losses"] and all(e["loss"] > 0 for e in m["eval_losses"])  # held-out SFT rows
    stored = json.loads((tmp_path / "metrics.json").read_text())
    assert stored["losses"] == losses and stored["fingerprint"] == m["fingerprint"]
    assert (tmp_path / "loss_curve.png").stat().st_size > 1000
    assert not (tmp_path / "adapter").exists()  # full fine-tune by default

    model, tok = load_model_and_tokenizer(tmp_path / "merged")
    ids = tok(generation_text(tok, rows[0]["prompt"]), return_tensors="pt", add_special_tokens=False)
    with torch.no_grad():
        out = model.generate(**ids, max_new_tokens=12, do_sample=False)
    assert out.shape[1] > ids["input_ids"].shape[1]
    assert isinstance(tok.decode(out[0, ids["input_ids"].shape[1]:]), str)

    t0 = time.perf_counter()
    again = train_sft(rows, base_model, MODEL_CFG, cfg, tmp_path, seed=0)
    assert again["reused"] is True and again["losses"] == losses
    assert time.perf_counter() - t0 < 1.0
    changed = train_sft(rows[:-1], base_model, MODEL_CFG, SFTConfigSection(max_steps=1, batch_size=8), tmp_path, seed=0)
    assert changed["reused"] is False and changed["steps"] == 1
    # a GRPO run keyed on this merged dir sees the retrain (its fingerprint changes)
    assert model_identity(tmp_path / "merged") == f"trained:{changed['fingerprint']}" != f"trained:{m['fingerprint']}"


def test_sft_lora_saves_adapter_and_merged(base_model, tmp_path):
    from arc_pipeline.training.sft import train_sft
    from arc_pipeline.training.tiny_model import load_model_and_tokenizer

    cfg = SFTConfigSection(use_lora=True, lora_r=4, lora_alpha=8, max_steps=3, batch_size=4, learning_rate=1e-3)
    settings = {"sandbox": {"timeout_s": 2.0}, "reward": {"pixel_exponent": 10.0}}
    m = train_sft(sft_rows(8), base_model, MODEL_CFG, cfg, tmp_path, seed=1, settings=settings)
    assert m["steps"] == 3
    assert json.loads((tmp_path / "metrics.json").read_text())["settings"] == settings  # recorded with the run
    assert (tmp_path / "adapter" / "adapter_config.json").exists()
    model, _ = load_model_and_tokenizer(tmp_path / "merged")
    assert not any("lora" in name for name, _ in model.named_parameters())


def test_long_prompts_keep_their_end(base_model):
    from arc_pipeline.training.sft import prepare_rows
    from arc_pipeline.training.tiny_model import load_tokenizer

    tok = load_tokenizer(base_model)
    row = sft_rows(1)[0]
    long_row = {"prompt": "\n".join(["0 1 2 3 4 5 6 7 8 9"] * 400) + "\n" + row["prompt"], "completion": row["completion"]}
    huge_completion = {"prompt": "short", "completion": "x " * 2000}
    data, info = prepare_rows([row, long_row, huge_completion], tok, 512)
    assert info == {"prompts_truncated": 1, "rows_dropped": 1}
    assert data[1]["prompt"][0]["content"].endswith(row["prompt"][-200:])
    assert data[1]["completion"][0]["content"] == row["completion"]


def test_length_grouping_follows_the_installed_trainer_arguments():
    """The kwarg for length-grouped batches depends on the transformers release; off adds nothing."""
    import dataclasses

    from trl import SFTConfig

    from arc_pipeline.training.sft import length_grouping

    @dataclasses.dataclass
    class Older:
        group_by_length: bool = False

    assert length_grouping(Older, True) == {"group_by_length": True}
    assert length_grouping(Older, False) == {}
    kwargs = length_grouping(SFTConfig, True)
    assert SFTConfig(output_dir="/tmp/unused-sft-args", use_cpu=True, bf16=False, **kwargs).to_dict()[next(iter(kwargs))] in ("group_by_length", True)
