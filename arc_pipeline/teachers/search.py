"""The offline search teacher (the embedded default): evolutionary edits over the DSL.

No model, no key: it mutates the start program (``arc_pipeline.mutations.SEARCH_MOVES``),
executes every candidate in the sandbox on the *train* pairs, keeps improvements, and writes
a chain of thought from what it observed — which examples were wrong and how, what it
changed, and the Δr that followed. Every CoT starts with ``[search-written]`` so nobody
mistakes it for a model's reasoning.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass

from arc_pipeline.mutations import SEARCH_MOVES, mutate
from arc_pipeline.program import strip_comments
from arc_pipeline.prompts import diff_text
from arc_pipeline.rewards.smooth import TaskScore, score_programs
from arc_pipeline.tasks import ArcTask
from arc_pipeline.teachers.base import EditRequest, TeacherSample

SEARCH_LABEL = "[search-written]"


@dataclass
class Candidate:
    program: str
    score: TaskScore
    history: tuple[str, ...]


def _canonical(program: str) -> str:
    try:
        return strip_comments(program)
    except SyntaxError:
        return program


def _observations(task: ArcTask, start: Candidate, outputs: list) -> list[str]:
    lines = []
    for i, (pair, ex, out) in enumerate(zip(task.train, start.score.examples, outputs)):
        lines.append(f"Example {i}: {diff_text(out, pair.output, ex.status).splitlines()[0]}.")
    return lines


def write_cot(task: ArcTask, start: Candidate, best: Candidate, tried: int, generations: int,
              start_outputs: list) -> str:
    """The CoT: observations of the start program, the edits kept, and the measured effect."""
    solved_before = {i for i, e in enumerate(start.score.examples) if e.correct}
    solved_after = {i for i, e in enumerate(best.score.examples) if e.correct}
    newly = sorted(solved_after - solved_before)
    dr = best.score.reward - start.score.reward
    parts = [
        SEARCH_LABEL,
        f"The current program scores {start.score.reward:.2f} on the train examples.",
        *_observations(task, start, start_outputs),
        f"I tried {tried} edits over {generations} rounds, running each on the train inputs.",
    ]
    if best.history:
        parts.append("The edits I kept: " + "; then ".join(best.history) + ".")
    else:
        parts.append("No edit improved on the current program.")
    effect = f"After them the program scores {best.score.reward:.2f} (Δr = {dr:+.2f})"
    if newly:
        effect += f"; example{'s' if len(newly) > 1 else ''} {', '.join(map(str, newly))} now correct"
    parts.append(effect + ".")
    return "\n".join(parts)


def search_edits(task: ArcTask, start_program: str, executor, rng: random.Random, n_results: int,
                 generations: int = 3, population: int = 8, children_per_parent: int = 6) -> tuple[list[Candidate], Candidate, int]:
    """Evolve the start program; return (best distinct candidates, start, #tried)."""
    start = Candidate(start_program, score_programs([(start_program, task)], executor)[0], ())
    seen = {_canonical(start_program)}
    pool = [start]
    tried = 0
    for _ in range(generations):
        children: list[tuple[str, tuple[str, ...]]] = []
        for parent in pool[:population]:
            for _ in range(children_per_parent):
                m = mutate(parent.program, rng, SEARCH_MOVES)
                if m is None:
                    continue
                key = _canonical(m.program)
                if key in seen:
                    continue
                seen.add(key)
                children.append((m.program, parent.history + (m.description,)))
        if not children:
            break
        tried += len(children)
        scores = score_programs([(p, task) for p, _ in children], executor)
        pool += [Candidate(p, s, h) for (p, h), s in zip(children, scores)]
        pool.sort(key=lambda c: (-c.score.reward, len(c.history)))
        pool = pool[: population * 2]
        if pool[0].score.all_correct:
            break
    ranked = [c for c in pool if c is not start]
    return ranked[:n_results], start, tried


class SearchTeacher:
    """Teacher protocol implementation around :func:`search_edits` (free, deterministic per seed)."""

    name = "search"

    def __init__(self, executor=None, generations: int = 3, population: int = 8, model: str = "search-v1",
                 cache=None):
        self.executor = executor
        self.cache = cache  # a CallCache: a re-run with the same inputs searches nothing again
        self.generations = generations
        self.population = population
        self.model = model
        self.calls_made = 0
        self.cache_hits = 0

    def _executor(self):
        if self.executor is None:
            from arc_pipeline.execution import default_executor

            self.executor = default_executor()
        return self.executor

    def _key(self, request: EditRequest) -> str:
        from arc_pipeline.teachers.cache import prompt_hash

        settings = f"generations={self.generations};population={self.population}"
        return prompt_hash(request.system, f"{settings}\n{request.prompt}", 0.0, request.n_samples)

    def sample(self, request: EditRequest) -> list[TeacherSample]:
        """Search results for the request, from the cache when this exact request ran before."""
        if self.cache is not None:
            key = self._key(request)
            stored = self.cache.get_many(self.name, self.model, key, request.seed, range(request.n_samples))
            if len(stored) == request.n_samples:
                self.cache_hits += 1
                return [TeacherSample(sample_index=c.sample_index, text=c.response, latency_s=c.latency_s,
                                      cached=True, finish_reason=c.finish_reason)
                        for c in sorted(stored.values(), key=lambda c: c.sample_index) if c.response]
        samples = self._search(request)
        if self.cache is not None:
            by_index = {s.sample_index: s for s in samples}
            for i in range(request.n_samples):  # store all n, empty text = "no candidate", so it is complete
                s = by_index.get(i)
                self.cache.put(self.name, self.model, key, request.seed, i, s.text if s else "",
                               latency_s=s.latency_s if s else 0.0, finish_reason="search" if s else "exhausted")
        return samples

    def _search(self, request: EditRequest) -> list[TeacherSample]:
        task = ArcTask.from_json(json.loads(request.task_json), request.task_id, require_test=False)
        rng = random.Random(f"{request.seed}:{request.task_id}:{_canonical(request.start_program)}")
        t0 = time.perf_counter()
        executor = self._executor()
        best, start, tried = search_edits(task, request.start_program, executor, rng,
                                          request.n_samples, self.generations, self.population)
        start_outputs = [r.output for r in executor.run(request.start_program, list(task.train_inputs))]
        latency = time.perf_counter() - t0
        self.calls_made += 1
        samples = []
        for i, cand in enumerate(best):
            cot = write_cot(task, start, cand, tried, self.generations, start_outputs)
            text = f"<think>{cot}</think>\n```python\n{cand.program.strip()}\n```\n"
            samples.append(TeacherSample(sample_index=i, text=text, latency_s=latency / max(1, len(best)),
                                         finish_reason="search", extra={"tried": tried}))
        return samples
