"""Grammar-constrained decoding of the program part of a completion (optional, HF generation).

Why: a small student loses most of its edits to programs that cannot run -- a primitive called
with the wrong number of arguments, a name used before it is bound, an unclosed call. With
``eval.constrained_programs`` the sampler may only emit text that keeps the program a valid
*prefix* of the program language (:mod:`arc_pipeline.program`: straight-line assignments of
DSL calls, names and int/bool/None literals, ``return``), with every primitive's arity from
its signature. Validity then comes from the decoder, not the model, so the evaluation reports
valid-edit rates with and without it: constrained decoding makes an edit *runnable*, never
*right*.

What it covers: the text after the completion's opening `````python`` fence up to the closing
fence (the CoT before it is free). A program that parses here may still fail at run time (a
grid where the primitive wants a number), so the sandbox and the reward are unchanged.

How (any tokenizer): at each step only the ``top_k`` most likely tokens are checked, by
appending each token's text to the program so far and asking :func:`valid_prefix`; the others
are masked. When none of them fits, nothing is masked (the sample stays the model's, and is
counted in ``fallbacks``) -- so this is a filter of the model's own candidates, not a search.
vLLM route: its structured outputs (``guided_decoding`` with a grammar) take the same grammar;
not wired here (no vLLM on the CPU profile).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import Any

OPEN_FENCE = "```python\n"
CLOSE_FENCE = "```"
MAX_COMMENT_CHARS = 1000  # a rule comment is a sentence; a sampler must not wander in one
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Incomplete(Exception):
    """The text ended inside a production: a valid prefix so far."""


class Invalid(Exception):
    """The text cannot be continued into a program."""


def primitive_arities(primitives: Mapping[str, Any] | None = None) -> dict[str, int]:
    """Positional arity of every DSL primitive, from its signature (all are fixed-arity)."""
    import inspect

    if primitives is None:
        from arc_pipeline.dsl import PRIMITIVES

        primitives = PRIMITIVES
    return {name: len(inspect.signature(fn).parameters) for name, fn in primitives.items()}


class _Parser:
    """Recursive descent over a program prefix; end of text anywhere raises :class:`Incomplete`."""

    def __init__(self, text: str, arities: Mapping[str, int], names_sorted: Sequence[str]):
        self.s, self.i = text, 0
        self.arities = arities
        self.names_sorted = names_sorted
        self.bound = {"I"}

    # -- characters
    def peek(self) -> str:
        if self.i >= len(self.s):
            raise Incomplete
        return self.s[self.i]

    def literal(self, word: str) -> None:
        for ch in word:
            if self.peek() != ch:
                raise Invalid(f"expected {word!r}")
            self.i += 1

    def spaces(self) -> None:
        while self.i < len(self.s) and self.s[self.i] == " ":
            self.i += 1

    def ident(self) -> str:
        m = _IDENT.match(self.s, self.i)
        if not m:
            self.peek()
            raise Invalid("expected a name")
        self.i = m.end()
        if self.i >= len(self.s):
            raise Incomplete(m.group())  # the name may still grow
        return m.group()

    # -- grammar
    def program(self) -> bool:
        """True when the program (and its closing fence) is complete."""
        while self.peek() == "#":
            self.comment()
        self.literal("def solve(I):\n")
        while True:
            self.literal("    ")
            if self.peek() == "#":
                self.comment()
                continue
            target = self.target()
            if target == "return":
                self.literal(" ")
                self.expr()
                self.spaces()
                self.literal("\n")
                self.literal(CLOSE_FENCE)
                return True
            self.spaces()
            self.literal("=")
            self.spaces()
            self.expr()
            self.spaces()
            self.literal("\n")
            self.bound.add(target)

    def comment(self) -> None:
        end = self.s.find("\n", self.i)
        text = self.s[self.i:end if end >= 0 else len(self.s)]
        if "``" in text or "</" in text or "<think" in text:  # a fence or a think tag would end the program early
            raise Invalid("comment with a fence or a tag")
        if end < 0 or end - self.i > MAX_COMMENT_CHARS:
            if len(self.s) - self.i > MAX_COMMENT_CHARS:
                raise Invalid(f"comment longer than {MAX_COMMENT_CHARS} characters")
            raise Incomplete
        self.i = end + 1

    def target(self) -> str:
        try:
            name = self.ident()
        except Incomplete as inc:
            if inc.args and inc.args[0].startswith("_"):
                raise Invalid("names starting with '_' are not allowed") from None
            raise
        if name.startswith("_") or name in self.arities:
            raise Invalid(f"cannot assign to {name!r}")
        return name

    def expr(self) -> None:
        ch = self.peek()
        if ch == "-" or ch.isdigit():
            self.integer()
            return
        if ch == "(":  # a tuple of literals / names
            self.i += 1
            self.call_args(None, tuple_=True)
            return
        try:
            name = self.ident()
        except Incomplete as inc:
            if not self._name_prefix(inc.args[0] if inc.args else ""):
                raise Invalid("no such name") from None
            raise
        if name in ("True", "False", "None"):
            return
        if name not in self.bound and name not in self.arities:
            raise Invalid(f"unknown name {name!r}")
        if self.peek() == "(":
            self.i += 1
            self.call_args(self.arities.get(name))

    def integer(self) -> None:
        if self.peek() == "-":
            self.i += 1
        if not self.peek().isdigit():
            raise Invalid("expected digits")
        start = self.i
        while self.i < len(self.s) and self.s[self.i].isdigit():
            self.i += 1
        if self.i - start > 4:
            raise Invalid("integer literal too long")
        self.peek()  # an integer at the very end may still grow

    def call_args(self, arity: int | None, tuple_: bool = False) -> None:
        """After ``(``: the arguments and ``)``; ``arity`` None = a function built earlier (any);
        a tuple may end in a comma (``((0, 0),)``)."""
        count = 0
        if self.peek() == ")":
            if arity not in (None, 0):
                raise Invalid("too few arguments")
            self.i += 1
            return
        while True:
            self.expr()
            count += 1
            self.spaces()
            ch = self.peek()
            if ch == ",":
                if arity is not None and count >= arity:
                    raise Invalid("too many arguments")
                self.i += 1
                self.spaces()
                if tuple_ and self.peek() == ")":
                    self.i += 1
                    return
                continue
            if ch == ")":
                if arity is not None and count != arity:
                    raise Invalid("too few arguments")
                self.i += 1
                return
            raise Invalid("expected ',' or ')'")

    def _name_prefix(self, prefix: str) -> bool:
        """Some bound name, literal keyword or primitive starts with ``prefix``."""
        if any(n.startswith(prefix) for n in self.bound) or any(k.startswith(prefix) for k in ("True", "False", "None")):
            return True
        j = bisect.bisect_left(self.names_sorted, prefix)
        return j < len(self.names_sorted) and self.names_sorted[j].startswith(prefix)


class ProgramGrammar:
    """The program language as a prefix test (module docstring)."""

    def __init__(self, arities: Mapping[str, int] | None = None, top_k: int = 32):
        self.top_k = int(top_k)  # candidates checked per step by ProgramLogitsProcessor
        self.arities = dict(arities if arities is not None else primitive_arities())
        self.names_sorted = sorted(self.arities)
        self.stats = {"masked_steps": 0, "fallbacks": 0}

    def record(self, processor: "ProgramLogitsProcessor") -> None:
        """Add one generate call's counters (how often the mask acted, how often it could not)."""
        self.stats["masked_steps"] += processor.masked_steps
        self.stats["fallbacks"] += processor.fallbacks

    def state(self, text: str) -> str:
        """``"complete"``, ``"prefix"`` or ``"invalid"`` for the program text after the fence.

        >>> g = ProgramGrammar({"rotate_90": 1, "tile": 3})
        >>> g.state("def solve(I):\\n    O = tile(I, 2")
        'prefix'
        >>> g.state("def solve(I):\\n    O = tile(I)")
        'invalid'
        >>> g.state("def solve(I):\\n    O = rotate_90(I)\\n    return O\\n```")
        'complete'
        >>> g.state("def solve(I):\\n    O = rotate_90(X)")
        'invalid'
        """
        parser = _Parser(text, self.arities, self.names_sorted)
        try:
            parser.program()
        except Incomplete:
            return "prefix"
        except Invalid:
            return "invalid"
        return "complete" if parser.i == len(text) else "after"

    def valid_prefix(self, text: str) -> bool:
        return self.state(text) != "invalid"


