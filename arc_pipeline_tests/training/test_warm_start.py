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


def _warehouse(tmp_path, roles):
    from arc_pipeline.warehouse import Warehouse

    solutions = load_solutions()
    ids = sorted(solutions)[:len(roles)]
    wh = Warehouse(tmp_path / "w.duckdb")
    wh.replace_table("verified_solutions", pl.DataFrame({
        "task_id": ids, "program": [solutions[t] for t in ids], "rule": [f"rule {i}" for i in range(len(ids))],
        "passed": [True] * len(ids)}))
    wh.replace_table("tasks", pl.DataFrame({"task_id": ids, "role": roles}))
    return wh, ids


def _cfg(repairs: int, data_dir, synthetic: int = 0):
    from dataclasses import replace

    from arc_pipeline.config import PipelineConfig

    cfg = PipelineConfig(data_dir=str(data_dir))
    return replace(cfg, model=replace(cfg.model, warm_start_repairs_per_task=repairs,
                                      warm_start_synthetic_per_task=synthetic))


def test_warm_start_documents_leave_out_eval_tasks(tmp_path):
    from arc_pipeline.stages.inputs import warm_start_documents

    wh, _ = _warehouse(tmp_path, ["train", "eval", "train"])
    docs = warm_start_documents(_cfg(0, tmp_path / "data"), wh)
    assert len(docs) == 2 and not any("rule 1" in d["completion"] for d in docs)
    assert all(d["prompt"] is None and d["completion"].startswith("```python\n# rule: ") for d in docs)
    assert all(d["completion"].endswith("```") and "def solve(I):" in d["completion"] for d in docs)


def test_repair_pairs_show_a_corruption_and_teach_the_verified_program(tmp_path):
    """A repair pair: the student prompt of a corrupted solution (train pairs only), and as
    completion a CoT from the observed diff + the verified program under its true rule."""
    from arc_pipeline.program import strip_comments
    from arc_pipeline.stages.inputs import warm_start_documents
    from arc_pipeline.tasks import load_tasks

    wh, ids = _warehouse(tmp_path, ["train", "eval", "train", "train"])
    docs = warm_start_documents(_cfg(2, tmp_path / "data"), wh)
    repairs = [d for d in docs if d["prompt"] is not None]
    assert repairs and len(repairs) <= 3 * 3  # <= 2 corruptions + 1 from the empty program per task
    arc = load_tasks("arc-agi-1", "training")
    held = arc[ids[1]]
    solutions = load_solutions()
    for d in repairs:
        assert "## program" in d["prompt"] and "diff:" in d["prompt"]
        assert "rule 1" not in d["completion"] and strip_comments(solutions[ids[1]]).strip() not in d["completion"]
        # no test output and nothing of the held-out task appears
        owner = next(t for t in (ids[0], ids[2], ids[3]) if strip_comments(solutions[t]).strip() in d["completion"])
        assert f"# rule: rule {ids.index(owner)}" in d["completion"]
        for pair in arc[owner].test:
            text = "\n".join("".join(map(str, row)) for row in pair.output)
            train_texts = {"\n".join("".join(map(str, row)) for row in p.output) for p in arc[owner].train}
            if len(pair.output) * len(pair.output[0]) >= 4 and text not in train_texts:
                assert text not in d["prompt"]
        assert "\n".join("".join(map(str, row)) for row in held.train[0].input) not in d["prompt"] or len(held.train[0].input) < 2
        think = d["completion"].split("</think>")[0]
        assert "ex" in think and "wrong" in think  # the CoT names what the diff shows


def test_documents_are_cached_by_what_they_depend_on(tmp_path, monkeypatch):
    """Built once (sandbox runs), then read back exactly -- a re-run on a loaded machine cannot
    change them through a timeout; a changed setting builds a new set."""
    from arc_pipeline.stages import inputs

    wh, _ = _warehouse(tmp_path, ["train", "eval", "train"])
    first = inputs.warm_start_documents(_cfg(1, tmp_path / "data"), wh)
    cached = list((tmp_path / "data" / "models").glob("warm-docs-*.json"))
    assert len(cached) == 1

    def no_rebuild(*_args):
        raise AssertionError("rebuilt although nothing changed")

    monkeypatch.setattr(inputs, "build_warm_start_documents", no_rebuild)
    assert inputs.warm_start_documents(_cfg(1, tmp_path / "data"), wh) == first
    monkeypatch.undo()
    other = inputs.warm_start_documents(_cfg(2, tmp_path / "data"), wh)
    assert len(list((tmp_path / "data" / "models").glob("warm-docs-*.json"))) == 2 and other != first


def test_short_programs_get_a_repair_pair_from_the_empty_program():
    from arc_pipeline.baselines import EMPTY_PROGRAM
    from arc_pipeline.line_refs import tag_program
    from arc_pipeline.execution import default_executor
    from arc_pipeline.prompts import render_student_prompt
    from arc_pipeline.tasks import load_tasks
    from arc_pipeline.training.warm_start import body_steps, repair_documents

    solutions = load_solutions()
    short = [t for t in sorted(solutions) if body_steps(solutions[t]) <= 2][:2]
    arc = load_tasks("arc-agi-1", "training")
    docs = repair_documents({t: arc[t] for t in short}, {t: (solutions[t], "r") for t in short},
                            default_executor(), render_student_prompt, per_task=0)
    assert len(docs) == len(short)
    for d in docs:
        assert d["prompt"].rstrip().endswith(tag_program(EMPTY_PROGRAM)) and "# rule: r" in d["completion"]


def test_bucketed_batches_cover_every_document_and_pad_less_than_random_batches():
    import random

    from arc_pipeline.training.warm_start import bucketed_batches

    lengths = [random.Random(i).randint(20, 450) for i in range(400)]
    batches = bucketed_batches(lengths, 8, random.Random(0))
    epoch = [next(batches) for _ in range(50)]
    assert sorted(i for b in epoch for i in b) == list(range(400))  # one epoch: each document once

    def padding(bs):
        return 1 - sum(lengths[i] for b in bs for i in b) / sum(len(b) * max(lengths[i] for i in b) for b in bs)

    order = random.Random(0).sample(range(400), 400)
    plain = [order[i:i + 8] for i in range(0, 400, 8)]
    assert padding(epoch) < padding(plain) / 3
    assert [next(batches) for _ in range(50)] != epoch  # the next epoch is a fresh shuffle


def test_cpu_autocast_only_when_asked_and_recorded(base):
    from arc_pipeline.training.common import cpu_autocast

    assert cpu_autocast(None) is None and cpu_autocast("float32") is None
    assert cpu_autocast("bfloat16") in (None, "bfloat16")  # None where the CPU has no native bf16
    plain = warm_start(base, PROGRAMS, steps=3, lr=1e-3, batch_size=4)
    asked = warm_start(base, PROGRAMS, steps=3, lr=1e-3, batch_size=4, autocast="bfloat16")
    record = json.loads((asked / "warm_start.json").read_text())
    assert record["autocast"] == cpu_autocast("bfloat16") and 0 <= record["padding_fraction"] < 1
    assert (asked == plain) == (record["autocast"] is None)  # a different precision is a different model
