"""A short GRPO run on the tiny model with OUR sandboxed Δr reward: rewards are logged per step
(trl's log_history and metrics.json), the checkpoint is saved, re-runs are skipped, and the
curriculum sampling hook is deterministic."""

import dataclasses
import json
import os
import random
from collections import Counter

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from arc_pipeline.config import GRPOConfigSection, ModelConfig  # noqa: E402
from arc_pipeline.training.grpo import make_format_reward, steps_per_generation, weighted_rows  # noqa: E402

MODEL_CFG = ModelConfig(tiny_hidden_size=64, tiny_layers=2, tiny_vocab_size=1000, max_length=512)
START = "def solve(I):\n    O = identity(I)\n    return O\n"


def prompt_rows() -> list[dict]:
    from arc_pipeline.execution import default_executor
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.rewards.smooth import score_program
    from arc_pipeline.tasks import parse_task
    from arc_pipeline.traces import outcomes_of

    rows = []
    for task_id, grid in (("mirror", ((1, 2, 0), (0, 3, 4))), ("mirror2", ((5, 0), (6, 7), (0, 8)))):
        data = {"train": [{"input": [list(r) for r in grid], "output": [list(reversed(r)) for r in grid]}], "test": []}
        task = parse_task(data, task_id, require_test=False)
        prompt = render_student_prompt([(p.input, p.output) for p in task.train], START, outcomes_of(START, task, default_executor()))
        rows.append({"task_id": task_id, "prompt": prompt, "task_json": task.train_json(), "start_program": START,
                     "reward_before": score_program(START, task).reward, "difficulty_level": "level-1"})
    return rows


def test_steps_per_generation_makes_batches_divisible():
    for batch in range(1, 9):
        for gens in range(2, 9):
            s = steps_per_generation(batch, gens)
            assert (batch * s) % gens == 0 and s >= 1


def test_weighted_rows_follow_weights_deterministically():
    rows = [{"i": i} for i in range(3)]
    a = weighted_rows(rows, [0.0, 1.0, 3.0], 400, seed=7)
    assert a == weighted_rows(rows, [0.0, 1.0, 3.0], 400, seed=7)
    counts = Counter(r["i"] for r in a)
    assert counts[0] == 0 and 2.2 < counts[2] / counts[1] < 4.0
    assert weighted_rows(rows, None, 10, 0) == rows
    with pytest.raises(ValueError):
        weighted_rows(rows, [0.0, 0.0, 0.0], 5, 0)
    with pytest.raises(ValueError):
        weighted_rows(rows, [1.0], 5, 0)


def test_format_reward():
    statuses = Counter()
    fmt = make_format_reward(statuses)
    good = "<think>mirror</think>\n```python\ndef solve(I):\n    O = flip_horizontal(I)\n    return O\n```"
    scores = fmt([good, "def solve(I):\n    return I", "<think>never closed", [{"role": "assistant", "content": good}]])
    assert scores == [1.0, 0.5, 0.0, 1.0] and fmt.__name__ == "format"
    assert statuses == Counter({"ok": 2, "missing_think": 1, "truncated": 1})


@pytest.mark.slow
def test_grpo_logs_sandboxed_rewards(tmp_path):
    from arc_pipeline.dsl.reference import render_reference
    from arc_pipeline.solutions import load_solutions
    from arc_pipeline.training.grpo import train_grpo
    from arc_pipeline.training.tiny_model import build_tiny_model, load_model_and_tokenizer

    rows = prompt_rows()
    assert rows[0]["reward_before"] > 0  # identity gets the valid-grid and shape bonuses
    corpus = [render_reference()] + list(load_solutions().values())[:100] + [r["prompt"] for r in rows]
    base = build_tiny_model(MODEL_CFG, corpus, tmp_path / "models")
    cfg = GRPOConfigSection(num_generations=2, max_steps=3, batch_size=2, max_completion_length=24, learning_rate=1e-4)
    out = tmp_path / "grpo"
    m = train_grpo(rows, base, MODEL_CFG, cfg, out, seed=0, sampling_weights=[1.0, 3.0])

    # trl logged our reward functions by name: rewards/delta_r/* is make_trl_reward's Δr
    history = json.loads((out / "metrics.json").read_text())["log_history"]
    steps = [h for h in history if "reward" in h]
    assert len(steps) == 3 == m["steps"]
    for h in steps:
        assert {"rewards/delta_r/mean", "rewards/format/mean", "reward_std", "frac_reward_zero_std"} <= set(h)
        # a random model produces no program: Δr = 0 - reward_before for every sample
        assert -1.0 <= h["rewards/delta_r/mean"] <= 1.0
    assert len(m["reward_mean"]) == len(m["reward_std"]) == len(m["frac_reward_zero_std"]) == 3
    assert len(m["reward_delta_r"]) == 3
    assert sum(m["parse_status_counts"].values()) == 3 * cfg.batch_size
    assert max(m["reward_delta_r"]) < 0  # nothing parses -> negative Δr: it ran through OUR reward
    assert (out / "reward_curve.png").stat().st_size > 1000
    from arc_pipeline.execution import default_executor
    from arc_pipeline.rewards.smooth import DEFAULT_REWARD

    stored = json.loads((out / "metrics.json").read_text())["settings"]  # the settings the reward ran under
    assert stored["sandbox"] == default_executor().settings() and stored["reward"] == dataclasses.asdict(DEFAULT_REWARD)
    model, _ = load_model_and_tokenizer(out / "merged")
    assert model.config.model_type == "qwen2"
    assert train_grpo(rows, base, MODEL_CFG, cfg, out, seed=0, sampling_weights=[1.0, 3.0])["reused"] is True


def test_weighted_rows_rejects_negative():
    with pytest.raises(ValueError):
        weighted_rows([{"a": 1}], [-1.0], 3, random.randrange(10))


def test_visits_record_how_much_of_the_start_each_edit_keeps():
    """The visit log says whether the student edits (keeps the start's right lines) or rewrites."""
    from arc_pipeline.rewards.trl import make_trl_reward
    from arc_pipeline.training.grpo import logged_reward

    start = "def solve(I):\n    x = flip_horizontal(I)\n    O = rotate_180(x)\n    return O\n"
    task = {"train": [{"input": [[1, 2], [3, 4]], "output": [[2, 1], [4, 3]]}], "test": []}
    keep = "<think>fix the turn</think>\n```python\ndef solve(I):\n    x = flip_horizontal(I)\n    O = identity(x)\n    return O\n```"
    rewrite = "<think>new</think>\n```python\ndef solve(I):\n    O = upscale(I, 2)\n    return O\n```"
    log: list[dict] = []
    reward = logged_reward(make_trl_reward(), log)
    columns = {"task_json": [json.dumps(task)] * 3, "start_program": [start] * 3, "reward_before": [0.2] * 3,
               "task_id": ["t"] * 3}
    reward([keep, rewrite, "no program at all"], **columns)
    assert [v["start_kept"] for v in log] == [0.5, 0.0, None]
    assert log[0]["reward_after"] == 1.0  # the kept mirror alone solves it
