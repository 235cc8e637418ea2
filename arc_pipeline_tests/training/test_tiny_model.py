"""The tiny local model: tokenizer ids survive save/reload (the transformers-5 trap), the model
reloads, and the content-addressed cache reuses an identical build."""

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from arc_pipeline.config import ModelConfig  # noqa: E402
from arc_pipeline.training.base_model import resolve_base_model  # noqa: E402
from arc_pipeline.training.tiny_model import (  # noqa: E402
    build_tiny_model, fit_prompt, generation_text, load_model_and_tokenizer, load_tokenizer, tiny_fingerprint)

pytestmark = pytest.mark.slow

CFG = ModelConfig(tiny_hidden_size=64, tiny_layers=2, tiny_vocab_size=1000, max_length=512)
SAMPLES = [
    "<think>The output mirrors the input.</think>\n```python\ndef solve(I):\n    O = flip_horizontal(I)\n    return O\n```",
    "### Example 0\nInput:\n0 1 2\n3 4 5\nExpected output:\n2 1 0\n5 4 3\nDiff: wrong shape: got 3x2, expected 2x3",
    "unicode — é ü 漢字 and tabs\tand  double  spaces\n\n",
]


def corpus():
    from arc_pipeline.dsl.reference import render_reference
    from arc_pipeline.solutions import load_solutions

    return [render_reference()] + list(load_solutions().values())[:120] + SAMPLES


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    parent = tmp_path_factory.mktemp("models")
    return parent, build_tiny_model(CFG, corpus(), parent)


def test_tokenizer_ids_round_trip(tiny):
    _, path = tiny
    from transformers import AutoTokenizer

    fresh = load_tokenizer(path)
    again = load_tokenizer(path)
    auto = AutoTokenizer.from_pretrained(str(path))  # the trap: a Qwen2Tokenizer rebuild
    for text in SAMPLES:
        ids = fresh(text, add_special_tokens=False)["input_ids"]
        assert again(text, add_special_tokens=False)["input_ids"] == ids
        assert auto(text, add_special_tokens=False)["input_ids"] == ids  # same split regex + NFC
        assert fresh.decode(ids) == text
    assert len(fresh) <= CFG.tiny_vocab_size
    for special in ("<|im_start|>", "<|im_end|>", "<|endoftext|>", "<think>", "</think>", "<|pad|>"):
        assert len(fresh(special, add_special_tokens=False)["input_ids"]) == 1, special
    assert fresh.eos_token == "<|im_end|>" and fresh.pad_token == "<|pad|>"
    text = generation_text(fresh, "hello")
    assert text == "<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\n"


def test_think_tags_survive_skip_special_tokens(tiny):
    """trl decodes GRPO completions with skip_special_tokens=True: the think tags must survive it
    (they are single, non-special tokens, as in Qwen3), or every completion reads as
    ``missing_think`` to the reward; the ChatML markers are still dropped."""
    _, path = tiny
    from transformers import AutoTokenizer

    from arc_pipeline.parsing import extract_program

    completion = "<think>rows x2</think>```python\ndef solve(I):\n    O = upscale(I, 2)\n    return O\n```<|im_end|>"
    for tok in (load_tokenizer(path), AutoTokenizer.from_pretrained(str(path))):
        ids = tok(completion, add_special_tokens=False)["input_ids"]
        text = tok.decode(ids, skip_special_tokens=True)
        assert text == completion.replace("<|im_end|>", "")
        assert extract_program(text)[2] == "ok"


def test_model_saves_and_reloads(tiny):
    import torch

    _, path = tiny
    model, tok = load_model_and_tokenizer(path)
    model2, _ = load_model_and_tokenizer(path)
    assert model.config.model_type == "qwen2"
    assert model.config.hidden_size == 64 and model.config.num_hidden_layers == 2
    assert model.config.max_position_embeddings >= CFG.max_length
    ids = tok(SAMPLES[0], return_tensors="pt")["input_ids"]
    with torch.no_grad():
        assert torch.allclose(model(ids).logits, model2(ids).logits)
        out = model.generate(ids, max_new_tokens=5, do_sample=False)
    assert out.shape[1] > ids.shape[1]


