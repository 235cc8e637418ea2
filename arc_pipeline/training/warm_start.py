"""Warm start for the tiny model: causal-LM steps over DSL programs and repair pairs before SFT.

Why: a random-init model given ~150 SFT rows learns the CoT template but no program syntax (0
valid programs in GRPO and eval). Two kinds of documents teach it the DSL and the edit format
first, from *training* tasks only (the caller keeps held-out tasks out):

* **programs** -- every verified solver program, as the ``# rule:`` + program python block the
  completions use (loss on the whole document);
* **repair pairs** -- a corrupted verified solution (the same documented mutations as the
  baselines, :func:`arc_pipeline.baselines.corrupted_candidates`) in the student prompt, and as
  completion a CoT written from the observed diff only plus the verified program, which
  reproduces every train output, so its ``# rule:`` comment is true. Loss on the completion only,
  exactly like SFT. They are the same task as the SFT rows (see the edit, copy the program,
  change what differs) with ~10x more rows. Tasks with a short verified program also get one
  pair from the empty program, the start of every held-out task at evaluation time.

Documents are ``{"prompt": str | None, "completion": str}``; ``prompt=None`` is a plain text.
The caller keeps held-out tasks out (``stages.inputs.warm_start_documents``). Content-addressed: the output directory ``<base>-warm-<hash>`` covers the base model, the
documents and the settings, so an unchanged run reuses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

WARM_VERSION = "warm-v3"  # bump when the procedure below changes (v3: length-bucketed batches)
BUCKET_BATCHES = 32  # batches per length bucket: documents of similar length share a batch

Document = dict[str, Any]


def program_documents(programs: Sequence[tuple[str, str | None]]) -> list[Document]:
    """Plain documents: each verified program (comments stripped) under its ``# rule:``."""
    from arc_pipeline.dataset import program_block
    from arc_pipeline.program import strip_comments

    return [{"prompt": None, "completion": program_block(strip_comments(p), rule)} for p, rule in programs]


def diff_cot(diffs: Sequence[str]) -> str:
    """A CoT written from the observed diff only (never from the answer): which examples are
    wrong and how, then the plan.

    >>> diff_cot(["correct", "3/9 cells wrong"])
    'ex1: 3/9 cells wrong.\\nex0 is right; change the program where ex1 goes wrong.'
    """
    wrong = [f"ex{i}: {d}." for i, d in enumerate(diffs) if d != "correct"]
    right = [f"ex{i}" for i, d in enumerate(diffs) if d == "correct"]
    plan = (f"{', '.join(right)} {'is' if len(right) == 1 else 'are'} right; change the program where "
            f"{', '.join(w.split(':')[0] for w in wrong)} {'goes' if len(wrong) == 1 else 'go'} wrong.") if right \
        else "Every example is wrong; change the program's main step."
    return "\n".join(wrong + [plan])


SHORT_PROGRAM_STEPS = 3  # verified programs this short also get a repair pair from the empty program


def body_steps(program: str) -> int:
    """Statements in ``solve``'s body, ``return`` included (``def solve(I): O = f(I); return O`` -> 2)."""
    import ast

    tree = ast.parse(program)
    return sum(len(node.body) for node in tree.body if isinstance(node, ast.FunctionDef))


