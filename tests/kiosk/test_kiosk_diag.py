"""`python -m kiosk diag`: each check against the real thing (the backend as a child process,
the store's own file, device paths), the exit codes and the JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from forms.samples import valid_application
from kiosk.config import Backend, KioskConfig, PrinterPort, Printers, Technician, hash_pin
from kiosk.counter.embedded import EmbeddedBackend, free_port
from kiosk.diagnostics.checks import (
    Level,
    check_backend,
    check_database,
    check_devices,
    check_outbox,
    run_checks,
)
from kiosk.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    with EmbeddedBackend(tmp_path_factory.mktemp("diag-backend"), "NH-DIAG-001") as running:
        yield running


def sound(tmp_path: Path, backend: EmbeddedBackend) -> KioskConfig:
    return KioskConfig(data_dir=tmp_path / "data", technician=Technician(pin_hash=hash_pin("8642")),
                       backend=Backend(url=backend.url, key_file=backend.key_file))


def test_a_sound_terminal_is_all_ok_and_exits_0(tmp_path, backend):
    cfg = sound(tmp_path, backend)
    results = run_checks(cfg)
    assert {r.level for r in results} == {Level.OK}, [(r.name, r.detail) for r in results if r.level is not Level.OK]
    backend_check = next(r for r in results if r.name == "backend")
    assert backend_check.data["authenticated"] is True and backend_check.data["latency_ms"] >= 0


def test_a_key_the_backend_does_not_know_is_a_failure(tmp_path, backend):
    from wire import KioskKey

    stranger = tmp_path / "stranger.key"
    KioskKey.generate("NH-DIAG-001").save(stranger)
    result = check_backend(sound(tmp_path, backend), key_file=stranger)
    assert result.level is Level.FAILURE and "HTTP 401" in result.detail[1] and "rotate" in result.advice[1]


def test_an_unreachable_backend_is_a_failure_that_says_nothing_is_lost(tmp_path, backend):
    result = check_backend(sound(tmp_path, backend), url=f"http://127.0.0.1:{free_port()}")
    assert result.level is Level.FAILURE and "wait on the terminal" in result.advice[1]


def test_parked_and_old_pending_applications_are_warnings_with_their_reasons(tmp_path, backend):
    cfg = sound(tmp_path, backend)
    store = Store.open(cfg.data_dir, backend.key_file, terminal_id="NH-DIAG-001")
    parked = store.confirm(valid_application("individual_business"), {})
    store.mark_parked(parked.id, 422, "invalid-application", b"{}")
    store.confirm(valid_application("sole_proprietorship"), {})
    store.close()
    result = check_outbox(cfg)
    assert result.level is Level.WARNING
    assert result.data["parked"] == [{"number": parked.number, "http_status": 422, "reason": "invalid-application"}]
    assert result.data["pending"] == 1
    later = check_outbox(cfg, now=lambda: 10**10)
    assert later.data["oldest_pending_seconds"] > 15 * 60


def test_a_damaged_store_is_a_failure(tmp_path, backend):
    cfg = sound(tmp_path, backend)
    store = Store.open(cfg.data_dir, backend.key_file, terminal_id="NH-DIAG-001")
    for _ in range(30):
        store.confirm(valid_application("individual_business"), {})
    store.close()
    path = store.path
    raw = bytearray(path.read_bytes())
    for at in range(4096 * 2, min(len(raw), 4096 * 6), 7):  # scribble over b-tree pages
        raw[at] ^= 0x5A
    path.write_bytes(bytes(raw))
    result = check_database(cfg)
    assert result.level is Level.FAILURE and "do not delete" in result.advice[1]


def test_a_missing_serial_port_is_a_failure(tmp_path, backend):
    cfg = replace(sound(tmp_path, backend),
                  printers=Printers(receipt=PrinterPort(port="/dev/serial/by-id/usb-nothing-here")))
    receipt = check_devices(cfg)[0]
    assert receipt.level is Level.FAILURE and "/dev/serial/by-id" in receipt.advice[1]


def diag(config: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--config", str(config), "diag", *args],
                          capture_output=True, text=True, timeout=120, cwd=config.parent)


def test_the_command_line_exit_codes_and_json(tmp_path, backend):
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\ndata_dir = "data"\n[backend]\nurl = "{backend.url}"\n'
                      f'key_file = "{backend.key_file}"\n', encoding="utf-8")
    warned = diag(config)
    assert warned.returncode == 1 and "WARN" in warned.stdout and "PIN" in warned.stdout
    config.write_text(config.read_text() + f'[technician]\npin_hash = "{hash_pin("8642")}"\n', encoding="utf-8")
    assert diag(config).returncode == 0
    document = json.loads(diag(config, "--json", "--check", "backend").stdout)
    assert document["exit"] == 0 and [c["name"] for c in document["checks"]] == ["backend"]
    assert document["checks"][0]["detail"]["zh"] and document["checks"][0]["detail"]["en"]
    config.write_text(config.read_text().replace(backend.url, f"http://127.0.0.1:{free_port()}"), encoding="utf-8")
    assert diag(config, "--check", "backend").returncode == 2
    unknown = diag(config, "--check", "nonsense")
    assert unknown.returncode == 2 and "no check named" in unknown.stderr


def test_the_heartbeat_arrives_in_the_fleet_view_without_anything_personal(tmp_path, backend):
    import httpx

    from kiosk.diagnostics.heartbeat import Heartbeat
    from kiosk.sync import KeyFileSigner

    cfg = replace(sound(tmp_path, backend), terminal=replace(KioskConfig().terminal, id="NH-DIAG-001"))
    cfg.log_dir.mkdir(parents=True)
    (cfg.log_dir / "kiosk.log").write_text(
        "2026-12-03 07:00:00,000 ERROR kiosk.counter: failed for 440622198503141239 13800138000\n",
        encoding="utf-8")
    beat = Heartbeat(cfg, backend.url, KeyFileSigner(backend.key_file),
                     lambda: [("receipt-printer", "paper-near-end", "paper near end sensor")], 60)
    assert beat.beat()
    token = subprocess.run([sys.executable, "-m", "backend", "add-staff", "fleet-desk", "--role", "fleet",
                            "--data-dir", str(backend.home)], capture_output=True, text=True,
                           check=True).stdout.strip()
    fleet = httpx.get(f"{backend.url}/v1/fleet", headers={"Authorization": f"Bearer {token}"}).json()
    entry = next(k for k in fleet["kiosks"] if k["kiosk_id"] == "NH-DIAG-001")
    snapshot = entry["snapshot"]
    assert snapshot["devices"] == [{"name": "receipt-printer", "status": "paper-near-end",
                                    "detail": "paper near end sensor"}]
    assert snapshot["recent_errors"] and "440622198503141239" not in json.dumps(snapshot)
    assert "13800138000" not in json.dumps(snapshot)


@pytest.mark.parametrize(("state", "waited_h", "out"), [
    ("ready", 0, False), ("paper-near-end", 0, False), ("unknown", 0, False),
    ("paper-out", 0, True), ("cover-open", 0, True), ("disconnected", 0, True),
    ("ready", 23, False), ("ready", 25, True),
])
def test_out_of_service_only_when_a_visit_could_not_be_finished(state, waited_h, out):
    from kiosk.diagnostics.service_state import out_of_service

    reason = out_of_service(state, waited_h * 3600, 24)
    assert (reason is not None) is out
    if reason:
        assert reason.zh and reason.en.isascii()
