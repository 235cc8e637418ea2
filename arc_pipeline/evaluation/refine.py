"""Test-time refinement: a proposer edits the best program so far, ranked by TRAIN reward.

The loop (:func:`refine` for one task, :func:`refine_many` for many in lock-step so a model
proposer can batch across tasks)::

    best = start program (default: the empty program, ``identity``)
    for round in 1..R:
        ask the proposer for n edits of `best` (prompt: train pairs + best's train outputs)
        parse each completion (extract_program), validate, execute on the TRAIN inputs,
        score with the smooth TRAIN reward; Δr = reward(edit) - reward(best)
        best = the highest-reward edit if it beats `best` (ties keep the earlier program)
    rank every distinct valid program seen (start included) by train reward, ties: earlier;
    run them in that order on the TEST INPUTS; the first ``attempts`` (2) distinct output grids
    per test input are the attempts.

Leak-freedom by construction: the proposer only ever receives a *train-only copy* of the task
(``test=()``) and a prompt rendered from train pairs; selection uses train rewards only; test
inputs are used to produce the attempts; test outputs are read by
:mod:`arc_pipeline.evaluation.scoring` alone.

Proposers (the :class:`Proposer` protocol): ``propose(requests, n, seed) -> list[list[str]]``
where ``requests`` is a list of ``(train_only_task, program, prompt)`` and the result holds up
to ``n`` raw completions per request (a proposer may return fewer, e.g. the search teacher
when it finds fewer distinct improvements). An optional ``render_prompt(train_pairs, program,
outcomes)`` method overrides the prompt (default: :func:`render_student_prompt`).

* :class:`ModelProposer` -- a local HF model directory, transformers ``generate`` (batched,
  sampled, seeded), the student prompt as one chat user turn.
* :class:`TeacherProposer` -- any teacher (``sample(EditRequest)``), e.g. the offline
  :class:`~arc_pipeline.teachers.search.SearchTeacher` as a reference "model".

Unparseable / invalid completions count as reward 0 (so their Δr = -reward(best)), the same
convention as the GRPO reward (:func:`arc_pipeline.rewards.trl.make_trl_reward`): both go
through the one edit evaluator, :func:`arc_pipeline.rewards.edit.evaluate_edits`. Thinking length
is the whitespace-token count of the CoT (:func:`arc_pipeline.parsing.count_tokens`), the
unit of the thinking penalty.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from arc_pipeline.baselines import EMPTY_PROGRAM
from arc_pipeline.dsl.types import Grid
from arc_pipeline.program import strip_comments
from arc_pipeline.line_refs import expand_refs
from arc_pipeline.prompts import SYSTEM_PROMPT, ExampleOutcome, render_edit_prompt, render_student_prompt
from arc_pipeline.rewards.edit import evaluate_edits, parse_edit, sample_seed
from arc_pipeline.rewards.smooth import DEFAULT_REWARD, RewardConfig, result_grid, task_reward
from arc_pipeline.tasks import ArcTask

__all__ = [
    "Request", "Proposer", "ModelProposer", "TeacherProposer", "EditRecord", "Attempt",
    "RefineResult", "refine", "refine_many", "train_only", "round_seed",
]

Request = tuple[ArcTask, str, str]  # (train-only task, current program, prompt)
TEST_CHUNK = 8  # candidate programs run on the test inputs per executor call


@runtime_checkable
class Proposer(Protocol):
    """Anything that proposes edited programs (raw completions) for (task, program, prompt)."""

    def propose(self, requests: Sequence[Request], n: int, seed: int) -> list[list[str]]:
        """Up to ``n`` raw completions per request, in request order."""
        ...


# --------------------------------------------------------------------------- proposers


class ModelProposer:
    """A local causal LM (HF directory with a chat template) sampled with ``generate``.

    Loading, the conditioned text, seeding and decoding are :mod:`arc_pipeline.generation`'s
    (shared with the local teacher). The prompt is the student prompt
    (:func:`render_student_prompt`) as one chat user turn (``chat=False`` feeds the raw
    prompt). Prompts longer than ``max_length - max_new_tokens`` tokens keep their END (the
    current program and the instruction; ``training.tiny_model.fit_prompt``); ``max_length``
    defaults to the model's ``max_position_embeddings``. ``truncated_prompts`` counts them.

    All requests x ``n`` samples are generated in batches of ``batch_size`` sequences (left
    padding); ``torch.manual_seed(seed + batch_index)`` before each batch, so a call is
    reproducible for the same requests, ``n``, ``seed``, ``batch_size`` and device (a sample
    does depend on its batch mates through padding). ``temperature <= 0`` = greedy.
    Completions follow :func:`arc_pipeline.generation.decode_completion`: cut at the first
    EOS, pad/EOS/ChatML markers dropped, ``<think>``/``</think>`` kept. ``torch_threads``
    sets torch's intra-op threads while generating (``None``: unchanged). ``constrain``: a
    :class:`arc_pipeline.constrained.ProgramGrammar` for grammar-constrained programs.
    """

    def __init__(self, model_dir: str | os.PathLike[str], max_new_tokens: int = 96, temperature: float = 1.0,
                 device: str = "cpu", chat: bool = True, *, dtype: str | None = None, batch_size: int = 16,
                 max_length: int | None = None, top_p: float = 1.0, name: str | None = None,
                 torch_threads: int | None = None, wait: Any = None, constrain: Any = None) -> None:
        from arc_pipeline.generation import default_dtype

        self.model_dir = model_dir  # a local directory or a HF model id
        self.max_new_tokens = int(max_new_tokens)
        self.temperature = float(temperature)
        self.device = device
        self.chat = chat
        self.dtype = dtype or default_dtype(device)
        self.batch_size = max(1, int(batch_size))
        self.max_length = max_length
        self.top_p = top_p
        self.torch_threads = torch_threads
        self.wait = wait  # generation.WaitForcing or None
        self.constrain = constrain  # constrained.ProgramGrammar or None (grammar-constrained program part)
        self.waits = 0
        self.name = name or Path(str(model_dir)).name
        self.truncated_prompts = 0
        self.generated_tokens = 0
        self.calls = 0
        self._model = None
        self._tokenizer = None
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            from arc_pipeline.generation import load_model

            self._model, self._tokenizer = load_model(self.model_dir, self.dtype, self.device)
        return self._model, self._tokenizer

    @property
    def tokenizer(self):
        return self._load()[1]

    def release(self) -> None:
        """Drop the loaded model (frees GPU memory between models); reloaded on the next call."""
        with self._lock:
            self._model = self._tokenizer = None
        try:
            import torch

            if torch.cuda.is_available():
                torch.cuda.empty_cache()
        except ImportError:
            pass

    def build_prompt(self, prompt: str) -> str:
        """The exact text the model is conditioned on (chat template + assistant header)."""
        from arc_pipeline.generation import conditioned_text, context_budget

        model, tok = self._load()
        text, cut = conditioned_text(tok, prompt, chat=self.chat, budget_tokens=context_budget(model, self.max_length),
                                     reserve_tokens=self.max_new_tokens)
        self.truncated_prompts += int(cut)
        return text

    def propose(self, requests: Sequence[Request], n: int, seed: int) -> list[list[str]]:
        from arc_pipeline.generation import sample

        if n <= 0 or not requests:
            return [[] for _ in requests]
        with self._lock:
            model, tok = self._load()
            texts = [self.build_prompt(prompt) for _, _, prompt in requests]
            flat = [(r, text) for r, text in enumerate(texts) for _ in range(n)]
            out: list[list[str]] = [[] for _ in requests]
            gens = sample(model, tok, [t for _, t in flat], max_new_tokens=self.max_new_tokens,
                          temperature=self.temperature, top_p=self.top_p, seed=seed, batch_size=self.batch_size,
                          device=self.device, threads=self.torch_threads, wait=self.wait,
                          constrain=self.constrain)
            for (r, _), gen in zip(flat, gens):
                self.generated_tokens += gen.output_tokens
                self.waits += gen.waits
                out[r].append(gen.text)
            self.calls += 1
            return out


class TeacherProposer:
    """Any teacher (``sample(EditRequest) -> [TeacherSample]``) as a proposer.

    ``EditRequest.task_json`` is the train-only task JSON and ``prompt`` the prompt refine
    rendered (the student prompt, or -- with ``dsl_reference`` -- the teacher's edit prompt
    with the DSL reference and worked example). Samples are returned in ``sample_index`` order.
    """

    def __init__(self, teacher: Any, system: str = SYSTEM_PROMPT, dsl_reference: str | None = None,
                 temperature: float = 1.0, max_output_tokens: int = 4096, name: str | None = None) -> None:
        self.teacher = teacher
        self.system = system
        self.dsl_reference = dsl_reference
        self.temperature = temperature
        self.max_output_tokens = max_output_tokens
        self.name = name or getattr(teacher, "name", type(teacher).__name__)

    def render_prompt(self, train_pairs, program: str, outcomes) -> str:
        if self.dsl_reference:
            return render_edit_prompt(train_pairs, program, outcomes, self.dsl_reference)
        return render_student_prompt(train_pairs, program, outcomes)

    def propose(self, requests: Sequence[Request], n: int, seed: int) -> list[list[str]]:
        from arc_pipeline.teachers.base import EditRequest

        out = []
        for task, program, prompt in requests:
            request = EditRequest(task_id=task.id, prompt=prompt, system=self.system, start_program=program,
                                  task_json=task.train_json(), n_samples=n, seed=int(seed),
                                  temperature=self.temperature, max_output_tokens=self.max_output_tokens)
            samples = sorted(self.teacher.sample(request), key=lambda s: s.sample_index)
            out.append([s.text for s in samples][:n])
        return out


# --------------------------------------------------------------------------- results


@dataclass
class EditRecord:
    """One proposed edit. ``round`` is 1-based; ``reward`` is the train reward of the edited
    program (0.0 when it could not be parsed/validated); ``delta_r = reward - parent_reward``.
    ``outputs_before`` / ``outputs_after`` (train outputs of parent and edit) are kept only for
    improving edits (``delta_r > 0``), for the report's edit visualisations."""

    round: int
    sample_index: int
    status: str
    parent_program: str
    parent_reward: float
    program: str | None
    reward: float
    delta_r: float
    thinking_tokens: int
    outputs_before: list[Grid | None] | None = None
    valid: bool = False  # parses, validates, runs on every train input and returns a grid (EditOutcome.valid)
    outputs_after: list[Grid | None] | None = None


