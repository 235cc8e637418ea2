"""Generalisation probes: new (input, expected output) pairs built from a task's given pairs.

A solver that passes every given pair can still hard-code what the demonstrations happened to
share (a black background, a blue frame, one orientation). A probe rewrites the given pairs by a
transformation the task's rule should not care about and checks, in the sandbox, that the solver
maps each transformed input to the transformed output. These two probes know nothing of the rule;
they need only the given pairs, so they cover every task. The third, ``fresh``, knows the rule of a
sample of tasks through generators of our own (``arc_pipeline.solutions.generators``).

Probes
------
``recolour``
    A permutation of the colours applied to input AND output of every given pair (train and
    test). The permutation always moves the background (the most common colour over all the
    task's inputs) unless the solver declares that the background keeps its meaning, and it moves
    every colour the task uses that the solver does not declare as kept, preferring colours the
    task does not use at all. ``RECOLOUR_VARIANTS`` permutations per task, seeded by the task id
    (deterministic under any ``PYTHONHASHSEED``).
``dihedral``
    Each of the seven non-identity D4 transforms (rotations by 90/180/270 degrees, left-right and
    top-bottom mirrors, the two diagonal mirrors), applied to input and output of every pair.

``fresh``
    ``FRESH_PAIRS`` (20) new pairs drawn by the task's generator (other sizes, backgrounds, object
    counts and positions than the demonstrations had), seeded (``fresh_seed``, default 0).
    Tasks without a generator are ``n/a``; exemption lines do not apply (the generator already
    keeps whatever the rule names).

A task passes a probe when the solver's output is exactly right on every pair of every variant.

Declaring an exemption (in the solver file)
-------------------------------------------
Exemptions are comment lines anywhere in the solver file, like ``# data-flaw:`` lines (see
``arc_pipeline.solutions``); they are not part of the rule text prompts see. A reason is required.

``# colour-semantic: <reason>``
    The rule names colours that cannot be renamed (e.g. ``# colour-semantic: blue becomes red,
    whatever the background``): the task is exempt from ``recolour``.
``# colour-semantic: keep <c>[,<c>...]: <reason>``
    Only the listed colours (digits 0-9) keep their meaning (e.g. ``# colour-semantic: keep 1,2:
    blue cells become red``): ``recolour`` fixes them and permutes all the others.
``# orientation-semantic: <reason>``
    The rule has a direction (gravity down, "the left column", ...): exempt from ``dihedral``.
``# orientation-semantic: only <transform>[,<transform>...]: <reason>``
    The rule holds under only the listed transforms, named as the DSL names them
    (``rotate_90``, ``rotate_180``, ``rotate_270``, ``flip_horizontal``, ``flip_vertical``,
    ``transpose``, ``flip_antidiagonal``): ``dihedral`` runs only those.

Several lines with the same mark are joined into one reason; kept colours or transforms given on
several lines add up. A malformed declaration (no reason, a colour outside 0-9, an unknown
transform) raises ``ProbeDeclarationError`` naming the solver file and line, before anything runs.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import polars as pl

from arc_pipeline.solutions import COLOUR_SEMANTIC_MARK, ORIENTATION_SEMANTIC_MARK
from arc_pipeline.solutions.generators import FRESH_PAIRS, FRESH_SEED, fresh_pairs
from arc_pipeline.tasks import ArcTask

Grid = tuple[tuple[int, ...], ...]
PROBES: tuple[str, ...] = ("recolour", "dihedral", "fresh")
RECOLOUR_VARIANTS = 3


def _rows(rows) -> Grid:
    return tuple(tuple(r) for r in rows)


def _transpose(g: Grid) -> Grid:
    return _rows(zip(*g))


def _rotate_180(g: Grid) -> Grid:
    return _rows(r[::-1] for r in g[::-1])


DIHEDRAL: dict[str, Callable[[Grid], Grid]] = {
    "rotate_90": lambda g: _rows(zip(*g[::-1])),
    "rotate_180": _rotate_180,
    "rotate_270": lambda g: _transpose(g)[::-1],
    "flip_horizontal": lambda g: _rows(r[::-1] for r in g),
    "flip_vertical": lambda g: g[::-1],
    "transpose": _transpose,
    "flip_antidiagonal": lambda g: _rotate_180(_transpose(g)),
}


class ProbeDeclarationError(ValueError):
    """A malformed ``# colour-semantic:`` / ``# orientation-semantic:`` line in a solver file."""


