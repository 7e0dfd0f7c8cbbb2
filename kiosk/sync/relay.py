"""OutboxRelay: sends the store's outbox to the backend on its own thread until each entry has
a definite answer, then polls the backend's decisions.

Every attempt is `POST /v1/applications` with the exact stored body, `Idempotency-Key` = the
application id and fresh signature headers, so a retry after a lost answer is a replay the
backend recognises, never a second application. Answers:

- 2xx: delivered (the decision in the body is stored sealed).
- 408, 425, 429, 5xx, timeouts, refused or reset connections: retried after a capped exponential
  backoff with full jitter (`backoff.py`); the relay pauses as a whole too, since a backend that
  fails one request is likely to fail the next.
- any other 4xx: a definite refusal, parked for the technician with the reason, never deleted.

A backlog (after an outage) drains `parallel` requests at a time from a small thread pool:
each POST is idempotent on its own, so their order does not matter. Plain threading and httpx, no Qt: the callbacks (`on_decision`, `on_parked`) run on the relay
thread; a Qt adapter re-emits them as signals on the UI thread. Nothing personal is logged:
application ids, status codes and fault classes only.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from kiosk.store import OutboxItem, Store

from .backoff import Backoff
from .signing import RequestSigner

log = logging.getLogger("kiosk.sync")

APPLICATIONS = "/v1/applications"
RETRYABLE_4XX = frozenset({408, 425, 429})  # timeout, too early, too many requests: try again


@dataclass(frozen=True)
class Decision:
    """The backend's decision about one application, as the UI needs it."""

    application_id: str
    status: str
    body: dict


@dataclass
class Pass:
    """What one pass over the outbox did."""

    delivered: int = 0
    parked: int = 0
    failed: int = 0


