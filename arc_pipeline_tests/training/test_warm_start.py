"""Warm start of the tiny model: loss falls on the DSL programs, the result is content-addressed,
and the corpus never holds a held-out task's solution."""

import json
import os

import polars as pl
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from arc_pipeline.config import ModelConfig  # noqa: E402
from arc_pipeline.solutions import load_solutions, rule_description  # noqa: E402
from arc_pipeline.training.base_model import resolve_base_model  # noqa: E402
from arc_pipeline.training.tiny_model import build_tiny_model, load_model_and_tokenizer  # noqa: E402
from arc_pipeline.training.warm_start import warm_start  # noqa: E402

pytestmark = pytest.mark.slow

CFG = ModelConfig(tiny_hidden_size=64, tiny_layers=2, tiny_vocab_size=800, max_length=512)
PROGRAMS = [f"```python\n# rule: {rule_description(p)}\n{p}```" for p in list(load_solutions().values())[:40]]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return build_tiny_model(CFG, PROGRAMS, tmp_path_factory.mktemp("models"))


def test_loss_falls_and_weights_change(base):
    warm = warm_start(base, PROGRAMS, steps=60, lr=3e-3, batch_size=8)
    record = json.loads((warm / "warm_start.json").read_text())
    assert record["steps"] == 60 and len(record["losses"]) == 60 and record["documents"] == len(PROGRAMS)
    first, last = sum(record["losses"][:5]) / 5, sum(record["losses"][-5:]) / 5
    assert last < 0.85 * first
    before, _ = load_model_and_tokenizer(base)
    after, tokenizer = load_model_and_tokenizer(warm)
    assert tokenizer.decode(tokenizer("def solve(I):")["input_ids"]) == "def solve(I):"
    changed = [n for (n, a), (_, b) in zip(before.named_parameters(), after.named_parameters()) if not a.equal(b)]
    assert changed


def test_unchanged_inputs_reuse_changed_documents_rebuild(base):
    first = warm_start(base, PROGRAMS, steps=2, lr=1e-3, batch_size=4)
    stamp = (first / "warm_start.json").stat().st_mtime_ns
    assert warm_start(base, PROGRAMS, steps=2, lr=1e-3, batch_size=4) == first
    assert (first / "warm_start.json").stat().st_mtime_ns == stamp
    assert warm_start(base, PROGRAMS[:-1], steps=2, lr=1e-3, batch_size=4) != first
    assert warm_start(base, PROGRAMS, steps=0) == base


def test_resolve_base_model_warm_starts_only_when_asked(tmp_path):
    from dataclasses import replace

    plain = resolve_base_model(CFG, tmp_path, lambda: PROGRAMS, lambda: PROGRAMS)
    warm = resolve_base_model(replace(CFG, warm_start_steps=2), tmp_path, lambda: PROGRAMS, lambda: PROGRAMS)
    assert (warm / "warm_start.json").exists() and not (plain / "warm_start.json").exists()
    assert warm.name.startswith(plain.name + "-warm-")


def test_warm_start_corpus_leaves_out_eval_tasks(tmp_path):
    from arc_pipeline.stages.inputs import warm_start_corpus
    from arc_pipeline.warehouse import Warehouse

    solutions = load_solutions()
    ids = sorted(solutions)[:3]
    wh = Warehouse(tmp_path / "w.duckdb")
    wh.replace_table("verified_solutions", pl.DataFrame({
        "task_id": ids, "program": [solutions[t] for t in ids], "rule": ["rule a", "rule b", "rule c"],
        "passed": [True, True, True]}))
    wh.replace_table("tasks", pl.DataFrame({"task_id": ids, "role": ["train", "eval", "train"]}))
    docs = warm_start_corpus(wh)
    assert len(docs) == 2 and not any("rule b" in d for d in docs)
    assert all(d.startswith("```python\n# rule: ") and d.endswith("```") and "def solve(I):" in d for d in docs)
