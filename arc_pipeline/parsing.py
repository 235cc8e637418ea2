"""Split a model completion into its chain of thought and the program it proposes.

Expected shape of a completion::

    <think> ...reasoning... </think>
    ```python
    def solve(I):
        ...
    ```

Rules (see :func:`extract_program`):

* The CoT is the text before the *last* ``</think>`` (minus a leading ``<think>``). Chat
  templates often put the opening ``<think>`` into the prompt, so a completion that has only
  the closing tag is complete and its CoT is everything before it.
* An opening ``<think>`` with no closing tag means generation stopped while thinking:
  status ``"truncated"`` and no program, even if code appears inside the thinking.
* The program is looked for in the answer (the text after ``</think>``, or the whole text
  when there are no tags): the last fenced code block (```` ```python ````, ```` ```py ````
  or a bare ```` ``` ````) that contains ``def solve``; an unclosed fence runs to the end
  of the text; with no fence, the text from the first line starting with ``def solve``.
  A candidate without ``def solve`` is not a program.
"""

from __future__ import annotations

import re

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"

STATUSES = ("ok", "missing_think", "no_program", "truncated")

# ```python / ```py / ```Python3 / ``` ... ``` (closing fence optional at end of text).
_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)(?:\n[ \t]*```|\Z)", re.DOTALL)
_DEF_SOLVE = re.compile(r"^[ \t]*def[ \t]+solve[ \t]*\(", re.MULTILINE)


def _find_program(answer: str) -> str | None:
    blocks = [m.group(2) for m in _FENCE.finditer(answer)]
    for block in reversed(blocks):
        if _DEF_SOLVE.search(block):
            return block.strip("\n").rstrip() + "\n"
    if blocks:
        return None
    m = _DEF_SOLVE.search(answer)
    if m is None:
        return None
    return answer[m.start():].strip("\n").rstrip() + "\n"


def extract_program(text: str | None) -> tuple[str | None, str | None, str]:
    """Return ``(cot, program, status)`` for a completion.

    ``status`` is ``"ok"`` (closed think block and a program), ``"missing_think"`` (no think
    tags, but a program was found -- still usable), ``"no_program"`` or ``"truncated"``
    (``<think>`` never closed). ``cot`` is ``None`` when there are no think tags.

    >>> extract_program("<think>rotate it</think>```python\\ndef solve(I):\\n    return I\\n```")
    ('rotate it', 'def solve(I):\\n    return I\\n', 'ok')
    >>> extract_program("def solve(I):\\n    return I")
    (None, 'def solve(I):\\n    return I\\n', 'missing_think')
    >>> extract_program("<think>hmm, maybe def solve(I): ...")
    ('hmm, maybe def solve(I): ...', None, 'truncated')
    >>> extract_program("I don't know.")
    (None, None, 'no_program')
    """
    if not text:
        return None, None, "no_program"
    close = text.rfind(THINK_CLOSE)
    if close >= 0:
        cot = text[:close]
        open_at = cot.find(THINK_OPEN)
        if open_at >= 0:
            cot = cot[open_at + len(THINK_OPEN):]
        cot = cot.strip()
        program = _find_program(text[close + len(THINK_CLOSE):])
        return cot, program, "ok" if program is not None else "no_program"
    open_at = text.find(THINK_OPEN)
    if open_at >= 0:
        return text[open_at + len(THINK_OPEN):].strip(), None, "truncated"
    program = _find_program(text)
    return None, program, "missing_think" if program is not None else "no_program"


def completion_text(completion: object) -> str:
    """Plain text of a trl completion: a string, or a conversational list of message dicts
    (``[{"role": "assistant", "content": "..."}]``). Assistant messages are concatenated;
    list-of-parts content (``[{"type": "text", "text": ...}]``) is joined; a separate
    ``reasoning_content`` / ``thinking`` field is wrapped back into ``<think>...</think>``.

    >>> completion_text([{"role": "assistant", "content": "hi"}])
    'hi'
    """
    if completion is None:
        return ""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        completion = [completion]
    parts: list[str] = []
    for msg in completion:  # type: ignore[union-attr]
        if isinstance(msg, str):
            parts.append(msg)
            continue
        if not isinstance(msg, dict) or msg.get("role", "assistant") != "assistant":
            continue
        content = msg.get("content") or ""
        if isinstance(content, list):
            content = "".join(
                p.get("text", "") if isinstance(p, dict) else str(p) for p in content
            )
        reasoning = msg.get("reasoning_content") or msg.get("thinking")
        if reasoning and THINK_CLOSE not in content:
            content = f"{THINK_OPEN}{reasoning}{THINK_CLOSE}{content}"
        parts.append(str(content))
    return "".join(parts)


def count_tokens(text: str | None) -> int:
    """Whitespace token count (the unit of the thinking-length penalty).

    >>> count_tokens("a b  c\\n d")
    4
    """
    return len(text.split()) if text else 0