class OutboxRelay:
    def __init__(
        self,
        store: Store,
        base_url: str,
        signer: RequestSigner,
        *,
        timeout_seconds: float = 10.0,
        backoff: Backoff | None = None,
        poll_seconds: float = 30.0,
        on_decision: Callable[[Decision], None] | None = None,
        on_parked: Callable[[str, int, str], None] | None = None,
        rng: random.Random | None = None,
        batch: int = 50,
        parallel: int = 1,
    ) -> None:
        self._store = store
        self._prefix = urlsplit(base_url).path.rstrip("/")
        self._signer = signer
        self._backoff = backoff or Backoff()
        self._poll_seconds = poll_seconds
        self._on_decision = on_decision
        self._on_parked = on_parked
        self._rng = rng or random.SystemRandom()
        self._batch = batch
        self._parallel = max(1, parallel)
        limits = httpx.Limits(max_connections=self._parallel, max_keepalive_connections=self._parallel)
        self._client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout_seconds,
                                    limits=limits)
        self._pool = ThreadPoolExecutor(self._parallel, thread_name_prefix="outbox-send") \
            if self._parallel > 1 else None
        self._lock = threading.Lock()  # guards _failures across the sending threads
        self._failures = 0  # consecutive transient failures, for the relay-wide pause
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- the thread ---------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="outbox-relay", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        self._client.close()

    def wake(self) -> None:
        """A new application was confirmed: send now rather than at the next scheduled pass."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                outcome = self.send_due()
                self.poll_decisions()
                wait = self._next_wait(outcome)
            except Exception:  # a bad moment of the store must not end the relay
                log.exception("outbox relay pass failed; trying again")
                self._failures += 1
                wait = self._backoff.delay(self._failures, self._rng)
            self._wake.wait(wait)
            self._wake.clear()

    def _next_wait(self, outcome: Pass) -> float:
        if outcome.failed:
            return self._backoff.delay(self._failures, self._rng)
        due = self._store.next_due_at()
        until_due = self._poll_seconds if due is None else max(0.0, due - time.time())
        return min(until_due, self._poll_seconds)

    # --- one pass (also called directly by tests and the benchmark) ---------------------------

    def send_due(self) -> Pass:
        """Send every due entry, oldest first, `parallel` at a time. After a transient failure
        the relay probes with one entry per pass until the backend answers again, so an outage
        costs one request per backoff pause, not one per queued application."""
        outcome = Pass()
        while not self._stop.is_set():
            probing = self._failures > 0
            items = self._store.due(1 if probing else self._batch)
            if not items:
                break
            if probing or self._pool is None:
                results = map(self._send, items)
            else:
                results = self._pool.map(self._send, items)
            for result in results:
                if result == "delivered":
                    outcome.delivered += 1
                elif result == "parked":
                    outcome.parked += 1
                else:
                    outcome.failed += 1
                    if self._pool is None or probing:
                        break
            if outcome.failed:
                return outcome
        return outcome

    def _send(self, item: OutboxItem) -> str:
        path = self._prefix + APPLICATIONS
        headers = {"Content-Type": "application/json", "Idempotency-Key": item.application_id,
                   **self._signer.headers("POST", path, item.body)}
        try:
            response = self._client.post(APPLICATIONS, content=item.body, headers=headers)
        except httpx.TransportError as fault:  # timeouts, refused and reset connections
            return self._retry(item, type(fault).__name__)
        status = response.status_code
        if 200 <= status < 300:
            with self._lock:
                self._failures = 0
            body, decision_status = _decision_of(response)
            self._store.mark_delivered(item.application_id, status, body, decision_status)
            log.info("application %s delivered (HTTP %d)", item.application_id, status)
            if decision_status is not None and body is not None:
                self._tell(Decision(item.application_id, decision_status, json.loads(body)))
            return "delivered"
        if 400 <= status < 500 and status not in RETRYABLE_4XX:
            with self._lock:
                self._failures = 0
            code = _refusal_code(response)
            self._store.mark_parked(item.application_id, status, code, response.content)
            log.warning("application %s parked: HTTP %d %s", item.application_id, status, code)
            if self._on_parked is not None:
                self._on_parked(item.application_id, status, code)
            return "parked"
        return self._retry(item, f"HTTP {status}")

    def _retry(self, item: OutboxItem, fault: str) -> str:
        """The entry waits by its own attempts (one application the backend keeps failing on
        does not hold up the rest); the relay as a whole pauses by consecutive failures."""
        with self._lock:
            self._failures += 1
            wait = self._backoff.delay(item.attempts + 1, self._rng)
        self._store.mark_retry(item.application_id, fault, time.time() + wait)
        log.info("application %s not delivered (%s); retry in %.2f s", item.application_id, fault, wait)
        return "failed"

    def poll_decisions(self) -> int:
        """Ask about delivered applications not decided yet; returns how many changed."""
        changed = 0
        for application_id in self._store.undecided(time.time() - self._poll_seconds):
            path = f"{self._prefix}{APPLICATIONS}/{application_id}"
            try:
                response = self._client.get(f"{APPLICATIONS}/{application_id}",
                                            headers=dict(self._signer.headers("GET", path, b"")))
            except httpx.TransportError:
                return changed  # the backend is away; the next pass asks again
            if response.status_code != 200:
                log.warning("decision of %s: HTTP %d", application_id, response.status_code)
                self._store.record_decision(application_id, None, None)
                continue
            body, status = _decision_of(response)
            if self._store.record_decision(application_id, body, status) and status and body:
                changed += 1
                self._tell(Decision(application_id, status, json.loads(body)))
        return changed

    def _tell(self, decision: Decision) -> None:
        if self._on_decision is not None:
            self._on_decision(decision)


def _decision_of(response: httpx.Response) -> tuple[bytes | None, str | None]:
    """The decision body and its status, or (None, None) when the body is not a decision."""
    try:
        data = response.json()
    except ValueError:
        return None, None
    status = data.get("status") if isinstance(data, dict) else None
    return (response.content, status) if isinstance(status, str) else (None, None)


def _refusal_code(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        data = None
    code = data.get("code") if isinstance(data, dict) else None
    return code if isinstance(code, str) and code.isascii() else f"HTTP {response.status_code}"
