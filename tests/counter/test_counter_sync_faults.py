"""Issue 9's sync faults against the real backend: applications confirmed while the backend is
down reach it once it starts; a proxy that breaks 30% of requests (503, resets before and after
the backend answered, silence) loses none and duplicates none."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from counter_samples import grocery

from kiosk.counter.embedded import EmbeddedBackend, free_port
from kiosk.store import Store
from kiosk.sync import Backoff, KeyFileSigner, OutboxRelay

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from fault_proxy import FaultProxy  # noqa: E402


def received(backend: EmbeddedBackend) -> list[str]:
    with sqlite3.connect(backend.home / "backend.sqlite3") as db:
        return sorted(row[0] for row in db.execute("SELECT id FROM applications"))


def drain(relay: OutboxRelay, store: Store, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while store.outbox_counts().get("pending", 0) and time.monotonic() < deadline:
        relay.send_due()
        time.sleep(0.02)


def test_confirmed_offline_then_the_backend_starts_each_arrives_once(tmp_path):
    backend = EmbeddedBackend(tmp_path / "backend", "NH-OFF-001", port=free_port())
    key = backend.register()
    store = Store.open(tmp_path / "kiosk", key, terminal_id="NH-OFF-001")
    relay = OutboxRelay(store, backend.url, KeyFileSigner(key), timeout_seconds=2,
                        backoff=Backoff(0.01, 0.05), poll_seconds=3600)
    try:
        ids = [store.confirm(grocery(), {}).id for _ in range(8)]
        outcome = relay.send_due()  # nobody listens: refused connections, all kept
        assert outcome.delivered == 0 and outcome.failed >= 1
        assert store.outbox_counts() == {"pending": 8}
        with backend:
            drain(relay, store)
            relay.send_due()  # one more pass: nothing is sent twice
            assert store.outbox_counts() == {"delivered": 8}
            assert received(backend) == sorted(ids)
    finally:
        relay.stop()
        store.close()


def test_thirty_percent_of_requests_broken_every_application_arrives_exactly_once(tmp_path):
    with EmbeddedBackend(tmp_path / "backend", "NH-FLT-001") as backend:
        proxy = FaultProxy(backend.port, fault_rate=0.3, seed=9, silence_seconds=1.5)
        store = Store.open(tmp_path / "kiosk", backend.key_file, terminal_id="NH-FLT-001")
        relay = OutboxRelay(store, proxy.url, KeyFileSigner(backend.key_file), timeout_seconds=1.0,
                            backoff=Backoff(0.01, 0.05), poll_seconds=3600, parallel=4)
        try:
            ids = [store.confirm(grocery(), {}).id for _ in range(40)]
            drain(relay, store, seconds=120)
            assert store.outbox_counts() == {"delivered": 40}
            assert received(backend) == sorted(ids)
            assert sum(proxy.counts[f] for f in ("503", "reset-before", "reset-after", "silent-after")) >= 5
        finally:
            relay.stop()
            proxy.close()
            store.close()
