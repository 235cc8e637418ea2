"""One generation path for Hugging Face causal LMs (the local teacher and the evaluation).

Before this module the local teacher and :class:`~arc_pipeline.evaluation.refine.ModelProposer`
each loaded, prompted, seeded and decoded on their own, and decoded special tokens
differently. Everything a completion depends on is now decided here:

* :func:`load_model` -- ``(model, tokenizer)`` in eval mode. A local directory holding a
  ``tokenizer.json`` is loaded with ``PreTrainedTokenizerFast`` (exactly the saved
  tokenizer; transformers 5's ``AutoTokenizer`` rebuilds a ``qwen2`` directory's
  normalizer / pre-tokenizer and can change token ids, see
  :mod:`arc_pipeline.training.tiny_model`); a hub id goes through ``AutoTokenizer``.
* :func:`conditioned_text` -- the exact text the model is conditioned on: the chat template
  with the assistant header (``[system,] user``) when the tokenizer has one, else the raw
  prompt, after the long-prompt policy (keep the END,
  :func:`arc_pipeline.training.tiny_model.fit_prompt`).
* :func:`sample` -- batched, seeded sampling: ``torch.manual_seed(seed + b)`` before batch
  ``b``, so a call is reproducible for the same texts, seed, batch size and device
  (``batch_size=1`` makes sample ``i`` depend on ``seed + i`` only). ``temperature <= 0`` is
  greedy decoding.
* :class:`WaitForcing` -- the seed's optional budget forcing (s1's "Wait"): a think block
  closed before ``min_think_tokens`` is reopened with ``text`` and generation continues
  (at most ``max_waits`` times), within the same ``max_new_tokens``. Off unless passed.
  It covers HF generation (eval, local teacher); trl's GRPO rollouts do not use it (a
  ``rollout_func`` would be the route, as for vLLM).
* :func:`decode_completion` -- the one decoding rule: cut at the first EOS, drop pad/EOS and
  the ChatML markers, keep everything else -- ``<think>``/``</think>`` included (the edit
  parser needs them; they are special tokens of the tiny tokenizer).

torch / transformers are imported lazily (slow imports; the library must import without them).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHATML_MARKERS = ("<|im_start|>", "<|im_end|>", "<|endoftext|>")  # stripped from completions


@dataclass(frozen=True)
class Generation:
    """One decoded completion and what it cost."""

    text: str
    input_tokens: int  # tokens of the conditioned text (without padding)
    output_tokens: int  # generated tokens, up to and including the first EOS
    finish_reason: str  # "stop" (ended with EOS) or "length" (hit max_new_tokens)
    latency_s: float  # wall time of its batch divided by the batch size
    waits: int = 0  # times WaitForcing reopened the think block


@dataclass(frozen=True)
class WaitForcing:
    """Extend a think block that closes too early (module docstring)."""

    min_think_tokens: int
    text: str = "Wait,"
    max_waits: int = 1

    def too_short(self, tok: Any, completion: str) -> bool:
        """Whether ``completion`` closed its think block with fewer than ``min_think_tokens``."""
        if "</think>" not in completion:
            return False
        think = completion.split("</think>", 1)[0].split("<think>")[-1]
        return _n_tokens(tok, think) < self.min_think_tokens

    def reopened(self, completion: str) -> str:
        """The completion up to its ``</think>``, plus the forcing text: what generation continues."""
        return completion.split("</think>", 1)[0].rstrip() + " " + self.text


def default_dtype(device: str) -> str:
    """float32 on CPU (bf16 matmuls are slow there), bfloat16 on accelerators."""
    return "float32" if device == "cpu" else "bfloat16"


@contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Run the block with ``torch.set_num_threads(n)`` and restore the old value after.

    Why: on a 2-core machine shared with other processes, 1 thread decoded the tiny model
    6-19x faster than 2. ``None`` leaves torch's setting alone. Restored so a training step
    later in the same process keeps its own setting.
    """
    if n is None:
        yield
        return
    if int(n) < 1:
        raise ValueError(f"torch_threads must be >= 1 or None, got {n!r}")
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(int(n))
    try:
        yield
    finally:
        torch.set_num_threads(before)


def load_tokenizer(path_or_id: str | Path) -> Any:
    """The tokenizer as it was saved (local ``tokenizer.json``: ``PreTrainedTokenizerFast``;
    hub id: ``AutoTokenizer``), with pad = EOS when it has no pad token and left padding
    (batched generation needs the prompt ends aligned)."""
    from transformers import PreTrainedTokenizerFast

    from arc_pipeline.training.tiny_model import load_tokenizer as load_any

    path = Path(path_or_id)
    if path.is_dir() and (path / "tokenizer.json").exists():
        tok = PreTrainedTokenizerFast.from_pretrained(str(path))
    else:
        tok = load_any(path_or_id)
    if tok.pad_token is None and tok.eos_token is not None:
        tok.pad_token = tok.eos_token
    tok.padding_side = "left"
    return tok


