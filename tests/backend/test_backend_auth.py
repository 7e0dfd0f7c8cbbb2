"""Every way a terminal request is refused (401/403), and that a good signature passes."""

from __future__ import annotations

import time

import wire

HEARTBEAT = b'{"outbox_depth": 0}'


def _heartbeat_path(kiosk) -> str:
    return f"/v1/kiosks/{kiosk.key.kiosk_id}/heartbeat"


def test_signed_heartbeat_is_accepted(kiosk):
    response = kiosk.send("POST", _heartbeat_path(kiosk), HEARTBEAT)
    assert response.status_code == 204, response.text


def test_unsigned_request_is_refused(backend, kiosk):
    response = kiosk.http.post(_heartbeat_path(kiosk), content=HEARTBEAT)
    assert response.status_code == 401
    assert response.json()["code"] == "unsigned"
    assert response.json()["zh"] and response.json()["en"]


def test_unknown_kiosk_is_refused(backend, kiosk_client):
    stranger = kiosk_client(wire.KioskKey.generate("NOT-REGISTERED"))
    response = stranger.send("POST", "/v1/kiosks/NOT-REGISTERED/heartbeat", HEARTBEAT)
    assert response.status_code == 401
    assert response.json()["code"] == "unknown-kiosk"


def test_wrong_key_is_refused(backend, kiosk):
    # Another key: its id is not registered for this terminal.
    forged = wire.KioskKey.generate(kiosk.key.kiosk_id)
    response = kiosk.send("POST", _heartbeat_path(kiosk), HEARTBEAT, sign_as=forged)
    assert response.status_code == 401
    assert response.json()["code"] == "unknown-kiosk"
    # The registered key id with a signature from another key: a bad signature.
    path = _heartbeat_path(kiosk)
    headers = forged.sign("POST", path, HEARTBEAT)
    headers[wire.HEADER_KEY_ID] = kiosk.key.key_id
    response = kiosk.http.post(path, content=HEARTBEAT, headers=headers)
    assert response.json()["code"] == "bad-signature"


def test_tampered_body_is_refused(backend, kiosk):
    path = _heartbeat_path(kiosk)
    headers = kiosk.key.sign("POST", path, HEARTBEAT)
    response = kiosk.http.post(path, content=b'{"outbox_depth": 9}', headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "bad-signature"


def test_signature_for_another_path_is_refused(backend, kiosk):
    headers = kiosk.key.sign("GET", "/v1/applications/a", b"")
    response = kiosk.http.get("/v1/applications/b", headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "bad-signature"


def test_clock_more_than_five_minutes_off_is_refused_both_ways(backend, kiosk):
    for offset in (-301 - 5, 301 + 5):
        response = kiosk.send("POST", _heartbeat_path(kiosk), HEARTBEAT, now=time.time() + offset)
        assert response.status_code == 401
        assert response.json()["code"] == "clock-skew"


def test_clock_within_five_minutes_is_accepted(backend, kiosk):
    response = kiosk.send("POST", _heartbeat_path(kiosk), HEARTBEAT, now=time.time() - 240)
    assert response.status_code == 204


def test_replayed_nonce_is_refused(backend, kiosk):
    path = _heartbeat_path(kiosk)
    headers = kiosk.key.sign("POST", path, HEARTBEAT)
    first = kiosk.http.post(path, content=HEARTBEAT, headers=headers)
    again = kiosk.http.post(path, content=HEARTBEAT, headers=headers)
    assert first.status_code == 204
    assert again.status_code == 401
    assert again.json()["code"] == "replayed"


def test_disabled_kiosk_gets_403_only_with_a_good_signature(backend, kiosk_client):
    key = backend.add_kiosk(enabled=False)
    client = kiosk_client(key)
    path = f"/v1/kiosks/{key.kiosk_id}/heartbeat"
    assert client.send("POST", path, HEARTBEAT).status_code == 403
    forged = wire.KioskKey.generate(key.kiosk_id)
    assert client.send("POST", path, HEARTBEAT, sign_as=forged).status_code == 401


def test_kiosk_cannot_report_for_another(backend, kiosk):
    other = backend.add_kiosk()
    response = kiosk.send("POST", f"/v1/kiosks/{other.kiosk_id}/heartbeat", HEARTBEAT)
    assert response.status_code == 403


def test_get_application_needs_a_signature_too(backend, kiosk):
    assert kiosk.http.get("/v1/applications/whatever").status_code == 401
    response = kiosk.send("GET", "/v1/applications/no-such-application")
    assert response.status_code == 404
    assert response.json()["code"] == "not-found"


def test_staff_endpoints_refuse_missing_wrong_and_misused_tokens(backend, staff_client):
    assert staff_client.get("/v1/fleet").status_code == 401
    bad = staff_client.get("/v1/fleet", headers={"Authorization": "Bearer nonsense"})
    assert bad.status_code == 401
    from backend.staff_auth import StaffRole

    window = backend.add_staff(StaffRole.WINDOW)
    fleet = backend.add_staff(StaffRole.FLEET)
    wrong_role = staff_client.get("/v1/fleet", headers={"Authorization": f"Bearer {window}"})
    assert wrong_role.status_code == 403
    queue = staff_client.get("/v1/review/queue", headers={"Authorization": f"Bearer {fleet}"})
    assert queue.status_code == 403


def test_unsigned_garbage_learns_nothing_but_401(backend, kiosk):
    response = kiosk.http.post("/v1/applications", content=b"\xff garbage")
    assert response.status_code == 401


def test_oversized_body_is_refused_before_it_is_read_whole(backend, kiosk):
    body = b"{" + b" " * (1 << 20) + b"}"
    response = kiosk.send("POST", "/v1/applications", body)
    assert response.status_code == 413
    assert response.json()["code"] == "too-large" and response.json()["zh"]


def test_oversized_body_without_a_length_is_cut_off_while_streaming(backend, kiosk):
    """Chunked transfer declares no Content-Length: the cap must hold as the bytes arrive."""
    body = b"{" + b" " * (1 << 20) + b"}"
    headers = {"Content-Type": "application/json", **kiosk.key.sign("POST", "/v1/applications", body)}

    def chunks():
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    response = kiosk.http.post("/v1/applications", content=chunks(), headers=headers)
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413
    assert response.json()["code"] == "too-large"
