"""The evaluation report: one self-contained HTML file (images inlined as base64 PNG) and a
markdown copy (images as files under ``images/``), written to ``data/reports/<run>/``.

Sections: summary per model (official 2-attempt score, train reward, pixel accuracy, Δr per
round, thinking length); score per difficulty level (table + bar chart); best train reward by
refinement round; Δr histogram; example grids (test input / expected / attempts) for solved
and failed tasks; edit visualisations (unified program diff + train outputs before/after);
published results on ARC-AGI-1 for context (reported elsewhere, NOT reproduced here); the ARC
Prize ``submission.json`` of each model (``submissions/<model>/submission.json``); provenance (git
commit, library versions, data revision, checkpoint hashes, base model id); the run's
configuration, seeds and data revision. ``report.json`` holds the machine-readable summary:
official score per model, submission paths, provenance and the meta block.
"""

from __future__ import annotations

import base64
import difflib
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from arc_pipeline.evaluation.scoring import level_summary, model_summary, task_summary
from arc_pipeline.evaluation.stats import compare_to
from arc_pipeline.evaluation.submission import MISSING_ATTEMPT, write_submissions
from arc_pipeline.render import ARC_COLORS, _plt, grids_png, line_png, png_markdown
from arc_pipeline.tasks import ArcTask

__all__ = ["ReportPaths", "PUBLISHED_RESULTS", "CONTEXT_LABEL", "write_report", "summary_frame"]

CONTEXT_LABEL = "Reported elsewhere, not reproduced here"
PUBLISHED_RESULTS = (
    {"system": "SOAR", "score": "52%",
     "source": 'Pourcel et al., 2025, "Self-Improving Language Models for Evolutionary Program Synthesis"'},
    {"system": "Greenblatt (GPT-4o program sampling)", "score": "42%",
     "source": 'R. Greenblatt, 2024, "Getting 50% (SoTA) on ARC-AGI with GPT-4o" (blog post)'},
    {"system": "BARC induction", "score": "38%",
     "source": 'Li et al., 2024, "Combining Induction and Transduction for Abstract Reasoning"'},
    {"system": "CodeIt", "score": "15%",
     "source": 'Butt et al., 2024, "CodeIt: Self-Improving Language Models with Prioritized Hindsight Replay"'},
)
CONTEXT_NOTE = (
    "Scores on the ARC-AGI-1 public evaluation set as published by their authors, with their own models, "
    "compute budgets and attempt rules. They were not re-run here and are not comparable to this run's "
    "numbers (different task subset, model size and budget); they only give a sense of scale."
)


@dataclass
class ReportPaths:
    """Where the report went, plus small summaries for Dagster metadata."""

    html: Path
    markdown: Path
    images: dict[str, Path] = field(default_factory=dict)
    headline: dict[str, float] = field(default_factory=dict)  # model -> official score
    markdown_snippet: str = ""  # summary table + the per-level chart, inline
    png: Path | None = None  # the per-level chart
    submissions: dict[str, Path] = field(default_factory=dict)  # model -> submissions/<model>/submission.json
    json: Path | None = None  # report.json


# --------------------------------------------------------------------------- charts


def _save(fig) -> bytes:
    import io

    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80)
    _plt().close(fig)
    return buf.getvalue()


def level_bar_png(levels: pl.DataFrame) -> bytes:
    """Grouped bars: official score per difficulty level, one bar per model."""
    plt = _plt()
    models = levels["model"].unique(maintain_order=True).to_list()
    names = sorted(levels["difficulty_level"].unique().to_list())
    fig, ax = plt.subplots(figsize=(max(4.5, 1.1 * len(names) + 2), 3.0))
    width = 0.8 / max(1, len(models))
    for i, model in enumerate(models):
        sub = {r["difficulty_level"]: r for r in levels.filter(pl.col("model") == model).iter_rows(named=True)}
        xs = [j + (i - (len(models) - 1) / 2) * width for j in range(len(names))]
        ys = [100 * sub[n]["score"] if n in sub else 0.0 for n in names]
        ax.bar(xs, ys, width=width, label=model, color=ARC_COLORS[1 + i % 9])
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels([f"{n}\n(n={int(levels.filter(pl.col('difficulty_level') == n)['tasks'].max())})" for n in names],
                       fontsize=7)
    ax.set_ylabel("official score (%)")
    ax.set_ylim(0, 118)
    ax.set_yticks(range(0, 101, 20))
    ax.set_title("Official 2-attempt score per difficulty level", fontsize=10)
    if models:
        ax.legend(fontsize=7, loc="upper center", ncol=min(4, len(models)), frameon=False)
    return _save(fig)


