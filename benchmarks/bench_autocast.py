"""Benchmark: the warm start's step cost -- fp32 vs CPU bf16 autocast, random vs length-bucketed batches.

Why: the warm start is the embedded default's longest stage and the student's validity grows with
its steps, so a cheaper step buys more of them within the 15-minute budget. Two independent
levers are measured in ONE run, interleaved, so the ratios hold on a noisy shared machine:

* ``model.cpu_autocast: bfloat16`` -- forward/backward under ``torch.autocast("cpu", bfloat16)``
  (fp32 master weights); only where oneDNN reports native bf16 (``training.common.cpu_autocast``);
* length-bucketed batches (``training.warm_start.bucketed_batches``) -- less padding per batch.

Documents are token lengths drawn like the default warm start's (20-450 tokens, mean ~300);
the model is the default tiny architecture. Prints JSON: median s per step and padding
fraction per variant, and each step time as a ratio to ``fp32/random``.

Run: ``.venv/bin/python benchmarks/bench_autocast.py [--steps 6] [--repeats 3]``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path


def build_model(tmp: Path):
    from arc_pipeline.config import ModelConfig
    from arc_pipeline.solutions import load_solutions
    from arc_pipeline.training.tiny_model import build_tiny_model, load_model_and_tokenizer

    cfg = ModelConfig(tiny_vocab_size=2304, max_length=768)
    return load_model_and_tokenizer(build_tiny_model(cfg, list(load_solutions().values())[:200], tmp))[0]


def random_batches(lengths: list[int], batch_size: int, rng: random.Random):
    """The warm start's batches before bucketing: a shuffled epoch cut in order."""
    while True:
        order = rng.sample(range(len(lengths)), len(lengths))
        yield from (order[i:i + batch_size] for i in range(0, len(order), batch_size))


def run_steps(model, lengths: list[int], batches, steps: int, bf16: bool) -> tuple[float, float]:
    """(median s per step, padding fraction) over ``steps`` optimizer steps."""
    import torch

    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    times, real, padded = [], 0, 0
    for _ in range(steps):
        batch = next(batches)
        width = max(lengths[i] for i in batch)
        x = torch.randint(0, model.config.vocab_size, (len(batch), width))
        mask = torch.zeros_like(x)
        for row, i in enumerate(batch):
            mask[row, : lengths[i]] = 1
        real, padded = real + int(mask.sum()), padded + mask.numel()
        t0 = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            loss = model(input_ids=x, attention_mask=mask, labels=x.masked_fill(mask == 0, -100)).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), 1 - real / padded


def main() -> None:
    from arc_pipeline.training.common import cpu_autocast
    from arc_pipeline.training.warm_start import bucketed_batches

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=6, help="optimizer steps per variant per repeat")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved rounds over all variants")
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()

    rng = random.Random(0)
    lengths = [min(450, max(20, int(rng.gauss(300, 90)))) for _ in range(1700)]
    native = cpu_autocast("bfloat16") is not None
    variants = [("fp32/random", False, False), ("fp32/bucketed", False, True)]
    if native:
        variants += [("bf16/random", True, False), ("bf16/bucketed", True, True)]
    with tempfile.TemporaryDirectory() as tmp:
        model = build_model(Path(tmp))
        model.train()
        results: dict[str, list] = {name: [] for name, _, _ in variants}
        for repeat in range(args.repeats):
            for name, bf16, bucketed in variants:
                seed = random.Random(repeat)
                batches = (bucketed_batches(lengths, args.batch_size, seed) if bucketed
                           else random_batches(lengths, args.batch_size, seed))
                results[name].append(run_steps(model, lengths, batches, args.steps, bf16))
    base = statistics.median(s for s, _ in results["fp32/random"])
    report = {"native_bf16": native, "batch_size": args.batch_size, "steps": args.steps, "repeats": args.repeats,
              "variants": {name: {"s_per_step": round(statistics.median(s for s, _ in runs), 4),
                                  "padding_fraction": round(statistics.median(p for _, p in runs), 4),
                                  "time_ratio_to_fp32_random": round(statistics.median(s for s, _ in runs) / base, 3)}
                           for name, runs in results.items()}}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
