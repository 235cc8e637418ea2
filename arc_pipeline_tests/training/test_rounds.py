"""GRPO in rounds: the curriculum sees the student's rewards (sunset, boost with augmented rows,
levels opening), augmented rows are scored on their variant, and a run killed between rounds
resumes at the right round (a real process, killed with SIGKILL)."""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap

import polars as pl
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from arc_pipeline.curriculum import STUDENT, Curriculum, CurriculumConfig  # noqa: E402
from arc_pipeline.training.rounds import RoundsConfig, augmented_rows, round_rows  # noqa: E402

START = "def solve(I):\n    O = identity(I)\n    return O\n"
MIRROR = "def solve(I):\n    O = flip_horizontal(I)\n    return O\n"


def _task(task_id, grids):
    from arc_pipeline.tasks import parse_task

    data = {"train": [{"input": [list(r) for r in g], "output": [list(reversed(r)) for r in g]} for g in grids],
            "test": [{"input": [[9, 9], [9, 1]], "output": [[9, 9], [1, 9]]}]}
    return parse_task(data, task_id, require_test=False)


def _row(task, level="level-1", program=START):
    from arc_pipeline.execution import default_executor
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.rewards.smooth import score_program
    from arc_pipeline.traces import outcomes_of

    prompt = render_student_prompt([(p.input, p.output) for p in task.train], program,
                                   outcomes_of(program, task, default_executor()))
    return {"task_id": task.id, "prompt": prompt, "task_json": task.train_json(), "start_program": program,
            "reward_before": score_program(program, task).reward, "difficulty_level": level}


def test_a_scripted_reward_stream_sunsets_boosts_and_opens_a_level():
    cur = Curriculum(CurriculumConfig(min_visits=3, window=8))
    for t, lv in (("easy", "level-1"), ("hard", "level-1"), ("next", "level-2")):
        cur.set_level(t, lv)
    cur.record("easy", [0.3, 0.2], "baseline")
    cur.record("hard", [0.3, 0.3], "baseline")  # the prior says "keep" ...
    assert {d.task_id: d.action for d in cur.decide()} == {"easy": "keep", "hard": "keep", "next": "locked"}
    # round 1: the student solves "easy" every time and never gets "hard"
    cur.record("easy", [1.0] * 4, STUDENT, 1)
    cur.record("hard", [0.0] * 4, STUDENT, 1)
    d = {x.task_id: x for x in cur.decide()}
    assert d["easy"].action == "sunset" and d["easy"].source == STUDENT and d["easy"].student_visits == 4
    assert d["hard"].action == "boost" and d["hard"].augment and d["hard"].source == STUDENT
    assert d["next"].action == "locked"  # 1 of 2 level-1 tasks sunset (< 70%), no plateau yet
    # round 2: nothing changes on level-1 -> its mean plateaus -> level-2 opens
    cur.record("hard", [0.0] * 4, STUDENT, 2)
    assert cur.plateaued("level-1") and "level-2" in cur.open_levels()
    assert {x.task_id: x.action for x in cur.decide()}["next"] == "keep"
    frame = cur.decisions_frame()
    assert set(frame.filter(pl.col("task_id") != "next")["source"]) == {STUDENT}


