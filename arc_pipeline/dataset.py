"""The SFT dataset: filter edit traces into `prompt` / `completion` rows.

Selection (the seed's recipe):
1. reject Δr <= 0 and anything that did not parse/validate;
2. per (task, start program) keep the top ``k`` (3) by Δr; among samples whose Δr is within
   ``eps`` of the best remaining one, prefer the sample that solves the most train examples
   not yet covered by the samples already kept (greedy cover);
3. at most ``max_per_task`` (10) rows per task, best Δr first;
4. drop duplicate (prompt, completion) pairs (identical answers are merged before step 2 too,
   so copies do not take several of the k slots);
5. never a held-out (evaluation) task — checked, not assumed.

Row format: prompt = the edit prompt without the DSL reference; completion =
``<think>{clean CoT}</think>`` + the program in a python block with its comments.

CoT cleaning rules (``clean_cot``): drop the ``[search-written]`` label (kept as a column),
drop filler openers ("Okay,", "Hmm,", "Let me think", "Let's see"), drop exact repeated
lines, collapse runs of spaces, cap at ``max_cot_chars`` at a line boundary.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Callable, Iterable

import polars as pl

from arc_pipeline.prompts import to_student_prompt
from arc_pipeline.rewards.edit import USABLE_STATUSES

TOP_K = 3
MAX_PER_TASK = 10
EPS = 1e-6
MAX_COT_CHARS = 2000
_FILLER = re.compile(r"^(okay|ok|hmm+|so|well|alright)[,.!]?\s+|^(let me think|let's see|let me see)[.,:!]*\s*", re.IGNORECASE)

SFT_SCHEMA = {
    "task_id": pl.Utf8, "start_id": pl.Utf8, "difficulty_level": pl.Utf8, "prompt": pl.Utf8,
    "completion": pl.Utf8, "delta_r": pl.Float64, "reward_before": pl.Float64,
    "reward_after": pl.Float64, "teacher": pl.Utf8, "model": pl.Utf8, "cot_source": pl.Utf8,
    "sample_index": pl.Int64, "seed": pl.Int64, "data_revision": pl.Utf8,
}


def clean_cot(cot: str | None, max_chars: int = MAX_COT_CHARS) -> str:
    """Apply the documented cleaning rules.

    >>> clean_cot("[search-written]\\nOkay, the output is mirrored.\\nThe output is mirrored.\\nSo rows flip.")
    'The output is mirrored.\\nRows flip.'
    """
    if not cot:
        return ""
    lines, seen = [], set()
    for raw in cot.replace("[search-written]", "").splitlines():
        line = re.sub(r"[ \t]+", " ", raw).strip()
        line = _FILLER.sub("", line).strip()
        if line:
            line = line[0].upper() + line[1:]
        if not line or line in seen:
            continue
        seen.add(line)
        lines.append(line)
    out = ""
    for line in lines:
        if len(out) + len(line) + 1 > max_chars:
            break
        out = f"{out}\n{line}" if out else line
    return out


def program_block(program: str, rule: str | None = None) -> str:
    """The program in a python block, opened by a ``# rule:`` comment when it has none."""
    body = program.strip()
    if rule and not body.startswith("#"):
        body = f"# rule: {rule}\n{body}"
    return f"```python\n{body}\n```"


def format_completion(cot: str, program: str, rule: str | None = None) -> str:
    """``<think>CoT</think>`` + the commented program in a python block."""
    return f"<think>{cot}</think>\n{program_block(program, rule)}"


def program_comment(rule: str | None, reward_after: float | None, solved: frozenset[int], n_examples: int | None) -> str:
    """The comment a completion's program carries: honest about what the program reaches.

    The verified rule only when the edit reproduces every train output (train reward 1.0);
    otherwise a partial edit says which train examples it gets right, so no completion ever
    states a rule its program does not implement (the seed's "leaky trace" worry).

    >>> program_comment("Mirror the grid.", 1.0, frozenset({0, 1}), 2)
    'Mirror the grid.'
    >>> program_comment("Mirror the grid.", 0.6, frozenset({1}), 3)
    'partial edit: train examples 1 right (1/3); the rest still differ'
    >>> program_comment("Mirror the grid.", 0.3, frozenset(), None)
    'partial edit: no train example right yet'
    """
    if rule and reward_after is not None and reward_after >= 1.0:
        return rule
    if not solved:
        return "partial edit: no train example right yet"
    count = f" ({len(solved)}/{n_examples})" if n_examples else ""
    return f"partial edit: train examples {', '.join(map(str, sorted(solved)))} right{count}; the rest still differ"


