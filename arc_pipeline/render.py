"""Pictures of grids: PNG bytes (matplotlib, Agg) and base64 markdown for Dagster metadata."""

from __future__ import annotations

import base64
import io
from typing import Sequence

from arc_pipeline.dsl.types import Grid

ARC_COLORS = ["#000000", "#0074D9", "#FF4136", "#2ECC40", "#FFDC00",
              "#AAAAAA", "#F012BE", "#FF851B", "#7FDBFF", "#870C25"]


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def draw_grid(ax, grid: Grid | None, title: str = "") -> None:
    """Draw one grid on a matplotlib axis with the standard ARC palette and cell lines."""
    from matplotlib.colors import ListedColormap

    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=8)
    if grid is None:
        ax.text(0.5, 0.5, "no output", ha="center", va="center", fontsize=8)
        return
    h, w = len(grid), len(grid[0])
    ax.imshow(grid, cmap=ListedColormap(ARC_COLORS), vmin=0, vmax=9, interpolation="nearest")
    ax.set_xticks([x - 0.5 for x in range(1, w)], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, h)], minor=True)
    ax.grid(which="minor", color="#555555", linewidth=0.5)
    ax.tick_params(which="minor", length=0)


def _png(fig) -> bytes:
    """Lay out, render to PNG bytes at 80 dpi, and free the figure."""
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80)
    _plt().close(fig)
    return buf.getvalue()


def grids_png(rows: Sequence[Sequence[tuple[str, Grid | None]]], title: str = "", cell: float = 1.6) -> bytes:
    """A figure with one row of titled grids per entry of ``rows``; returns PNG bytes."""
    plt = _plt()
    n_rows = len(rows)
    n_cols = max(len(r) for r in rows)
    fig, axes = plt.subplots(n_rows, n_cols, figsize=(cell * n_cols, cell * n_rows + 0.4), squeeze=False)
    for i, row in enumerate(rows):
        for j in range(n_cols):
            if j < len(row):
                draw_grid(axes[i][j], row[j][1], row[j][0])
            else:
                axes[i][j].axis("off")
    if title:
        fig.suptitle(title, fontsize=10)
    return _png(fig)


def task_png(task, max_pairs: int = 3, include_test_outputs: bool = False) -> bytes:
    """Train pairs (input -> output) of a task, plus test inputs (outputs only on request)."""
    rows = [[(f"train {i} in", p.input), (f"train {i} out", p.output)] for i, p in enumerate(task.train[:max_pairs])]
    for i, p in enumerate(task.test[:1]):
        rows.append([(f"test {i} in", p.input)] + ([(f"test {i} out", p.output)] if include_test_outputs else []))
    return grids_png(rows, title=task.id)


def png_markdown(png: bytes, alt: str = "grids") -> str:
    """Inline a PNG as a markdown image (renders in the Dagster UI and in HTML reports)."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode()})"


def cell_text(value, max_chars: int = 80, digits: int = 4) -> str:
    """One markdown table cell: floats rounded, pipes escaped, newlines folded, long text cut."""
    if isinstance(value, float):
        value = round(value, digits)
    text = str(value).replace("|", "\\|").replace("\n", " ⏎ ")
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def markdown_table(frame, max_rows: int = 20, max_chars: int = 80) -> str:
    """A polars DataFrame as a markdown table (first ``max_rows`` rows, cells via ``cell_text``)."""
    cols = frame.columns
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell_text(v, max_chars) for v in row) + " |"
              for row in frame.head(max_rows).iter_rows()]
    return "\n".join(lines)


def _fenced(text: str, lang: str = "") -> str:
    """A fenced code block that survives backticks inside ``text``."""
    fence = "````" if "```" in text else "```"
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}"


def _clip(text: str | None, max_chars: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= max_chars else text[:max_chars].rstrip() + " …"


def program_diff(before: str | None, after: str | None) -> str:
    """Unified diff of a start program and its edit (what the edit changed, line by line)."""
    import difflib

    lines = difflib.unified_diff((before or "").splitlines(), (after or "").splitlines(),
                                 "start", "edited", lineterm="", n=1)
    return "\n".join(lines) or "(no change)"


def edits_markdown(rows: list[dict], max_cot_chars: int = 600) -> str:
    """Edits a person can read: task, level, rewards, the teacher's CoT and a diff of start vs
    edited program (``rows`` carry the `edit_traces` columns)."""
    parts = []
    for r in rows:
        dr = r.get("delta_r")
        head = (f"#### {r['task_id']} · {r.get('difficulty_level', '')} · {r.get('status', '')} · "
                f"reward {cell_text(r.get('reward_before'))} → {cell_text(r.get('reward_after'))}"
                f" (Δr {cell_text(dr) if dr is not None else 'n/a'})")
        parts += [head, "**CoT**", _fenced(_clip(r.get("cot"), max_cot_chars) or "(none)"),
                  "**Edit**", _fenced(program_diff(r.get("start_program"), r.get("edited_program")), "diff")]
    return "\n\n".join(parts) if parts else "no edits"


def sft_rows_markdown(rows: list[dict], max_prompt_chars: int = 300, max_completion_chars: int = 800) -> str:
    """SFT rows as the model sees them: the end of the prompt and the full completion (cut)."""
    parts = []
    for r in rows:
        prompt = (r.get("prompt") or "").strip()
        tail = prompt if len(prompt) <= max_prompt_chars else "… " + prompt[-max_prompt_chars:]
        parts += [f"#### {r['task_id']} · {r.get('difficulty_level', '')} · Δr {cell_text(r.get('delta_r'))}",
                  "**prompt (end)**", _fenced(tail), "**completion**",
                  _fenced(_clip(r.get("completion"), max_completion_chars))]
    return "\n\n".join(parts) if parts else "no rows"


def histogram_png(values, title: str, bins: int = 20) -> bytes:
    """A histogram as PNG bytes."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.5, 2.8))
    ax.hist(list(values), bins=bins, color="#0074D9", edgecolor="white")
    ax.set_title(title, fontsize=10)
    return _png(fig)


def line_png(series: dict, title: str, xlabel: str = "step", ylabel: str = "") -> bytes:
    """Line plot of {label: (xs, ys)} as PNG bytes. Series that coincide stay visible: each has
    its own line style, marker and width (drawn widest first), so identical lines show as
    nested strokes instead of one hiding the others."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.5, 2.8))
    styles = ("-", "--", ":", "-.")
    markers = ("o", "s", "^", "x", "d", "v")
    n = len(series)
    for i, (label, (xs, ys)) in enumerate(series.items()):
        ax.plot(list(xs), list(ys), linestyle=styles[i % len(styles)], marker=markers[i % len(markers)],
                markersize=max(2.5, 7 - 1.5 * i), linewidth=max(1.0, 1 + 1.5 * (n - 1 - i)), alpha=0.85, label=label)
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if len(series) > 1:
        ax.legend(fontsize=7)
    return _png(fig)