@dataclass(frozen=True)
class Attempt:
    """One prediction for one test input: the output grid and the program that made it."""

    output: Grid
    program: str
    train_reward: float
    rank: int  # position of the program in the train-reward ranking (0 = best)


@dataclass
class RefineResult:
    """Everything :func:`refine` did for one task (no test outputs inside)."""

    task_id: str
    model: str
    seed: int
    rounds: int
    samples_per_round: int
    start_program: str
    start_reward: float
    best_program: str
    best_reward: float
    best_round: int  # 0 = the start program was never beaten
    round_best_rewards: list[float] = field(default_factory=list)  # best-so-far after each round run
    edits: list[EditRecord] = field(default_factory=list)
    attempts: list[list[Attempt]] = field(default_factory=list)  # per test input, <= `attempts` each
    n_candidates: int = 0  # distinct valid programs seen (start included)
    best_outputs: list[Grid | None] = field(default_factory=list)  # best program's train outputs

    @property
    def rounds_run(self) -> int:
        return len(self.round_best_rewards)

    @property
    def mean_delta_r(self) -> float | None:
        return _mean([e.delta_r for e in self.edits])

    @property
    def mean_thinking_tokens(self) -> float | None:
        return _mean([e.thinking_tokens for e in self.edits])

    def delta_r_by_round(self) -> dict[int, float]:
        """Mean Δr of the edits of each round (1-based)."""
        by: dict[int, list[float]] = {}
        for e in self.edits:
            by.setdefault(e.round, []).append(e.delta_r)
        return {r: sum(v) / len(v) for r, v in sorted(by.items())}

    def rewards_by_round(self, rounds: int | None = None) -> list[float]:
        """Best-so-far train reward at round 0 (start) .. ``rounds`` (padded with the last
        value when the loop stopped early)."""
        values = [self.start_reward] + list(self.round_best_rewards)
        target = (rounds if rounds is not None else self.rounds) + 1
        return (values + [values[-1]] * target)[:target]

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.edits:
            counts[e.status] = counts.get(e.status, 0) + 1
        return counts


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# --------------------------------------------------------------------------- the loop