def test_cache_reuse_and_invalidation(tiny):
    parent, path = tiny
    stamp = (path / "model.safetensors").stat().st_mtime_ns
    assert build_tiny_model(CFG, corpus(), parent) == path
    assert (path / "model.safetensors").stat().st_mtime_ns == stamp  # not rebuilt
    assert path.name == f"tiny-{tiny_fingerprint(CFG, corpus())}"
    assert tiny_fingerprint(CFG, corpus() + ["more text"]) != tiny_fingerprint(CFG, corpus())
    assert tiny_fingerprint(ModelConfig(tiny_hidden_size=128, tiny_layers=2, tiny_vocab_size=1000, max_length=512),
                            corpus()) != tiny_fingerprint(CFG, corpus())
    # resolve_base_model: "tiny" builds under data_dir/models (here: reuses), anything else passes through
    calls = []
    resolved = resolve_base_model(CFG, parent.parent, lambda: calls.append(1) or corpus())
    assert resolved.parent == parent.parent / "models" and calls == [1]
    assert resolve_base_model(ModelConfig(base_model="Qwen/Qwen2.5-0.5B"), parent, lambda: []) == "Qwen/Qwen2.5-0.5B"


def test_fit_prompt_keeps_the_end(tiny):
    _, path = tiny
    tok = load_tokenizer(path)
    prompt = "\n".join(f"line {i}: 0 1 2 3 4 5 6 7 8 9" for i in range(200)) + "\n## Current program\ndef solve(I):"
    short, cut = fit_prompt(tok, "tiny prompt", 100)
    assert (short, cut) == ("tiny prompt", False)
    fitted, cut = fit_prompt(tok, prompt, 300, reserve_tokens=50)
    assert cut and fitted.endswith("## Current program\ndef solve(I):")
    assert fitted.startswith("[... ") and "line 199" in fitted and "line 0:" not in fitted
    assert len(tok(generation_text(tok, fitted))["input_ids"]) + 50 <= 300


def test_one_token_per_dsl_primitive_and_per_grid_cell(tiny):
    """The student representation: a primitive name is one token (never split into pieces, never
    matched inside a longer identifier) and a compact grid row costs one token per cell."""
    from arc_pipeline.dsl import PRIMITIVES

    _, path = tiny
    tok = load_tokenizer(path)
    for name in sorted(PRIMITIVES):
        pieces = tok.convert_ids_to_tokens(tok(f"    O = {name}(I)", add_special_tokens=False)["input_ids"])
        assert name in pieces, (name, pieces)
    assert "shape" not in tok.convert_ids_to_tokens(tok(" shapes = x", add_special_tokens=False)["input_ids"])
    assert len(tok("0123\n4567\n", add_special_tokens=False)["input_ids"]) == 10


def test_one_token_per_line_reference_after_reload(tiny):
    """A kept line is one token to write (arc_pipeline.line_refs): ``@k`` is a single token in the
    prompt's tag and in the answer, and ``@1`` is never matched inside ``@12``."""
    from arc_pipeline.line_refs import REF_TOKENS

    _, path = tiny
    tok = load_tokenizer(path)
    for ref in REF_TOKENS:
        assert ref in tok.convert_ids_to_tokens(tok(f"    {ref}\n    {ref} O = x", add_special_tokens=False)["input_ids"])
    pieces = tok.convert_ids_to_tokens(tok("    @12\n", add_special_tokens=False)["input_ids"])
    assert "@12" in pieces and "@1" not in pieces
    text = "def solve(I):\n    @3\n    O = tile(x, 1, 2)\n    @12\n"
    assert tok.decode(tok(text, add_special_tokens=False)["input_ids"]) == text
