"""What every request handler needs, built once by create_app and kept on app.state."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

import wire
from backend.clock import Clock
from backend.refusals import ApiRefusal
from backend.settings import Settings
from backend.terminal_auth import (
    NoncePruner,
    PublicKeys,
    SignedRequest,
    Terminal,
    admit,
    verify,
)


@dataclass
class BackendContext:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    pruner: NoncePruner
    read_sessions: sessionmaker[Session]
    public_keys: PublicKeys = field(default_factory=PublicKeys)
    # SQLite takes one writer at a time (every transaction is BEGIN IMMEDIATE, see db.py).
    # Queueing the threads of this process on a lock wakes the next one the moment the
    # writer commits, instead of SQLite's busy handler sleeping 1-100 ms between retries;
    # the busy timeout still covers other processes (the CLI). PostgreSQL needs no lock.
    write_lock: AbstractContextManager = field(default_factory=nullcontext)
    clock: Clock = field(default_factory=Clock)

    def now(self) -> datetime:
        """Naive UTC from the app's clock (a test's fixed clock, or the system's)."""
        return self.clock.now()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction, committed on success and rolled back on any exception."""
        with self.write_lock, self.sessions.begin() as session:
            yield session

    @contextmanager
    def signed_transaction(self, signed: SignedRequest) -> Iterator[tuple[Session, Terminal]]:
        """Verify the signature first, outside any write (the public key is remembered or read
        in a read transaction: a refused request never queues before the writers), then open
        the write transaction, admit the request there and hand over the session and the
        proven terminal."""
        now = self.now()
        public_key = None
        if signed.kiosk_id and signed.key_id:
            public_key = self.public_keys.get(self.reading, signed.kiosk_id, signed.key_id)
        terminal = verify(signed, public_key, self.settings.max_clock_skew_seconds, now)
        with self.transaction() as session:
            admit(session, terminal, signed, self.pruner, now)
            yield session, terminal

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only transaction: no write lock (SQLite: a deferred BEGIN; WAL readers never
        wait for the writer), so public and refused traffic never queue before writes."""
        with self.read_sessions.begin() as session:
            yield session


def backend_context(request: Request) -> BackendContext:
    return request.app.state.backend


# The largest legitimate body, forms.samples' limited company with 50 shareholders and every
# add-on, is 7.4 KB; 1 MiB leaves ample room for growth and still stops a memory-filling upload.
MAX_BODY_BYTES = 1 << 20


async def raw_body(request: Request) -> bytes:
    """The exact bytes that were signed, read on the event loop, refused past MAX_BODY_BYTES."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def too_large() -> ApiRefusal:
    return ApiRefusal(
        413,
        "too-large",
        "请求内容过大（上限 1 MiB）。",
        "The request body is too large (limit 1 MiB).",
    )


def request_target(request: Request) -> str:
    """The request target as it was on the request line: the bytes the terminal signed."""
    raw = request.scope.get("raw_path") or request.url.path.encode("ascii")
    query = request.scope.get("query_string") or b""
    target = raw.decode("latin-1")
    return f"{target}?{query.decode('latin-1')}" if query else target


def signed_request(
    request: Request,
    body: bytes = Depends(raw_body),
    x_kiosk_id: str | None = Header(default=None, alias=wire.HEADER_KIOSK),
    x_kiosk_key_id: str | None = Header(default=None, alias=wire.HEADER_KEY_ID),
    x_kiosk_timestamp: str | None = Header(default=None, alias=wire.HEADER_TIMESTAMP),
    x_kiosk_nonce: str | None = Header(default=None, alias=wire.HEADER_NONCE),
    x_kiosk_signature: str | None = Header(default=None, alias=wire.HEADER_SIGNATURE),
) -> SignedRequest:
    """Header parameters are declared so /openapi.json documents the signing headers."""
    return SignedRequest(
        kiosk_id=x_kiosk_id,
        key_id=x_kiosk_key_id,
        timestamp=x_kiosk_timestamp,
        nonce=x_kiosk_nonce,
        signature=x_kiosk_signature,
        method=request.method,
        target=request_target(request),
        body=body,
    )


# Annotated parameter types, so route signatures stay short and defaults stay plain.
Ctx = Annotated[BackendContext, Depends(backend_context)]
Signed = Annotated[SignedRequest, Depends(signed_request)]
Authorization = Annotated[str | None, Header()]
