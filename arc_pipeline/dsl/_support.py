"""Private helpers shared by several DSL modules; contributes no primitives.

The collector skips modules whose name starts with an underscore, so nothing here is
callable from a program.
"""

from __future__ import annotations


_N4 = ((-1, 0), (1, 0), (0, -1), (0, 1))


def _spans_between(lines: list, n: int) -> list:
    """(start, stop) index ranges between separator lines in 0..n (empty ranges skipped)."""
    out, start = [], 0
    for ln in lines + [n]:
        if ln > start:
            out.append((start, ln))
        start = ln + 1
    return out


def _dihedral(cells: list) -> list:
    variants = []
    for k in range(8):
        out = []
        for r, c, v in cells:
            if k & 4:
                r, c = c, r
            if k & 1:
                r = -r
            if k & 2:
                c = -c
            out.append((r, c, v))
        variants.append(out)
    return variants
