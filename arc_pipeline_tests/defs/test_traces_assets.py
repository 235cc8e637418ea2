"""Materialize the traces assets (baseline_programs, edit_traces partitions, checks, schedule)
into temporary DuckDB warehouses, with a small profile so the whole file runs in seconds.

One module fixture builds the foundation + baselines once (``baseline_dir``) and then every
partition that has tasks (``full_dir``); tests copy those data dirs before changing them.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from arc_pipeline.baselines import LEVELS
from arc_pipeline.defs.foundation import arc_tasks, verified_solutions
from arc_pipeline.defs.resources import PipelineResource, TeacherResource
from arc_pipeline.defs.traces import (
    SEED_TAG,
    baseline_programs,
    delta_r_recomputes,
    edit_traces,
    no_test_output_in_prompts,
    resample_traces_schedule,
    traces_job,
)
from arc_pipeline.traces import TRACE_KEY

SMALL_PROFILE = """\
profile: test-small
tasks: {slice: default, train_limit: 6, eval_limit: 2}
teacher: {name: search, samples_per_start: 2, search_generations: 2}
baselines: {corruptions_per_task: 2}
"""
TRACE_ASSETS = [edit_traces, no_test_output_in_prompts, delta_r_recomputes]
KEY_SQL = ", ".join(f'"{k}"' for k in TRACE_KEY)


def resources(data_dir, teacher: dict | None = None) -> dict:
    """``teacher``: PipelineResource teacher fields (teacher, teacher_base_url, ...) plus API keys."""
    fields = dict(teacher or {})
    keys = {k: fields.pop(k) for k in list(fields) if k.endswith("_api_key")}
    pipeline = PipelineResource(profile="cpu-tiny", config_path=os.environ.get("ARC_PIPELINE_CONFIG"),
                                data_dir=str(data_dir), **fields)
    return {"pipeline": pipeline, "teacher": TeacherResource(**keys)}


def query(data_dir, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(Path(data_dir) / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def count(data_dir, table: str) -> int:
    return query(data_dir, f"select count(*) from {table}")[0][0]


def trace_keys(data_dir, level: str | None = None) -> list[tuple]:
    where = f" where difficulty_level = '{level}'" if level else ""
    return sorted(query(data_dir, f"select {KEY_SQL} from edit_traces{where}"))


def copy_dir(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def materialize_level(data_dir, level, teacher=None, tags=None, **kw):
    return dg.materialize(TRACE_ASSETS, partition_key=level, resources=resources(data_dir, teacher), tags=tags, **kw)


def metadata(result) -> dict:
    mats = result.asset_materializations_for_node("edit_traces")
    assert len(mats) == 1
    return {k: v.value for k, v in mats[0].metadata.items()}


def checks(result) -> dict[str, bool]:
    return {e.check_name: e.passed for e in result.get_asset_check_evaluations()}


@pytest.fixture(scope="module")
def small_profile(tmp_path_factory):
    path = tmp_path_factory.mktemp("profile") / "small.yaml"
    path.write_text(SMALL_PROFILE)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ARC_PIPELINE_CONFIG", str(path))
        mp.delenv("ARC_PIPELINE_DATA_DIR", raising=False)
        yield path


@pytest.fixture(scope="module")
def built(small_profile, tmp_path_factory):
    """(baseline_dir, full_dir, per-level results of the first run)."""
    base = tmp_path_factory.mktemp("baseline") / "data"
    result = dg.materialize([arc_tasks, verified_solutions, baseline_programs], resources=resources(base))
    assert result.success
    bmeta = {k: v.value for k, v in result.asset_materializations_for_node("baseline_programs")[0].metadata.items()}
    full = copy_dir(base, tmp_path_factory.mktemp("full") / "data")
    levels = {lvl for (lvl,) in query(full, "select distinct difficulty_level from task_difficulty")}
    runs = {}
    for level in LEVELS:
        runs[level] = materialize_level(full, level)
        assert runs[level].success
    return {"baseline_dir": base, "full_dir": full, "levels": levels, "runs": runs, "baseline_meta": bmeta}


# -- a. the first materialization -------------------------------------------------------------

def test_baselines_and_edit_traces_tables(built):
    full = built["full_dir"]
    n_tasks = count(full, "tasks where role = 'train'")
    assert n_tasks == 6
    # baselines: every training task has some, all imperfect, from both sources
    assert count(full, "baseline_programs") == built["baseline_meta"]["dagster/row_count"]
    assert query(full, "select count(distinct task_id) from baseline_programs")[0][0] == n_tasks
    assert query(full, "select max(reward) from baseline_programs")[0][0] < 1.0
    assert {s for (s,) in query(full, "select distinct source from baseline_programs")} == {"corrupted", "search"}
    # one difficulty row per task
    assert count(full, "task_difficulty") == n_tasks
    assert built["levels"] and built["levels"] <= set(LEVELS)
    # edit traces for every level that has tasks, none for the others
    for level in LEVELS:
        meta = metadata(built["runs"][level])
        rows = len(trace_keys(full, level))
        assert meta["rows_inserted"] == rows == meta["samples"]
        if level in built["levels"]:
            starts = query(full, "select count(*) from baseline_programs b join task_difficulty d using (task_id) "
                                 "where d.difficulty_level = ?", [level])[0][0]
            # samples_per_start = 2, one round (the search may find fewer distinct edits)
            assert starts <= rows <= 2 * starts
            assert meta["teacher_calls"] > 0 and meta["cache_hits"] == 0
        else:
            assert rows == 0
    total = count(full, "edit_traces")
    assert total > 0
    assert query(full, "select count(distinct (task_id, start_id)) from edit_traces")[0][0] > 0
    assert {t for (t,) in query(full, "select distinct teacher from edit_traces")} == {"search"}
    # the search teacher improves some starts
    accepted = query(full, "select count(*) from edit_traces where delta_r > 0")[0][0]
    assert accepted > 0
    assert query(full, "select count(*) from edit_traces where delta_r > 0 and not starts_with(cot, '[search-written]')")[0][0] == 0
    # Δr is reward_after - reward_before
    assert query(full, "select max(abs(delta_r - (reward_after - reward_before))) from edit_traces where delta_r is not null")[0][0] < 1e-9
    # teacher calls are cached in the warehouse
    assert count(full, "teacher_calls") > 0
    # no duplicate keys
    assert query(full, f"select count(*) from (select {KEY_SQL} from edit_traces group by all having count(*) > 1)")[0][0] == 0
    # both checks ran and passed on every partition
    for level in LEVELS:
        assert checks(built["runs"][level]) == {"no_test_output_in_prompts": True, "delta_r_recomputes": True}


# -- b. a re-run with unchanged inputs ----------------------------------------------------------

def test_rerun_makes_no_teacher_calls_and_no_duplicates(built, tmp_path):
    data = copy_dir(built["full_dir"], tmp_path / "data")
    level = sorted(built["levels"])[0]
    before_rows, before_calls = count(data, "edit_traces"), count(data, "teacher_calls")
    result = materialize_level(data, level)
    assert result.success
    meta = metadata(result)
    assert meta["teacher_calls"] == 0
    assert meta["rows_inserted"] == 0
    assert meta["cache_hits"] > 0 and meta["samples"] == len(trace_keys(data, level))
    assert count(data, "edit_traces") == before_rows
    assert count(data, "teacher_calls") == before_calls
    assert checks(result) == {"no_test_output_in_prompts": True, "delta_r_recomputes": True}


# -- c. the nightly re-sampling schedule --------------------------------------------------------

def test_schedule_requests_every_level_with_a_seed_tag():
    when = dt.datetime(2026, 1, 2, 3, 0, tzinfo=dt.timezone.utc)
    defs = dg.Definitions(assets=[arc_tasks, verified_solutions, baseline_programs, edit_traces],
                          jobs=[traces_job], schedules=[resample_traces_schedule],
                          resources={"pipeline": PipelineResource(), "teacher": TeacherResource()})
    context = dg.build_schedule_context(scheduled_execution_time=when, repository_def=defs.get_repository_def())
    data = resample_traces_schedule.evaluate_tick(context)
    requests = data.run_requests
    assert len(requests) == 5
    assert sorted(r.partition_key for r in requests) == list(LEVELS)
    assert {r.tags[SEED_TAG] for r in requests} == {str(int(when.timestamp()))}
    assert len({r.run_key for r in requests}) == 5
    # another day, another seed
    later = dg.build_schedule_context(scheduled_execution_time=when + dt.timedelta(days=1),
                                      repository_def=defs.get_repository_def())
    other = resample_traces_schedule.evaluate_tick(later).run_requests
    assert {r.tags[SEED_TAG] for r in other} != {r.tags[SEED_TAG] for r in requests}
    # evaluating without the repository works too (direct invocation)
    direct = list(resample_traces_schedule(dg.build_schedule_context(scheduled_execution_time=when)))
    assert [r.partition_key for r in direct] == list(LEVELS)


def test_scheduled_run_appends_rows_for_the_new_seed(built, tmp_path):
    data = copy_dir(built["full_dir"], tmp_path / "data")
    level = sorted(built["levels"])[0]
    old_keys = trace_keys(data)
    when = dt.datetime(2026, 1, 2, 3, 0, tzinfo=dt.timezone.utc)
    request = next(r for r in resample_traces_schedule(dg.build_schedule_context(scheduled_execution_time=when))
                   if r.partition_key == level)
    result = materialize_level(data, level, tags=request.tags)
    assert result.success
    meta = metadata(result)
    seed = int(request.tags[SEED_TAG])
    assert meta["seed"] == seed
    assert meta["rows_inserted"] == meta["samples"] > 0
    assert meta["teacher_calls"] > 0  # a new seed is a new search
    new_keys = trace_keys(data)
    assert len(new_keys) == len(old_keys) + meta["rows_inserted"]
    assert set(old_keys) <= set(new_keys)  # old rows are kept
    assert {k[-1] for k in set(new_keys) - set(old_keys)} == {seed}
    assert query(data, "select count(*) from edit_traces where seed = ?", [seed])[0][0] == meta["rows_inserted"]
    # the same scheduled run again (e.g. a retry) inserts nothing
    again = materialize_level(data, level, tags=request.tags)
    assert metadata(again)["rows_inserted"] == 0 and metadata(again)["teacher_calls"] == 0
    assert trace_keys(data) == new_keys


# -- d. the leakage check -------------------------------------------------------------------------

def _plant_leak(data) -> str:
    """Insert a copy of a trace row whose prompt contains a test output of its task."""
    from arc_pipeline.prompts import grid_text
    from arc_pipeline.tasks import ArcTask

    for task_id, task_json in query(data, "select task_id, task_json from tasks where role = 'train' order by task_id"):
        task = ArcTask.from_json(json.loads(task_json), task_id)
        train_texts = {grid_text(g) for p in task.train for g in (p.input, p.output)}
        out = task.test[0].output
        if len(out) * len(out[0]) >= 4 and grid_text(out) not in train_texts:
            if query(data, "select count(*) from edit_traces where task_id = ?", [task_id])[0][0]:
                break
    else:
        raise AssertionError("no task to plant a leak in")
    con = duckdb.connect(str(Path(data) / "warehouse.duckdb"))
    try:
        con.execute(
            "insert into edit_traces select * replace (prompt || ? as prompt, 999 as sample_index) "
            "from edit_traces where task_id = ? limit 1",
            ["\n\nTest output:\n" + grid_text(out), task_id])
    finally:
        con.close()
    return task_id


def test_leakage_check_fails_on_a_planted_leak(built, tmp_path):
    from arc_pipeline.stages.edit_traces import leaked_prompts
    from arc_pipeline.warehouse import Warehouse

    data = copy_dir(built["full_dir"], tmp_path / "data")
    wh = Warehouse(Path(data) / "warehouse.duckdb")
    assert leaked_prompts(wh) == []
    task_id = _plant_leak(data)
    leaks = leaked_prompts(wh)
    assert [leak["task_id"] for leak in leaks] == [task_id]
    assert leaks[0]["test_outputs"] == [0]
    # the Dagster check alone
    result = dg.materialize(TRACE_ASSETS, resources=resources(data),
                            selection=dg.AssetSelection.checks(no_test_output_in_prompts))
    assert result.success  # a failed (non-blocking) check does not fail the run
    evaluations = result.get_asset_check_evaluations()
    assert [e.check_name for e in evaluations] == ["no_test_output_in_prompts"]
    assert evaluations[0].passed is False
    assert evaluations[0].metadata["leaks"].value == 1
    assert evaluations[0].metadata["examples"].value[0]["task_id"] == task_id
    # and with the asset: the re-run adds nothing, the check still reports the leak
    result = materialize_level(data, sorted(built["levels"])[0])
    assert checks(result) == {"no_test_output_in_prompts": False, "delta_r_recomputes": True}


# -- e. two partitions at once ----------------------------------------------------------------------

def _materialize_in_process(data_dir: str, level: str, queue) -> None:
    import time

    try:
        t0 = time.time()
        result = materialize_level(data_dir, level, raise_on_error=False)
        queue.put((level, result.success, metadata(result)["rows_inserted"] if result.success else None,
                   (t0, time.time())))
    except BaseException as exc:  # report instead of hanging the parent
        queue.put((level, False, repr(exc), None))


def test_two_partitions_materialized_concurrently(built, tmp_path):
    levels = sorted(built["levels"])
    assert len(levels) >= 2, "the small profile should give at least two non-empty levels"
    pair = levels[:2]
    data = copy_dir(built["baseline_dir"], tmp_path / "data")
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_materialize_in_process, args=(str(data), level, queue)) for level in pair]
    for p in procs:
        p.start()
    outcomes = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert all(ok for _, ok, _, _ in outcomes), outcomes
    (a0, a1), (b0, b1) = outcomes[0][3], outcomes[1][3]
    overlapped = a0 < b1 and b0 < a1  # normally true; the assertions below hold either way
    # nothing lost: exactly the rows the sequential run produced for these two levels
    expected = sorted(trace_keys(built["full_dir"], pair[0]) + trace_keys(built["full_dir"], pair[1]))
    assert trace_keys(data) == expected
    assert sum(n for _, _, n, _ in outcomes) == len(expected)
    print(f"concurrent runs overlapped: {overlapped}")
    # and the teacher cache holds exactly the calls the sequential run made for these requests:
    # nothing new, nothing different (the full run covers every level, so compare as a subset)
    calls_sql = "select prompt_hash, seed, sample_index, response from teacher_calls"
    concurrent_calls = set(query(data, calls_sql))
    assert concurrent_calls and concurrent_calls <= set(query(built["full_dir"], calls_sql))
    assert len(concurrent_calls) == count(data, "teacher_calls")


# -- f. API teachers through the same assets ------------------------------------------------------

def _dsl_answer(n: int, api: str, body: dict) -> str:
    return (f"<think>Request {n} to {api}: mirror the rows.</think>\n"
            "```python\ndef solve(I):\n    O = flip_horizontal(I)\n    return O\n```\n")


@pytest.mark.parametrize("provider", ["anthropic", "gemini"])
def test_api_teachers_through_the_assets(built, tmp_path, monkeypatch, provider):
    from arc_pipeline_tests.teachers.fake_llm_server import FakeLLMServer

    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-anthropic")
    monkeypatch.setenv("GEMINI_API_KEY", "test-gemini")
    data = copy_dir(built["baseline_dir"], tmp_path / "data")
    level = min(built["levels"], key=lambda lvl: len(trace_keys(built["full_dir"], lvl)))
    with FakeLLMServer(text_fn=_dsl_answer) as srv:
        # the default Claude model is not in the price table: its price comes from configuration
        price = "3,15" if provider == "anthropic" else ""
        teacher = dict(teacher=provider, teacher_base_url=srv.base_url, teacher_price=price,
                       **{f"{provider}_api_key": "test"})
        result = materialize_level(data, level, teacher=teacher)
        assert result.success
        meta = metadata(result)
        sent = srv.count(provider)
        assert sent > 0 and srv.count() == sent
        assert meta["teacher_calls"] == sent == meta["samples"]
        assert meta["spend_usd"] > 0
        rows = query(data, "select teacher, model, status, cached from edit_traces")
        assert len(rows) == meta["rows_inserted"] == sent
        assert {r[0] for r in rows} == {provider}
        assert {r[2] for r in rows} == {"ok"}
        assert not any(r[3] for r in rows)
        # every request was the leak-free edit prompt, sent to the configured model
        model = rows[0][1]
        assert model
        assert query(data, "select count(*) from teacher_calls where teacher = ?", [provider])[0][0] == sent
        assert checks(result) == {"no_test_output_in_prompts": True, "delta_r_recomputes": True}
        # the second run is answered from the cache: no new request
        again = materialize_level(data, level, teacher=teacher)
        assert again.success
        assert srv.count() == sent
        assert metadata(again)["teacher_calls"] == 0 and metadata(again)["rows_inserted"] == 0
        assert metadata(again)["cache_hits"] == sent


@pytest.mark.parametrize("provider,variable", [("anthropic", "ANTHROPIC_API_KEY"), ("gemini", "GEMINI_API_KEY")])
def test_api_teacher_without_key_fails_naming_the_variable(built, tmp_path, monkeypatch, provider, variable):
    for name in ("ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    data = copy_dir(built["baseline_dir"], tmp_path / "data")
    level = sorted(built["levels"])[0]
    result = materialize_level(data, level, teacher={"teacher": provider}, raise_on_error=False)
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert failures
    assert variable in failures[0].step_failure_data.error.to_string()
    assert not Path(data, "warehouse.duckdb").exists() or query(
        data, "select count(*) from information_schema.tables where table_name = 'edit_traces'")[0][0] == 0


# -- g. the OpenAI-compatible teacher (DeepSeek-R1 style reasoning_content) -----------------------

def _r1_reasoning(n: int, body: dict) -> str:
    return f"R1 thought {n}: every output row is its input row reversed, so flip horizontally."


def test_openai_compatible_teacher_through_the_assets(built, tmp_path, monkeypatch):
    from arc_pipeline_tests.teachers.fake_llm_server import FakeLLMServer

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    data = copy_dir(built["baseline_dir"], tmp_path / "data")
    level = min(built["levels"], key=lambda lvl: len(trace_keys(built["full_dir"], lvl)))
    with FakeLLMServer(text_fn=_dsl_answer, reasoning_fn=_r1_reasoning) as srv:
        teacher = dict(teacher="openai", teacher_model="deepseek-reasoner", teacher_base_url=srv.base_url + "/v1",
                       teacher_price="0.55,2.19", openai_api_key="test")
        result = materialize_level(data, level, teacher=teacher)
        assert result.success
        meta = metadata(result)
        sent = srv.count("openai")
        assert sent > 0 and meta["teacher_calls"] == sent == meta["samples"] and meta["spend_usd"] > 0
        rows = query(data, "select teacher, model, status, cot, lint_flags from edit_traces")
        assert len(rows) == sent and {r[:3] for r in rows} == {("openai", "deepseek-reasoner", "ok")}
        # the CoT is the separately returned reasoning, not the think block of the answer text
        assert all(r[3].startswith("R1 thought ") and "mirror the rows" not in r[3] for r in rows)
        assert all(r[4] is not None for r in rows)  # linted when stored
        again = materialize_level(data, level, teacher=teacher)
        assert again.success and srv.count() == sent
        assert metadata(again)["teacher_calls"] == 0 and metadata(again)["cache_hits"] == sent


def test_lint_flag_rates_check_and_an_old_table_is_relinted(built, tmp_path):
    from arc_pipeline.config import load_config
    from arc_pipeline.defs.traces import cot_lint_flag_rates
    from arc_pipeline.stages.edit_traces import relint_missing
    from arc_pipeline.warehouse import Warehouse

    data = copy_dir(built["full_dir"], tmp_path / "data")
    level = sorted(built["levels"])[0]
    result = dg.materialize([edit_traces, cot_lint_flag_rates], partition_key=level, resources=resources(data))
    [evaluation] = result.get_asset_check_evaluations()
    meta = {k: v.value for k, v in evaluation.metadata.items()}
    assert meta["linted"] == count(data, "edit_traces")
    assert {"rate_repetition", "rate_colour_arithmetic", "rate_answer_leak", "rate_over_budget", "rate_any"} <= set(meta)
    # an edit_traces table from before the lint: columns dropped, then restored with values
    con = duckdb.connect(str(Path(data) / "warehouse.duckdb"))
    for col in ("lint_repetition", "lint_flags", "lint_notes"):
        con.execute(f"alter table edit_traces drop column {col}")
    con.close()
    cfg = load_config(path=os.environ["ARC_PIPELINE_CONFIG"], overrides={"data_dir": str(data)})
    assert relint_missing(cfg, Warehouse(cfg.warehouse_path)) == count(data, "edit_traces")
    assert count(data, "edit_traces where lint_flags is null") == 0


# -- h. review verdicts reach the SFT dataset -----------------------------------------------------

def test_rejected_review_removes_the_trace_from_the_next_sft_dataset(built, tmp_path, monkeypatch, capsys):
    from arc_pipeline import cli
    from arc_pipeline.defs.training import sft_dataset
    from arc_pipeline.review import trace_id

    data = copy_dir(built["full_dir"], tmp_path / "data")
    first = dg.materialize([sft_dataset], resources=resources(data))
    assert first.success
    rows = query(data, "select task_id, start_id, teacher, model, sample_index, seed from sft_examples")
    assert rows
    target = rows[0]
    [key] = query(data, f"select {KEY_SQL} from edit_traces where task_id = ? and start_id = ? and teacher = ? "
                        "and model = ? and sample_index = ? and seed = ? and delta_r > 0", list(target))[:1]
    tid = trace_id(dict(zip(TRACE_KEY, key)))

    monkeypatch.setenv("ARC_PIPELINE_DATA_DIR", str(data))
    assert cli.main(["review", "--verdict", tid, "maybe"]) == 2  # a bad verdict is refused by name
    assert "verdict must be one of" in capsys.readouterr().err
    assert cli.main(["review", "--verdict", "000000000000", "reject"]) == 2
    assert cli.main(["review", "--verdict", tid, "reject", "--note", "colour arithmetic in line 3"]) == 0
    assert query(data, "select verdict, note from trace_reviews where trace_id = ?", [tid]) == [
        ("reject", "colour arithmetic in line 3")]

    second = dg.materialize([sft_dataset], resources=resources(data))
    assert second.success
    after = query(data, "select task_id, start_id, teacher, model, sample_index, seed from sft_examples")
    assert target not in after
    meta = {k: v.value for k, v in second.asset_materializations_for_node("sft_dataset")[0].metadata.items()}
    assert meta["dropped_review_rejected"] == 1
    assert meta["review_coverage"]["reviewed"] == 1 and meta["review_coverage"]["verdict_reject"] == 1

    # the review page: a stratified sample with grids as pictures and a verdicts template
    out = tmp_path / "review"
    assert cli.main(["review", "--n", "4", "--out", str(out)]) == 0
    page = (out / "review.html").read_text()
    assert page.count("<section") == 4 and "data:image/png;base64," in page and "@@" in page
    template = [json.loads(line) for line in (out / "verdicts.jsonl").read_text().splitlines()]
    assert len(template) == 4 and tid not in {t["trace_id"] for t in template}  # reviewed traces are skipped
    template[0]["verdict"] = "accept"
    (out / "verdicts.jsonl").write_text("".join(json.dumps(t) + "\n" for t in template))
    assert cli.main(["review", "--import", str(out / "verdicts.jsonl")]) == 0
    assert count(data, "trace_reviews") == 2
    assert cli.main(["review", "--n", "2", "--terminal"]) == 0
    assert "train example 0" in capsys.readouterr().out