def valid_prefix(text: str, grammar: ProgramGrammar | None = None) -> bool:
    """Whether ``text`` (a program after its opening fence) can still become a valid program."""
    return (grammar or ProgramGrammar()).valid_prefix(text)


class ProgramLogitsProcessor:
    """A ``transformers`` logits processor enforcing :class:`ProgramGrammar` after the fence.

    ``prompt_len``: the padded prompt length (generated ids start there). Per row it keeps the
    generated text; before `````python\\n`` it does nothing; inside the program it keeps only
    those of the ``top_k`` most likely tokens whose text keeps the program a valid prefix
    (EOS only once the program is complete). Counts: ``masked_steps``, ``fallbacks``.
    """

    def __init__(self, tokenizer: Any, prompt_len: int, grammar: ProgramGrammar | None = None,
                 top_k: int | None = None):
        self.tok = tokenizer
        self.prompt_len = int(prompt_len)
        self.grammar = grammar or ProgramGrammar()
        self.top_k = int(top_k if top_k is not None else self.grammar.top_k)
        self.prefilled: dict[int, str | None] = {}  # row -> program text already in the prompt (after its fence)
        self.pieces: dict[int, str] = {}
        self.stop_ids = {i for i in (tokenizer.eos_token_id, tokenizer.pad_token_id) if i is not None}
        self.masked_steps = 0
        self.fallbacks = 0

    def piece(self, token_id: int) -> str:
        if token_id not in self.pieces:
            self.pieces[token_id] = self.tok.decode([token_id], skip_special_tokens=False)
        return self.pieces[token_id]

    def program_text(self, ids: Sequence[int], prefilled: str | None = None) -> str | None:
        """The program so far (after the opening fence), or None while outside it.
        ``prefilled``: the program text the prompt already ends with (it opened the fence)."""
        text = "".join(self.piece(i) for i in ids)
        if prefilled is not None:
            text = prefilled + text
            end = text.find(CLOSE_FENCE)
            return text if end < 0 else text[:end + len(CLOSE_FENCE)]
        think_end = text.find("</think>")
        start = text.find(OPEN_FENCE, think_end if think_end >= 0 else 0)
        return None if start < 0 else text[start + len(OPEN_FENCE):]

    def open_program(self, prompt_tail: Sequence[int]) -> str | None:
        """The program a prompt ends inside (text after its last opening fence, none closed), or None."""
        text = self.tok.decode(list(prompt_tail), skip_special_tokens=False)
        start = text.rfind(OPEN_FENCE)
        if start < 0 or CLOSE_FENCE in text[start + len(OPEN_FENCE):]:
            return None
        return text[start + len(OPEN_FENCE):]

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import torch

        for row in range(input_ids.shape[0]):
            ids = input_ids[row, self.prompt_len:].tolist()
            if ids and ids[-1] in self.stop_ids:
                continue  # finished: generate pads it
            if row not in self.prefilled:
                self.prefilled[row] = self.open_program(input_ids[row, max(0, self.prompt_len - 96):self.prompt_len].tolist())
            program = self.program_text(ids, self.prefilled[row])
            if program is None:
                continue
            state = self.grammar.state(program)
            if state in ("complete", "after", "invalid"):
                continue  # done (the processor only ever keeps it valid) or the model's own
            top = torch.topk(scores[row], min(self.top_k, scores.shape[-1])).indices.tolist()
            keep = [t for t in top if t not in self.stop_ids and self.piece(t)
                    and self.grammar.valid_prefix(program + self.piece(t))]
            if not keep:
                self.fallbacks += 1
                continue
            mask = torch.full_like(scores[row], float("-inf"))
            mask[keep] = 0.0
            scores[row] = scores[row] + mask
            self.masked_steps += 1
        return scores