def comment_prefix(comment: str) -> str:
    """``# rule: ...`` for a verified rule, ``# partial edit: ...`` as is."""
    return comment if comment.startswith("partial edit") else f"rule: {comment}"


def _solved(value) -> frozenset[int]:
    if value is None:
        return frozenset()
    return frozenset(json.loads(value) if isinstance(value, str) else value)


def pick_top_k(rows: list[dict], k: int = TOP_K, eps: float = EPS) -> list[dict]:
    """Top-k by Δr with the greedy-cover tie-break (rows of one (task, start) group)."""
    remaining = sorted(rows, key=lambda r: (-r["delta_r"], r["sample_index"], r.get("seed", 0)))
    chosen: list[dict] = []
    covered: set[int] = set()
    while remaining and len(chosen) < k:
        best = remaining[0]["delta_r"]
        tied = [r for r in remaining if best - r["delta_r"] <= eps]
        pick = max(tied, key=lambda r: len(_solved(r.get("examples_solved")) - covered))  # first max wins
        chosen.append(pick)
        covered |= _solved(pick.get("examples_solved"))
        remaining.remove(pick)
    return chosen


def select_examples(traces: pl.DataFrame, held_out: Iterable[str], k: int = TOP_K,
                    max_per_task: int = MAX_PER_TASK, eps: float = EPS) -> pl.DataFrame:
    """Apply rules 1-5 to `edit_traces` rows; returns the kept trace rows (sorted)."""
    held_out = set(held_out)
    ok = traces.filter(
        (pl.col("delta_r") > 0) & pl.col("status").is_in(list(USABLE_STATUSES)) & pl.col("edited_program").is_not_null()
    )
    leaked = set(ok["task_id"].unique().to_list()) & held_out
    if leaked:
        raise ValueError(f"edit traces contain held-out evaluation tasks: {sorted(leaked)[:5]}")
    kept: list[dict] = []
    groups: dict[tuple, list[dict]] = {}
    # identical answers (same prompt, CoT and program, e.g. from another seed) would otherwise
    # take several of the k slots and be deduplicated to one row afterwards (rule 4)
    ok = ok.sort(["task_id", "start_id", "round", "sample_index", "seed"]).unique(
        subset=["task_id", "start_id", "prompt", "cot", "edited_program"], keep="first", maintain_order=True)
    for r in ok.iter_rows(named=True):
        groups.setdefault((r["task_id"], r["start_id"]), []).append(r)
    per_task: dict[str, list[dict]] = {}
    for (task_id, _), rows in sorted(groups.items()):
        per_task.setdefault(task_id, []).extend(pick_top_k(rows, k, eps))
    for task_id in sorted(per_task):
        rows = sorted(per_task[task_id], key=lambda r: (-r["delta_r"], r["start_id"], r["sample_index"]))
        kept.extend(rows[:max_per_task])
    return pl.DataFrame(kept, schema=traces.schema) if kept else traces.clear()


def student_completion(cot: str, program: str, comment: str) -> str:
    """``<think>CoT</think>`` + the program opened by its honest comment (``program_comment``)."""
    from arc_pipeline.program import strip_comments

    body = f"# {comment_prefix(comment)}\n{strip_comments(program).strip()}"
    return f"<think>{cot}</think>\n```python\n{body}\n```"


