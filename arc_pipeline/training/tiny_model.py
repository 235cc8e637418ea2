"""A tiny, locally built causal LM (no model hub): BPE tokenizer + random-init Qwen2.

The CPU profile (``model.base_model: tiny``) trains a byte-level BPE tokenizer on a corpus
(DSL reference, solver programs, sample prompts), wraps it in a ``PreTrainedTokenizerFast``
with a ChatML chat template, and random-initialises a small ``Qwen2ForCausalLM``.

Tokenizer trap (transformers 5): ``AutoTokenizer`` on a ``qwen2`` model directory builds a
``Qwen2Tokenizer`` that *replaces* the saved normalizer/pre-tokenizer. We guard twice:

* the tokenizer is trained with Qwen's own split regex, NFC normalizer and byte-level
  pre-tokenizer/decoder, so even a ``Qwen2Tokenizer`` rebuild gives the same pieces;
* :func:`load_model_and_tokenizer` loads local directories holding a marker file
  (:data:`FAST_TOKENIZER_MARKER`, written by :func:`save_tokenizer`) with
  ``PreTrainedTokenizerFast.from_pretrained`` explicitly.

Content-addressed cache: :func:`build_tiny_model` writes to
``<parent>/tiny-<hash>`` where the hash covers the model config fields, the seed and a hash
of the corpus; an existing directory is reused as is.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from arc_pipeline.config import ModelConfig
from arc_pipeline.parsing import THINK_CLOSE, THINK_OPEN

BUILD_VERSION = "tiny-v4"  # v4: line-reference tokens @1..@40; bump when the construction below changes
FAST_TOKENIZER_MARKER = "arc_fast_tokenizer.json"

IM_START, IM_END, EOT, PAD = "<|im_start|>", "<|im_end|>", "<|endoftext|>", "<|pad|>"
SPECIAL_TOKENS = [EOT, IM_START, IM_END, PAD]
# <think>/</think> are single tokens but NOT special (as in Qwen3's tokenizer): trl decodes GRPO
# completions with skip_special_tokens=True, which would otherwise strip them before the reward.
THINK_TOKENS = [THINK_OPEN, THINK_CLOSE]

# Qwen2's pre-tokenizer split (transformers/models/qwen2/tokenization_qwen2.py): digits are
# single tokens, which suits grids of colours.
QWEN_SPLIT_REGEX = (
    r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""
)

# ChatML; the assistant turn is wrapped in {% generation %} so trl's assistant_only_loss works.
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{% if message['role'] == 'assistant' %}"
    "{{ '<|im_start|>assistant\\n' }}{% generation %}{{ message['content'] + '<|im_end|>' }}{% endgeneration %}{{ '\\n' }}"
    "{% else %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endif %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def corpus_hash(corpus: Sequence[str]) -> str:
    h = hashlib.sha256()
    for text in corpus:
        h.update(hashlib.sha256(text.encode()).digest())
    return h.hexdigest()[:16]


def tiny_fingerprint(cfg: ModelConfig, corpus: Sequence[str], seed: int = 0) -> str:
    fields = {k: v for k, v in dataclasses.asdict(cfg).items() if k.startswith("tiny_") or k == "max_length"}
    payload = json.dumps({"v": BUILD_VERSION, "cfg": fields, "seed": seed, "corpus": corpus_hash(corpus)}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def _heads(hidden: int) -> tuple[int, int]:
    """Attention heads of 32 dims (16 for hidden < 64), grouped-query with 2 query heads per kv head."""
    head_dim = 32 if hidden >= 64 else 16
    heads = max(1, hidden // head_dim)
    while hidden % heads:
        heads -= 1
    kv = heads // 2 if heads % 2 == 0 and heads > 1 else heads
    return heads, kv


def primitive_tokens() -> list:
    """Every DSL primitive name as one added token (``single_word``: never matched inside a longer
    identifier, so ``shapes`` is not ``shape`` + ``s``). Added tokens survive the ``Qwen2Tokenizer``
    rebuild (module docstring), unlike a custom split regex, so both loaders give the same ids."""
    from tokenizers import AddedToken

    from arc_pipeline.dsl import PRIMITIVES

    return [AddedToken(name, single_word=True, normalized=False) for name in sorted(PRIMITIVES)]


def ref_tokens() -> list:
    """Each line reference (``@1`` .. ``@40``, :mod:`arc_pipeline.line_refs`) as one added token:
    keeping statement k is then one token to write, looked up by the same token in the prompt.
    ``single_word``: ``@1`` never matches inside ``@12``."""
    from tokenizers import AddedToken

    from arc_pipeline.line_refs import REF_TOKENS

    return [AddedToken(t, single_word=True, normalized=False) for t in REF_TOKENS]


def train_tokenizer(corpus: Sequence[str], vocab_size: int):
    """Byte-level BPE (Qwen's split: every digit -- every grid cell -- is its own token) plus one
    added token per DSL primitive name, wrapped in a ``PreTrainedTokenizerFast``."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token=None, byte_fallback=False))
    tok.normalizer = normalizers.NFC()
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(QWEN_SPLIT_REGEX), behavior="isolated", invert=False),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
    ])
    tok.decoder = decoders.ByteLevel()
    names = primitive_tokens() + ref_tokens()  # part of the vocabulary budget: the BPE learns the rest
    think = [AddedToken(t, normalized=False, special=False) for t in THINK_TOKENS]
    trainer = trainers.BpeTrainer(
        vocab_size=max(vocab_size - len(names) - len(think), len(SPECIAL_TOKENS) + 256 + 64), min_frequency=2,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False,
    )
    tok.train_from_iterator(list(corpus), trainer=trainer)
    tok.add_tokens(think + names)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token=IM_END, pad_token=PAD, unk_token=None, bos_token=None,
        additional_special_tokens=[EOT, IM_START],
        model_max_length=1_000_000, padding_side="left", clean_up_tokenization_spaces=False,
    )
    fast.chat_template = CHAT_TEMPLATE
    return fast


