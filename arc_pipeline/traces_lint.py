"""CoT lint: automatic flags for the failure modes a reader of teacher traces looks for.

At thousands of traces of 1-10K tokens nobody reads everything, so every trace gets these
flags when it is sampled (columns ``lint_repetition``, ``lint_flags``, ``lint_notes`` of
``edit_traces``); the SFT dataset drops flagged rows (``dataset.drop_lint_flags``) and the
``cot_lint_flag_rates`` asset check reports how often each flag fires.

* ``repetition`` -- blabbering: the teacher tries many ideas in one long CoT, or says the same
  thing again and again. Score in [0, 1]: the largest of (a) the share of repeated word 4-grams,
  (b) the share of sentences that nearly repeat an earlier one (word-set Jaccard >= 0.8) and
  (c) the density of restarts ("wait", "alternatively", "let me try", ...; 1.0 at one restart per
  15 words). Flagged at ``lint.repetition_threshold`` once the CoT has
  ``lint.min_tokens_for_repetition`` words.
* ``colour_arithmetic`` -- colours are labels: adding, averaging or ordering colour numbers
  ("5 + 3 = 8", "colour 7 is greater than 2", "sum of the colours") means nothing. A bare
  single-digit equation counts when its sentence names colours or does not talk about positions
  or sizes (rows, columns, width, ...).
* ``answer_leak`` -- the trace mentions the test input/output (the prompt shows train pairs
  only) or claims to know the answer ("I remember this task", "the answer is").
* ``over_budget`` -- more thinking tokens (``parsing.count_tokens``) than the level's budget:
  ``k x lint.tokens_per_level`` for ``level-k``.

``lint_notes`` is JSON: flag -> the first piece of text that raised it, for the reviewer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from arc_pipeline.config import LINT_FLAGS, LintConfig

NGRAM = 4
NEAR_DUPLICATE = 0.8
RESTARTS_PER_WORD_AT_MAX = 1 / 15

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_RESTART = re.compile(r"\b(wait|alternatively|let me try|let's try|maybe|perhaps|actually|hmm+|no,|scratch that|"
                      r"another idea|on second thought|let me reconsider|that doesn't work|that does not work)\b",
                      re.IGNORECASE)
_COLOUR = r"colou?rs?"
_COLOUR_PATTERNS = [
    re.compile(rf"\b{_COLOUR}\s*\d\s*(is|are)?\s*(greater|larger|bigger|higher|more|less|smaller|lower)\s+than\s+"
               rf"({_COLOUR}\s*)?\d\b", re.IGNORECASE),
    re.compile(rf"\b{_COLOUR}\s*\d\s*(<=?|>=?)\s*({_COLOUR}\s*)?\d\b", re.IGNORECASE),
    re.compile(rf"\b{_COLOUR}\s*\d\s*[-+*/×]\s*({_COLOUR}\s*)?\d\b", re.IGNORECASE),
    re.compile(rf"\b(sum|total|average|mean|product|difference)\s+of\s+(the\s+)?(\w+\s+)?{_COLOUR}\b", re.IGNORECASE),
    re.compile(rf"\b(add|adding|sum|summing|subtract|subtracting|multiply|multiplying|averaging)\s+(up\s+)?"
               rf"(the\s+)?(\w+\s+)?{_COLOUR}\b", re.IGNORECASE),
]
_COLOUR_WORD = re.compile(rf"\b{_COLOUR}\b", re.IGNORECASE)
_BARE_EQUATION = re.compile(r"(?<![\w.])\d\s*[-+*×]\s*\d(?![\w.])\s*=\s*\d+(?![\w.])")
_POSITION_WORDS = re.compile(r"\b(row|rows|col|cols|column|columns|index|position|offset|width|height|size|"
                             r"shift|step|steps|cells?|pixels?|times|count|length|coordinates?|x|y)\b", re.IGNORECASE)
_LEAK_PATTERNS = [
    re.compile(r"\btest\s+(input|output|grid|example|pair|case|answer)s?\b", re.IGNORECASE),
    re.compile(r"\b(hidden|held[- ]out)\s+(test|output|example|answer)s?\b", re.IGNORECASE),
    re.compile(r"\bI\s+(already\s+)?know\s+(the|what\s+the)\s+(answer|solution|output|expected)", re.IGNORECASE),
    re.compile(r"\b(I\s+remember|I\s+recall|from\s+memory|I've\s+seen\s+this|I\s+have\s+seen\s+this)\b", re.IGNORECASE),
    re.compile(r"\bthe\s+(final\s+|correct\s+)?answer\s+(is|should\s+be|must\s+be)\b", re.IGNORECASE),
    re.compile(r"\b(known|official|reference)\s+(solution|answer)\b", re.IGNORECASE),
]


@dataclass(frozen=True)
class LintResult:
    """The lint of one CoT: the repetition score, the flags raised and why."""

    repetition: float
    flags: tuple[str, ...]
    notes: dict[str, str] = field(default_factory=dict)

    def notes_json(self) -> str:
        return json.dumps(self.notes, sort_keys=True)


def level_budget(level: str | None, cfg: LintConfig, base_thinking_budget: int) -> int:
    """Thinking budget of a level: ``k x tokens_per_level`` for ``level-k`` (level-1 when unknown).

    Why the curriculum's base by default: the student is trained to think within that budget,
    so a teacher trace far past it teaches the wrong length.
    """
    per_level = cfg.tokens_per_level if cfg.tokens_per_level is not None else base_thinking_budget
    match = re.search(r"(\d+)$", level or "")
    return (int(match.group(1)) if match else 1) * per_level


def repetition_score(cot: str) -> float:
    """Largest of repeated 4-gram share, near-duplicate sentence share and restart density."""
    words = _WORD.findall(cot.lower())
    if not words:
        return 0.0
    grams = [tuple(words[i:i + NGRAM]) for i in range(len(words) - NGRAM + 1)]
    ngram_rep = 1.0 - len(set(grams)) / len(grams) if grams else 0.0
    sentences = [frozenset(_WORD.findall(s.lower())) for s in _SENTENCE.split(cot)]
    sentences = [s for s in sentences if len(s) >= 3]
    repeats = 0
    for i, s in enumerate(sentences):
        if any(len(s & t) / len(s | t) >= NEAR_DUPLICATE for t in sentences[:i]):
            repeats += 1
    sentence_rep = repeats / len(sentences) if sentences else 0.0
    restarts = len(_RESTART.findall(cot)) / len(words)
    restart_rep = min(1.0, restarts / RESTARTS_PER_WORD_AT_MAX)
    return round(max(ngram_rep, sentence_rep, restart_rep), 4)


def colour_arithmetic(cot: str) -> str | None:
    """The first place the CoT does arithmetic or ordering on colour numbers, else None."""
    for pattern in _COLOUR_PATTERNS:
        m = pattern.search(cot)
        if m:
            return m.group(0)
    for sentence in _SENTENCE.split(cot):
        m = _BARE_EQUATION.search(sentence)
        if m and (_COLOUR_WORD.search(sentence) or not _POSITION_WORDS.search(sentence)):
            return m.group(0)
    return None


def answer_leak(cot: str) -> str | None:
    """The first mention of the test pair or claim of knowing the answer, else None."""
    for pattern in _LEAK_PATTERNS:
        m = pattern.search(cot)
        if m:
            return m.group(0)
    return None


def lint_cot(cot: str | None, thinking_tokens: int, level: str | None, cfg: LintConfig,
             base_thinking_budget: int = 256) -> LintResult:
    """All flags of one trace's CoT (an empty CoT raises none)."""
    text = cot or ""
    notes: dict[str, str] = {}
    score = repetition_score(text)
    if score >= cfg.repetition_threshold and len(_WORD.findall(text)) >= cfg.min_tokens_for_repetition:
        notes["repetition"] = f"score {score:.2f}"
    found = colour_arithmetic(text)
    if found:
        notes["colour_arithmetic"] = found
    found = answer_leak(text)
    if found:
        notes["answer_leak"] = found
    budget = level_budget(level, cfg, base_thinking_budget)
    if thinking_tokens > budget:
        notes["over_budget"] = f"{thinking_tokens} > {budget} tokens"
    flags = tuple(f for f in LINT_FLAGS if f in notes)
    return LintResult(score, flags, notes)


def lint_columns(cot: str | None, thinking_tokens: int, level: str | None, cfg: LintConfig,
                 base_thinking_budget: int = 256) -> dict:
    """The ``edit_traces`` lint columns of one trace."""
    res = lint_cot(cot, thinking_tokens, level, cfg, base_thinking_budget)
    return {"lint_repetition": res.repetition, "lint_flags": list(res.flags), "lint_notes": res.notes_json()}


def flag_rates(flag_lists: list[list[str] | None]) -> dict[str, float]:
    """Share of traces carrying each flag, plus ``any``; traces never linted (None) are left out."""
    linted = [set(f) for f in flag_lists if f is not None]
    n = max(1, len(linted))
    rates = {flag: round(sum(flag in f for f in linted) / n, 4) for flag in LINT_FLAGS}
    rates["any"] = round(sum(bool(f) for f in linted) / n, 4)
    return rates