def train_only(task: ArcTask) -> ArcTask:
    """A copy of the task without its test pairs: what a proposer is allowed to see."""
    return ArcTask(id=task.id, train=task.train, test=(), source=task.source)


def round_seed(seed: int, rnd: int) -> int:
    """The seed handed to the proposer in round ``rnd`` (0-based): the one derivation,
    :func:`arc_pipeline.rewards.edit.sample_seed`."""
    return sample_seed(seed, rnd)


def _canonical(program: str) -> str:
    try:
        return strip_comments(program)
    except (SyntaxError, ValueError):
        return program


def _run_many(executor: Any, jobs: list[tuple[str, list[Grid]]]) -> list[list[Any]]:
    if not jobs:
        return []
    if hasattr(executor, "run_many"):
        return executor.run_many(jobs)
    return [executor.run(p, g) for p, g in jobs]


_output = result_grid  # the one normalisation of executor outputs


@dataclass
class _State:
    task: ArcTask
    view: ArcTask  # train-only copy handed to the proposer
    best_program: str
    best_reward: float
    best_results: list[Any]
    start_reward: float = 0.0
    best_round: int = 0
    round_best: list[float] = field(default_factory=list)
    edits: list[EditRecord] = field(default_factory=list)
    candidates: dict[str, tuple[str, float, int]] = field(default_factory=dict)  # canon -> (program, reward, order)

    def add_candidate(self, program: str, reward: float) -> None:
        key = _canonical(program)
        if key not in self.candidates:
            self.candidates[key] = (program, reward, len(self.candidates))


