"""A fake Anthropic + Gemini + OpenAI-compatible HTTP server on 127.0.0.1 for testing the real SDK clients.

Speaks the real wire formats:

* ``POST /v1/messages`` → an Anthropic Messages response (``type: "message"``, text content,
  ``stop_reason: "end_turn"``, ``usage``);
* ``POST /<version>/models/<model>:generateContent`` → a Gemini ``GenerateContentResponse``
  (``candidates[0].content.parts[0].text``, ``finishReason: "STOP"``, ``usageMetadata``);
* ``POST /v1/chat/completions`` (or ``/chat/completions``) → an OpenAI ``chat.completion``
  (``choices[0].message.content``, ``finish_reason``, ``usage``); with ``reasoning_fn`` set, the
  message also carries ``reasoning_content`` (DeepSeek-R1 style) and ``content`` is the answer
  without its think block. ``truncated()`` answers one request with ``finish_reason: "length"``
  and the answer cut in half (the reasoning only, when there is reasoning).

Behaviour is scripted: ``inject(...)`` queues failures consumed one per request (a status
error such as 429 with ``retry-after`` or 500, or a slow answer that outlasts the client's
timeout); ``fail_after(n)`` answers ``n`` more requests normally, then fails every later one.
Every request is recorded (path, parsed JSON body, headers). Answers are
``<think>…</think>`` followed by a fenced python program; they differ per request.

    with FakeLLMServer() as srv:
        client = anthropic.Anthropic(api_key="x", base_url=srv.base_url)
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_OPENAI_PATHS = ("/v1/chat/completions", "/chat/completions")
_GEMINI_PATH = re.compile(r"^/(?P<version>[^/]+)/models/(?P<model>[^/:]+):generateContent$")


@dataclass(frozen=True)
class Failure:
    """One scripted misbehaviour: ``kind`` "status" (HTTP error) or "slow" (late answer)."""

    kind: str
    status: int = 500
    retry_after: str | None = None
    delay_s: float = 0.0


def rate_limited(retry_after: str | None = "0") -> Failure:
    return Failure("status", 429, retry_after=retry_after)


def server_error(status: int = 500) -> Failure:
    return Failure("status", status)


def malformed() -> Failure:
    """A 200 reply whose body is not JSON."""
    return Failure("malformed")


def truncated() -> Failure:
    """A 200 reply that stopped at the token limit (OpenAI route: ``finish_reason: "length"``)."""
    return Failure("truncated")


def slow(delay_s: float) -> Failure:
    return Failure("slow", delay_s=delay_s)


@dataclass
class RecordedRequest:
    path: str
    body: dict
    headers: dict = field(default_factory=dict)

    @property
    def api(self) -> str:
        if self.path in _OPENAI_PATHS:
            return "openai"
        return "anthropic" if self.path == "/v1/messages" else "gemini"


def default_text(n: int, api: str, body: dict) -> str:
    """A response: a think block, then a fenced python program (``n`` = request counter)."""
    return (
        f"<think>Request {n} to {api}: the output is the input with colours swapped.</think>\n"
        "Here is the edited program:\n"
        "```python\n"
        "def solve(grid):\n"
        f"    # variant {n}\n"
        "    return [[(c + 1) % 10 for c in row] for row in grid]\n"
        "```\n"
    )


class FakeLLMServer:
    """Threaded fake server; use as a context manager (or ``start()`` / ``stop()``)."""

    def __init__(self, input_tokens: int = 1000, output_tokens: int = 200, text_fn=default_text,
                 reasoning_fn=None):
        self.input_tokens = input_tokens
        self.output_tokens = output_tokens
        self.text_fn = text_fn
        self.reasoning_fn = reasoning_fn  # (n, body) -> reasoning_content of OpenAI answers, or None
        self.requests: list[RecordedRequest] = []
        self.answered = 0  # successful answers
        self._lock = threading.Lock()
        self._queue: list[Failure] = []
        self._fail_after: tuple[int, Failure] | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting ---------------------------------------------------------------------------

    def inject(self, *failures: Failure) -> None:
        """Queue failures; each is consumed by the next request."""
        with self._lock:
            self._queue.extend(failures)

    def fail_after(self, n_ok: int, failure: Failure | None = None) -> None:
        """Answer ``n_ok`` more requests normally, then fail all later ones with ``failure``."""
        with self._lock:
            self._fail_after = (self.answered + n_ok, failure or server_error(500))

    def heal(self) -> None:
        """Drop queued failures and ``fail_after``."""
        with self._lock:
            self._queue.clear()
            self._fail_after = None

    def count(self, api: str | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests if api is None or r.api == api)

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeLLMServer":
        handler = _make_handler(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-llm-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "FakeLLMServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- request handling --------------------------------------------------------------------

    def _next_behaviour(self) -> Failure | None:
        with self._lock:
            if self._queue:
                return self._queue.pop(0)
            if self._fail_after is not None and self.answered >= self._fail_after[0]:
                return self._fail_after[1]
            return None

    def _record(self, path: str, body: dict, headers: dict) -> int:
        with self._lock:
            self.requests.append(RecordedRequest(path, body, headers))
            return len(self.requests)


def _anthropic_body(srv: FakeLLMServer, n: int, body: dict) -> dict:
    return {
        "id": f"msg_fake_{n:04d}",
        "type": "message",
        "role": "assistant",
        "model": body.get("model", "claude-fake"),
        "content": [{"type": "text", "text": srv.text_fn(n, "anthropic", body)}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": srv.input_tokens, "output_tokens": srv.output_tokens},
    }


def _gemini_body(srv: FakeLLMServer, n: int, body: dict, model: str) -> dict:
    return {
        "candidates": [
            {
                "content": {"parts": [{"text": srv.text_fn(n, "gemini", body)}], "role": "model"},
                "finishReason": "STOP",
                "index": 0,
            }
        ],
        "usageMetadata": {
            "promptTokenCount": srv.input_tokens,
            "candidatesTokenCount": srv.output_tokens,
            "totalTokenCount": srv.input_tokens + srv.output_tokens,
        },
        "modelVersion": model,
        "responseId": f"resp_fake_{n:04d}",
    }


def _strip_think(text: str) -> str:
    """The answer part of a ``<think>…</think>answer`` text."""
    close = text.rfind("</think>")
    return text[close + len("</think>"):].lstrip("\n") if close >= 0 else text


def _openai_body(srv: FakeLLMServer, n: int, body: dict, cut: bool) -> dict:
    text = srv.text_fn(n, "openai", body)
    reasoning = srv.reasoning_fn(n, body) if srv.reasoning_fn is not None else None
    message = {"role": "assistant", "content": _strip_think(text) if reasoning else text}
    if reasoning:
        message["reasoning_content"] = reasoning
    if cut:
        if reasoning:
            message["content"] = ""
            message["reasoning_content"] = reasoning[: max(1, len(reasoning) // 2)]
        else:
            message["content"] = text[: len(text) // 2]
    return {
        "id": f"chatcmpl-fake-{n:04d}",
        "object": "chat.completion",
        "created": 1_700_000_000 + n,
        "model": body.get("model", "fake-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": "length" if cut else "stop",
                     "logprobs": None}],
        "usage": {"prompt_tokens": srv.input_tokens, "completion_tokens": srv.output_tokens,
                  "total_tokens": srv.input_tokens + srv.output_tokens},
    }


def _error_body(api: str, status: int) -> dict:
    if api == "openai":
        etype = {429: "rate_limit_exceeded"}.get(status, "server_error")
        return {"error": {"message": f"fake {status}", "type": etype, "param": None, "code": etype}}
    if api == "anthropic":
        etype = {429: "rate_limit_error", 529: "overloaded_error"}.get(status, "api_error")
        return {"type": "error", "error": {"type": etype, "message": f"fake {status}"}}
    gstatus = {429: "RESOURCE_EXHAUSTED", 503: "UNAVAILABLE"}.get(status, "INTERNAL")
    return {"error": {"code": status, "message": f"fake {status}", "status": gstatus}}


def _make_handler(srv: FakeLLMServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def _send(self, status: int, payload: dict, headers: dict | None = None) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass  # the client gave up (timeout test)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw or b"{}")
            except json.JSONDecodeError:
                body = {"_raw": raw.decode("utf-8", "replace")}
            path = self.path.split("?", 1)[0]
            gem = _GEMINI_PATH.match(path)
            if path != "/v1/messages" and path not in _OPENAI_PATHS and gem is None:
                self._send(404, {"error": {"code": 404, "message": f"no route {path}"}})
                return
            api = "openai" if path in _OPENAI_PATHS else "anthropic" if gem is None else "gemini"
            n = srv._record(path, body, dict(self.headers.items()))
            failure = srv._next_behaviour()
            if failure is not None and failure.kind == "status":
                headers = {}
                if failure.retry_after is not None:
                    headers["retry-after"] = failure.retry_after
                self._send(failure.status, _error_body(api, failure.status), headers)
                return
            if failure is not None and failure.kind == "malformed":
                data = b'{"id": "msg_broken", "content": [ {"type": "te'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            if failure is not None and failure.kind == "slow":
                time.sleep(failure.delay_s)
            with srv._lock:
                srv.answered += 1
            if api == "openai":
                self._send(200, _openai_body(srv, n, body, cut=failure is not None and failure.kind == "truncated"))
            elif api == "anthropic":
                self._send(200, _anthropic_body(srv, n, body))
            else:
                self._send(200, _gemini_body(srv, n, body, gem.group("model")))

    return Handler