def save_tokenizer(tokenizer: Any, out_dir: Path) -> None:
    """Save a tokenizer; plain ``PreTrainedTokenizerFast`` ones get the marker file that makes
    :func:`load_tokenizer` reload them with the same class (see the module docstring)."""
    from transformers import PreTrainedTokenizerFast

    out_dir = Path(out_dir)
    tokenizer.save_pretrained(str(out_dir))
    if type(tokenizer) is PreTrainedTokenizerFast:
        (out_dir / FAST_TOKENIZER_MARKER).write_text(json.dumps({"class": "PreTrainedTokenizerFast"}))


def load_tokenizer(path_or_id: str | Path):
    from transformers import AutoTokenizer, PreTrainedTokenizerFast

    path = Path(path_or_id)
    if path.is_dir() and (path / FAST_TOKENIZER_MARKER).exists():
        tok = PreTrainedTokenizerFast.from_pretrained(str(path))
    else:
        tok = AutoTokenizer.from_pretrained(str(path_or_id))
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def build_tiny_model(cfg: ModelConfig, corpus: list[str], out_dir: Path, seed: int = 0) -> Path:
    """Build (or reuse) the tiny model; returns ``out_dir / f"tiny-{fingerprint}"``.

    ``out_dir`` is the *parent* folder (e.g. ``data/models``); the model directory's name
    holds a hash of the config's ``tiny_*`` fields, ``max_length``, the seed and the corpus,
    so a changed corpus or config builds a new model and an unchanged one is reused.
    """
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    if not corpus:
        raise ValueError("build_tiny_model needs a non-empty corpus")
    out_dir = Path(out_dir)
    target = out_dir / f"tiny-{tiny_fingerprint(cfg, corpus, seed)}"
    if (target / "config.json").exists() and (target / FAST_TOKENIZER_MARKER).exists():
        return target
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / f".{target.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)

    tokenizer = train_tokenizer(corpus, cfg.tiny_vocab_size)
    heads, kv_heads = _heads(cfg.tiny_hidden_size)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=cfg.tiny_hidden_size,
        intermediate_size=cfg.tiny_hidden_size * 3,
        num_hidden_layers=cfg.tiny_layers,
        num_attention_heads=heads,
        num_key_value_heads=kv_heads,
        max_position_embeddings=max(4096, cfg.max_length),
        tie_word_embeddings=True,
        bos_token_id=None,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        use_cache=True,
    )
    torch.manual_seed(seed)
    model = Qwen2ForCausalLM(config)
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.generation_config.bos_token_id = None
    model.save_pretrained(str(tmp))
    save_tokenizer(tokenizer, tmp)
    (tmp / "tiny_build.json").write_text(json.dumps({
        "build_version": BUILD_VERSION, "seed": seed, "corpus_hash": corpus_hash(corpus), "corpus_docs": len(corpus),
        "config": dataclasses.asdict(cfg), "parameters": sum(p.numel() for p in model.parameters()),
        "vocab_size": len(tokenizer),
    }, indent=2, default=str))
    try:
        tmp.rename(target)
    except OSError:  # built concurrently by another process: keep theirs
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def load_model_and_tokenizer(path_or_id: str | Path, dtype: str = "float32", device: str = "cpu"):
    """``(model, tokenizer)`` from a local directory (ours: tokenizer via
    ``PreTrainedTokenizerFast``) or a HF id / path of a real model (``AutoTokenizer``)."""
    import torch
    from transformers import AutoModelForCausalLM

    tokenizer = load_tokenizer(path_or_id)
    torch_dtype = getattr(torch, dtype) if isinstance(dtype, str) else dtype
    model = AutoModelForCausalLM.from_pretrained(str(path_or_id), dtype=torch_dtype)
    model.to(device)
    if model.generation_config.pad_token_id is None:
        model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model, tokenizer


