"""Issue 13, errors: every refusal is the documented bilingual JSON, never a 500 or a reset."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from backend.__main__ import main
from backend.staff_auth import StaffRole

ROOT = Path(__file__).resolve().parents[2]


def _bilingual(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["zh"] and body["en"], body
    if code is not None:
        assert body["code"] == code, body
    return body


def test_deeply_nested_json_is_refused_and_the_connection_survives(backend, kiosk):
    deep = b"[" * 100_000 + b"]" * 100_000
    response = kiosk.send(
        "POST", "/v1/applications", deep, headers={"Idempotency-Key": "deep-1"}
    )
    _bilingual(response, 400, "not-json")
    # The same keep-alive connection answers the next request normally.
    assert kiosk.send("GET", "/v1/applications/nope").status_code == 404
    heartbeat = b'{"devices": ' + b"[" * 50_000 + b"]" * 50_000 + b', "outbox_depth": 0}'
    _bilingual(kiosk.send("POST", f"/v1/kiosks/{kiosk.key.kiosk_id}/heartbeat", heartbeat), 422)


@pytest.mark.parametrize("presented", ["é" * 128, "签名", "zz" * 64, ""])
def test_non_hex_signature_is_a_bad_signature_not_a_crash(backend, kiosk, presented):
    request = kiosk.http.build_request("GET", "/v1/applications/x")
    headers = kiosk.key.sign("GET", "/v1/applications/x")
    raw = [(k.encode(), v.encode()) for k, v in headers.items() if k != "X-Kiosk-Signature"]
    raw.append((b"X-Kiosk-Signature", presented.encode("utf-8")))
    request.headers = httpx.Headers(list(request.headers.raw) + raw)
    response = kiosk.http.send(request)
    assert response.status_code == 401, response.text
    assert response.json()["code"] in {"bad-signature", "unsigned"}


def test_upper_case_hex_signature_is_accepted(backend, kiosk):
    request = kiosk.http.build_request("GET", f"/v1/applications/{'u' * 8}")
    headers = kiosk.key.sign("GET", request.url.raw_path.decode())
    headers["X-Kiosk-Signature"] = headers["X-Kiosk-Signature"].upper()
    request.headers.update(headers)
    assert kiosk.http.send(request).status_code == 404  # authenticated, then not found


def _documented_statuses(staff_client, path: str, method: str) -> set[str]:
    document = staff_client.get("/openapi.json").json()
    return set(document["paths"][path][method]["responses"])


def test_review_endpoints_document_what_a_non_utf8_body_gets(backend, staff_client):
    token = backend.add_staff(StaffRole.WINDOW)
    case_id = backend.insert_in_review()
    response = staff_client.post(
        f"/v1/review/applications/{case_id}/approve",
        content=b'{"reason": "\xff\xfe"}',
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code < 500
    assert response.json()["zh"] and response.json()["en"]
    documented = _documented_statuses(
        staff_client, "/v1/review/applications/{application_id}/approve", "post"
    )
    assert str(response.status_code) in documented, (response.status_code, documented)


def test_schema_and_server_agree_on_the_service(staff_client):
    document = staff_client.get("/openapi.json").json()
    schema = document["paths"]["/v1/applications"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    service = schema["properties"]["service"]
    assert "" not in service.get("enum", [""]) or service.get("minLength", 0) >= 1
    import forms

    assert set(service["enum"]) == {s.id for s in forms.services()}


def test_serve_logs_the_backends_own_info_lines(tmp_path):
    port_probe = __import__("socket").socket()
    port_probe.bind(("127.0.0.1", 0))
    port = port_probe.getsockname()[1]
    port_probe.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "backend", "serve", "--data-dir", str(tmp_path), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line.decode("utf-8", "replace"))
            if "Uvicorn running" in lines[-1] or len(lines) > 50:
                break
        assert any("backend ready" in line for line in lines), lines
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_over_long_staff_name_is_told_in_both_languages(tmp_path, capsys):
    assert main(["add-staff", "窗" * 101, "--role", "window", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "工作人员" in err and "staff" in err and "Traceback" not in err


@pytest.mark.postgres
def test_over_long_staff_name_on_postgresql(postgres_url, tmp_path, capsys):
    code = main(["add-staff", "窗" * 101, "--role", "window", "--db", postgres_url])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "staff" in err


def test_heartbeat_errors_are_redacted_before_the_fleet_view(backend, kiosk, staff_client):
    token = backend.add_staff(StaffRole.FLEET)
    snapshot = {
        "outbox_depth": 0,
        "recent_errors": [
            "upload failed for 440605198503140009 (陈志明, 13800000000)",
            "printer: paper out",
        ],
    }
    body = json.dumps(snapshot, ensure_ascii=False).encode()
    assert kiosk.send("POST", f"/v1/kiosks/{kiosk.key.kiosk_id}/heartbeat", body).status_code == 204
    fleet = staff_client.get("/v1/fleet", headers={"Authorization": f"Bearer {token}"}).text
    assert "440605198503140009" not in fleet and "13800000000" not in fleet
    assert "printer: paper out" in fleet


def test_an_over_long_heartbeat_error_is_refused(backend, kiosk):
    body = json.dumps({"outbox_depth": 0, "recent_errors": ["x" * 2000]}).encode()
    _bilingual(kiosk.send("POST", f"/v1/kiosks/{kiosk.key.kiosk_id}/heartbeat", body), 422)