def load_model(path_or_id: str | Path, dtype: str | None = None, device: str = "cpu") -> tuple[Any, Any]:
    """``(model, tokenizer)`` for generation: the model in eval mode on ``device`` in ``dtype``
    (default :func:`default_dtype`), its generation config's pad id set from the tokenizer."""
    import torch
    from transformers import AutoModelForCausalLM

    tok = load_tokenizer(path_or_id)
    name = dtype or default_dtype(device)
    if not hasattr(torch, str(name)):
        raise ValueError(f"unknown torch dtype {name!r} for model {path_or_id}")
    model = AutoModelForCausalLM.from_pretrained(str(path_or_id), dtype=getattr(torch, str(name)))
    model.to(device)
    model.eval()
    if model.generation_config.pad_token_id is None:
        model.generation_config.pad_token_id = tok.pad_token_id
    return model, tok


def context_budget(model: Any, max_length: int | None = None) -> int:
    """Tokens a conditioned text plus its completion may use: ``max_length`` when given, else
    the model's ``max_position_embeddings`` (4096 when the config has none)."""
    if max_length:
        return int(max_length)
    return int(getattr(getattr(model, "config", None), "max_position_embeddings", 0) or 4096)


def _messages(prompt: str, system: str | None) -> list[dict[str, str]]:
    return ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]


def _templated(tok: Any, prompt: str, system: str | None) -> str:
    return tok.apply_chat_template(_messages(prompt, system), tokenize=False, add_generation_prompt=True)


def _n_tokens(tok: Any, text: str) -> int:
    return len(tok(text, add_special_tokens=False)["input_ids"])


def conditioned_text(tok: Any, prompt: str, *, system: str | None = None, chat: bool = True,
                     budget_tokens: int | None = None, reserve_tokens: int = 0) -> tuple[str, bool]:
    """The exact text the model is conditioned on, and whether the prompt was cut.

    With ``chat`` and a chat template: ``[system,] user`` + the assistant header; without a
    template: ``system + "\\n\\n" + prompt`` (or the prompt alone). When ``budget_tokens`` is
    given and the text plus ``reserve_tokens`` (the completion) would exceed it, the prompt
    keeps its END (``fit_prompt``: whole leading lines cut; the system text is counted as part
    of the reserve); a raw (non-chat) prompt keeps its last tokens.
    """
    from arc_pipeline.training.tiny_model import fit_prompt

    templated = chat and bool(getattr(tok, "chat_template", None))
    if templated:
        cut = False
        if budget_tokens is not None:
            overhead = 0
            if system:  # fit_prompt measures a user-only conversation: the system turn is extra
                overhead = _n_tokens(tok, _templated(tok, "", system)) - _n_tokens(tok, _templated(tok, "", None))
            prompt, cut = fit_prompt(tok, prompt, int(budget_tokens), reserve_tokens=reserve_tokens + max(0, overhead))
        return _templated(tok, prompt, system), cut
    text = f"{system}\n\n{prompt}" if system else prompt
    if budget_tokens is None:
        return text, False
    ids = tok(text, add_special_tokens=False)["input_ids"]
    keep = max(1, int(budget_tokens) - reserve_tokens)
    if len(ids) > keep:
        return tok.decode(ids[-keep:], skip_special_tokens=False), True
    return text, False


def _marker_ids(tok: Any) -> set[int]:
    """Ids of pad, EOS and the ChatML markers that are single tokens of this vocabulary."""
    ids = {i for i in (tok.pad_token_id, tok.eos_token_id) if i is not None}
    for marker in CHATML_MARKERS:  # a marker missing from the vocabulary maps to unk (or None): skip it
        i = tok.convert_tokens_to_ids(marker)
        if i is not None and i != tok.unk_token_id:
            ids.add(int(i))
    return ids


def decode_completion(tok: Any, ids: Sequence[int]) -> str:
    """The one decoding rule: cut at the first EOS, drop pad/EOS/ChatML-marker ids, decode with
    every other special token kept (``<think>``/``</think>`` must survive for the parser)."""
    ids = list(ids)
    eos = tok.eos_token_id
    if eos is not None and eos in ids:
        ids = ids[: ids.index(eos)]
    drop = _marker_ids(tok)
    return tok.decode([i for i in ids if i not in drop], skip_special_tokens=False)


def _generated(ids: list[int], eos: int | None, pad: int | None) -> tuple[int, str]:
    """(tokens generated up to and including the first EOS, finish reason)."""
    if eos is not None and eos in ids:
        return ids.index(eos) + 1, "stop"
    n = len(ids)
    while n and pad is not None and ids[n - 1] == pad and pad != eos:
        n -= 1  # right padding of sequences that ended early (only when pad differs from EOS)
    return n, "length"