@dataclass(frozen=True)
class Exemption:
    """What a solver file declares about one probe: why, and what the probe may still vary.

    ``keep`` (recolour) are colours that keep their meaning; ``only`` (dihedral) are the
    transforms the rule is invariant under. A declaration with neither exempts the task fully.
    """

    probe: str
    reason: str
    keep: tuple[int, ...] = ()
    only: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        """True when the task is not probed at all (nothing is declared still free)."""
        return not self.keep and not self.only


_PREFIX = re.compile(r"^(keep|only)\s+([^:]*):\s*(.*)$")
_MARKS = {"recolour": COLOUR_SEMANTIC_MARK, "dihedral": ORIENTATION_SEMANTIC_MARK}


def parse_exemptions(program: str, where: str = "solver") -> dict[str, Exemption]:
    """``{probe: Exemption}`` declared by a solver file; ``where`` names the file in errors.

    Parsing is strict because an exemption silently switched off by a typo would hide a failing
    solver, and one silently widened would hide a hard-coded colour.
    """
    found: dict[str, tuple[list[str], list[int], list[str]]] = {}
    for lineno, line in enumerate(program.splitlines(), 1):
        stripped = line.strip()
        for probe, mark in _MARKS.items():
            if not stripped.startswith(mark):
                continue
            body = stripped[len(mark):].strip()
            reasons, keep, only = found.setdefault(probe, ([], [], []))
            m = _PREFIX.match(body)
            if m:
                word, items, body = m.group(1), [s.strip() for s in m.group(2).split(",")], m.group(3).strip()
                if probe == "recolour" and word == "keep":
                    if not all(re.fullmatch(r"\d", s) for s in items):
                        raise ProbeDeclarationError(
                            f"{where}: line {lineno}: 'keep' needs colours 0-9 separated by commas, got {m.group(2)!r}")
                    keep += [int(s) for s in items]
                elif probe == "dihedral" and word == "only":
                    unknown = [s for s in items if s not in DIHEDRAL]
                    if unknown:
                        raise ProbeDeclarationError(
                            f"{where}: line {lineno}: unknown transform(s) {unknown}; known: {', '.join(DIHEDRAL)}")
                    only += items
                else:
                    raise ProbeDeclarationError(f"{where}: line {lineno}: {mark} takes "
                                                f"'{'keep' if probe == 'recolour' else 'only'}', not {word!r}")
            if not body:
                raise ProbeDeclarationError(f"{where}: line {lineno}: {mark} needs a reason after the colon")
            reasons.append(body)
    return {probe: Exemption(probe, " ".join(r), tuple(sorted(set(k))), tuple(dict.fromkeys(o)))
            for probe, (r, k, o) in found.items()}


def task_background(task: ArcTask) -> int:
    """Most common colour over all the task's inputs (ties: smaller colour): the likely background."""
    counts = Counter(v for p in task.train + task.test for row in p.input for v in row)
    return min(counts, key=lambda c: (-counts[c], c))


def task_colours(task: ArcTask) -> set[int]:
    """Every colour in any input or output of the task."""
    return {v for p in task.train + task.test for g in (p.input, p.output) for row in g for v in row}


