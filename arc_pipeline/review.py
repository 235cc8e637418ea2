"""Manual check of edit traces: a stratified sample shown the way a person checks it, and verdicts.

``arc-pipeline review`` draws traces across strata (level x Δr bucket x lint-flagged) so that a
few dozen reads cover every kind of trace, and shows each one with the task's train grids, the
start program and its outputs, the CoT, the edit as a diff, and the outputs after the edit --
as a static HTML page (grids as pictures, ``arc_pipeline.render``) or in the terminal.

Verdicts (``accept`` / ``reject`` / ``note``) go to the ``trace_reviews`` table, keyed like
``edit_traces`` (``traces.TRACE_KEY``) plus the short ``trace_id`` shown on the page; the latest
verdict of a trace counts. The SFT dataset drops every trace whose latest verdict is ``reject``
and reports the review coverage. Programs shown are executed in the sandbox only.
"""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import hashlib
import html
import json
import random
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from arc_pipeline.traces import TRACE_KEY, TRACE_SCHEMA
from arc_pipeline.warehouse import Warehouse

TABLE = "trace_reviews"
VERDICTS = ("accept", "reject", "note")
REVIEW_SCHEMA = {**{k: TRACE_SCHEMA[k] for k in TRACE_KEY}, "trace_id": pl.Utf8, "verdict": pl.Utf8,
                 "note": pl.Utf8, "reviewer": pl.Utf8, "reviewed_at": pl.Datetime("us")}


