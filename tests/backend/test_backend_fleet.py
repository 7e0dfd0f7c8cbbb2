"""Heartbeats and the fleet view: latest snapshot per terminal, stale after 5 minutes."""

from __future__ import annotations

import json
from datetime import timedelta

from backend.clock import utcnow
from backend.models import Kiosk
from backend.staff_auth import StaffRole

SNAPSHOT = {
    "devices": [
        {"name": "receipt", "status": "paper-near-end"},
        {"name": "licence", "status": "ready"},
    ],
    "outbox_depth": 3,
    "parked": 1,
    "versions": {"kiosk": "0.1.0", "forms": "0.1.0"},
    "disk_free_bytes": 12_000_000_000,
    "recent_errors": ["sync: timeout after 10 s"],
}


def _fleet(backend, staff_client) -> dict:
    token = backend.add_staff(StaffRole.FLEET)
    response = staff_client.get("/v1/fleet", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    return {k["kiosk_id"]: k for k in response.json()["kiosks"]}


def test_heartbeat_shows_in_fleet_view(backend, kiosk, staff_client):
    path = f"/v1/kiosks/{kiosk.key.kiosk_id}/heartbeat"
    assert kiosk.send("POST", path, json.dumps(SNAPSHOT).encode()).status_code == 204
    newer = dict(SNAPSHOT, outbox_depth=0)
    assert kiosk.send("POST", path, json.dumps(newer).encode()).status_code == 204
    entry = _fleet(backend, staff_client)[kiosk.key.kiosk_id]
    assert entry["stale"] is False
    assert entry["snapshot"]["outbox_depth"] == 0  # the latest snapshot wins
    assert entry["snapshot"]["devices"][0] == {
        "name": "receipt",
        "status": "paper-near-end",
        "detail": None,
    }


def test_silent_and_never_seen_terminals_are_stale(backend, staff_client):
    quiet = backend.add_kiosk()
    never = backend.add_kiosk()
    with backend.session() as session, session.begin():
        session.get(Kiosk, quiet.kiosk_id).last_seen_at = utcnow() - timedelta(seconds=301)
    fleet = _fleet(backend, staff_client)
    assert fleet[quiet.kiosk_id]["stale"] is True
    assert fleet[never.kiosk_id]["stale"] is True
    assert fleet[never.kiosk_id]["snapshot"] is None


def test_just_under_five_minutes_is_not_stale(backend, staff_client):
    recent = backend.add_kiosk()
    with backend.session() as session, session.begin():
        session.get(Kiosk, recent.kiosk_id).last_seen_at = utcnow() - timedelta(seconds=280)
    assert _fleet(backend, staff_client)[recent.kiosk_id]["stale"] is False


def test_malformed_heartbeat_is_refused_in_both_languages(backend, kiosk):
    path = f"/v1/kiosks/{kiosk.key.kiosk_id}/heartbeat"
    response = kiosk.send("POST", path, b'{"outbox_depth": -1}')
    assert response.status_code == 422
    assert response.json()["code"] == "bad-heartbeat"
    assert response.json()["zh"] and response.json()["en"]


def test_health_reports_database_and_clock(backend, staff_client):
    from datetime import UTC, datetime

    body = staff_client.get("/v1/health").json()
    assert body["status"] == "ok"
    assert body["database"] in {"sqlite", "postgresql"}
    skew = datetime.fromisoformat(body["server_time"]) - datetime.now(UTC)
    assert abs(skew.total_seconds()) < 60
    assert body["max_clock_skew_seconds"] == 300