def test_boosted_tasks_get_augmented_rows_scored_on_their_variant():
    from arc_pipeline.augment import apply_task
    from arc_pipeline.execution import default_executor
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.rewards.smooth import score_program
    from arc_pipeline.tasks import parse_task

    hard = _task("hard", [((1, 2, 0), (0, 3, 4)), ((5, 0), (6, 7))])
    keep = _task("keep", [((1, 0), (2, 2))])
    rows = [_row(hard, program=MIRROR.replace("flip_horizontal", "rotate_90")), _row(keep)]
    decisions = pl.DataFrame([
        {"task_id": "hard", "action": "boost", "weight": 3.0, "augment": True},
        {"task_id": "keep", "action": "keep", "weight": 1.0, "augment": False}])
    todo, weights, augmented = round_rows(rows, decisions, {"hard": hard, "keep": keep},
                                          RoundsConfig(augment_variants=2, seed=1), 1, render_student_prompt,
                                          default_executor(), lambda level: 64)
    variants = [r for r in todo if r["variant_id"]]
    assert augmented == len(variants) == 2 and all(r["task_id"] == "hard" for r in variants)
    assert weights == [3.0, 3.0, 3.0, 1.0] and all(r["thinking_budget"] == 64 for r in todo)
    for r in variants:
        data = json.loads(r["task_json"])
        assert data["test"] == []  # never a test pair
        variant = parse_task(data, "hard", require_test=False)
        # reward_before is the start program's reward ON THE VARIANT, recomputed independently
        assert r["reward_before"] == pytest.approx(score_program(r["start_program"], variant).reward)
        assert r["prompt"] != rows[0]["prompt"] and "## program" in r["prompt"]
    # the variant ids name real transforms: applying one reproduces the row's train pairs
    from arc_pipeline.augment import Transform

    vid = variants[0]["variant_id"]
    t = Transform(int(vid[1]), tuple(int(c) for c in vid.split("-c")[1]))
    assert apply_task(hard, t).train_json() == variants[0]["task_json"]
    # and the Δr reward GRPO computes for such a row uses the variant's pairs
    from arc_pipeline.rewards.trl import make_trl_reward

    fn = make_trl_reward()
    completion = "<think>mirror</think>\n```python\n" + MIRROR + "```"
    (value,) = fn([completion], task_json=[variants[0]["task_json"]], reward_before=[variants[0]["reward_before"]])
    expected = score_program(MIRROR, parse_task(json.loads(variants[0]["task_json"]), "v", require_test=False)).reward
    assert value == pytest.approx(expected - variants[0]["reward_before"])


def test_augmented_rows_are_deterministic_in_the_seed():
    from arc_pipeline.execution import default_executor
    from arc_pipeline.prompts import render_student_prompt

    task = _task("hard", [((1, 2, 0), (0, 3, 4))])
    row = _row(task)
    a = augmented_rows(row, task, 3, random.Random(5), render_student_prompt, default_executor())
    b = augmented_rows(row, task, 3, random.Random(5), render_student_prompt, default_executor())
    assert [r["variant_id"] for r in a] == [r["variant_id"] for r in b] and len({r["variant_id"] for r in a}) == 3


RUNNER = textwrap.dedent('''
    import json, os, signal, sys
    from pathlib import Path
    from arc_pipeline.config import GRPOConfigSection, ModelConfig
    from arc_pipeline.curriculum import Curriculum, CurriculumConfig
    from arc_pipeline.execution import default_executor
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.training.grpo import train_grpo
    from arc_pipeline.training.rounds import RoundsConfig, run_rounds
    sys.path.insert(0, os.environ["TEST_DIR"])
    from test_rounds import _row, _task

    out, init = Path(sys.argv[1]), Path(sys.argv[2])
    kill_after = int(sys.argv[3])
    model_cfg = ModelConfig(tiny_hidden_size=32, tiny_layers=1, tiny_vocab_size=600, max_length=384)
    grpo_cfg = GRPOConfigSection(num_generations=2, batch_size=2, max_completion_length=24, learning_rate=1e-3)
    tasks = {"a": _task("a", [((1, 2, 0), (0, 3, 4))]), "b": _task("b", [((5, 0), (6, 7))])}
    rows = [_row(tasks["a"]), _row(tasks["b"], level="level-2")]
    cur = Curriculum(CurriculumConfig(base_thinking_budget=8))
    for r in rows:
        cur.set_level(r["task_id"], r["difficulty_level"])
    def train(todo, init, out_dir, seed, weights, steps, completion):
        return train_grpo(todo, init, model_cfg, grpo_cfg, out_dir, seed, sampling_weights=weights,
                          max_steps=steps, max_completion_length=completion)
    def on_round(res):
        print("ROUND " + json.dumps({"round": res.round, "reused": res.reused, "visits": len(res.visits)}), flush=True)
        if res.round == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
    cfg = RoundsConfig(rounds=3, steps_per_round=1, program_tokens=16, seed=0)
    result = run_rounds(rows, tasks, cur, init, out, cfg, train, render_student_prompt, default_executor(),
                        on_round=on_round)
    print("ROUND " + json.dumps({"done": True, "merged": str(result.merged_dir)}), flush=True)
''')


