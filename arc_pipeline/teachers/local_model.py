"""A local Hugging Face model as a teacher (transformers on CPU/GPU, or vLLM on GPU).

The model directory holds a causal LM and its tokenizer (``save_pretrained`` output).
Loading, the conditioned text and decoding are :mod:`arc_pipeline.generation`'s (shared with
the evaluation's ``ModelProposer``): the tokenizer is the saved one
(``PreTrainedTokenizerFast``; transformers 5's ``AutoTokenizer`` on a ``qwen2`` directory
builds ``Qwen2Tokenizer``, which replaces a custom-trained tokenizer's normalizer /
pre-tokenizer and silently changes token ids); the prompt is the chat template applied to
``[system, user]`` with the generation prompt (else ``system + "\\n\\n" + prompt``), keeping the
END of a prompt too long for the model's context; completions keep ``<think>``/``</think>``
and drop pad/EOS/ChatML markers, cut at the first EOS, on both paths.

Each sample is generated separately, seeded with ``request.seed + sample_index``
(``generation.sample`` with batch size 1 for transformers, ``SamplingParams.seed`` for vLLM),
so a sample does not depend on how many were asked for. ``temperature <= 0`` means greedy
decoding. ``torch_threads`` sets torch's intra-op threads while generating (transformers path).

vLLM is used when it is importable and ``use_vllm`` is not False (``use_vllm=True`` requires it).
Prompts go to vLLM as token ids from the same tokenizer and outputs are decoded with it, so both
paths see identical token ids. torch / transformers / vllm are imported lazily (slow imports).
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

from arc_pipeline.generation import conditioned_text, decode_completion, default_dtype, load_model, load_tokenizer, sample
from arc_pipeline.teachers.base import EditRequest, TeacherSample


class LocalModelTeacher:
    """Teacher that samples from a local model directory."""

    name = "local"

    def __init__(
        self,
        model_path: str | os.PathLike[str],
        device: str = "cpu",
        use_vllm: bool | None = None,
        *,
        max_new_tokens: int | None = None,
        dtype: str | None = None,
        vllm_kwargs: dict[str, Any] | None = None,
        torch_threads: int | None = None,
    ) -> None:
        self.model_path = Path(model_path)
        if not self.model_path.is_dir():
            raise FileNotFoundError(f"model directory not found: {self.model_path}")
        self.model = str(self.model_path)
        self.device = device
        self.max_new_tokens = max_new_tokens  # caps request.max_output_tokens when set
        self.dtype = dtype  # None: float32 on CPU, bfloat16 elsewhere
        self.vllm_kwargs = dict(vllm_kwargs or {})
        self.torch_threads = torch_threads
        vllm_available = importlib.util.find_spec("vllm") is not None
        if use_vllm and not vllm_available:
            raise ImportError("use_vllm=True but vllm is not installed (pip install '.[gpu]')")
        self.use_vllm = bool(vllm_available if use_vllm is None else use_vllm)
        self._lock = threading.Lock()
        self._tokenizer = None
        self._hf_model = None
        self._vllm = None
        self.calls_made = 0

    # -- shared --------------------------------------------------------------------------------

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer(self.model_path)
        return self._tokenizer

    def context_length(self) -> int:
        """The model's context (``max_position_embeddings`` in ``config.json``; 4096 if absent),
        read without loading the weights so the vLLM path uses the same prompt policy."""
        try:
            config = json.loads((self.model_path / "config.json").read_text())
        except (OSError, json.JSONDecodeError):
            config = {}
        return int(config.get("max_position_embeddings") or 4096)

    def build_prompt(self, request: EditRequest) -> str:
        """The exact text the model is conditioned on (see the module docstring)."""
        text, _ = conditioned_text(self.tokenizer, request.prompt, system=request.system or None,
                                   budget_tokens=self.context_length(), reserve_tokens=self._max_new(request))
        return text

    def _max_new(self, request: EditRequest) -> int:
        n = int(request.max_output_tokens)
        return min(n, self.max_new_tokens) if self.max_new_tokens else n

    def sample(self, request: EditRequest) -> list[TeacherSample]:
        n = int(request.n_samples)
        if n <= 0:
            return []
        prompt = self.build_prompt(request)
        with self._lock:
            if self.use_vllm:
                return self._sample_vllm(request, prompt, n)
            return self._sample_hf(request, prompt, n)

    # -- transformers path ---------------------------------------------------------------------

    def _load_hf(self):
        if self._hf_model is None:
            self._hf_model, self._tokenizer = load_model(self.model_path, self.dtype or default_dtype(self.device),
                                                         self.device)
        return self._hf_model

    def _sample_hf(self, request: EditRequest, prompt: str, n: int) -> list[TeacherSample]:
        model = self._load_hf()
        gens = sample(model, self.tokenizer, [prompt] * n, max_new_tokens=self._max_new(request),
                      temperature=float(request.temperature), seed=int(request.seed), batch_size=1,
                      device=self.device, threads=self.torch_threads)
        self.calls_made += len(gens)
        return [TeacherSample(sample_index=i, text=g.text, input_tokens=g.input_tokens, output_tokens=g.output_tokens,
                              latency_s=g.latency_s, finish_reason=g.finish_reason)
                for i, g in enumerate(gens)]

    # -- vLLM path (GPU) -----------------------------------------------------------------------

    def _sample_vllm(self, request: EditRequest, prompt: str, n: int) -> list[TeacherSample]:
        from vllm import LLM, SamplingParams  # noqa: PLC0415

        if self._vllm is None:
            kwargs = {"dtype": self.dtype or "auto", **self.vllm_kwargs}
            self._vllm = LLM(model=str(self.model_path), **kwargs)
        ids = self.tokenizer(prompt, add_special_tokens=False)["input_ids"]
        params = [
            SamplingParams(
                temperature=max(0.0, float(request.temperature)),
                max_tokens=self._max_new(request),
                seed=int(request.seed) + i,
            )
            for i in range(n)
        ]
        t0 = time.monotonic()
        results = self._vllm.generate([{"prompt_token_ids": ids} for _ in range(n)], params)
        latency = (time.monotonic() - t0) / n
        out = []
        for i, res in enumerate(results):
            comp = res.outputs[0]
            out.append(TeacherSample(
                sample_index=i,
                text=decode_completion(self.tokenizer, comp.token_ids),
                input_tokens=len(ids),
                output_tokens=len(comp.token_ids),
                latency_s=latency,
                finish_reason=str(comp.finish_reason or ""),
            ))
            self.calls_made += 1
        return out
