"""A small backend for the relay's tests, served by uvicorn on loopback, and its HMAC signer.

It does what the real backend does at the edges the relay depends on: checks a signature over
method, path and body, requires `Idempotency-Key` = the body's id, creates once and replays
after (200), refuses a changed body with 409, and answers faults on a script: "500", "503",
"409", "422", "429", "lost" (creates, then answers too late: the client times out).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

SIGNATURE = "X-Test-Signature"


class HmacTestSigner:
    """Test-only RequestSigner: HMAC-SHA256 over "METHOD\\npath\\nsha256(body)"."""

    def __init__(self, key: bytes) -> None:
        self.key = key

    def headers(self, method: str, path: str, body: bytes) -> dict[str, str]:
        return {SIGNATURE: expected(self.key, method, path, body)}


def expected(key: bytes, method: str, path: str, body: bytes) -> str:
    text = f"{method}\n{path}\n{hashlib.sha256(body).hexdigest()}".encode()
    return hmac.new(key, text, hashlib.sha256).hexdigest()


class LoopbackBackend:
    def __init__(self, key: bytes, *, hang_seconds: float = 1.0, status: str = "received") -> None:
        self.key = key
        self.hang_seconds = hang_seconds
        self.status = status  # the decision a new application gets
        self.script: deque[str] = deque()
        self.created: dict[str, bytes] = {}
        self.creations: Counter[str] = Counter()
        self.posts: Counter[str] = Counter()
        self.decisions: dict[str, str] = {}
        self.lock = threading.Lock()
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/applications")
        async def post(request: Request) -> JSONResponse:
            body = await request.body()
            if not self._signed(request, body):
                return JSONResponse({"code": "bad-signature"}, status_code=401)
            key = request.headers.get("Idempotency-Key")
            if key != json.loads(body).get("id"):
                return JSONResponse({"code": "idempotency-key"}, status_code=400)
            with self.lock:
                self.posts[key] += 1
                action = self.script.popleft() if self.script else "ok"
            if action in ("500", "503", "429"):
                return JSONResponse({"code": "scripted"}, status_code=int(action))
            if action == "409":
                return JSONResponse({"code": "idempotency-conflict"}, status_code=409)
            if action == "422":
                return JSONResponse({"code": "invalid-application", "problems": [
                    {"field": "name", "zh": "名称不可用", "en": "name not available"}]}, status_code=422)
            answer = self._create(key, body)
            if action == "lost":
                await asyncio.sleep(self.hang_seconds)
            return answer

        @app.get("/v1/applications/{application_id}")
        async def get(application_id: str, request: Request) -> JSONResponse:
            if not self._signed(request, b""):
                return JSONResponse({"code": "bad-signature"}, status_code=401)
            if application_id not in self.created:
                return JSONResponse({"code": "not-found"}, status_code=404)
            return JSONResponse({"id": application_id, "status": self.decisions[application_id]})

        return app

    def _signed(self, request: Request, body: bytes) -> bool:
        presented = request.headers.get(SIGNATURE, "")
        return hmac.compare_digest(presented, expected(self.key, request.method, request.url.path, body))

    def _create(self, key: str, body: bytes) -> JSONResponse:
        with self.lock:
            if key in self.created:
                if self.created[key] != body:
                    return JSONResponse({"code": "idempotency-conflict"}, status_code=409)
                return JSONResponse({"id": key, "status": self.decisions[key]}, status_code=200)
            self.created[key] = body
            self.creations[key] += 1
            self.decisions[key] = self.status
        return JSONResponse({"id": key, "status": self.status}, status_code=201)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(app: FastAPI, port: int = 0) -> Iterator[str]:
    """Run `app` with uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(256)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off",
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test backend did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(5)
        sock.close()
