"""Line references: the student keeps a line of the program it edits by naming it.

Why: an *edit* model keeps what is right and changes what is wrong. A real base model copies a
shown line verbatim for free; the embedded default's tiny student does not (measured: lines an
answer keeps from the start cost it as many nats per token as lines it changes, and its greedy
edits kept 0% of the start's lines), so every edit of a good start was a fresh rewrite that lost
most of the start's reward. With references the student's prompt tags each statement of the
current program (``@3 x = rotate_90(I)``) and its answer may write a bare ``@3`` line for "keep
statement 3 as it is": a lookup of one token, not a copy of twenty.

Three functions, one representation:

* :func:`tag_program` -- the program as the student's prompt shows it (each one-line statement of
  ``solve``'s body prefixed ``@k``, k from 1);
* :func:`encode_completion` -- a training completion with every line the prompt's program tags
  replaced by its reference (what the student learns to write);
* :func:`expand_refs` -- a student answer with its reference lines replaced by the statements
  they name in the program it edits (what is parsed, validated, run and stored).

A reference carries nothing the prompt does not show (it names a line of the start program), so
it cannot smuggle a test output or any other information into an answer; an unknown reference is
left as it is and fails validation like any other invalid line. Teachers writing edit traces see
:func:`arc_pipeline.prompts.render_edit_prompt` (no tags) and their answers are not expanded;
refinement expands every proposer's answer against the program it showed, which changes nothing
for an answer without bare ``@k`` lines.
"""

from __future__ import annotations

import ast
import re

MAX_REFS = 40  # statements beyond this many are shown untagged (no verified program is that long)
REF_TOKENS = tuple(f"@{k}" for k in range(1, MAX_REFS + 1))  # one added token each in the tiny tokenizer
_REF_LINE = re.compile(r"^([ \t]*)@(\d+)[ \t]*$")
_TAGGED_LINE = re.compile(r"^[ \t]*@(\d+) (.+?)[ \t]*$")
PROGRAM_HEADER = "## program\n"  # where the student prompt shows the current program


def statement_lines(program: str) -> list[tuple[int, str]]:
    """``(line index, stripped text)`` of each one-line statement of ``solve``'s body, in order
    (at most :data:`MAX_REFS`): the lines a reference can name. Empty for a program that does
    not parse.

    >>> statement_lines("def solve(I):\\n    x = rotate_90(I)\\n    return x")
    [(1, 'x = rotate_90(I)'), (2, 'return x')]
    """
    try:
        module = ast.parse(program)
    except (SyntaxError, ValueError, RecursionError):
        return []
    body = next((n.body for n in module.body if isinstance(n, ast.FunctionDef)), [])
    lines = program.splitlines()
    out = []
    for node in body:
        if node.lineno == node.end_lineno and len(out) < MAX_REFS:
            out.append((node.lineno - 1, lines[node.lineno - 1].strip()))
    return out


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def tag_program(program: str) -> str:
    """The program with each referable statement prefixed ``@k `` after its indentation.

    >>> print(tag_program("def solve(I):\\n    x = rotate_90(I)\\n    return x"))
    def solve(I):
        @1 x = rotate_90(I)
        @2 return x
    """
    program = program.strip()
    lines = program.splitlines()
    for k, (i, text) in enumerate(statement_lines(program), start=1):
        lines[i] = f"{_indent(lines[i])}@{k} {text}"
    return "\n".join(lines)


def tags_in_prompt(prompt: str) -> dict[str, int]:
    """Statement text -> reference, read from the tagged program at the end of a student prompt
    (first reference wins for a repeated statement)."""
    i = prompt.rfind(PROGRAM_HEADER)
    if i < 0:
        return {}
    tags: dict[str, int] = {}
    for line in prompt[i + len(PROGRAM_HEADER):].splitlines():
        m = _TAGGED_LINE.match(line)
        if m:
            tags.setdefault(m.group(2), int(m.group(1)))
    return tags


def _answer_start(text: str) -> int:
    """Where the answer proper begins: after the last ``</think>`` (a CoT is never rewritten)."""
    i = text.rfind("</think>")
    return 0 if i < 0 else i + len("</think>")


def encode_completion(prompt: str, completion: str) -> str:
    """``completion`` with each program line that the prompt's program tags replaced by its
    reference (same indentation). Lines the edit changed, comments and the CoT stay as written.

    >>> p = "## ex0\\n...\\n" + PROGRAM_HEADER + tag_program("def solve(I):\\n    x = rotate_90(I)\\n    return x")
    >>> print(encode_completion(p, "<think>t</think>def solve(I):\\n    x = rotate_90(I)\\n    O = tile(x, 2, 2)\\n    return O"))
    <think>t</think>def solve(I):
        @1
        O = tile(x, 2, 2)
        return O
    """
    tags = tags_in_prompt(prompt)
    if not tags:
        return completion
    cut = _answer_start(completion)
    lines = completion[cut:].split("\n")
    for j, line in enumerate(lines):
        ref = tags.get(line.strip())
        if ref is not None:
            lines[j] = f"{_indent(line)}@{ref}"
    return completion[:cut] + "\n".join(lines)


def expand_refs(text: str, program: str | None) -> str:
    """A student answer with each bare ``@k`` line replaced by statement ``k`` of ``program`` (the
    program it edits), kept at the answer's indentation. Unknown references stay as written (the
    program then fails validation); without a program nothing changes.

    >>> start = "def solve(I):\\n    x = rotate_90(I)\\n    return x"
    >>> print(expand_refs("<think>@1</think>def solve(I):\\n    @1\\n    O = tile(x, 2, 2)\\n    @9\\n    return O", start))
    <think>@1</think>def solve(I):
        x = rotate_90(I)
        O = tile(x, 2, 2)
        @9
        return O
    """
    if not text or not program or "@" not in text:
        return text
    named = {k: s for k, (_, s) in enumerate(statement_lines(program.strip()), start=1)}
    cut = _answer_start(text)
    lines = text[cut:].split("\n")
    for j, line in enumerate(lines):
        m = _REF_LINE.match(line)
        if m and int(m.group(2)) in named:
            lines[j] = m.group(1) + named[int(m.group(2))]
    return text[:cut] + "\n".join(lines)


def encode_documents(docs: list[dict], on: bool = True) -> list[dict]:
    """Training documents/rows (``{"prompt", "completion", ...}``) with each chat completion
    written with references (:func:`encode_completion`); plain texts (no prompt) and ``on=False``
    leave them as they are. The one place training text takes the student's representation."""
    if not on:
        return list(docs)
    return [{**d, "completion": encode_completion(d["prompt"], d["completion"])} if d.get("prompt") else d
            for d in docs]