def repair_documents(tasks: Mapping[str, Any], solutions: Mapping[str, tuple[str, str | None]], executor: Any,
                     render_prompt: Callable[..., str], per_task: int = 2, seed: int = 0) -> list[Document]:
    """Repair pairs (module docstring) for every task with a verified solution.

    ``solutions``: task id -> (program, rule). ``render_prompt(train_pairs, program, outcomes)``
    is the student prompt. Corruptions that still reach train reward 1.0 are skipped. Tasks whose
    verified program has at most ``SHORT_PROGRAM_STEPS`` steps also get a pair starting from the
    empty program (``identity``), the start every held-out task has at evaluation time: a short
    rule is learnable from its diff ("wrong shape 3x3, want 9x9" -> an upscale).
    """
    from arc_pipeline.baselines import EMPTY_PROGRAM, corrupted_candidates
    from arc_pipeline.dataset import student_completion
    from arc_pipeline.program import strip_comments
    from arc_pipeline.prompts import ExampleOutcome, compact_diff

    jobs = []
    for task_id in sorted(solutions):
        if task_id not in tasks:
            continue
        program, rule = solutions[task_id]
        for corrupted, _ in corrupted_candidates(task_id, program, per_task, seed)[: per_task * 2]:
            jobs.append((task_id, corrupted, strip_comments(program), rule))
        if body_steps(strip_comments(program)) <= SHORT_PROGRAM_STEPS:
            jobs.append((task_id, EMPTY_PROGRAM, strip_comments(program), rule))
    results = executor.run_many([(c, list(tasks[t].train_inputs)) for t, c, _, _ in jobs])
    docs, per = [], {}
    for (task_id, corrupted, program, rule), res in zip(jobs, results):
        task = tasks[task_id]
        outcomes = [ExampleOutcome(r.status, r.output, r.error) for r in res]
        diffs = [compact_diff(o.output, p.output, o.status) for o, p in zip(outcomes, task.train)]
        from_empty = corrupted == EMPTY_PROGRAM
        if all(d == "correct" for d in diffs) or (not from_empty and per.get(task_id, 0) >= per_task):
            continue
        per[task_id] = per.get(task_id, 0) + (0 if from_empty else 1)
        prompt = render_prompt([(p.input, p.output) for p in task.train], corrupted, outcomes)
        docs.append({"prompt": prompt, "completion": student_completion(diff_cot(diffs), program, rule or "")})
    return docs


def warm_fingerprint(base_dir: Path, documents: Sequence[Document], steps: int, lr: float, batch_size: int,
                     seed: int, max_tokens: int, autocast: str | None = None) -> str:
    """Hash of everything the warm-started weights depend on."""
    h = hashlib.sha256(f"{WARM_VERSION}|{Path(base_dir).name}|{steps}|{lr}|{batch_size}|{seed}|{max_tokens}"
                       f"{'|' + autocast if autocast else ''}".encode())
    for doc in documents:
        h.update(json.dumps(doc, sort_keys=True).encode())
        h.update(b"\0")
    return h.hexdigest()[:12]