@pytest.mark.slow
def test_a_run_killed_between_rounds_resumes_at_the_next_round(tmp_path):
    from arc_pipeline.config import ModelConfig
    from arc_pipeline.training.tiny_model import build_tiny_model

    corpus = [START, MIRROR, "## ex0\nin:\n120\nout:\n021\ndiff: 2/3 cells wrong\n## program\n" + START]
    init = build_tiny_model(ModelConfig(tiny_hidden_size=32, tiny_layers=1, tiny_vocab_size=600, max_length=384),
                            corpus, tmp_path / "models")
    (tmp_path / "runner.py").write_text(RUNNER)
    env = {**os.environ, "TEST_DIR": os.path.dirname(__file__), "PYTHONHASHSEED": "0"}
    out = tmp_path / "grpo"

    def run(kill_after: int) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(tmp_path / "runner.py"), str(out), str(init), str(kill_after)],
                              capture_output=True, text=True, env=env, timeout=900)

    first = run(kill_after=1)
    assert first.returncode == -signal.SIGKILL, first.stderr[-2000:]
    lines = [json.loads(x[6:]) for x in first.stdout.splitlines() if x.startswith("ROUND ")]
    assert lines == [{"round": 1, "reused": False, "visits": lines[0]["visits"]}] and lines[0]["visits"] > 0
    stamp = (out / "round-1" / "metrics.json").stat().st_mtime_ns
    assert not (out / "round-2").exists()

    second = run(kill_after=0)
    assert second.returncode == 0, second.stderr[-2000:]
    lines = [json.loads(x[6:]) for x in second.stdout.splitlines() if x.startswith("ROUND ")]
    assert [(x.get("round"), x.get("reused")) for x in lines[:3]] == [(1, True), (2, False), (3, False)]
    assert lines[0]["visits"] > 0  # round 1's visits are read back from disk, not lost
    assert (out / "round-1" / "metrics.json").stat().st_mtime_ns == stamp
    assert lines[-1]["done"] and (out / "merged" / "config.json").exists()


def test_the_probe_feeds_round_one_and_opens_levels_for_the_student(tmp_path):
    """With a probe and ``min_learning_tasks``, round 1's decisions rest on the student's probe
    edits (source ``probe``) and open the level where it improves tasks; GRPO's own rewards
    then take over the source. ``train`` writes a real visit log, as train_grpo does."""
    from arc_pipeline.curriculum import PROBE
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.training.grpo import VISITS_FILE
    from arc_pipeline.training.rounds import run_rounds

    tasks = {t: _task(t, [((1, 2), (3, 4))]) for t in ("a", "b", "c")}
    levels = {"a": "level-1", "b": "level-2", "c": "level-3"}
    rows = [_row(tasks[t], levels[t]) for t in sorted(tasks)]
    cur = Curriculum(CurriculumConfig(min_learning_tasks=1, window=8))
    for t, lv in levels.items():
        cur.set_level(t, lv)
        cur.record(t, [0.3], "baseline")

    def visit(task_id, delta):
        return {"call": 0, "task_id": task_id, "variant_id": None, "thinking_budget": 48, "reward_before": 0.2,
                "reward_after": 0.2 + delta, "delta_r": delta, "penalty": 0.0, "valid": True, "status": "ok"}

    def probe(todo):  # the student never improves "a" (level 1) and sometimes improves "b" (level 2)
        return [visit(r["task_id"], 0.1 if r["task_id"] == "b" and k == 0 else -0.1) for r in todo for k in range(4)]

    trained = []

    def train(todo, init, out, seed, weights, steps, completion):
        trained.append(sorted({r["task_id"] for r in todo}))
        (out / "merged").mkdir(parents=True, exist_ok=True)
        (out / VISITS_FILE).write_text("".join(json.dumps(visit(r["task_id"], 0.0)) + "\n" for r in todo))
        return {"merged_dir": str(out / "merged"), "fingerprint": "x"}

    result = run_rounds(rows, tasks, cur, tmp_path / "sft", tmp_path / "grpo", RoundsConfig(rounds=2), train,
                        render_student_prompt, None, probe=probe)
    assert len(result.probe_visits) == 12 and {v["round"] for v in result.probe_visits} == {0}
    first = {r["task_id"]: r for r in result.rounds[0].decisions.iter_rows(named=True)}
    assert first["a"]["source"] == PROBE and first["a"]["student_visits"] == 4
    assert result.rounds[0].open_levels == ["level-1", "level-2"] and first["c"]["action"] == "locked"
    assert trained[0] == ["a", "b"]
    second = {r["task_id"]: r for r in result.rounds[1].decisions.iter_rows(named=True)}
    assert second["a"]["source"] == STUDENT and second["a"]["student_visits"] == 5