def delta_histogram_png(deltas: Mapping[str, Sequence[float]], bins: int = 20) -> bytes:
    """Overlaid step histograms of Δr per model."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.8, 2.9))
    lo = min((min(v) for v in deltas.values() if v), default=-1.0)
    hi = max((max(v) for v in deltas.values() if v), default=1.0)
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    for i, (model, values) in enumerate(deltas.items()):
        if values:
            ax.hist(list(values), bins=bins, range=(lo, hi), histtype="step", linewidth=1.5, label=model,
                    color=ARC_COLORS[1 + i % 9])
    ax.axvline(0, color="#888888", linewidth=0.8, linestyle="--")
    ax.set_xlabel("Δr = train reward(edit) − train reward(program edited)")
    ax.set_ylabel("edits")
    ax.set_title("Δr of every proposed edit", fontsize=10)
    if deltas:
        ax.legend(fontsize=7)
    return _save(fig)


# --------------------------------------------------------------------------- tables


def _fmt(value: Any, kind: str = "") -> str:
    if value is None:
        return "–"
    if kind == "pct":
        return f"{100 * value:.1f}%"
    if isinstance(value, float):
        return f"{value:+.3f}" if kind == "signed" else f"{value:.3f}"
    return str(value)


def summary_frame(results: pl.DataFrame, refine_results: Sequence[Any] = ()) -> pl.DataFrame:
    """Per-model summary with formatted columns (strings), Δr per round included."""
    summary = model_summary(results)
    by_round = _delta_by_round(results, refine_results)
    rounds = sorted({r for per in by_round.values() for r in per})
    rows = []
    for r in summary.iter_rows(named=True):
        row = {
            "model": r["model"], "tasks": str(r["tasks"]), "official score": _fmt(r["score"], "pct"),
            "tasks solved": f"{r['tasks_solved']}/{r['tasks']}", "train reward": _fmt(r["train_reward"]),
            "train-solved": f"{r['train_solved']}/{r['tasks']}", "pixel acc (attempt 1)": _fmt(r["pixel_accuracy"], "pct"),
            "mean Δr": _fmt(r["mean_delta_r"] if r["edits"] else None, "signed"),
        }
        for k in rounds:
            row[f"Δr round {k}"] = _fmt(by_round.get(r["model"], {}).get(k), "signed")
        row["thinking tokens"] = _fmt(r["thinking_tokens"] if r["edits"] else None)
        row["edits (valid)"] = f"{r['edits']} ({100 * r['valid_rate']:.0f}%)"
        rows.append(row)
    return pl.DataFrame(rows) if rows else pl.DataFrame({"model": []}, schema={"model": pl.Utf8})


def _delta_by_round(results: pl.DataFrame, refine_results: Sequence[Any]) -> dict[str, dict[int, float]]:
    """model -> round -> mean Δr over all edits of that round (edit-weighted when the refine
    results are at hand; else the mean of per-task means from the table)."""
    acc: dict[str, dict[int, list[float]]] = {}
    if refine_results:
        for res in refine_results:
            for e in res.edits:
                acc.setdefault(res.model, {}).setdefault(e.round, []).append(e.delta_r)
    elif not results.is_empty():
        for model, raw in task_summary_raw(results):
            for k, v in json.loads(raw or "{}").items():
                acc.setdefault(model, {}).setdefault(int(k), []).append(v)
    return {m: {k: sum(v) / len(v) for k, v in sorted(per.items())} for m, per in acc.items()}


def task_summary_raw(results: pl.DataFrame) -> list[tuple[str, str]]:
    return results.group_by(["model", "task_id"], maintain_order=True).agg(pl.col("delta_r_by_round").first()) \
        .select("model", "delta_r_by_round").rows()


def _level_display(levels: pl.DataFrame) -> pl.DataFrame:
    return pl.DataFrame([
        {"model": r["model"], "level": r["difficulty_level"], "tasks": str(r["tasks"]),
         "official score": _fmt(r["score"], "pct"), "tasks solved": f"{r['tasks_solved']}/{r['tasks']}",
         "train reward": _fmt(r["train_reward"]), "pixel acc": _fmt(r["pixel_accuracy"], "pct")}
        for r in levels.iter_rows(named=True)
    ]) if not levels.is_empty() else pl.DataFrame({"model": []}, schema={"model": pl.Utf8})


def _md_table(frame: pl.DataFrame) -> str:
    if frame.is_empty():
        return "_(no rows)_"
    cols = frame.columns
    esc = lambda v: str(v).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in frame.iter_rows()]
    return "\n".join(lines)


def _html_table(frame: pl.DataFrame) -> str:
    if frame.is_empty():
        return "<p><em>(no rows)</em></p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in frame.iter_rows())
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --------------------------------------------------------------------------- document builder


class _Doc:
    """Accumulates the same content as HTML and markdown; images go to files + base64."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.html: list[str] = []
        self.md: list[str] = []
        self.images: dict[str, Path] = {}

    def heading(self, text: str, level: int = 2) -> None:
        self.html.append(f"<h{level}>{html.escape(text)}</h{level}>")
        self.md.append(f"{'#' * level} {text}\n")

    def para(self, text: str) -> None:
        self.html.append(f"<p>{html.escape(text)}</p>")
        self.md.append(text + "\n")

    def table(self, frame: pl.DataFrame) -> None:
        self.html.append(_html_table(frame))
        self.md.append(_md_table(frame) + "\n")

    def code(self, text: str, lang: str = "") -> None:
        self.html.append(f'<pre class="{html.escape(lang)}">{_color_diff(text) if lang == "diff" else html.escape(text)}</pre>')
        fence = "````" if "```" in text else "```"
        self.md.append(f"{fence}{lang}\n{text.rstrip()}\n{fence}\n")

    def image(self, name: str, png: bytes, alt: str) -> Path:
        folder = self.out_dir / "images"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        path.write_bytes(png)
        self.images[name] = path
        b64 = base64.b64encode(png).decode()
        self.html.append(f'<figure><img src="data:image/png;base64,{b64}" alt="{html.escape(alt)}">'
                         f"<figcaption>{html.escape(alt)}</figcaption></figure>")
        self.md.append(f"![{alt}](images/{name}.png)\n")
        return path


