"""ModelProposer on a tiny random Qwen2 model built on the fly (CPU, transformers generate)."""

from __future__ import annotations

import pytest

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
CORPUS = [
    "def solve(I):\n    O = flip_horizontal(I)\n    return O\n",
    "<think>The output mirrors the input.</think>",
    "## Task: train examples\n### Example 0\nInput:\n1 2 0\n0 3 0\nExpected output:\n0 2 1\n",
    "Edit the program so it maps every train input to its expected output.",
] * 4


def build_tiny_model(path):
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    from arc_pipeline.training.tiny_model import save_tokenizer

    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<think>", "</think>"]
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(CORPUS, trainers.BpeTrainer(
        vocab_size=300, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>",
                                   additional_special_tokens=["<|im_start|>", "<think>", "</think>"])
    fast.chat_template = CHATML
    torch.manual_seed(0)
    cfg = Qwen2Config(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=1,
                      intermediate_size=64, vocab_size=len(fast), max_position_embeddings=512,
                      eos_token_id=fast.eos_token_id, pad_token_id=fast.pad_token_id, bos_token_id=None,
                      tie_word_embeddings=True)
    Qwen2ForCausalLM(cfg).save_pretrained(path)
    save_tokenizer(fast, path)
    return fast


@pytest.mark.slow
def test_model_proposer_generates_and_refines(tmp_path):
    from arc_pipeline.evaluation.refine import ModelProposer, Proposer, refine
    from arc_pipeline.execution import default_executor
    from arc_pipeline.tasks import ArcTask

    executor = default_executor()
    build_tiny_model(tmp_path / "tiny")
    proposer = ModelProposer(tmp_path / "tiny", max_new_tokens=12, temperature=1.0, device="cpu", chat=True)
    assert isinstance(proposer, Proposer)
    task = ArcTask.from_json({"train": [{"input": [[1, 2]], "output": [[2, 1]]}],
                              "test": [{"input": [[3, 4]], "output": [[4, 3]]}]}, "tiny-task")
    built = proposer.build_prompt("Fix this program.")
    assert built.startswith("<|im_start|>user\nFix this program.<|im_end|>") and built.endswith("<|im_start|>assistant\n")

    out = proposer.propose([(task, "def solve(I):\n    return I\n", "Fix this program.")], n=2, seed=3)
    assert len(out) == 1 and len(out[0]) == 2 and all(isinstance(s, str) for s in out[0])
    assert proposer.propose([(task, "p", "Fix this program.")], n=2, seed=3) == out  # seeded
    two = proposer.propose([(task, "p", "Fix this program."), (task, "p", "Another prompt, longer.")], n=2, seed=1)
    assert [len(x) for x in two] == [2, 2]

    # Too-long prompts keep their end and still generate.
    proposer.max_length = 64
    long = proposer.propose([(task, "p", "\n".join(["1 2 3 4 5 6 7 8 9"] * 40) + "\nFix this program.")], n=1, seed=0)
    assert len(long[0]) == 1 and proposer.truncated_prompts == 1
    proposer.max_length = None

    res = refine(task, proposer, executor, rounds=1, samples_per_round=2, seed=0)
    assert len(res.edits) == 2 and res.rounds_run == 1
    assert res.attempts[0]  # at least the start program's output