def trace_id(row: dict) -> str:
    """Short stable id of a trace: a hash of its key columns (what a person types back)."""
    payload = json.dumps([row[k] for k in TRACE_KEY], default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def with_trace_ids(traces: pl.DataFrame) -> pl.DataFrame:
    return traces.with_columns(pl.Series("trace_id", [trace_id(r) for r in traces.select(TRACE_KEY).iter_rows(named=True)],
                                         pl.Utf8))


def delta_bucket(delta_r: float | None) -> str:
    """Δr stratum: the trace failed to score, did not improve, or improved."""
    if delta_r is None:
        return "unscored"
    return "improved" if delta_r > 0 else "not-improved"


def stratified_sample(traces: pl.DataFrame, n: int, seed: int = 0, exclude: set[str] | None = None) -> pl.DataFrame:
    """Up to ``n`` traces, round-robin over (level, Δr bucket, flagged) strata in random order.

    Why round-robin: the rare strata (a flagged improving level-5 edit) are the ones worth reading,
    and proportional sampling would almost never show them. ``exclude``: trace ids already reviewed.
    """
    rows = [r for r in with_trace_ids(traces).iter_rows(named=True) if r["trace_id"] not in (exclude or set())]
    strata: dict[tuple, list[dict]] = {}
    for r in rows:
        key = (r["difficulty_level"], delta_bucket(r["delta_r"]), bool(r.get("lint_flags")))
        strata.setdefault(key, []).append(r)
    rng = random.Random(seed)
    order = sorted(strata)
    for key in order:
        rng.shuffle(strata[key])
    picked: list[dict] = []
    while len(picked) < n and any(strata.values()):
        for key in order:
            if strata[key] and len(picked) < n:
                picked.append(strata[key].pop())
    schema = {**traces.schema, "trace_id": pl.Utf8}
    return pl.DataFrame(picked, schema=schema) if picked else with_trace_ids(traces).clear()


# -- verdicts ------------------------------------------------------------------------------------

class ReviewError(ValueError):
    """A verdict that cannot be stored: unknown trace id or verdict; the message names it."""


def _trace_keys(wh: Warehouse) -> dict[str, dict]:
    keys = ", ".join(f'"{k}"' for k in TRACE_KEY)
    frame = wh.read(f"select {keys} from edit_traces") if wh.has_table("edit_traces") else pl.DataFrame()
    return {trace_id(r): r for r in frame.iter_rows(named=True)}


def record_verdicts(wh: Warehouse, verdicts: list[dict], reviewer: str = "") -> int:
    """Store ``[{trace_id, verdict, note}]``; every one is checked before anything is written."""
    known = _trace_keys(wh)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = []
    for i, v in enumerate(verdicts):
        tid, verdict = str(v.get("trace_id", "")), str(v.get("verdict", "")).strip().lower()
        where = v.get("_where", f"verdict {i + 1}")
        if verdict not in VERDICTS:
            raise ReviewError(f"{where}: verdict must be one of {VERDICTS}, got {v.get('verdict')!r}")
        if tid not in known:
            raise ReviewError(f"{where}: no trace with id {tid!r} in edit_traces")
        rows.append({**known[tid], "trace_id": tid, "verdict": verdict, "note": str(v.get("note") or ""),
                     "reviewer": reviewer, "reviewed_at": now})
    if rows:
        wh.append_rows(TABLE, pl.DataFrame(rows, schema=REVIEW_SCHEMA))
    return len(rows)


def read_verdicts_file(path: str | Path) -> list[dict]:
    """Verdicts from a JSONL file (one ``{"trace_id", "verdict", "note"}`` per line, as the review
    page's template); lines whose verdict is still empty are skipped."""
    path = Path(path)
    out = []
    try:
        lines = path.read_text().splitlines()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read verdicts file: {exc.strerror or exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReviewError(f"{path}:{n}: not a JSON object: {exc.msg}") from None
        if not isinstance(item, dict):
            raise ReviewError(f"{path}:{n}: not a JSON object")
        if not str(item.get("verdict") or "").strip():
            continue
        out.append({**item, "_where": f"{path}:{n}"})
    return out


def latest_verdicts(wh: Warehouse) -> pl.DataFrame:
    """The latest verdict per trace (key columns + trace_id, verdict, note); empty without reviews."""
    if not wh.has_table(TABLE):
        return pl.DataFrame(schema=REVIEW_SCHEMA)
    frame = wh.read(TABLE).sort("reviewed_at")
    return frame.unique(subset=TRACE_KEY, keep="last", maintain_order=True)


def rejected_traces(wh: Warehouse) -> pl.DataFrame:
    """Key columns of traces whose latest accept/reject verdict is ``reject`` (a ``note`` keeps it)."""
    frame = latest_verdicts(wh)
    if wh.has_table(TABLE):
        decided = wh.read(TABLE).filter(pl.col("verdict") != "note").sort("reviewed_at")
        frame = decided.unique(subset=TRACE_KEY, keep="last", maintain_order=True)
    return frame.filter(pl.col("verdict") == "reject").select(TRACE_KEY)


def review_coverage(wh: Warehouse, sft_keys: pl.DataFrame | None = None) -> dict:
    """How much of ``edit_traces`` (and of the SFT rows, given their keys) a person has reviewed."""
    total = wh.scalar("select count(*) from edit_traces") if wh.has_table("edit_traces") else 0
    latest = latest_verdicts(wh)
    counts = {v: int(latest.filter(pl.col("verdict") == v).height) for v in VERDICTS}
    out = {"traces": int(total or 0), "reviewed": latest.height, **{f"verdict_{k}": v for k, v in counts.items()},
           "reviewed_fraction": round(latest.height / total, 4) if total else 0.0}
    if sft_keys is not None:  # sft_examples keep only part of the key: match on what they have
        on = [k for k in TRACE_KEY if k in sft_keys.columns]
        reviewed = sft_keys.join(latest.select(on).unique().cast(sft_keys.select(on).schema),
                                 on=on, how="semi", nulls_equal=True).height if latest.height else 0
        out["sft_rows"] = sft_keys.height
        out["sft_rows_reviewed"] = reviewed
    return out


# -- showing a trace -----------------------------------------------------------------------------

@dataclass
class ShownTrace:
    """Everything the page shows for one trace."""

    row: dict
    train: list[tuple]  # (input, expected output)
    before: list  # start program's output per train input (None when it failed)
    after: list  # edited program's output per train input ([] when there is no edited program)
    diff: str


def program_diff(start: str, edited: str | None) -> str:
    """Unified diff start -> edited program (``edited`` None: the answer had no program)."""
    if not edited:
        return "(no edited program)"
    return "".join(difflib.unified_diff(start.splitlines(True), edited.splitlines(True),
                                        "start program", "edited program")) or "(no change)"


def prepare(sample: pl.DataFrame, tasks: dict, executor) -> list[ShownTrace]:
    """Run start and edited programs on the train inputs (in the sandbox) for every sampled trace."""
    shown = []
    for r in sample.iter_rows(named=True):
        task = tasks.get(r["task_id"])
        if task is None:
            raise ReviewError(f"trace {r['trace_id']}: task {r['task_id']!r} is not in the warehouse's train tasks")
        inputs = list(task.train_inputs)
        before = [x.output if x.status == "ok" else None for x in executor.run(r["start_program"], inputs)]
        after = ([x.output if x.status == "ok" else None for x in executor.run(r["edited_program"], inputs)]
                 if r["edited_program"] else [])
        shown.append(ShownTrace(r, [(p.input, p.output) for p in task.train], before, after,
                                program_diff(r["start_program"], r["edited_program"])))
    return shown


def _summary(r: dict) -> str:
    dr = "n/a" if r["delta_r"] is None else f"{r['delta_r']:+.3f}"
    flags = ", ".join(r.get("lint_flags") or []) or "none"
    return (f"{r['trace_id']} · {r['task_id']} · {r['difficulty_level']} · {r['teacher']}/{r['model']} · "
            f"status {r['status']} · Δr {dr} · lint flags: {flags}")


def render_html(shown: list[ShownTrace], title: str = "edit trace review") -> str:
    """A self-contained HTML page (grids as inline PNGs) with the verdict command per trace."""
    from arc_pipeline.render import grids_png

    parts = [f"<!doctype html><meta charset='utf-8'><title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}pre{background:#f4f4f4;padding:8px;"
             "white-space:pre-wrap}section{border-top:2px solid #888;margin-top:24px}</style>",
             f"<h1>{html.escape(title)}</h1><p>{len(shown)} traces. Record a verdict with "
             "<code>arc-pipeline review --verdict TRACE_ID accept|reject|note --note '...'</code> or fill in "
             "<code>verdicts.jsonl</code> next to this page and run <code>arc-pipeline review --import verdicts.jsonl</code>.</p>"]
    for s in shown:
        r = s.row
        grid_rows = []
        for i, (inp, out) in enumerate(s.train):
            row = [(f"input {i}", inp), (f"expected {i}", out), (f"start output {i}", s.before[i])]
            if s.after:
                row.append((f"edited output {i}", s.after[i]))
            grid_rows.append(row)
        png = base64.b64encode(grids_png(grid_rows)).decode()
        notes = json.loads(r.get("lint_notes") or "{}")
        parts += [f"<section id='{r['trace_id']}'><h2>{html.escape(_summary(r))}</h2>",
                  f"<img alt='train grids' src='data:image/png;base64,{png}'>",
                  "<h3>start program</h3><pre>" + html.escape(r["start_program"]) + "</pre>",
                  f"<h3>CoT ({r['thinking_tokens']} tokens)</h3><pre>" + html.escape(r["cot"] or "(none)") + "</pre>",
                  "<h3>lint</h3><pre>" + html.escape(json.dumps(notes, indent=1) if notes else "no flags") + "</pre>",
                  "<h3>edit</h3><pre>" + html.escape(s.diff) + "</pre>",
                  f"<p><code>arc-pipeline review --verdict {r['trace_id']} reject --note '...'</code></p></section>"]
    return "\n".join(parts)


def _grid_text(grid) -> list[str]:
    if grid is None:
        return ["(failed)"]
    return ["".join(str(c) for c in row) for row in grid]


def render_text(shown: list[ShownTrace]) -> str:
    """The same content for a terminal: grids as digit rows side by side."""
    out = []
    for s in shown:
        r = s.row
        out += ["=" * 100, _summary(r), ""]
        for i, (inp, exp) in enumerate(s.train):
            cols = [("input", inp), ("expected", exp), ("start out", s.before[i])]
            if s.after:
                cols.append(("edited out", s.after[i]))
            blocks = [[name] + _grid_text(g) for name, g in cols]
            width = [max(len(x) for x in b) + 3 for b in blocks]
            height = max(len(b) for b in blocks)
            out.append(f"train example {i}")
            for k in range(height):
                out.append("".join((b[k] if k < len(b) else "").ljust(w) for b, w in zip(blocks, width)).rstrip())
        out += ["", "start program:", r["start_program"].rstrip(), "", f"CoT ({r['thinking_tokens']} tokens):",
                (r["cot"] or "(none)").rstrip(), "", "lint: " + (r.get("lint_notes") or "{}"), "", "edit:",
                s.diff.rstrip(), "", f"verdict: arc-pipeline review --verdict {r['trace_id']} accept|reject|note"]
    return "\n".join(out)


def verdicts_template(shown: list[ShownTrace]) -> str:
    """JSONL lines to fill in (``verdict`` left empty: skipped on import until decided)."""
    return "".join(json.dumps({"trace_id": s.row["trace_id"], "verdict": "", "note": ""}) + "\n" for s in shown)
