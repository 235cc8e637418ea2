"""LocalModelTeacher on a tiny random Qwen2 model built on the fly (CPU, transformers path)."""

from __future__ import annotations

import pytest

from arc_pipeline.teachers.base import EditRequest, Teacher
from arc_pipeline.teachers.local_model import LocalModelTeacher

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

CORPUS = [
    "def solve(I):\n    return hmirror(I)\n",
    "def solve(I):\n    x1 = objects(I, T, F, T)\n    return paint(I, x1)\n",
    "<think>The output mirrors the input.</think>",
    "Fix this program so that it solves the task.",
    "You edit DSL programs for ARC tasks.",
] * 4


def build_tiny_model(path):
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(
        CORPUS,
        trainers.BpeTrainer(vocab_size=300, special_tokens=specials,
                            initial_alphabet=pre_tokenizers.ByteLevel.alphabet()),
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>"],
    )
    fast.chat_template = CHATML
    torch.manual_seed(0)
    cfg = Qwen2Config(
        hidden_size=32, num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=1,
        intermediate_size=64, vocab_size=len(fast), max_position_embeddings=512,
        eos_token_id=fast.eos_token_id, pad_token_id=fast.pad_token_id, bos_token_id=None,
        tie_word_embeddings=True,
    )
    Qwen2ForCausalLM(cfg).save_pretrained(path)
    fast.save_pretrained(path)
    return fast


@pytest.mark.slow
def test_local_model_teacher_samples(tmp_path):
    model_dir = tmp_path / "tiny"
    built = build_tiny_model(model_dir)

    teacher = LocalModelTeacher(model_dir, device="cpu", use_vllm=False, max_new_tokens=16)
    assert isinstance(teacher, Teacher)
    # The tokenizer reloads with identical ids (the AutoTokenizer/Qwen2Tokenizer trap).
    text = "def solve(I):\n    return hmirror(I)\n"
    assert teacher.tokenizer(text)["input_ids"] == built(text)["input_ids"]

    req = EditRequest(task_id="t", prompt="Fix this program.", system="You edit DSL programs.",
                      start_program="def solve(I):\n    return I\n", task_json="{}",
                      n_samples=3, seed=5, temperature=1.0, max_output_tokens=64)
    prompt = teacher.build_prompt(req)
    assert prompt.startswith("<|im_start|>system\nYou edit DSL programs.<|im_end|>")
    assert prompt.endswith("<|im_start|>assistant\n")

    samples = teacher.sample(req)
    assert [s.sample_index for s in samples] == [0, 1, 2]
    assert all(isinstance(s.text, str) and 0 < s.output_tokens <= 16 for s in samples)
    assert all(s.input_tokens > 0 and s.finish_reason in {"stop", "length"} for s in samples)
    assert len({s.text for s in samples}) > 1  # different seeds → different samples

    # Seeded per sample: the same request reproduces, and sample i does not depend on n.
    assert [s.text for s in teacher.sample(req)] == [s.text for s in samples]
    one = teacher.sample(EditRequest(**{**req.__dict__, "n_samples": 1}))
    assert one[0].text == samples[0].text

    # Greedy decoding at temperature 0.
    greedy = teacher.sample(EditRequest(**{**req.__dict__, "n_samples": 2, "temperature": 0.0}))
    assert greedy[0].text == greedy[1].text


def test_local_model_teacher_rejects_missing_dir(tmp_path):
    with pytest.raises(FileNotFoundError):
        LocalModelTeacher(tmp_path / "nope", use_vllm=False)
