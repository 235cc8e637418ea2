"""The invariants behind the asset checks, on real DuckDB files, real checkpoints and the real sandbox."""

from __future__ import annotations

import json

import polars as pl
import pytest

from arc_pipeline.defs.invariants import (checkpoint_problems, leaked_eval_prompts, perfect_baselines,
                                          sft_violations, unverified_solvers)
from arc_pipeline.warehouse import Warehouse


def _tasks(wh: Warehouse, rows: list[tuple[str, str, dict]]) -> None:
    """Store `tasks` rows (task_id, role, task dict with train+test) the way `arc_tasks` does."""
    frame = pl.DataFrame([{"task_id": t, "role": role, "train_json": json.dumps({"train": task["train"]}),
                           "task_json": json.dumps(task)} for t, role, task in rows])
    wh.replace_table("tasks", frame)


def test_unverified_solvers_finds_failures_and_missing_solvers(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    task = {"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[2]], "output": [[2]]}]}
    _tasks(wh, [("aaaa0001", "train", task), ("aaaa0002", "train", task), ("aaaa0003", "eval", task)])
    wh.replace_table("verified_solutions", pl.DataFrame({"task_id": ["aaaa0001", "aaaa0003"], "passed": [True, True],
                                                         "first_failure": [None, None]}))
    checked, failures = unverified_solvers(wh)
    assert checked == 2 and failures == [{"task_id": "aaaa0002", "first_failure": "no passing solver"}]
    wh.replace_table("verified_solutions", pl.DataFrame({"task_id": ["aaaa0001", "aaaa0002"], "passed": [True, False],
                                                         "first_failure": [None, "test 0: wrong output"]}))
    assert unverified_solvers(wh)[1] == [{"task_id": "aaaa0002", "first_failure": "test 0: wrong output"}]
    wh.replace_table("verified_solutions", pl.DataFrame({"task_id": ["aaaa0001", "aaaa0002"], "passed": [True, True],
                                                         "first_failure": [None, None]}))
    assert unverified_solvers(wh) == (2, [])


def test_perfect_baselines(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    frame = pl.DataFrame({"task_id": ["a", "b"], "baseline_id": ["a-0", "b-0"], "source": ["corrupt", "search"],
                          "reward": [0.4, 0.99]})
    wh.replace_table("baseline_programs", frame)
    assert perfect_baselines(wh) == []
    wh.replace_table("baseline_programs", frame.with_columns(pl.Series("reward", [0.4, 1.0])))
    assert [r["baseline_id"] for r in perfect_baselines(wh)] == ["b-0"]


def test_sft_violations_too_many_rows_and_held_out(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    ids = ["many"] * 11 + ["ok"] * 10 + ["heldout"]
    wh.replace_table("sft_examples", pl.DataFrame({"task_id": ids}))
    problems = sft_violations(wh, held_out={"heldout"}, max_per_task=10)
    assert problems == [{"task_id": "many", "problem": "11 rows > 10"},
                        {"task_id": "heldout", "problem": "held-out task"}]
    wh.replace_table("sft_examples", pl.DataFrame({"task_id": ["ok"] * 10}))
    assert sft_violations(wh, held_out={"heldout"}, max_per_task=10) == []


@pytest.mark.slow
def test_checkpoint_problems_on_a_real_tiny_model(tmp_path):
    from arc_pipeline.config import ModelConfig
    from arc_pipeline.training.tiny_model import build_tiny_model

    assert "no config.json" in checkpoint_problems(tmp_path / "nothing")[0]
    cfg = ModelConfig(tiny_hidden_size=32, tiny_layers=1, tiny_vocab_size=300, max_length=128)
    model = build_tiny_model(cfg, ["def solve(I):\n    O = hmirror(I)\n    return O\n"] * 20, tmp_path / "models")
    assert checkpoint_problems(model) == []
    weights = next(p for p in model.iterdir() if p.suffix == ".safetensors")
    weights.write_bytes(b"not a safetensors file")
    problems = checkpoint_problems(model)
    assert len(problems) == 1 and "model does not load" in problems[0]
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (model / name).unlink(missing_ok=True)
    assert "no tokenizer" in checkpoint_problems(model)[0]


def test_leaked_eval_prompts_with_the_real_sandbox(tmp_path):
    from arc_pipeline.execution import default_executor

    wh = Warehouse(tmp_path / "w.duckdb")
    test_out = [[7, 7, 7], [7, 0, 7], [7, 7, 7]]
    task = {"train": [{"input": [[1, 1], [1, 1]], "output": [[2, 2], [2, 2]]}],
            "test": [{"input": [[3, 3], [3, 3]], "output": test_out}]}
    _tasks(wh, [("eeee0001", "eval", task)])
    honest = "def solve(I):\n    O = I\n    return O\n"
    # a stored "program" text that carries the test output as digit rows: the student prompt shows
    # the current program verbatim, so it would show the test output too (it shows no output grids)
    leaky = "def solve(I):\n    O = I\n    return O\n777\n707\n777\n"
    wh.replace_table("eval_results", pl.DataFrame({"task_id": ["eeee0001"], "best_program": [honest]}))
    assert leaked_eval_prompts(wh, default_executor()) == []
    wh.replace_table("eval_results", pl.DataFrame({"task_id": ["eeee0001"] * 2, "best_program": [honest, leaky]}))
    assert leaked_eval_prompts(wh, default_executor()) == [{"task_id": "eeee0001", "test_outputs": [0]}]