def sample(model: Any, tok: Any, texts: Sequence[str], *, max_new_tokens: int, temperature: float = 1.0,
           top_p: float = 1.0, seed: int = 0, batch_size: int = 16, device: str = "cpu",
           threads: int | None = None, wait: WaitForcing | None = None,
           constrain: Any = None) -> list[Generation]:
    """Generate one completion per text (texts may repeat), in order.

    Batches of ``batch_size`` texts, left-padded; ``torch.manual_seed(seed + b)`` before batch
    ``b``; sampling is plain temperature sampling (``top_k=0``, ``top_p``); ``temperature <= 0``
    is greedy. ``threads``: see :func:`torch_threads`. Completions are decoded with
    :func:`decode_completion`. ``wait``: :class:`WaitForcing` (off when ``None``).
    ``constrain``: a :class:`arc_pipeline.constrained.ProgramGrammar` -- the program part is
    decoded under it (:class:`~arc_pipeline.constrained.ProgramLogitsProcessor`); its counters
    are summed into ``constrain.stats``.
    """
    import torch

    if max_new_tokens < 1:
        raise ValueError(f"max_new_tokens must be >= 1, got {max_new_tokens}")
    greedy = temperature <= 0
    kwargs: dict[str, Any] = {"max_new_tokens": int(max_new_tokens), "do_sample": not greedy,
                              "pad_token_id": tok.pad_token_id}
    if tok.eos_token_id is not None:
        kwargs["eos_token_id"] = tok.eos_token_id
    if not greedy:
        kwargs.update(temperature=float(temperature), top_k=0, top_p=float(top_p))
    size = max(1, int(batch_size))
    out: list[Generation] = []
    with torch_threads(threads):
        for b, start in enumerate(range(0, len(texts), size)):
            chunk = list(texts[start:start + size])
            enc = tok(chunk, return_tensors="pt", padding=True, add_special_tokens=False)
            input_ids = enc["input_ids"].to(device)
            attention = enc["attention_mask"].to(device)
            torch.manual_seed(int(seed) + b)
            t0 = time.monotonic()
            extra = {}
            if constrain is not None:
                from transformers import LogitsProcessorList

                from arc_pipeline.constrained import ProgramLogitsProcessor

                processor = ProgramLogitsProcessor(tok, input_ids.shape[1], constrain)
                extra["logits_processor"] = LogitsProcessorList([processor])
            with torch.no_grad():
                seqs = model.generate(input_ids=input_ids, attention_mask=attention, **kwargs, **extra)
            if constrain is not None:
                constrain.record(processor)
            latency = (time.monotonic() - t0) / len(chunk)
            lengths = attention.sum(dim=1).tolist()
            for ids, n_in in zip(seqs[:, input_ids.shape[1]:].tolist(), lengths):
                n_out, finish = _generated(ids, tok.eos_token_id, tok.pad_token_id)
                out.append(Generation(decode_completion(tok, ids), int(n_in), n_out, finish, latency))
    if wait is not None:
        out = _force_waits(model, tok, list(texts), out, wait, max_new_tokens=int(max_new_tokens),
                           temperature=temperature, top_p=top_p, seed=seed, batch_size=size, device=device,
                           threads=threads)
    return out


def _force_waits(model: Any, tok: Any, texts: list[str], gens: list[Generation], wait: WaitForcing, *,
                 max_new_tokens: int, **kwargs: Any) -> list[Generation]:
    """Re-open too-short think blocks and continue them, within each completion's token budget."""
    gens = list(gens)
    for round_ in range(max(0, wait.max_waits)):
        todo = [i for i, g in enumerate(gens) if wait.too_short(tok, g.text)]
        todo = [i for i in todo if max_new_tokens - _n_tokens(tok, wait.reopened(gens[i].text)) > 0]
        if not todo:
            break
        prefixes = {i: wait.reopened(gens[i].text) for i in todo}
        used = {i: _n_tokens(tok, prefixes[i]) for i in todo}
        budget = max_new_tokens - max(used.values())  # one batch; no completion exceeds its budget
        if budget <= 0:
            break
        rest = {k: v for k, v in kwargs.items() if k != "seed"}
        more = sample(model, tok, [texts[i] + prefixes[i] for i in todo], max_new_tokens=budget,
                      seed=int(kwargs.get("seed", 0)) + 1000 * (round_ + 1), **rest)
        for i, g in zip(todo, more):
            old = gens[i]
            gens[i] = Generation(prefixes[i] + g.text, old.input_tokens, used[i] + g.output_tokens,
                                 g.finish_reason, old.latency_s + g.latency_s, old.waits + 1)
    return gens