def recolour_permutations(task: ArcTask, keep: Sequence[int] = (), n: int = RECOLOUR_VARIANTS) -> list[dict[int, int]]:
    """``n`` colour permutations (each a full map 0-9) that fix ``keep`` and move every used free colour.

    Used free colours go to colours the task never uses first, so a solver that hard-codes a
    colour meets inputs without it. Seeded by the task id, so runs are reproducible.
    Empty when fewer than two colours are free (nothing can be permuted).
    """
    free = [c for c in range(10) if c not in set(keep)]
    used = sorted(task_colours(task) & set(free))
    if len(free) < 2 or not used:
        return []
    perms: list[dict[int, int]] = []
    for k in range(n):
        rng = random.Random(f"{task.id}:recolour:{k}")
        for _attempt in range(50):
            sources = used[:]
            rng.shuffle(sources)
            unused = [c for c in free if c not in used]
            rng.shuffle(unused)
            mapping = dict(zip(sources, unused))
            rest_src = [c for c in free if c not in mapping]
            rest_dst = [c for c in free if c not in mapping.values()]
            for _shuffle in range(50):
                rng.shuffle(rest_dst)
                if not any(s == d and s in used for s, d in zip(rest_src, rest_dst)):
                    break
            mapping.update(zip(rest_src, rest_dst))
            mapping.update({c: c for c in keep})
            if all(mapping[c] != c for c in used) and mapping not in perms:
                perms.append(mapping)
                break
    return perms


def recolour_grid(grid: Grid, mapping: Mapping[int, int]) -> Grid:
    """The grid with every cell's colour replaced through ``mapping``."""
    return tuple(tuple(mapping[v] for v in row) for row in grid)


@dataclass(frozen=True)
class ProbeCase:
    """One probe variant of a task: a name (e.g. ``recolour[0]``) and its transformed pairs."""

    probe: str
    variant: str
    inputs: tuple[Grid, ...]
    outputs: tuple[Grid, ...]


def probe_cases(task: ArcTask, probe: str, exemption: Exemption | None = None,
                fresh_n: int = FRESH_PAIRS, fresh_seed: int = FRESH_SEED) -> list[ProbeCase]:
    """The pairs of one probe for a task, honouring an exemption.

    recolour/dihedral transform every train and test pair; fresh is one case of ``fresh_n``
    generated pairs (none when the task has no generator).
    """
    if probe == "fresh":
        drawn = fresh_pairs(task.id, fresh_n, fresh_seed)
        return [ProbeCase(probe, f"fresh[seed {fresh_seed}]", tuple(i for i, _ in drawn),
                          tuple(o for _, o in drawn))] if drawn else []
    pairs = task.train + task.test
    if exemption is not None and exemption.full:
        return []
    if probe == "recolour":
        keep = exemption.keep if exemption else ()
        return [ProbeCase(probe, f"recolour[{i}] {''.join(str(m[c]) for c in range(10))}",
                          tuple(recolour_grid(p.input, m) for p in pairs),
                          tuple(recolour_grid(p.output, m) for p in pairs))
                for i, m in enumerate(recolour_permutations(task, keep))]
    if probe == "dihedral":
        names = exemption.only if exemption else tuple(DIHEDRAL)
        return [ProbeCase(probe, name, tuple(DIHEDRAL[name](p.input) for p in pairs),
                          tuple(DIHEDRAL[name](p.output) for p in pairs)) for name in names]
    raise ValueError(f"unknown probe {probe!r}; known: {', '.join(PROBES)}")


@dataclass
class ProbeReport:
    """One row per (task, probe): status ``pass`` / ``fail`` / ``exempt`` / ``n/a``, pair counts."""

    rows: pl.DataFrame
    probes: tuple[str, ...]
    seconds: float = 0.0
    meta: dict = field(default_factory=dict)

    def totals(self) -> dict[str, dict]:
        """Per probe: tasks probed/passed/failed/exempt/not applicable, pairs passed of probed."""
        out = {}
        for probe in self.probes:
            r = self.rows.filter(pl.col("probe") == probe)
            count = {s: r.filter(pl.col("status") == s).height for s in ("pass", "fail", "exempt", "n/a")}
            out[probe] = {"tasks": r.height, "probed": count["pass"] + count["fail"], "passed": count["pass"],
                          "failed": count["fail"], "exempt": count["exempt"], "not_applicable": count["n/a"],
                          "pairs": int(r["n_pairs"].sum()), "pairs_passed": int(r["n_correct"].sum())}
        return out

    def failing(self, probe: str) -> list[str]:
        """Task ids that fail ``probe`` (not exempt), sorted."""
        r = self.rows.filter((pl.col("probe") == probe) & (pl.col("status") == "fail"))
        return sorted(r["task_id"].to_list())

    @property
    def ok(self) -> bool:
        """True when no task fails a probe it is not exempt from."""
        return self.rows.filter(pl.col("status") == "fail").height == 0

    def exemptions(self) -> list[dict]:
        """Every declared exemption: task, probe, reason, and what the probe still varies."""
        r = self.rows.filter(pl.col("exemption").is_not_null())
        return [{"task_id": d["task_id"], "probe": d["probe"], "reason": d["exemption"], "full": d["status"] == "exempt",
                 "keep": d["keep"], "only": d["only"]} for d in r.to_dicts()]

    def to_dict(self) -> dict:
        return {"ok": self.ok, "probes": list(self.probes), "totals": self.totals(),
                "failing": {p: self.failing(p) for p in self.probes}, "exemptions": self.exemptions(),
                "seconds": round(self.seconds, 3), "tasks": self.rows.to_dicts(),
                **({"meta": self.meta} if self.meta else {})}


