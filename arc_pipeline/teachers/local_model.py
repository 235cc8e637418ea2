"""A local Hugging Face model as a teacher (transformers on CPU/GPU, or vLLM on GPU).

The model directory holds a causal LM and its tokenizer (``save_pretrained`` output). The
tokenizer is loaded with ``PreTrainedTokenizerFast.from_pretrained``, not ``AutoTokenizer``:
with transformers 5, ``AutoTokenizer`` on a ``qwen2`` directory builds ``Qwen2Tokenizer``, which
replaces a custom-trained tokenizer's normalizer / pre-tokenizer and silently changes token ids.

The prompt is the tokenizer's chat template applied to ``[system, user]`` (with the generation
prompt) when the tokenizer has one, else ``system + "\\n\\n" + prompt``. Each sample is generated
separately, seeded with ``request.seed + sample_index`` (``torch.manual_seed`` for transformers,
``SamplingParams.seed`` for vLLM), so a sample does not depend on how many were asked for.
``temperature <= 0`` means greedy decoding.

vLLM is used when it is importable and ``use_vllm`` is not False (``use_vllm=True`` requires it).
Prompts go to vLLM as token ids from the same tokenizer and outputs are decoded with it, so both
paths see identical token ids. torch / transformers / vllm are imported lazily (slow imports).
"""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from pathlib import Path
from typing import Any

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
    ) -> None:
        self.model_path = Path(model_path)
        if not self.model_path.is_dir():
            raise FileNotFoundError(f"model directory not found: {self.model_path}")
        self.model = str(self.model_path)
        self.device = device
        self.max_new_tokens = max_new_tokens  # caps request.max_output_tokens when set
        self.dtype = dtype  # None: float32 on CPU, bfloat16 elsewhere
        self.vllm_kwargs = dict(vllm_kwargs or {})
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
            from transformers import PreTrainedTokenizerFast  # noqa: PLC0415

            tok = PreTrainedTokenizerFast.from_pretrained(str(self.model_path))
            if tok.pad_token is None and tok.eos_token is not None:
                tok.pad_token = tok.eos_token
            self._tokenizer = tok
        return self._tokenizer

    def build_prompt(self, request: EditRequest) -> str:
        tok = self.tokenizer
        if getattr(tok, "chat_template", None):
            messages = []
            if request.system:
                messages.append({"role": "system", "content": request.system})
            messages.append({"role": "user", "content": request.prompt})
            return tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return f"{request.system}\n\n{request.prompt}" if request.system else request.prompt

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
            import torch  # noqa: PLC0415
            from transformers import AutoModelForCausalLM  # noqa: PLC0415

            if self.dtype is not None:
                dtype = getattr(torch, self.dtype)
            else:
                dtype = torch.float32 if self.device == "cpu" else torch.bfloat16
            model = AutoModelForCausalLM.from_pretrained(str(self.model_path), dtype=dtype)
            model.to(self.device)
            model.eval()
            self._hf_model = model
        return self._hf_model

    def _sample_hf(self, request: EditRequest, prompt: str, n: int) -> list[TeacherSample]:
        import torch  # noqa: PLC0415

        model = self._load_hf()
        tok = self.tokenizer
        enc = tok(prompt, return_tensors="pt", add_special_tokens=False)
        input_ids = enc["input_ids"].to(self.device)
        attention_mask = enc["attention_mask"].to(self.device)
        n_in = int(input_ids.shape[1])
        greedy = request.temperature <= 0
        gen_kwargs: dict[str, Any] = {
            "max_new_tokens": self._max_new(request),
            "do_sample": not greedy,
            "pad_token_id": tok.pad_token_id,
        }
        if tok.eos_token_id is not None:
            gen_kwargs["eos_token_id"] = tok.eos_token_id
        if not greedy:
            gen_kwargs.update(temperature=float(request.temperature), top_k=0, top_p=1.0)
        out = []
        for i in range(n):
            torch.manual_seed(int(request.seed) + i)
            t0 = time.monotonic()
            with torch.no_grad():
                seq = model.generate(input_ids=input_ids, attention_mask=attention_mask, **gen_kwargs)
            new_ids = seq[0, n_in:].tolist()
            finish = "stop" if (tok.eos_token_id is not None and new_ids
                                and new_ids[-1] == tok.eos_token_id) else "length"
            out.append(TeacherSample(
                sample_index=i,
                text=tok.decode(new_ids, skip_special_tokens=True),
                input_tokens=n_in,
                output_tokens=len(new_ids),
                latency_s=time.monotonic() - t0,
                finish_reason=finish,
            ))
            self.calls_made += 1
        return out

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
                text=self.tokenizer.decode(list(comp.token_ids), skip_special_tokens=True),
                input_tokens=len(ids),
                output_tokens=len(comp.token_ids),
                latency_s=latency,
                finish_reason=str(comp.finish_reason or ""),
            ))
            self.calls_made += 1
        return out