def encode_document(tokenizer: Any, doc: Document) -> tuple[list[int], list[int]]:
    """``(input_ids, labels)``: a chat document is the SFT text (prompt turn + assistant turn),
    labelled on the assistant turn only; a plain document is labelled whole."""
    from arc_pipeline.training.tiny_model import generation_text

    if doc.get("prompt") is None:
        ids = tokenizer(doc["completion"], add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
        return ids, list(ids)
    head = tokenizer(generation_text(tokenizer, doc["prompt"]), add_special_tokens=False)["input_ids"]
    tail = tokenizer(doc["completion"], add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
    return head + tail, [-100] * len(head) + tail


def bucketed_batches(lengths: Sequence[int], batch_size: int, rng: random.Random,
                     bucket_batches: int = BUCKET_BATCHES):
    """Endless batches of document indices: each epoch is a fresh shuffle, cut into buckets of
    ``bucket_batches`` batches whose documents are sorted by length, so a batch pads to a
    length close to its own documents' (random batches of the default documents were 23%
    padding, bucketed ones 2%); batch order is shuffled within the epoch. Every document is
    seen once per epoch.

    >>> b = bucketed_batches([5, 1, 4, 2, 3, 6], 2, random.Random(0), bucket_batches=3)
    >>> sorted(i for _ in range(3) for i in next(b))
    [0, 1, 2, 3, 4, 5]
    """
    batch_size = max(1, min(batch_size, len(lengths)))
    size = batch_size * max(1, bucket_batches)
    while True:
        order = rng.sample(range(len(lengths)), len(lengths))
        batches = []
        for start in range(0, len(order), size):
            bucket = sorted(order[start:start + size], key=lambda i: lengths[i])
            batches += [bucket[j:j + batch_size] for j in range(0, len(bucket), batch_size)]
        rng.shuffle(batches)
        yield from batches


def as_document(doc: Document | str) -> Document:
    """A plain string is a plain document (the whole text is learned)."""
    return {"prompt": None, "completion": doc} if isinstance(doc, str) else doc


def warm_start(base_dir: Path, documents: Sequence[Document | str], steps: int, lr: float = 1e-3,
               batch_size: int = 16, seed: int = 0, max_tokens: int = 512, threads: int | None = None,
               autocast: str | None = None) -> Path:
    """Train the model in ``base_dir`` on ``documents`` (module docstring); returns the new
    directory (a sibling named ``<base>-warm-<hash>``), or ``base_dir`` itself when steps <= 0.
    Documents longer than ``max_tokens`` are left out (counted in ``warm_start.json``).
    Batches are length-bucketed (:func:`bucketed_batches`); ``autocast="bfloat16"`` trains
    under CPU bf16 autocast where the CPU supports it (:func:`~arc_pipeline.training.common.cpu_autocast`; fp32 master
    weights), recorded in ``warm_start.json``."""
    import torch
    from tqdm.auto import tqdm

    from arc_pipeline.training.common import cpu_autocast
    from arc_pipeline.training.tiny_model import load_model_and_tokenizer, save_tokenizer

    base_dir = Path(base_dir)
    if steps <= 0:
        return base_dir
    documents = [as_document(d) for d in documents]
    if not documents:
        raise ValueError("warm_start needs at least one document (verified programs of training tasks)")
    precision = cpu_autocast(autocast)
    fp = warm_fingerprint(base_dir, documents, steps, lr, batch_size, seed, max_tokens, precision)
    target = base_dir.parent / f"{base_dir.name}-warm-{fp}"
    if (target / "warm_start.json").exists():
        return target

    if threads:
        torch.set_num_threads(int(threads))
    model, tokenizer = load_model_and_tokenizer(base_dir)
    encoded = [encode_document(tokenizer, d) for d in documents]
    kept = [e for e in encoded if len(e[0]) <= max_tokens]
    if not kept:
        raise ValueError(f"no warm-start document fits {max_tokens} tokens")
    rng = random.Random(seed)
    torch.manual_seed(seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / 10) * max(0.1, 1 - s / steps))
    model.train()
    losses: list[float] = []
    tokens = padded = 0
    start = time.perf_counter()
    batches = bucketed_batches([len(ids) for ids, _ in kept], batch_size, rng)
    for _ in tqdm(range(steps), desc="warm start (programs + repairs)", unit="step"):
        batch = [kept[i] for i in next(batches)]
        width = max(len(ids) for ids, _ in batch)
        input_ids = torch.full((len(batch), width), tokenizer.pad_token_id)
        labels = torch.full((len(batch), width), -100)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for i, (ids, labs) in enumerate(batch):
            input_ids[i, : len(ids)] = torch.tensor(ids)
            labels[i, : len(ids)] = torch.tensor(labs)
            mask[i, : len(ids)] = 1
        tokens += int(mask.sum())
        padded += mask.numel()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision is not None):
            loss = model(input_ids=input_ids, attention_mask=mask, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        losses.append(round(float(loss.item()), 4))
    model.eval()
    seconds = time.perf_counter() - start

    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(str(tmp))
    save_tokenizer(tokenizer, tmp)
    if (base_dir / "tiny_build.json").exists():  # keep the base model's build record next to the weights
        shutil.copy(base_dir / "tiny_build.json", tmp / "tiny_build.json")
    (tmp / "warm_start.json").write_text(json.dumps({
        "version": WARM_VERSION, "base_model": str(base_dir), "documents": len(documents),
        "documents_used": len(kept), "chat_documents": sum(d.get("prompt") is not None for d in documents),
        "steps": steps, "learning_rate": lr, "batch_size": batch_size, "seed": seed, "max_tokens": max_tokens,
        "autocast": precision, "padding_fraction": round(1 - tokens / max(padded, 1), 4),
        "loss_first": losses[0], "loss_last": losses[-1], "losses": losses,
        "tokens": tokens, "seconds": round(seconds, 1), "tokens_per_s": round(tokens / max(seconds, 1e-9), 1),
    }, indent=1))
    try:
        tmp.rename(target)
    except OSError:  # built concurrently by another process: keep theirs
        shutil.rmtree(tmp, ignore_errors=True)
    return target
