"""The student probe: before GRPO's first round, the SFT student edits every prompt row a few
times, so the curriculum starts from what *the student* can do rather than from the baselines.

Why: GRPO's advantage is relative within a group. On a task where none of the student's edits
ever improves its start (Δr > 0), a group can only teach the student to fail less (write a
program that runs, change less) -- never a rule. The baseline difficulty levels do not say
where those tasks are: measured on the default slice, the SFT student improved no level-1 task
in 8 samples each, but tasks at levels 2-5. The probe's visits go into the curriculum (source
``"probe"``, round 0) as the student's own rewards, so the round-1 decisions (and the levels the
``min_learning_tasks`` rule opens) rest on them.

The samples are drawn like GRPO's (``grpo.temperature`` / ``grpo.top_p``; completion budget
``k x B`` thinking tokens + ``program_tokens`` for a level-k row) and scored by the GRPO reward
itself (:func:`arc_pipeline.rewards.trl.make_trl_reward`, through
:func:`arc_pipeline.training.grpo.logged_reward`), so a probe visit has exactly the fields of a
GRPO visit. Content-addressed: ``<out>/probe/visits.jsonl`` is reused while the rows, model,
sampling settings and seed are unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

PROBE_DIR = "probe"
PROBE_VERSION = 1


def probe_rows(rows: Sequence[dict], proposer: Any, samples: int, seed: int,
               budget_of: Callable[[str | None], int], program_tokens: int, max_completion_length: int,
               reward_fn: Callable[..., list[float]], log: list[dict]) -> None:
    """``samples`` completions per row from ``proposer`` (a
    :class:`~arc_pipeline.evaluation.refine.ModelProposer`), scored by ``reward_fn`` (a
    :func:`~arc_pipeline.training.grpo.logged_reward` that appends one visit per completion to
    ``log``). Rows are batched by their completion budget."""
    by_budget: dict[int, list[dict]] = {}
    for row in rows:
        think = int(budget_of(row.get("difficulty_level")))
        by_budget.setdefault(min(max_completion_length, think + program_tokens), []).append(
            {**row, "thinking_budget": think, "variant_id": row.get("variant_id")})
    for tokens, group in sorted(by_budget.items()):
        proposer.max_new_tokens = tokens
        texts = proposer.propose([(None, r["start_program"], r["prompt"]) for r in group], samples, seed)
        flat = [(r, t) for r, outs in zip(group, texts) for t in outs]
        if not flat:
            continue
        columns = ("task_id", "task_json", "start_program", "reward_before", "thinking_budget", "variant_id")
        reward_fn([t for _, t in flat], **{c: [r[c] for r, _ in flat] for c in columns})


def probe_student(rows: Sequence[dict], model_dir: Path, out_dir: Path, samples: int, seed: int,
                  make_proposer: Callable[[Path], Any], budget_of: Callable[[str | None], int],
                  program_tokens: int, max_completion_length: int, reward_config: Any,
                  settings: Any = None, noop_fails: bool = False) -> list[dict]:
    """The probe's visits (module docstring), read back from ``<out_dir>/probe`` when a probe
    with the same fingerprint finished there. ``settings``: anything else the samples depend on
    (the sampler's temperature, top_p, ...), for the fingerprint. ``noop_fails``: as GRPO's
    reward (``grpo.noop_edits_fail``)."""
    from arc_pipeline.rewards.trl import make_trl_reward
    from arc_pipeline.training.common import fingerprint, model_identity
    from arc_pipeline.training.grpo import VISITS_FILE, logged_reward, read_visits

    if samples <= 0 or not rows:
        return []
    keyed = [{k: r.get(k) for k in ("task_id", "prompt", "task_json", "start_program", "reward_before",
                                      "difficulty_level")} for r in rows]
    budgets = sorted({int(budget_of(r["difficulty_level"])) for r in keyed})
    fp = fingerprint(PROBE_VERSION, keyed, samples, seed, model_identity(model_dir), budgets, program_tokens,
                     max_completion_length, reward_config, settings, noop_fails)
    where = Path(out_dir) / PROBE_DIR
    done = where / "probe.json"
    if done.exists() and json.loads(done.read_text()).get("fingerprint") == fp:
        return read_visits(where)
    log: list[dict] = []
    proposer = make_proposer(model_dir)
    try:
        probe_rows(rows, proposer, samples, seed, budget_of, program_tokens, max_completion_length,
                   logged_reward(make_trl_reward(config=reward_config, noop_fails=noop_fails), log), log)
    finally:
        release = getattr(proposer, "release", None)
        if release:
            release()
    where.mkdir(parents=True, exist_ok=True)
    tmp = where / (VISITS_FILE + ".tmp")
    tmp.write_text("".join(json.dumps(v, default=str) + "\n" for v in log))
    tmp.replace(where / VISITS_FILE)
    done.write_text(json.dumps({"fingerprint": fp, "visits": len(log), "samples": samples}))
    return log
