"""arc_pipeline.generation on a tiny random Qwen2 model built on the fly (CPU)."""

from __future__ import annotations

import pytest

from arc_pipeline_tests.evaluation.test_model_proposer import build_tiny_model


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "tiny"
    build_tiny_model(path)
    return path


def test_decoding_keeps_think_and_drops_markers(tiny):
    from arc_pipeline.generation import decode_completion, load_tokenizer

    tok = load_tokenizer(tiny)
    body = tok("<think>mirror</think>def solve(I):", add_special_tokens=False)["input_ids"]
    start = tok.convert_tokens_to_ids("<|im_start|>")
    ids = [start] + body + [tok.pad_token_id, tok.eos_token_id] + tok("junk after eos", add_special_tokens=False)["input_ids"]
    assert decode_completion(tok, ids) == "<think>mirror</think>def solve(I):"
    assert decode_completion(tok, body) == "<think>mirror</think>def solve(I):"  # no EOS: nothing cut


def test_conditioned_text_templates_and_keeps_the_end(tiny):
    from arc_pipeline.generation import conditioned_text, load_tokenizer

    tok = load_tokenizer(tiny)
    text, cut = conditioned_text(tok, "Fix it.", system="You edit.")
    assert text == "<|im_start|>system\nYou edit.<|im_end|>\n<|im_start|>user\nFix it.<|im_end|>\n<|im_start|>assistant\n"
    assert not cut
    assert conditioned_text(tok, "Fix it.", chat=False) == ("Fix it.", False)

    long = "\n".join(["1 2 3 4 5 6 7 8 9"] * 60) + "\nFix this program."
    for system in (None, "You edit DSL programs."):
        fitted, cut = conditioned_text(tok, long, system=system, budget_tokens=120, reserve_tokens=20)
        assert cut and fitted.endswith("Fix this program.<|im_end|>\n<|im_start|>assistant\n")
        assert len(tok(fitted, add_special_tokens=False)["input_ids"]) + 20 <= 120  # system turn counted too
    raw, cut = conditioned_text(tok, long, chat=False, budget_tokens=50, reserve_tokens=10)
    assert cut and raw.endswith("Fix this program.") and len(tok(raw, add_special_tokens=False)["input_ids"]) <= 40


def test_torch_threads_is_restored():
    import torch

    from arc_pipeline.generation import torch_threads

    before = torch.get_num_threads()
    with torch_threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
    with pytest.raises(ValueError, match="torch_threads"):
        with torch_threads(0):
            pass


@pytest.mark.slow
def test_sample_is_seeded_per_batch(tiny):
    from arc_pipeline.generation import conditioned_text, load_model, sample

    model, tok = load_model(tiny)
    assert not model.training and tok.padding_side == "left"
    text, _ = conditioned_text(tok, "Fix this program.")
    other, _ = conditioned_text(tok, "Another, longer prompt to pad against.")
    kw = dict(max_new_tokens=8, temperature=1.0, seed=4, threads=1)
    one = sample(model, tok, [text] * 3, batch_size=1, **kw)
    assert [g.text for g in sample(model, tok, [text] * 3, batch_size=1, **kw)] == [g.text for g in one]
    assert sample(model, tok, [text], batch_size=1, **kw)[0].text == one[0].text  # sample 0 ignores n
    assert len({g.text for g in one}) > 1  # seed + b differs per batch
    assert all(0 < g.output_tokens <= 8 and g.finish_reason in {"stop", "length"} for g in one)
    assert all(g.input_tokens == len(tok(text, add_special_tokens=False)["input_ids"]) for g in one)
    batched = sample(model, tok, [text, other], batch_size=2, **kw)
    assert [g.input_tokens for g in batched] == [len(tok(t, add_special_tokens=False)["input_ids"]) for t in (text, other)]
    greedy = sample(model, tok, [text, text], batch_size=1, max_new_tokens=8, temperature=0.0, seed=0)
    assert greedy[0].text == greedy[1].text


def test_wait_forcing_reopens_a_think_block_that_closes_too_early(tiny):
    """s1-style budget forcing: a think block shorter than the minimum is reopened with "Wait,"
    and generation continues within the same token budget; off, nothing changes."""
    from arc_pipeline.generation import WaitForcing, load_model, sample

    model, tok = load_model(tiny)
    texts = ["## program\ndef solve(I):"] * 4
    plain = sample(model, tok, texts, max_new_tokens=40, temperature=1.0, seed=3)
    assert all(g.waits == 0 for g in plain)
    # force the first pass to close its think block at once: a prefix the forcing must reopen
    forcing = WaitForcing(min_think_tokens=5, text="Wait,", max_waits=1)
    assert forcing.too_short(tok, "<think>ok</think>def solve(I): return I")
    assert not forcing.too_short(tok, "<think>" + "word " * 10 + "</think>x")
    assert not forcing.too_short(tok, "no think block at all")
    assert forcing.reopened("<think>ok</think>def solve(I)") == "<think>ok Wait,"
    early = [g.__class__("<think>ok</think>", g.input_tokens, 3, "stop", 0.0) for g in plain]
    from arc_pipeline.generation import _force_waits

    forced = _force_waits(model, tok, texts, early, forcing, max_new_tokens=40, temperature=1.0, seed=3)
    assert all(g.waits == 1 and g.text.startswith("<think>ok Wait,") for g in forced)
    assert all(g.output_tokens <= 40 for g in forced)


@pytest.mark.slow
def test_top_p_cuts_the_tail(tiny):
    """Nucleus sampling keeps the smallest set of tokens holding top_p of the mass: with a
    vanishing top_p only the argmax survives, so sampling at any temperature is greedy; and the
    eval's top_p reaches its proposer."""
    import dataclasses

    from arc_pipeline.config import PipelineConfig
    from arc_pipeline.generation import conditioned_text, load_model, sample
    from arc_pipeline.stages.inputs import model_proposer

    model, tok = load_model(tiny)
    text, _ = conditioned_text(tok, "Fix this program.")
    greedy = sample(model, tok, [text] * 3, max_new_tokens=8, temperature=0.0, seed=0, batch_size=1)
    nucleus = sample(model, tok, [text] * 3, max_new_tokens=8, temperature=1.5, top_p=1e-6, seed=5, batch_size=1)
    full = sample(model, tok, [text] * 3, max_new_tokens=8, temperature=1.5, top_p=1.0, seed=5, batch_size=1)
    assert [g.text for g in nucleus] == [g.text for g in greedy]
    assert [g.text for g in full] != [g.text for g in greedy]
    cfg = PipelineConfig()
    assert model_proposer(cfg, tiny).top_p == 1.0
    cfg = dataclasses.replace(cfg, eval=dataclasses.replace(cfg.eval, top_p=0.9))
    assert model_proposer(cfg, tiny).top_p == 0.9
