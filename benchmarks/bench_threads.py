"""Benchmark: torch intra-op threads for the tiny model -- decode and training step, 1 vs N threads.

Why: on a loaded 2-vCPU machine 1 thread decoded 6-19x faster than 2, on an idle one 2 may win
for training. The choice is configuration (``model.torch_threads``); this measures both in ONE
run, alternating, so the ratio is meaningful even when the machine is noisy.

Run: ``.venv/bin/python benchmarks/bench_threads.py [--threads 1,2] [--repeats 3]``. Prints JSON:
per thread count the median ms per decoded token (batch 8, KV cache on) and s per training step
(batch 8 x 256 tokens, forward + backward + AdamW), and each as a ratio to the first count.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path


def build_model(tmp: Path):
    from arc_pipeline.config import ModelConfig
    from arc_pipeline.solutions import load_solutions
    from arc_pipeline.training.tiny_model import build_tiny_model, load_model_and_tokenizer

    cfg = ModelConfig(tiny_vocab_size=3072, max_length=768)
    path = build_tiny_model(cfg, list(load_solutions().values())[:200], tmp)
    return load_model_and_tokenizer(path)


def decode_ms_per_token(model, tok, new_tokens: int = 48, batch: int = 8) -> float:
    import torch

    ids = tok(["def solve(I):\n    O = identity(I)\n    return O\n"] * batch, return_tensors="pt")
    t0 = time.perf_counter()
    with torch.no_grad():
        model.generate(**ids, max_new_tokens=new_tokens, min_new_tokens=new_tokens, do_sample=True,
                       pad_token_id=tok.pad_token_id)
    return 1000 * (time.perf_counter() - t0) / new_tokens


def train_step_s(model, batch: int = 8, length: int = 256) -> float:
    import torch

    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    x = torch.randint(0, model.config.vocab_size, (batch, length))
    t0 = time.perf_counter()
    loss = model(input_ids=x, labels=x).loss
    loss.backward()
    opt.step()
    opt.zero_grad()
    return time.perf_counter() - t0


def main() -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts to compare")
    parser.add_argument("--repeats", type=int, default=3, help="alternating repeats per thread count")
    args = parser.parse_args()
    counts = [int(x) for x in args.threads.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        model, tok = build_model(Path(tmp))
        decode = {n: [] for n in counts}
        train = {n: [] for n in counts}
        for _ in range(args.repeats):
            for n in counts:  # alternate, so load drifts hit every count alike
                torch.set_num_threads(n)
                decode[n].append(decode_ms_per_token(model, tok))
                train[n].append(train_step_s(model))
    base = counts[0]
    out = {}
    for n in counts:
        d, t = statistics.median(decode[n]), statistics.median(train[n])
        out[str(n)] = {"decode_ms_per_token": round(d, 2), "train_step_s": round(t, 3),
                       "decode_ratio_vs_first": round(d / statistics.median(decode[base]), 3),
                       "train_ratio_vs_first": round(t / statistics.median(train[base]), 3)}
    print(json.dumps({"threads": out, "repeats": args.repeats, "torch": torch.__version__}, indent=1))


if __name__ == "__main__":
    main()