def _outcomes(results: list[Any]) -> list[ExampleOutcome]:
    return [ExampleOutcome(r.status, _output(r), getattr(r, "error", None)) for r in results]


def refine_many(tasks: Sequence[ArcTask], proposer: Proposer, executor: Any, rounds: int, samples_per_round: int,
                start_program: str | Mapping[str, str] = EMPTY_PROGRAM, seed: int = 0, *, attempts: int = 2,
                model: str | None = None, stop_when_solved: bool = True,
                reward_config: RewardConfig = DEFAULT_REWARD) -> list[RefineResult]:
    """:func:`refine` for several tasks in lock-step: one ``propose`` call per round covers
    every task still running (a model proposer batches them). Results in task order.

    ``start_program`` is one program for all tasks or a ``{task_id: program}`` mapping (tasks
    missing from it start from :data:`EMPTY_PROGRAM`). With ``stop_when_solved`` a task whose
    best program reproduces every train output (reward 1.0) makes no further requests.
    """
    if rounds < 0 or samples_per_round < 0:
        raise ValueError("rounds and samples_per_round must be >= 0")
    model = model or getattr(proposer, "name", type(proposer).__name__)
    render = getattr(proposer, "render_prompt", None) or render_student_prompt
    starts = [start_program.get(t.id, EMPTY_PROGRAM) if isinstance(start_program, Mapping) else start_program
              for t in tasks]
    start_results = _run_many(executor, [(p, list(t.train_inputs)) for p, t in zip(starts, tasks)])
    states: list[_State] = []
    for task, program, results in zip(tasks, starts, start_results):
        reward = task_reward(results, list(task.train_outputs), reward_config).reward
        st = _State(task, train_only(task), program, reward, results, start_reward=reward)
        if parse_edit(program).usable:
            st.add_candidate(program, reward)
        states.append(st)

    for rnd in range(rounds):
        active = [st for st in states if not (stop_when_solved and st.best_reward >= reward_config.max_example_reward)]
        if not active:
            break
        requests: list[Request] = []
        for st in active:
            pairs = [(p.input, p.output) for p in st.view.train]
            requests.append((st.view, st.best_program, render(pairs, st.best_program, _outcomes(st.best_results))))
        completions = proposer.propose(requests, samples_per_round, round_seed(seed, rnd)) if samples_per_round else [[] for _ in active]
        if len(completions) != len(active):
            raise ValueError(f"proposer returned {len(completions)} completion lists for {len(active)} requests")
        # the one edit evaluator: parse + validate everything, one batched run on the train inputs
        owners = [(st, i) for st, texts in zip(active, completions) for i in range(len(list(texts)[:samples_per_round]))]
        # an answer keeps a line of the program it edits by reference (line_refs): expanded here
        texts = [expand_refs(t, st.best_program) for st, answers in zip(active, completions)
                 for t in list(answers)[:samples_per_round]]
        outcomes = evaluate_edits([(text, st.task) for (st, _), text in zip(owners, texts)], executor, reward_config)
        round_best: dict[int, tuple[float, str, list[Any]]] = {}
        for (st, i), out in zip(owners, outcomes):
            program, status, thinking = out.program, out.status, out.thinking_tokens
            results = out.results
            reward = out.reward
            if out.scored:
                st.add_candidate(program, reward)
            dr = reward - st.best_reward
            record = EditRecord(rnd + 1, i, status, st.best_program, st.best_reward, program, reward, dr, thinking,
                                valid=out.valid)
            if dr > 0 and results is not None:
                record.outputs_before = [_output(r) for r in st.best_results]
                record.outputs_after = [_output(r) for r in results]
            st.edits.append(record)
            key = id(st)
            if results is not None and (key not in round_best or reward > round_best[key][0]):
                round_best[key] = (reward, program, results)  # type: ignore[arg-type]
        for st in active:
            best = round_best.get(id(st))
            if best is not None and best[0] > st.best_reward:
                st.best_reward, st.best_program, st.best_results = best
                st.best_round = rnd + 1
            st.round_best.append(st.best_reward)

    attempt_lists = _attempts(states, executor, attempts)
    out = []
    for st, start, atts in zip(states, starts, attempt_lists):
        out.append(RefineResult(
            task_id=st.task.id, model=model, seed=int(seed), rounds=rounds, samples_per_round=samples_per_round,
            start_program=start, start_reward=st.start_reward,
            best_program=st.best_program, best_reward=st.best_reward, best_round=st.best_round,
            round_best_rewards=st.round_best, edits=st.edits, attempts=atts, n_candidates=len(st.candidates),
            best_outputs=[_output(r) for r in st.best_results],
        ))
    return out


