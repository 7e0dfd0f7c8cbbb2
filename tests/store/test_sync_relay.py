"""The outbox relay against a real HTTP server on loopback (uvicorn), with scripted answers and
a fault-injecting proxy: every application arrives exactly once, refusals are parked."""

from __future__ import annotations

import json
import random
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sync_server import HmacTestSigner, LoopbackBackend, free_port, serve

from forms.samples import valid_application
from kiosk.store import Store
from kiosk.sync import Backoff, Decision, OutboxRelay

KEY = b"k" * 32
FAST = Backoff(base=0.01, cap=0.05)


def relay_for(store: Store, url: str, **kwargs) -> OutboxRelay:
    kwargs.setdefault("backoff", FAST)
    kwargs.setdefault("timeout_seconds", 0.5)
    return OutboxRelay(store, url, HmacTestSigner(KEY), rng=random.Random(7), **kwargs)


def confirm(store: Store, n: int) -> list[str]:
    services = ("individual_business", "sole_proprietorship", "limited_company")
    ids = []
    for i in range(n):
        app = valid_application(services[i % 3])
        store.confirm(app, {})
        ids.append(app.id)
    return ids


def drain(relay: OutboxRelay, store: Store, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while store.outbox_counts().get("pending", 0):
        assert time.monotonic() < deadline, store.outbox_counts()
        relay.send_due()
        time.sleep(0.01)


@pytest.fixture
def real_store(store):
    """The conftest store, but on the wall clock: the relay schedules retries in real time."""
    store._clock = time.time
    store.jobs._clock = time.time
    return store


def test_delivered_once_with_the_application_id_as_idempotency_key(real_store):
    backend = LoopbackBackend(KEY)
    ids = confirm(real_store, 3)
    with serve(backend.app) as url:
        relay = relay_for(real_store, url)
        assert relay.send_due().delivered == 3
        relay.stop()
    assert set(backend.created) == set(ids)
    for app_id in ids:
        assert json.loads(backend.created[app_id]) == real_store.payload(app_id)[0]
        view = real_store.view(app_id)
        assert (view.outbox_state, view.http_status, view.decision_status) == ("delivered", 201, "received")


@pytest.mark.parametrize("fault", ["500", "503", "429", "lost"])
def test_transient_answers_are_retried_until_delivered(real_store, fault):
    backend = LoopbackBackend(KEY, hang_seconds=1.0)
    backend.script.extend([fault, fault])
    (app_id,) = confirm(real_store, 1)
    with serve(backend.app) as url:
        relay = relay_for(real_store, url)
        drain(relay, real_store)
        relay.stop()
    assert backend.creations[app_id] == 1
    assert backend.posts[app_id] == 3
    view = real_store.view(app_id)
    assert view.outbox_state == "delivered" and view.attempts == 3
    assert view.http_status == (200 if fault == "lost" else 201)  # a replay answers 200


@pytest.mark.parametrize(("fault", "status", "code"), [
    ("409", 409, "idempotency-conflict"), ("422", 422, "invalid-application")])
def test_a_definite_refusal_is_parked_with_its_reason_and_kept(real_store, fault, status, code):
    backend = LoopbackBackend(KEY)
    backend.script.append(fault)
    (app_id,) = confirm(real_store, 1)
    parked = []
    with serve(backend.app) as url:
        relay = relay_for(real_store, url, on_parked=lambda *args: parked.append(args))
        assert relay.send_due().parked == 1
        assert relay.send_due().delivered == 0  # parked stays parked
        assert parked == [(app_id, status, code)]
        view = real_store.view(app_id)
        assert (view.outbox_state, view.http_status, view.last_error) == ("parked", status, code)
        assert json.loads(real_store.parked_reason(app_id))["code"] == code
        assert real_store.payload(app_id)[0]["id"] == app_id  # never deleted
        real_store.requeue(app_id, by="technician")
        assert relay.send_due().delivered == 1
        relay.stop()
    assert backend.creations[app_id] == 1


def test_a_bad_signature_is_refused_by_the_server_and_parked(real_store):
    backend = LoopbackBackend(KEY)
    (app_id,) = confirm(real_store, 1)
    with serve(backend.app) as url:
        relay = OutboxRelay(real_store, url, HmacTestSigner(b"x" * 32), backoff=FAST)
        relay.send_due()
        relay.stop()
    assert real_store.view(app_id).http_status == 401 and backend.created == {}


def test_offline_then_the_backend_starts_and_everything_arrives(real_store):
    port = free_port()
    backend = LoopbackBackend(KEY)
    ids = confirm(real_store, 5)
    relay = relay_for(real_store, f"http://127.0.0.1:{port}")
    relay.start()
    time.sleep(0.3)  # several refused connections
    assert real_store.outbox_counts() == {"pending": 5}
    assert real_store.view(ids[0]).last_error == "ConnectError"
    with serve(backend.app, port):
        deadline = time.monotonic() + 10
        while real_store.outbox_counts().get("delivered") != 5:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        relay.stop()
    assert sorted(backend.creations) == sorted(ids) and set(backend.creations.values()) == {1}


def test_decisions_are_polled_and_reported_once_each(real_store):
    backend = LoopbackBackend(KEY, status="in-review")
    decisions: list[Decision] = []
    ids = confirm(real_store, 2)
    with serve(backend.app) as url:
        relay = relay_for(real_store, url, poll_seconds=0.0, on_decision=decisions.append)
        relay.send_due()
        assert [d.status for d in decisions] == ["in-review", "in-review"]
        backend.decisions[ids[0]] = "approved"
        time.sleep(0.01)
        assert relay.poll_decisions() == 1
        assert decisions[-1] == Decision(ids[0], "approved", {"id": ids[0], "status": "approved"})
        time.sleep(0.01)
        assert relay.poll_decisions() == 0  # approved is final; in-review unchanged
        relay.stop()
    assert real_store.view(ids[0]).decision_status == "approved"
    assert real_store.decision(ids[0]) == {"id": ids[0], "status": "approved"}


@pytest.mark.parametrize("parallel", [1, 4])
def test_through_a_proxy_failing_30_percent_every_application_arrives_exactly_once(real_store, parallel):
    from fault_proxy import FaultProxy

    backend = LoopbackBackend(KEY, hang_seconds=0)
    ids = confirm(real_store, 60)
    with serve(backend.app) as url:
        proxy = FaultProxy(int(url.rsplit(":", 1)[1]), fault_rate=0.3, seed=11, silence_seconds=1.0)
        relay = relay_for(real_store, proxy.url, timeout_seconds=0.3, parallel=parallel)
        relay.start()
        deadline = time.monotonic() + 60
        while real_store.outbox_counts().get("delivered") != len(ids):
            assert time.monotonic() < deadline, real_store.outbox_counts()
            time.sleep(0.05)
        relay.stop()
        proxy.close()
    assert sorted(backend.creations) == sorted(ids)
    assert set(backend.creations.values()) == {1}
    assert sum(backend.posts.values()) > len(ids)  # answers were lost and replayed
    assert all(proxy.counts[f] > 0 for f in ("503", "reset-before", "reset-after", "silent-after"))


def test_the_relay_thread_sends_a_new_confirmation_when_woken(real_store):
    backend = LoopbackBackend(KEY)
    with serve(backend.app) as url:
        relay = relay_for(real_store, url, poll_seconds=60)
        relay.start()
        time.sleep(0.05)  # idle, waiting up to poll_seconds
        (app_id,) = confirm(real_store, 1)
        relay.wake()
        deadline = time.monotonic() + 5
        while app_id not in backend.created and time.monotonic() < deadline:
            time.sleep(0.01)
        relay.stop()
    assert app_id in backend.created


@given(st.integers(min_value=0, max_value=10_000), st.floats(0.001, 10), st.floats(1, 600))
def test_full_jitter_stays_within_the_capped_exponential(failures, base, cap):
    backoff = Backoff(base=base, cap=max(cap, base))
    rng = random.Random(failures)
    ceiling = min(backoff.cap, base * 2 ** min(failures, 30))
    assert backoff.ceiling(failures) == ceiling
    assert 0 <= backoff.delay(failures, rng) <= ceiling


def test_full_jitter_spreads_over_the_whole_range():
    rng = random.Random(3)
    delays = [Backoff(base=1, cap=8).delay(10, rng) for _ in range(2000)]
    assert max(delays) <= 8 and min(delays) < 0.5 and max(delays) > 7.5
    assert 3.5 < sum(delays) / len(delays) < 4.5  # uniform on [0, 8]


def test_decisions_reach_the_ui_thread_as_qt_signals(real_store, qtbot):
    from PySide6.QtCore import QThread

    from kiosk.sync.signals import RelaySignals

    signals = RelaySignals()
    received = []
    signals.decided.connect(lambda app_id, status: received.append(
        (app_id, status, QThread.currentThread() is signals.thread())))
    backend = LoopbackBackend(KEY, status="approved")
    (app_id,) = confirm(real_store, 1)
    with serve(backend.app) as url:
        relay = relay_for(real_store, url, on_decision=signals.on_decision, on_parked=signals.on_parked)
        with qtbot.waitSignal(signals.decided, timeout=5000):
            relay.start()
        relay.stop()
    assert received == [(app_id, "approved", True)]


def test_the_relay_logs_ids_and_codes_never_what_the_backend_quoted(real_store, caplog):
    backend = LoopbackBackend(KEY)
    backend.script.extend(["503", "422"])
    (app_id,) = confirm(real_store, 1)
    caplog.set_level("DEBUG", logger="kiosk.sync")
    with serve(backend.app) as url:
        relay = relay_for(real_store, url)
        drain(relay, real_store)
        relay.stop()
    text = caplog.text
    assert app_id in text and "HTTP 503" in text and "invalid-application" in text
    assert "名称不可用" not in text and "name not available" not in text
    person = real_store.payload(app_id)[0]["answers"]["operator_name"]
    assert person not in text


def test_the_relay_thread_outlives_a_failing_store(real_store, monkeypatch):
    backend = LoopbackBackend(KEY)
    (app_id,) = confirm(real_store, 1)
    real_due = real_store.due
    calls = []

    def flaky_due(limit=50):
        calls.append(limit)
        if len(calls) <= 2:
            raise OSError("disk I/O error")
        return real_due(limit)

    monkeypatch.setattr(real_store, "due", flaky_due)
    with serve(backend.app) as url:
        relay = relay_for(real_store, url)
        relay.start()
        deadline = time.monotonic() + 5
        while app_id not in backend.created and time.monotonic() < deadline:
            time.sleep(0.01)
        relay.stop()
    assert backend.creations[app_id] == 1 and len(calls) > 2