def chat_messages(prompt: str) -> list[dict[str, str]]:
    """The conversational prompt used for SFT, GRPO and generation: one user turn."""
    return [{"role": "user", "content": prompt}]


def generation_text(tokenizer: Any, prompt: str) -> str:
    """The exact text the model is conditioned on for ``prompt`` (chat template + assistant header)."""
    return tokenizer.apply_chat_template(chat_messages(prompt), tokenize=False, add_generation_prompt=True)


def fit_prompt(tokenizer: Any, prompt: str, budget_tokens: int, reserve_tokens: int = 0) -> tuple[str, bool]:
    """Long-prompt policy: keep the END of the prompt.

    The edit prompt ends with the current program and the instruction (what the model must
    act on), while its start holds the first train examples. When the templated prompt plus
    ``reserve_tokens`` (the completion) exceeds ``budget_tokens``, whole leading lines are
    dropped (replaced by a ``[... N lines cut ...]`` marker) until it fits. Returns
    ``(prompt, truncated)``; if even the last line does not fit, the last line is returned.
    """
    def length(text: str) -> int:
        return len(tokenizer(generation_text(tokenizer, text), add_special_tokens=False)["input_ids"])

    if length(prompt) + reserve_tokens <= budget_tokens:
        return prompt, False
    lines = prompt.split("\n")

    def cut(k: int) -> str:
        return f"[... {k} lines cut ...]\n" + "\n".join(lines[k:])

    lo, hi = 1, len(lines) - 1  # smallest k whose cut fits
    if hi < lo or length(cut(hi)) + reserve_tokens > budget_tokens:
        return cut(max(hi, 0)), True
    while lo < hi:
        mid = (lo + hi) // 2
        if length(cut(mid)) + reserve_tokens <= budget_tokens:
            hi = mid
        else:
            lo = mid + 1
    return cut(lo), True
