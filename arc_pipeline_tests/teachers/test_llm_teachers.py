"""API teachers (real anthropic / google-genai clients) against a fake server on 127.0.0.1."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
import threading
import time

import duckdb
import pytest

from arc_pipeline.parsing import extract_program
from arc_pipeline.teachers import pricing
from arc_pipeline.teachers.anthropic_teacher import AnthropicTeacher
from arc_pipeline.teachers.base import (
    BudgetExceededError,
    EditRequest,
    MissingAPIKeyError,
    Teacher,
)
from arc_pipeline.teachers.budget import Budget
from arc_pipeline.teachers.cache import CallCache, prompt_hash
from arc_pipeline.teachers.gemini_teacher import GeminiTeacher
from arc_pipeline.teachers.llm import TeacherCallError
from arc_pipeline.teachers.openai_teacher import OpenAICompatibleTeacher
from arc_pipeline.teachers.replay import ReplayTeacher, record
from arc_pipeline_tests.teachers.fake_llm_server import (
    FakeLLMServer,
    rate_limited,
    server_error,
    slow,
)

MODELS = {"anthropic": "claude-haiku-4-5", "gemini": "gemini-2.5-flash", "openai": "deepseek-reasoner"}
PROVIDERS = ["anthropic", "gemini", "openai"]
CLASSES = {"anthropic": AnthropicTeacher, "gemini": GeminiTeacher, "openai": OpenAICompatibleTeacher}
# deepseek-reasoner is not in the price table: its price is configured, as teacher.price_per_mtok would
CONFIGURED_PRICES = {"openai": pricing.ModelPrice(0.55, 2.19)}
TIMEOUT_S = 0.3


@pytest.fixture
def server():
    with FakeLLMServer(input_tokens=1000, output_tokens=200) as srv:
        yield srv


@pytest.fixture
def cache(tmp_path):
    return CallCache(tmp_path / "teacher_cache.duckdb")


def make_teacher(provider: str, srv: FakeLLMServer, cache, **kw):
    opts = dict(
        api_key="test-key",
        base_url=srv.base_url + ("/v1" if provider == "openai" else ""),
        cache=cache,
        timeout_s=TIMEOUT_S,
        max_retries=3,
        retry_base_delay=0.01,
        retry_max_delay=0.05,
        max_concurrency=1,
    )
    opts.update(kw)
    teacher = CLASSES[provider](model=MODELS[provider], **opts)
    teacher.price = CONFIGURED_PRICES.get(provider)
    return teacher


def make_request(n: int = 1, task_id: str = "task-a", prompt: str = "Fix this program.", seed: int = 7):
    return EditRequest(
        task_id=task_id,
        prompt=prompt,
        system="You edit DSL programs.",
        start_program="def solve(I):\n    return I\n",
        task_json="{}",
        n_samples=n,
        seed=seed,
        temperature=0.8,
        max_output_tokens=512,
    )


def one_call_cost(provider: str) -> float:
    return pricing.cost_usd(MODELS[provider], 1000, 200, CONFIGURED_PRICES.get(provider))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_normal_call_parses(provider, server, cache):
    teacher = make_teacher(provider, server, cache, max_concurrency=2)
    assert isinstance(teacher, Teacher)
    samples = teacher.sample(make_request(n=2))

    assert [s.sample_index for s in samples] == [0, 1]
    assert server.count() == 2
    assert samples[0].text != samples[1].text
    for s in samples:
        cot, program, status = extract_program(s.text)
        assert program is not None and "def solve" in program, (status, s.text)
        assert "colours swapped" in (cot or "")
        assert (s.input_tokens, s.output_tokens) == (1000, 200)
        assert s.cost_usd == pytest.approx(one_call_cost(provider)) and s.cost_usd > 0
        assert not s.cached
        assert s.finish_reason in {"end_turn", "STOP", "stop"}
    assert teacher.calls_made == 2 and teacher.cache_hits == 0

    bodies = [r.body for r in server.requests]
    if provider == "anthropic":
        assert all(r.path == "/v1/messages" for r in server.requests)
        b = bodies[0]
        assert b["model"] == MODELS["anthropic"] and b["system"] == "You edit DSL programs."
        assert b["messages"] == [{"role": "user", "content": "Fix this program."}]
        assert b["max_tokens"] == 512 and b["temperature"] == pytest.approx(0.8)
    elif provider == "openai":
        assert all(r.path == "/v1/chat/completions" for r in server.requests)
        b = bodies[0]
        assert b["model"] == MODELS["openai"]
        assert b["messages"] == [{"role": "system", "content": "You edit DSL programs."},
                                 {"role": "user", "content": "Fix this program."}]
        assert b["max_tokens"] == 512 and b["temperature"] == pytest.approx(0.8)
        assert sorted(b["seed"] for b in bodies) == [7, 8]  # seed + sample_index
        assert all({k.lower(): v for k, v in r.headers.items()}.get("authorization") == "Bearer test-key"
                   for r in server.requests)
    else:
        assert all(r.path.endswith(f"/models/{MODELS['gemini']}:generateContent")
                   for r in server.requests)
        cfgs = [b["generationConfig"] for b in bodies]
        assert sorted(c["seed"] for c in cfgs) == [7, 8]  # seed + sample_index
        assert all(c["temperature"] == pytest.approx(0.8) and c["maxOutputTokens"] == 512
                   for c in cfgs)
        assert bodies[0]["systemInstruction"]["parts"][0]["text"] == "You edit DSL programs."
        assert all(r.headers.get("x-goog-api-key") == "test-key" for r in server.requests)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("failure", ["429", "500", "timeout"])
def test_transient_failure_is_retried(provider, failure, server, cache):
    teacher = make_teacher(provider, server, cache)
    server.inject({"429": rate_limited("0"), "500": server_error(500),
                   "timeout": slow(TIMEOUT_S + 0.7)}[failure])
    t0 = time.monotonic()
    [s] = teacher.sample(make_request())
    assert server.count() == 2
    assert teacher.retries == 1 and teacher.attempts_made == 2 and teacher.calls_made == 1
    assert extract_program(s.text)[1] is not None
    assert cache.count() == 1
    assert time.monotonic() - t0 < 3


@pytest.mark.parametrize("provider", PROVIDERS)
def test_gives_up_after_max_retries(provider, server, cache):
    teacher = make_teacher(provider, server, cache, max_retries=2)
    server.inject(server_error(503), server_error(500), rate_limited("0"))
    with pytest.raises(TeacherCallError, match=r"gave up after 3 attempts") as ei:
        teacher.sample(make_request())
    assert ei.value.attempts == 3 and ei.value.status == 429
    assert "task-a" in str(ei.value) and MODELS[provider] in str(ei.value)
    assert server.count() == 3
    assert cache.count() == 0 and teacher.calls_made == 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_non_retryable_error_is_not_retried(provider, server, cache):
    teacher = make_teacher(provider, server, cache)
    server.inject(server_error(400))
    with pytest.raises(TeacherCallError, match="non-retryable"):
        teacher.sample(make_request())
    assert server.count() == 1


@pytest.mark.parametrize("provider", PROVIDERS)
def test_rerun_hits_cache(provider, server, cache):
    req = make_request(n=3)
    first = make_teacher(provider, server, cache).sample(req)
    assert server.count() == 3

    budget = Budget(max_usd=0.0)  # nothing may be spent: cache hits cost nothing
    again = make_teacher(provider, server, cache, budget=budget)
    second = again.sample(req)
    assert server.count() == 3  # no new request
    assert again.cache_hits == 3 and again.calls_made == 0
    assert [s.text for s in second] == [s.text for s in first]
    assert all(s.cached and s.cost_usd == 0.0 for s in second)
    assert second[0].extra["recorded_cost_usd"] == pytest.approx(one_call_cost(provider))
    assert budget.spent_usd == 0.0

    # A different prompt, seed or temperature is a different key.
    make_teacher(provider, server, cache).sample(make_request(n=1, seed=8))
    make_teacher(provider, server, cache).sample(make_request(n=1, prompt="Other prompt."))
    assert server.count() == 5


@pytest.mark.parametrize("provider", PROVIDERS)
def test_budget_stops_sampling(provider, server, cache):
    budget = Budget(max_usd=one_call_cost(provider))  # exactly one call
    teacher = make_teacher(provider, server, cache, budget=budget)
    with pytest.raises(BudgetExceededError, match="USD budget"):
        teacher.sample(make_request(n=3))
    assert server.count() == 1
    assert budget.spent_usd == pytest.approx(one_call_cost(provider))
    assert budget.spent_tokens == 1200
    with pytest.raises(BudgetExceededError):
        teacher.sample(make_request(n=1, task_id="task-b", prompt="Prompt B."))
    assert server.count() == 1  # nothing further sent
    assert cache.count() == 1  # the paid call is kept

    tok_budget = Budget(max_tokens=2400)
    t2 = make_teacher(provider, server, cache, budget=tok_budget, max_concurrency=1)
    with pytest.raises(BudgetExceededError, match="token budget"):
        t2.sample(make_request(n=4, task_id="task-c", prompt="Prompt C."))
    assert server.count() == 3


@pytest.mark.parametrize("provider", PROVIDERS)
def test_missing_key(provider, monkeypatch, tmp_path):
    for var in ("ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    cls = CLASSES[provider]
    if provider == "openai":
        cls = lambda **kw: OpenAICompatibleTeacher(MODELS["openai"], **kw)  # noqa: E731 - model is required
    var = {"anthropic": "ANTHROPIC_API_KEY", "gemini": "GEMINI_API_KEY", "openai": "OPENAI_API_KEY"}[provider]
    with pytest.raises(MissingAPIKeyError, match=var):
        cls(cache=tmp_path / "c.duckdb")
    monkeypatch.setenv(var, "from-env")
    assert cls().model  # the env var is enough
    if provider == "gemini":
        monkeypatch.delenv("GEMINI_API_KEY")
        monkeypatch.setenv("GOOGLE_API_KEY", "from-google-env")
        GeminiTeacher()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_killed_midway_then_resumed(provider, server, tmp_path):
    db = tmp_path / "resume.duckdb"
    req = make_request(n=5)
    server.fail_after(2)  # two good answers, then 500s forever
    crashed = make_teacher(provider, server, CallCache(db), max_retries=1)
    with pytest.raises(TeacherCallError):
        crashed.sample(req)
    assert server.count() == 4  # 2 answers + sample 2 tried twice
    assert CallCache(db).count() == 2

    server.heal()
    before = server.count()
    resumed = make_teacher(provider, server, CallCache(db), max_concurrency=3)
    samples = resumed.sample(req)
    assert server.count() - before == 3  # only the missing samples
    assert [s.cached for s in samples] == [True, True, False, False, False]
    assert resumed.cache_hits == 2 and resumed.calls_made == 3
    rows = CallCache(db).all()
    assert sorted(r.sample_index for r in rows) == [0, 1, 2, 3, 4]
    assert len({r.response for r in rows}) == 5
    if provider == "gemini":
        new_seeds = sorted(r.body["generationConfig"]["seed"] for r in server.requests[before:])
        assert new_seeds == [9, 10, 11]  # seed 7 + sample indices 2, 3, 4


@pytest.mark.parametrize("provider", PROVIDERS)
def test_concurrent_sampling(provider, server, cache):
    teacher = make_teacher(provider, server, cache, max_concurrency=4)
    samples = teacher.sample(make_request(n=8))
    assert [s.sample_index for s in samples] == list(range(8))
    assert len({s.text for s in samples}) == 8
    assert server.count() == 8 and cache.count() == 8


@pytest.mark.parametrize("provider", PROVIDERS)
def test_replay_round_trip(provider, server, cache, tmp_path):
    req = make_request(n=3)
    samples = make_teacher(provider, server, cache).sample(req)
    path = tmp_path / "replay.jsonl"
    assert record(path, req, samples, teacher=provider, model=MODELS[provider]) == 3
    # A hand-written line without prompt_hash answers any prompt of its task.
    with path.open("a") as fh:
        fh.write(json.dumps({"task_id": "task-z", "sample_index": 0, "text": "any prompt"}) + "\n")

    replay = ReplayTeacher(path)
    assert isinstance(replay, Teacher)
    again = replay.sample(make_request(n=4))
    assert [s.text for s in again[:3]] == [s.text for s in samples]
    assert again[0].extra["model"] == MODELS[provider]
    assert again[3].text == "" and again[3].finish_reason == "missing"
    other = replay.sample(make_request(n=1, prompt="A different start program."))
    assert other[0].finish_reason == "missing"  # recorded lines carry a prompt_hash
    assert ReplayTeacher(path, strict_prompt_hash=False).sample(
        make_request(n=1, prompt="A different start program."))[0].text == samples[0].text
    assert replay.sample(make_request(n=1, task_id="task-z", prompt="whatever"))[0].text == "any prompt"
    assert server.count() == 3


# -- building blocks ---------------------------------------------------------------------------


def test_pricing(caplog):
    assert pricing.cost_usd("claude-sonnet-4-5", 100_000, 100_000) == pytest.approx(1.8)
    assert pricing.cost_usd("claude-haiku-4-5-20251001", 2_000_000, 0) == pytest.approx(2.0)
    assert pricing.cost_usd("models/gemini-2.5-flash", 0, 1_000_000) == pytest.approx(2.5)
    # long-context tier: the whole request at the higher rate
    assert pricing.cost_usd("gemini-2.5-pro", 300_000, 0) == pytest.approx(0.75)
    with caplog.at_level(logging.WARNING, logger="arc_pipeline.teachers.pricing"):
        assert pricing.cost_usd("some-unknown-model", 1000, 1000) == 0.0
    assert "some-unknown-model" in caplog.text


def test_budget_threads():
    b = Budget(max_usd=1.0, max_tokens=None)
    threads = [threading.Thread(target=lambda: [b.charge(1, 0.001) for _ in range(100)])
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert b.spent_tokens == 800 and b.spent_usd == pytest.approx(0.8)
    b.check()
    b.charge(0, 0.2)
    with pytest.raises(BudgetExceededError):
        b.check()
    Budget().check()  # unlimited


def test_cache_put_get_and_prompt_hash(tmp_path):
    c = CallCache(tmp_path / "sub" / "c.duckdb")
    ph = prompt_hash("sys", "prompt", 1.0, 100)
    assert ph == CallCache.prompt_hash("sys", "prompt", 1.0, 100) and len(ph) == 64
    assert ph != prompt_hash("sys", "prompt", 0.5, 100)
    assert c.get("t", "m", ph, 0, 0) is None
    c.put("t", "m", ph, 0, 0, "first", 10, 5, 0.01, 1.5, "end_turn")
    c.put("t", "m", ph, 0, 0, "second")  # existing key: kept, no error
    row = c.get("t", "m", ph, 0, 0)
    assert row.response == "first" and row.output_tokens == 5 and row.finish_reason == "end_turn"
    assert row.created_at is not None
    assert set(c.get_many("t", "m", ph, 0, range(3))) == {0}
    cols = [r[0] for r in duckdb.connect(str(c.db_path)).execute(
        "DESCRIBE teacher_calls").fetchall()]
    assert cols == ["teacher", "model", "prompt_hash", "sample_index", "seed", "response",
                    "input_tokens", "output_tokens", "cost_usd", "latency_s", "finish_reason",
                    "created_at"]


def test_cache_two_processes_write_concurrently(tmp_path):
    """DuckDB allows one process per file: CallCache waits for the lock instead of crashing."""
    db = tmp_path / "shared.duckdb"
    CallCache(db)
    script = textwrap.dedent(
        """
        import sys
        from arc_pipeline.teachers.cache import CallCache
        c = CallCache(sys.argv[1], lock_timeout_s=30)
        for i in range(15):
            c.put("t", "m", "h", 0, int(sys.argv[2]) * 100 + i, "r")
            c.get("t", "m", "h", 0, i)
        print(c.lock_waits)
        """
    )
    # Hold the file from this process for a moment so both writers must wait.
    con = duckdb.connect(str(db))
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db), str(k)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for k in range(2)]
    time.sleep(0.6)
    con.close()
    outs = [p.communicate(timeout=60) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    assert sum(int(out.strip()) for out, _ in outs) > 0  # the lock was actually contended
    assert CallCache(db).count() == 30


def test_cache_waits_for_read_only_connection_in_same_process(tmp_path):
    """A read-only connection to the same file (as Warehouse.connect(read_only=True) opens) in
    this process makes DuckDB refuse a read-write one; CallCache waits until it closes."""
    db = tmp_path / "warehouse.duckdb"
    c = CallCache(db)
    ro = duckdb.connect(str(db), read_only=True)
    timer = threading.Timer(0.3, ro.close)
    timer.start()
    c.put("t", "m", "h", 0, 0, "r")
    timer.join()
    assert c.lock_waits > 0 and c.count() == 1


@pytest.mark.parametrize("provider", PROVIDERS)
def test_malformed_reply_is_retried_then_stored_as_failed_sample(provider, server, cache):
    from arc_pipeline_tests.teachers.fake_llm_server import malformed

    teacher = make_teacher(provider, server, cache, max_malformed_retries=1)
    server.inject(malformed())  # one bad body, then healthy: the re-ask succeeds
    [s] = teacher.sample(make_request())
    assert extract_program(s.text)[1] is not None and teacher.malformed_replies == 1
    server.inject(malformed(), malformed(), malformed())  # never healthy within the bound
    [bad] = teacher.sample(make_request(seed=99))
    assert bad.text == "" and bad.finish_reason == "malformed_reply" and bad.cost_usd == 0
    assert teacher.malformed_replies == 3 and server.count() == 4  # 1 + 1 retry, then 1 + 1 retry
    assert teacher.sample(make_request(seed=99))[0].cached  # stored: a re-run asks nothing


def test_request_timeout_and_malformed_retries_are_configuration(tmp_path, monkeypatch):
    from arc_pipeline.config import load_config
    from arc_pipeline.teachers import make_teacher as make_configured
    from arc_pipeline.warehouse import Warehouse

    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    cfg = load_config(overrides={"data_dir": str(tmp_path), "teacher": {
        "name": "anthropic", "request_timeout_s": 7.5, "max_malformed_retries": 4, "budget_usd": None}})
    teacher = make_configured(cfg, {}, Warehouse(tmp_path / "w.duckdb"), None)
    assert teacher.timeout_s == 7.5 and teacher.max_malformed_retries == 4


# -- the OpenAI-compatible route: separately returned reasoning, truncation, key variable ---------

def _reasoning(n: int, body: dict) -> str:
    return f"R1 reasoning {n}: the rows are mirrored, so flip each one."


def test_reasoning_content_becomes_the_cot(cache):
    with FakeLLMServer(reasoning_fn=_reasoning) as srv:
        teacher = make_teacher("openai", srv, cache)
        [s] = teacher.sample(make_request())
        cot, program, status = extract_program(s.text)
        assert status == "ok" and cot == "R1 reasoning 1: the rows are mirrored, so flip each one."
        assert program is not None and "def solve" in program
        assert "colours swapped" not in cot  # the answer's own think block was not sent as content
        # the cache holds the whole trace: a re-run gives the same CoT without a request
        [again] = make_teacher("openai", srv, cache).sample(make_request())
        assert again.cached and extract_program(again.text)[0] == cot and srv.count() == 1


def test_truncated_answers_are_recorded_as_truncated(cache):
    from arc_pipeline_tests.teachers.fake_llm_server import truncated

    with FakeLLMServer(reasoning_fn=_reasoning) as srv:
        srv.inject(truncated())
        [s] = make_teacher("openai", srv, cache).sample(make_request())
        assert s.finish_reason == "length"
        cot, program, status = extract_program(s.text)
        assert status == "truncated" and program is None and cot.startswith("R1 reasoning")
        assert srv.count() == 1  # a truncated answer is an answer: stored, not retried
    with FakeLLMServer() as srv:  # no separate reasoning: the answer is cut before its program
        srv.inject(truncated())
        [s] = make_teacher("openai", srv, cache).sample(make_request(seed=3))
        assert s.finish_reason == "length" and extract_program(s.text)[1:] == (None, "no_program")


def test_key_from_a_configured_variable(monkeypatch, tmp_path):
    from arc_pipeline.config import load_config
    from arc_pipeline.teachers import make_teacher as make_configured
    from arc_pipeline.warehouse import Warehouse

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("DEEPSEEK_API_KEY", raising=False)
    cfg = load_config(overrides={"teacher": {"name": "openai", "model": "deepseek-reasoner",
                                             "api_key_env": "DEEPSEEK_API_KEY", "price_per_mtok": [0.55, 2.19]}})
    wh = Warehouse(tmp_path / "w.duckdb")
    with pytest.raises(MissingAPIKeyError, match="DEEPSEEK_API_KEY"):
        make_configured(cfg, {"openai_api_key": "the-openai-key"}, wh)  # $OPENAI_API_KEY does not stand in
    monkeypatch.setenv("DEEPSEEK_API_KEY", "ds-key")
    teacher = make_configured(cfg, {}, wh)
    assert teacher.client.api_key == "ds-key"
    assert teacher.cost_usd(1_000_000, 1_000_000) == pytest.approx(2.74)
    keyless = load_config(overrides={"teacher": {"name": "openai", "model": "local-r1", "api_key_env": "",
                                                 "budget_usd": None}})
    assert make_configured(keyless, {}, wh).model == "local-r1"
    with pytest.raises(ValueError, match="deepseek-reasoner.*price_per_mtok"):
        make_configured(load_config(overrides={"teacher": {"name": "openai", "model": "deepseek-reasoner"}}), {}, wh)