def _color_diff(text: str) -> str:
    out = []
    for line in text.splitlines():
        cls = "add" if line.startswith("+") and not line.startswith("+++") else \
              "del" if line.startswith("-") and not line.startswith("---") else ""
        esc = html.escape(line)
        out.append(f'<span class="{cls}">{esc}</span>' if cls else esc)
    return "\n".join(out)


CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:0.6em 0 1.2em;font-size:0.9em}
th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
th{background:#f2f2f2}
pre{background:#f7f7f7;padding:0.6em;overflow-x:auto;font-size:0.85em}
pre .add{color:#13710f}pre .del{color:#b30000}
figure{display:inline-block;margin:0.5em 1em 0.5em 0;vertical-align:top}
figcaption{font-size:0.8em;color:#555}
.context{border-left:4px solid #e0a000;padding-left:1em;background:#fffaf0}
"""


# --------------------------------------------------------------------------- sections


def _parse_grid(text: str | None):
    if not text:
        return None
    return tuple(tuple(r) for r in json.loads(text))


def _examples(doc: _Doc, results: pl.DataFrame, tasks: Mapping[str, ArcTask], max_examples: int) -> None:
    tsum = task_summary(results)
    for model in tsum["model"].unique(maintain_order=True).to_list():
        mine = tsum.filter(pl.col("model") == model).sort("task_id")
        for label, cond in (("solved", pl.col("task_score") >= 1.0), ("failed", pl.col("task_score") < 1.0)):
            picked = mine.filter(cond)["task_id"].to_list()[:max_examples]
            doc.heading(f"{model}: {label} tasks ({mine.filter(cond).height} in all)", 3)
            if not picked:
                doc.para("None.")
                continue
            for task_id in picked:
                task = tasks.get(task_id)
                if task is None:
                    continue
                sub = results.filter((pl.col("model") == model) & (pl.col("task_id") == task_id))
                rows = []
                for t, pair in enumerate(task.test[:2]):
                    preds = {r["attempt"]: _parse_grid(r["predicted"])
                             for r in sub.filter(pl.col("test_index") == t).iter_rows(named=True)}
                    row = [(f"test {t} input", pair.input), ("expected", pair.output)]
                    for k in sorted(preds):
                        row.append((f"attempt {k}" + (" ✓" if preds[k] == pair.output else ""), preds[k]))
                    rows.append(row)
                score = sub["task_score"][0]
                reward = sub["train_reward"][0]
                title = f"{model} · {task_id} · score {score:.2f} · train reward {reward:.3f}"
                doc.image(_slug(f"example-{model}-{label}-{task_id}"), grids_png(rows, title=title), title)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)[:120]


def _edits(doc: _Doc, refine_results: Sequence[Any], tasks: Mapping[str, ArcTask], max_edits: int) -> None:
    best: dict[tuple[str, str], tuple[Any, Any]] = {}
    for res in refine_results:
        for e in res.edits:
            if e.outputs_after is None or e.program is None:
                continue
            key = (res.model, res.task_id)
            if key not in best or e.delta_r > best[key][1].delta_r:
                best[key] = (res, e)
    chosen = sorted((v for v in best.values() if v[1].delta_r > 0),
                    key=lambda x: (-x[1].delta_r, x[0].model, x[0].task_id))[:max_edits]
    if not chosen:
        doc.para("No edit improved a program's train reward in this run.")
        return
    doc.para(f"The {len(chosen)} largest improving edits (one per model and task): the program diff and the "
             "program's outputs on the TRAIN inputs before and after the edit.")
    for res, e in chosen:
        title = (f"{res.model} · {res.task_id} · round {e.round} · train reward {e.parent_reward:.3f} → "
                 f"{e.reward:.3f} (Δr {e.delta_r:+.3f}) · thinking {e.thinking_tokens} tokens")
        doc.heading(title, 3)
        diff = "\n".join(difflib.unified_diff(e.parent_program.splitlines(), e.program.splitlines(),
                                              "before", "after", lineterm=""))
        doc.code(diff or "(no textual change)", "diff")
        task = tasks.get(res.task_id)
        if task is None:
            continue
        rows = []
        for i, pair in enumerate(task.train[:3]):
            before = e.outputs_before[i] if e.outputs_before and i < len(e.outputs_before) else None
            after = e.outputs_after[i] if i < len(e.outputs_after) else None
            rows.append([(f"train {i} input", pair.input), ("expected", pair.output),
                         ("before edit", before), ("after edit", after)])
        doc.image(_slug(f"edit-{res.model}-{res.task_id}-r{e.round}-s{e.sample_index}"),
                  grids_png(rows, title=f"{res.model} · {res.task_id}"), f"train outputs before/after: {title}")


def _training(doc: _Doc, training: Mapping[str, Any]) -> None:
    """Learning curves of the checkpoints evaluated above, and the GRPO curriculum over rounds."""
    doc.heading("Training curves")
    sft = training.get("sft") or {}
    if sft.get("losses"):
        losses, evals = sft["losses"], sft.get("eval_losses") or []
        series = {"train loss": (range(1, len(losses) + 1), losses)}
        if evals:
            series["eval loss (held-out SFT rows)"] = ([e["step"] for e in evals], [e["loss"] for e in evals])
        doc.image("sft-loss", line_png(series, "SFT loss", ylabel="loss"), "SFT train and eval loss")
    grpo = training.get("grpo") or {}
    if grpo.get("delta_r_per_step"):
        dr, valid = grpo["delta_r_per_step"], grpo.get("valid_rate_per_step") or []
        doc.image("grpo-steps", line_png({"mean Δr (format excluded)": (range(1, len(dr) + 1), dr),
                                          "valid-edit rate": (range(1, len(valid) + 1), valid)},
                                         "GRPO per step"), "GRPO mean Δr and valid-edit rate per step")
        trend = grpo.get("delta_r_trend") or {}
        if trend:
            doc.para(f"GRPO mean Δr, last quarter of steps minus first quarter: {trend['estimate']:+.3f} "
                     f"[{trend['low']:+.3f}, {trend['high']:+.3f}] (95% bootstrap over steps, {trend['n']} steps); "
                     f"{'the interval excludes 0' if trend.get('excludes_zero') else 'the interval includes 0'}.")
        within = grpo.get("delta_r_trend_within_start") or {}
        if within:
            doc.para(f"The same trend with each completion's Δr centred on its start's mean over the run (removes "
                     f"which starts a step happened to draw; a secondary estimate, not the one above): "
                     f"{within['estimate']:+.3f} [{within['low']:+.3f}, {within['high']:+.3f}].")
        by_source = grpo.get("delta_r_trend_by_source") or {}
        if len(by_source) > 1:
            doc.para("The same trend over each source's completions alone: " + "; ".join(
                f"{name} tasks {t['estimate']:+.3f} [{t['low']:+.3f}, {t['high']:+.3f}]"
                for name, t in sorted(by_source.items())) + ".")
    rounds = grpo.get("round_records") or []
    if rounds:
        doc.heading("GRPO curriculum over rounds", 3)
        doc.table(pl.DataFrame([{
            "round": r["round"], "open levels": ", ".join(r["open_levels"]),
            "tasks changed action": len(r.get("changed_actions") or {}),
            **{f"tasks {a}": r["actions"].get(a, 0) for a in ("keep", "boost", "sunset", "locked")},
            "rows": r["rows"], "augmented rows": r["augmented_rows"], "completion budget": r["max_completion_length"],
            "mean Δr": r["mean_delta_r"], "valid": r["valid_rate"], "start kept": r.get("start_kept"),
            "held-out valid": (r.get("heldout") or {}).get("valid_rate"),
            "held-out best train reward": (r.get("heldout") or {}).get("best_train_reward"),
            "reward per level": ", ".join(f"{k}: {v:.2f}" for k, v in (r.get("reward_per_level") or {}).items())}
            for r in rounds]))
        after = grpo.get("after_last_round") or {}
        if after:
            moves = after.get("changed_actions") or {}
            doc.para(f"After the last round: levels open {', '.join(after.get('open_levels') or []) or 'none'}; "
                     f"{len(moves)} tasks changed action"
                     + (" (" + "; ".join(f"{t}: {m}" for t, m in sorted(moves.items())[:8])
                        + ("; ..." if len(moves) > 8 else "") + ")" if moves else "") + ".")
        doc.para("Decisions per round come from every reward seen so far; once the student has tried a task, "
                 "from its own rewards (table `curriculum_decisions`, `source` column). Start kept: the mean share "
                 "of a non-empty start program's statements that the edits keep verbatim (near 0: the student "
                 "rewrites instead of editing). Held-out columns: the round's model on the held-out tasks, train "
                 "pairs only.")


def _context(doc: _Doc) -> None:
    frame = pl.DataFrame([{"system": r["system"], "ARC-AGI-1 public eval": r["score"], "source": r["source"]}
                          for r in PUBLISHED_RESULTS])
    doc.heading(f"Context: published results ({CONTEXT_LABEL})")
    doc.html.append('<div class="context">')
    doc.para(f"{CONTEXT_LABEL.upper()}. {CONTEXT_NOTE}")
    doc.table(frame)
    doc.html.append("</div>")


def write_report(results: pl.DataFrame, refine_results: Sequence[Any], tasks: Mapping[str, ArcTask],
                 meta: Mapping[str, Any], out_dir: Path, *, max_examples: int = 2, max_edits: int = 4,
                 title: str = "ARC-AGI evaluation report", training: Mapping[str, Any] | None = None) -> ReportPaths:
    """Write ``report.html`` (self-contained) and ``report.md`` (+ ``images/*.png``) under
    ``out_dir`` from the ``eval_results`` frame, the refine results (for curves, Δr and edits;
    may be empty) and the tasks (for grids). ``meta`` (config, seeds, data revision, ...) is
    printed as is. Returns :class:`ReportPaths`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = _Doc(out_dir)
    refine_results = list(refine_results or [])
    doc.html.append(f"<h1>{html.escape(title)}</h1>")
    doc.md.append(f"# {title}\n")
    facts = ", ".join(f"{k}: {meta[k]}" for k in ("run_id", "profile", "seed", "data_revision", "eval_tasks")
                      if k in meta)
    if facts:
        doc.para(facts)
    doc.para("Official ARC scoring: each test output gets 2 attempts (the 2 best distinct predictions from "
             "programs ranked by TRAIN reward) and counts as solved if either matches exactly; a task's score "
             "is the mean over its test outputs; a model's score is the mean over tasks. Test outputs are used "
             "for scoring only.")

    headline: dict[str, float] = {}
    level_png: bytes | None = None
    png_path: Path | None = None
    summary_md = "_(no results)_"
    if results.is_empty():
        doc.heading("Summary")
        doc.para("No evaluation results.")
    else:
        summary = model_summary(results)
        headline = {r["model"]: round(float(r["score"]), 4) for r in summary.iter_rows(named=True)}
        shown = summary_frame(results, refine_results)
        summary_md = _md_table(shown)
        doc.heading("Summary per model")
        doc.table(shown)
        doc.para("train reward: the smooth reward of the best program on the train pairs (1.0 = every train "
                 "output reproduced). Δr: reward of an edit minus reward of the program it edited (unparseable "
                 "edits count as reward 0). Thinking tokens: whitespace tokens of the chain of thought per edit.")

        comparison = compare_to(task_summary(results), "base", int(meta.get("seed", 0) or 0))
        if comparison:
            doc.heading("Difference from the base model (95% bootstrap intervals over tasks)")
            doc.table(pl.DataFrame([{"model": c["model"], "metric": c["metric"],
                                     "model mean": c["model_mean"], "base mean": c["reference_mean"],
                                     "difference [95% CI]": c["difference"],
                                     "CI excludes 0": "yes" if c["excludes_zero"] else "no"} for c in comparison]))
            doc.para("Paired over the same held-out tasks: each task's value for the model minus the base "
                     "model's, resampled over tasks 2,000 times (percentile interval, seeded). valid-edit "
                     "rate: edits that parse, validate, run on every train input and return a grid.")
            cmp_other = [c for c in compare_to(task_summary(results), "sft", int(meta.get("seed", 0) or 0))
                         if c["model"] == "grpo" and c["key"] == "mean_delta_r"]
            for c in cmp_other:
                doc.para(f"GRPO vs SFT, mean Δr per edit: {c['difference']} "
                         f"(GRPO {c['model_mean']:+.3f}, SFT {c['reference_mean']:+.3f}).")
            (out_dir / "comparison.json").write_text(json.dumps(comparison, indent=1))

        levels = level_summary(results)
        doc.heading("Score per difficulty level")
        doc.table(_level_display(levels))
        level_png = level_bar_png(levels)
        png_path = doc.image("score-per-level", level_png, "Official score per difficulty level and model")

        if refine_results:
            rounds = max(r.rounds for r in refine_results)
            series = {}
            for model in dict.fromkeys(r.model for r in refine_results):
                mine = [r.rewards_by_round(rounds) for r in refine_results if r.model == model]
                series[model] = (list(range(rounds + 1)), [sum(v[k] for v in mine) / len(mine) for k in range(rounds + 1)])
            doc.heading("Train reward by refinement round")
            doc.image("reward-by-round", line_png(series, "Mean best train reward by round (0 = start program)",
                                                  xlabel="round", ylabel="train reward"),
                      "Mean best-so-far train reward per round")
            deltas = {m: [e.delta_r for r in refine_results if r.model == m for e in r.edits] for m in series}
            doc.heading("Δr of the proposed edits")
            doc.image("delta-r-histogram", delta_histogram_png(deltas), "Histogram of Δr per model")

        if training:
            _training(doc, training)

        doc.heading("Examples (test input / expected / attempts)")
        _examples(doc, results, tasks, max_examples)
        doc.heading("Edits that helped")
        _edits(doc, refine_results, tasks, max_edits)

    submissions = write_submissions(results, out_dir)
    _submissions(doc, submissions, headline, out_dir)
    _provenance(doc, meta.get("provenance"))
    _context(doc)
    doc.heading("Configuration, seeds and data revision")
    doc.code(json.dumps(dict(meta), indent=2, sort_keys=True, default=str), "json")

    html_text = ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
                 f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
                 + "\n".join(doc.html) + "</body></html>")
    html_path = out_dir / "report.html"
    md_path = out_dir / "report.md"
    html_path.write_text(html_text, encoding="utf-8")
    md_path.write_text("\n".join(doc.md), encoding="utf-8")
    snippet = summary_md + ("\n\n" + png_markdown(level_png, "score per level") if level_png else "")
    json_path = _write_report_json(out_dir, results, meta, submissions)
    return ReportPaths(html=html_path, markdown=md_path, images=dict(doc.images), headline=headline,
                       markdown_snippet=snippet, png=png_path, submissions=submissions, json=json_path)


def _submissions(doc: _Doc, submissions: Mapping[str, Path], headline: Mapping[str, float], out_dir: Path) -> None:
    """List the ARC Prize submission files, with the score `score-submission` reproduces."""
    doc.heading("ARC Prize submissions")
    if not submissions:
        doc.para("No submissions (no evaluation results).")
        return
    doc.table(pl.DataFrame([{"model": m, "file": str(p.relative_to(out_dir)),
                             "official score": _fmt(headline.get(m), "pct")} for m, p in submissions.items()]))
    doc.para("ARC Prize format: {task_id: [{\"attempt_1\": grid, \"attempt_2\": grid}, ...]}, one entry per test "
             f"input in test order. A missing attempt is written as {json.dumps(MISSING_ATTEMPT)}. Re-score with "
             "`arc-pipeline score-submission FILE --tasks DIR|DATASET`.")


def _provenance(doc: _Doc, prov: Mapping[str, Any] | None) -> None:
    """Git commit, library versions, data revision, checkpoint hashes and base model id."""
    doc.heading("Provenance")
    if not prov:
        doc.para("No provenance recorded.")
        return
    git = prov.get("git") or {}
    rows = [{"item": "git commit", "value": f"{git.get('commit') or 'unknown'}"
             + (" (dirty working tree)" if git.get("dirty") else "")},
            {"item": "base model id", "value": str(prov.get("base_model_id"))},
            {"item": "data revision", "value": str(prov.get("data_revision") or "–")},
            {"item": "eval tasks hash", "value": str(prov.get("eval_tasks_hash") or "–")}]
    rows += [{"item": f"checkpoint {name}", "value": f"{c.get('weights_sha256') or 'missing'} ({c.get('path')})"}
             for name, c in (prov.get("checkpoints") or {}).items()]
    rows += [{"item": name, "value": str(v or "not installed")} for name, v in (prov.get("libraries") or {}).items()]
    doc.table(pl.DataFrame(rows))


def _write_report_json(out_dir: Path, results: pl.DataFrame, meta: Mapping[str, Any],
                       submissions: Mapping[str, Path]) -> Path:
    """``report.json``: official score per model (6 decimals), submission paths, provenance, meta."""
    scores = ({r["model"]: round(float(r["score"]), 6) for r in model_summary(results).iter_rows(named=True)}
              if not results.is_empty() else {})
    doc = {"scores": scores, "submissions": {m: str(p.relative_to(out_dir)) for m, p in submissions.items()},
           "provenance": meta.get("provenance"), "meta": {k: v for k, v in meta.items() if k != "provenance"}}
    path = out_dir / "report.json"
    path.write_text(json.dumps(doc, indent=1, sort_keys=True, default=str), encoding="utf-8")
    return path