def build_sft_frame(traces: pl.DataFrame, held_out: Iterable[str], rules: dict[str, str] | None = None,
                    k: int = TOP_K, max_per_task: int = MAX_PER_TASK,
                    student_prompt: Callable[[str, str], str] | None = None,
                    n_examples: dict[str, int] | None = None, max_cot_chars: int = MAX_COT_CHARS) -> pl.DataFrame:
    """The `sft_examples` table (deterministic order, duplicates removed).

    ``student_prompt(task_id, start_program)`` renders the student's prompt (the compact
    :func:`arc_pipeline.prompts.render_student_prompt`); without it the teacher prompt is cut
    down to its task part. The program's comment comes from :func:`program_comment`.
    """
    rules = rules or {}
    kept = select_examples(traces, held_out, k, max_per_task)
    rows = []
    for r in kept.iter_rows(named=True):
        cot = r["cot"] or ""
        comment = program_comment(rules.get(r["task_id"]), r["reward_after"], _solved(r.get("examples_solved")),
                                  (n_examples or {}).get(r["task_id"]))
        prompt = student_prompt(r["task_id"], r["start_program"]) if student_prompt else to_student_prompt(r["prompt"])
        rows.append({
            "task_id": r["task_id"], "start_id": r["start_id"], "difficulty_level": r["difficulty_level"],
            "prompt": prompt,
            "completion": student_completion(clean_cot(cot, max_cot_chars), r["edited_program"], comment),
            "delta_r": r["delta_r"], "reward_before": r["reward_before"], "reward_after": r["reward_after"],
            "teacher": r["teacher"], "model": r["model"],
            "cot_source": "search-written" if "[search-written]" in cot else r["teacher"],
            "sample_index": r["sample_index"], "seed": r["seed"], "data_revision": r["data_revision"],
        })
    frame = pl.DataFrame(rows, schema=SFT_SCHEMA)
    return frame.unique(subset=["prompt", "completion"], keep="first", maintain_order=True)


def dataset_hash(frame: pl.DataFrame) -> str:
    """Content hash of the (prompt, completion) rows in order: same inputs + seed -> same hash."""
    h = hashlib.sha256()
    for prompt, completion in frame.select("prompt", "completion").iter_rows():
        h.update(hashlib.sha256(prompt.encode()).digest())
        h.update(hashlib.sha256(completion.encode()).digest())
    return h.hexdigest()[:16]


def export_hf(frame: pl.DataFrame, path) -> None:
    """Save prompt/completion rows as a HF `datasets` dataset on disk (for trl)."""
    from datasets import Dataset

    Dataset.from_dict({c: frame[c].to_list() for c in ("prompt", "completion", "task_id", "delta_r")}).save_to_disk(str(path))


def drop_flagged_and_rejected(traces: pl.DataFrame, drop_flags: Iterable[str],
                              rejected: pl.DataFrame | None = None) -> tuple[pl.DataFrame, dict[str, int]]:
    """``traces`` without rows carrying any of ``drop_flags`` (``lint_flags``) or rejected by a
    reviewer (``rejected``: rows holding the trace key columns); plus how many each rule removed.

    Why before selection: a flagged or rejected trace must not take one of the top-k slots of
    its start program either. Traces written before the lint (no ``lint_flags``) count as clean.
    """
    from arc_pipeline.config import LINT_FLAGS
    from arc_pipeline.traces import TRACE_KEY

    drop = list(drop_flags)
    unknown = sorted(set(drop) - set(LINT_FLAGS))
    if unknown:
        raise ValueError(f"dataset.drop_lint_flags: unknown lint flags {unknown}; known: {list(LINT_FLAGS)}")
    counts = {"lint_flagged": 0, "review_rejected": 0}
    if drop and "lint_flags" in traces.columns:
        flagged = pl.col("lint_flags").fill_null([]).list.eval(pl.element().is_in(drop)).list.any()
        counts["lint_flagged"] = int(traces.filter(flagged).height)
        traces = traces.filter(~flagged)
    if rejected is not None and rejected.height:
        keys = rejected.select(TRACE_KEY).unique().cast(traces.select(TRACE_KEY).schema)
        before = traces.height
        traces = traces.join(keys, on=TRACE_KEY, how="anti", nulls_equal=True)
        counts["review_rejected"] = before - traces.height
    return traces, counts