_SCHEMA = {"task_id": pl.Utf8, "probe": pl.Utf8, "status": pl.Utf8, "variants": pl.Int64, "n_pairs": pl.Int64,
           "n_correct": pl.Int64, "first_failure": pl.Utf8, "exemption": pl.Utf8,
           "keep": pl.List(pl.Int64), "only": pl.List(pl.Utf8)}


def run_probes(solutions: Mapping[str, str], tasks: Mapping[str, ArcTask], executor=None,
               probes: Sequence[str] = PROBES, fresh_n: int = FRESH_PAIRS,
               fresh_seed: int = FRESH_SEED) -> ProbeReport:
    """Run every probe for every solver whose task is known, in the sandbox, in one batch.

    All exemption lines are parsed first, so a malformed one stops the run before any result.
    ``fresh_n`` / ``fresh_seed`` size and seed the fresh probe's generated pairs.
    """
    import time

    from arc_pipeline.execution import default_executor

    unknown = [p for p in probes if p not in PROBES]
    if unknown:
        raise ValueError(f"unknown probe(s) {unknown}; known: {', '.join(PROBES)}")
    ids = [t for t in solutions if t in tasks]
    declared = {t: parse_exemptions(solutions[t], f"solver {t}.py") for t in ids}
    executor = executor or default_executor()
    start = time.perf_counter()
    plan = [(t, p, declared[t].get(p), probe_cases(tasks[t], p, declared[t].get(p), fresh_n, fresh_seed))
            for t in ids for p in probes]
    jobs = [(solutions[t], list(case.inputs)) for t, _p, _e, cases in plan for case in cases]
    results = iter(executor.run_many(jobs))
    rows = []
    for task_id, probe, ex, cases in plan:
        n_pairs = n_correct = 0
        failure = None
        for case in cases:
            for i, (res, exp) in enumerate(zip(next(results), case.outputs)):
                n_pairs += 1
                if res.status == "ok" and res.output == exp:
                    n_correct += 1
                elif failure is None:
                    failure = f"{case.variant} pair {i}: " + (
                        "wrong output" if res.status == "ok" else f"{res.status} {res.error or ''}".strip())
        if ex is not None and ex.full:
            status = "exempt"
        elif not cases:
            status = "n/a"
        else:
            status = "pass" if n_correct == n_pairs else "fail"
        rows.append({"task_id": task_id, "probe": probe, "status": status, "variants": len(cases),
                     "n_pairs": n_pairs, "n_correct": n_correct, "first_failure": failure and failure[:300],
                     "exemption": ex.reason if ex else None, "keep": list(ex.keep) if ex else [],
                     "only": list(ex.only) if ex else []})
    frame = pl.DataFrame(rows, schema=_SCHEMA).sort(["task_id", "probe"]) if rows else pl.DataFrame(schema=_SCHEMA)
    meta = {"fresh_pairs": fresh_n, "fresh_seed": fresh_seed} if "fresh" in probes else {}
    return ProbeReport(rows=frame, probes=tuple(probes), seconds=time.perf_counter() - start, meta=meta)