def _attempts(states: Sequence[_State], executor: Any, attempts: int) -> list[list[list[Attempt]]]:
    """Run ranked candidates on the test inputs until each input has ``attempts`` distinct outputs."""
    ranked = [sorted(st.candidates.values(), key=lambda c: (-c[1], c[2])) for st in states]
    found: list[list[list[Attempt]]] = [[[] for _ in st.task.test] for st in states]
    pos = [0] * len(states)

    def done(k: int) -> bool:
        return pos[k] >= len(ranked[k]) or all(len(a) >= attempts for a in found[k])

    while True:
        jobs, owners = [], []
        for k, st in enumerate(states):
            if done(k) or not st.task.test:
                continue
            for rank in range(pos[k], min(pos[k] + TEST_CHUNK, len(ranked[k]))):
                jobs.append((ranked[k][rank][0], list(st.task.test_inputs)))
                owners.append((k, rank))
            pos[k] = min(pos[k] + TEST_CHUNK, len(ranked[k]))
        if not jobs:
            break
        for (k, rank), results in zip(owners, _run_many(executor, jobs)):
            program, reward, _ = ranked[k][rank]
            for t, result in enumerate(results):
                grid = _output(result)
                slot = found[k][t]
                if grid is None or len(slot) >= attempts or any(a.output == grid for a in slot):
                    continue
                slot.append(Attempt(grid, program, reward, rank))
    return found


def refine(task: ArcTask, proposer: Proposer, executor: Any, rounds: int, samples_per_round: int,
           start_program: str = EMPTY_PROGRAM, seed: int = 0, *, attempts: int = 2, model: str | None = None,
           stop_when_solved: bool = True, reward_config: RewardConfig = DEFAULT_REWARD) -> RefineResult:
    """Refine one task (see the module docstring); returns a :class:`RefineResult`."""
    return refine_many([task], proposer, executor, rounds, samples_per_round, start_program, seed,
                       attempts=attempts, model=model, stop_when_solved=stop_when_solved,
                       reward_config=reward_config)[0]
