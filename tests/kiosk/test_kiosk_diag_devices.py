"""Issue 10, the devices: every device check against the virtual devices on real pseudo-terminals
with injected faults; the running terminal's local socket; `kiosk diag` asking it, or opening
the ports itself only when they are free; the keyboard layouts."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import serial

from kiosk.config import KioskConfig, hash_pin, printers_config
from kiosk.diagnostics.checks import Level, check_keyboard
from kiosk.diagnostics.devices import (
    Devices,
    check_card_reader,
    check_keyboard_live,
    check_printer,
    live_checks,
)
from kiosk.diagnostics.local import DiagnosticsSocket, ask_running, socket_path
from printer import open_printers
from printer.emulator.licence_device import VirtualLicencePrinter
from printer.emulator.receipt_device import VirtualReceiptPrinter
from reader import CardReader
from reader.emulator.card_reader import VirtualCardReader

RECEIPT = ("回执打印机", "Receipt printer")


@pytest.fixture
def printers(tmp_path):
    with open_printers(printers_config(KioskConfig(data_dir=tmp_path))) as opened:
        yield opened


@pytest.mark.parametrize(("fault", "level", "advice"), [
    (None, Level.OK, ""),
    ("paper-near-end", Level.WARNING, "new roll"),
    ("paper-out", Level.FAILURE, "Load a new roll"),
    ("cover-open", Level.FAILURE, "Close the printer cover"),
    ("error", Level.FAILURE, "Clear error"),
    ("offline", Level.FAILURE, "online"),
])
def test_each_receipt_printer_fault_is_told_with_what_to_do(printers, fault, level, advice):
    if fault:
        printers.twins[0].raise_fault(fault)
    result = check_printer("receipt-printer", printers.receipt, RECEIPT, None, "virtual")
    assert result.level is level, result
    assert advice in result.advice[1]
    assert result.detail[0].startswith("回执打印机") and "no job yet" in result.detail[1]


def test_a_pulled_printer_cable_is_a_failure_and_the_licence_printer_says_it_cannot_report(printers):
    licence = check_printer("licence-printer", printers.licence, ("执照打印机", "Licence printer"), None, "virtual")
    assert licence.level is Level.OK and licence.data["state"] == "unknown"  # ESC/P2 has no status
    printers.twins[0].pull()
    printers.receipt.close()  # the driver reopens on the next question, and finds nothing
    pulled = check_printer("receipt-printer", printers.receipt, RECEIPT, None, "virtual")
    assert pulled.level is Level.FAILURE and pulled.data["state"] == "disconnected"
    assert "cable" in pulled.advice[1]


def test_the_last_job_comes_from_the_store_and_a_flagged_one_is_a_warning(tmp_path, printers):
    from forms.samples import valid_application
    from kiosk.diagnostics.devices import last_jobs
    from kiosk.store import Store
    from kiosk.store.printing import JobKind, PrintOutcome
    from wire import KioskKey

    class Jammed:  # the printer stopped mid-job: the store flags it for a technician
        def print(self, job):
            return PrintOutcome.PARTLY_PRINTED

    key = tmp_path / "kiosk.key"
    KioskKey.generate("NH-T-1").save(key)
    store = Store.open(tmp_path, key, terminal_id="NH-T-1")
    confirmed = store.confirm(valid_application("individual_business"), {})
    job = store.jobs.latest(confirmed.id, JobKind.RECEIPT)
    cfg = KioskConfig(data_dir=tmp_path)
    queued = last_jobs(cfg)["receipt"]
    assert queued["state"] == "queued" and queued["minutes_ago"] == 0
    assert check_printer("receipt-printer", printers.receipt, RECEIPT, queued, "virtual").level is Level.OK
    store.jobs.print(job, Jammed())
    store.close()
    flagged = last_jobs(cfg)
    assert set(flagged) == {"receipt"}
    result = check_printer("receipt-printer", printers.receipt, RECEIPT, flagged["receipt"], "virtual")
    assert result.level is Level.WARNING and "last job flagged for a technician" in result.detail[1]


def test_the_card_reader_is_checked_without_reading_anyone_s_card():
    twin = VirtualCardReader(card=0)
    port = twin.start()
    reader = CardReader(port)
    try:
        ready = check_card_reader(reader, port)
        assert ready.level is Level.OK and ready.data["state"] == "ready"
        assert all(request[7] != 0x30 for request in twin.requests)  # no read command was sent
        twin.fault("selftest-fail")
        assert check_card_reader(reader, port).data["state"] == "self-test-failed"
        twin.clear()
        twin.fault("unauthorised")
        assert check_card_reader(reader, port).level is Level.FAILURE
        twin.clear()
        twin.fault("unplug")
        gone = check_card_reader(reader, port)
        assert gone.level is Level.FAILURE and gone.data["state"] in ("disconnected", "no-answer")
        twin.fault("plug")
        assert check_card_reader(reader, port).data["state"] == "ready"
    finally:
        reader.close()
        twin.stop()


def test_the_keyboard_layouts_live_and_from_the_installed_plugins(tmp_path):
    assert check_keyboard_live(["en_US", "zh_CN"], ("zh_CN", "en_US")).level is Level.OK
    missing = check_keyboard_live(["en_US"], ("zh_CN", "en_US"))
    assert missing.level is Level.FAILURE and "zh_CN" in missing.detail[1]
    cfg = KioskConfig(data_dir=tmp_path)
    assert check_keyboard(cfg).level is Level.OK  # the PySide6 this project installs
    plugins = tmp_path / "vkb"
    (plugins / "Layouts").mkdir(parents=True)
    (plugins / "Layouts" / "liblayouts.so").write_bytes(b"\0" + "en_US".encode("utf-16-be") + b"\0")
    stripped = check_keyboard(cfg, root=plugins)  # as if the pinyin plugin had not been installed
    assert stripped.level is Level.FAILURE and stripped.detail[1].endswith("zh_CN.")


# --- the running terminal's socket, and kiosk diag -------------------------------------------

def diag(config: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--config", str(config), "diag", *args],
                          capture_output=True, text=True, timeout=120, cwd=config.parent)


def write_config(tmp_path: Path, receipt: str, licence: str = "virtual", idcard: str = "") -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[storage]\ndata_dir = "data"\n[technician]\npin_hash = "{hash_pin("8642")}"\n'
        f'[printers.receipt]\nport = "{receipt}"\n[printers.licence]\nport = "{licence}"\n'
        f'[readers.idcard]\nport = "{idcard}"\n[readers.scanner]\nport = ""\n', encoding="utf-8")
    return config


def test_diag_asks_the_running_terminal_over_its_socket_and_never_opens_its_ports(tmp_path, printers):
    cfg = KioskConfig(data_dir=tmp_path / "data")
    devices = Devices(receipt=printers.receipt, licence=printers.licence, keyboard_locales=["zh_CN", "en_US"])
    server = DiagnosticsSocket(socket_path(cfg.data_dir), "NH-T-1", lambda: live_checks(cfg, devices))
    server.start()
    try:
        mode = stat.S_IMODE(os.stat(server.path).st_mode)
        assert mode == 0o600 and stat.S_IMODE(os.stat(server.path.parent).st_mode) == 0o700
        printers.twins[0].raise_fault("paper-out")
        config = write_config(tmp_path, printers.receipt.settings.port)
        answer = diag(config, "--json", "--check", "receipt-printer")
        document = json.loads(answer.stdout)
        assert answer.returncode == 2 and document["devices_from"] == "terminal"
        (row,) = document["checks"]
        assert row["name"] == "receipt-printer" and row["data"]["state"] == "paper-out"
        printers.twins[0].clear_fault("paper-out")
        printers.twins[0].raise_fault("paper-near-end")
        text = diag(config, "--check", "receipt-printer")
        assert text.returncode == 1 and "running terminal" in text.stdout and "WARN" in text.stdout
        assert server.served == 2
    finally:
        server.stop()
    assert not server.path.exists()


def test_the_socket_answers_only_its_one_question(tmp_path):
    import socket

    server = DiagnosticsSocket(tmp_path / "run" / "diag.sock", "NH-T-1", lambda: [])
    server.start()
    try:
        for request in (b'{"ask": "print", "job": "x"}\n', b"\xff\xfe garbage\n", b"\n"):
            with socket.socket(socket.AF_UNIX) as conn:
                conn.connect(str(server.path))
                conn.sendall(request)
                assert b"error" in conn.recv(4096)
        assert ask_running(server.path) == [] and server.served == 1
    finally:
        server.stop()


def test_a_socket_left_by_a_dead_terminal_is_not_an_answer(tmp_path):
    import socket

    path = tmp_path / "run" / "diag.sock"
    path.parent.mkdir()
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(path))
    dead.close()  # the file stays, nobody listens
    assert ask_running(path) is None
    server = DiagnosticsSocket(path, "NH-T-1", lambda: [])
    server.start()  # replaces the stale file
    try:
        assert ask_running(path) == []
        with pytest.raises(RuntimeError):
            DiagnosticsSocket(path, "NH-T-2", lambda: []).start()  # a second terminal is refused
    finally:
        server.stop()


def test_without_a_terminal_diag_opens_free_ports_and_leaves_held_ones_alone(tmp_path):
    receipt = VirtualReceiptPrinter(out_dir=tmp_path / "prints")
    licence = VirtualLicencePrinter(out_dir=tmp_path / "prints")
    card = VirtualCardReader(card=0)
    ports = receipt.start(), licence.start(), card.start()
    try:
        receipt.raise_fault("paper-near-end")
        config = write_config(tmp_path, *ports)
        answer = diag(config, "--json", "--check", "devices")
        document = json.loads(answer.stdout)
        rows = {c["name"]: c for c in document["checks"]}
        assert document["devices_from"] == "probe", answer.stderr
        assert rows["receipt-printer"]["data"]["state"] == "paper-near-end"
        assert rows["licence-printer"]["data"]["state"] == "unknown"
        assert rows["id-card-reader"]["data"]["state"] == "ready"
        assert answer.returncode == 1
        assert not (tmp_path / "data" / "licence-ledger.sqlite3").exists()  # a probe writes nothing
        holder = serial.Serial(ports[0], exclusive=True)  # another program has the printer
        try:
            held = json.loads(diag(config, "--json", "--check", "receipt-printer").stdout)["checks"][0]
            assert held["level"] == "warning" and held["data"]["held"] is True
            assert "held by another program" in held["detail"]["en"]
        finally:
            holder.close()
        receipt.clear_fault()
        receipt.raise_fault("cover-open")
        failed = diag(config, "--check", "receipt-printer")
        assert failed.returncode == 2 and "cover" in failed.stdout
    finally:
        for twin in (receipt, licence, card):
            twin.stop()


def test_diag_json_is_one_document_with_every_check_named(tmp_path):
    config = write_config(tmp_path, "/dev/does-not-exist-printer")
    answer = diag(config, "--json")
    document = json.loads(answer.stdout)
    names = [c["name"] for c in document["checks"]]
    for expected in ("configuration", "versions", "disk", "font", "keyboard", "database", "outbox",
                     "receipt-printer", "licence-printer", "id-card-reader", "code-scanner", "backend",
                     "recent-errors"):
        assert expected in names
    assert len(names) == len(set(names))
    missing = next(c for c in document["checks"] if c["name"] == "receipt-printer")
    assert missing["level"] == "failure" and "missing" in missing["detail"]["en"]
    assert answer.returncode == 2


def test_the_heartbeat_carries_the_same_device_checks(printers, tmp_path):
    from kiosk.diagnostics.heartbeat import device_states

    printers.twins[0].raise_fault("paper-near-end")
    cfg = KioskConfig(data_dir=tmp_path)
    states = device_states(live_checks(cfg, Devices(receipt=printers.receipt, licence=printers.licence,
                                                    keyboard_locales=["zh_CN", "en_US"])))
    assert states[0] == ("receipt-printer", "paper-near-end",
                         "Receipt printer: paper near end; no job yet.")
    assert [name for name, _, _ in states] == ["receipt-printer", "licence-printer", "keyboard"]


def test_the_readiness_report_wraps_long_advice_and_lists_the_facts(tmp_path):
    import shutil

    from kiosk.diagnostics.checks import CheckResult
    from kiosk.diagnostics.report import write_report

    advice_en = ("Check each reason, then send again or reprint; " * 6) + "END-OF-ADVICE"
    result = CheckResult("outbox", Level.WARNING, ("有申请被退回。", "Applications were refused."),
                         ("逐一核对原因。" * 12 + "建议结束", advice_en),
                         {"parked": [{"number": "1A2B-3C4D-5E6F", "http_status": 422, "reason": "invalid-application"}]})
    json_path, pdf_path = write_report(KioskConfig(data_dir=tmp_path), [result], tmp_path / "usb")
    assert json.loads(json_path.read_text(encoding="utf-8"))["exit"] == 1
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is installed by make setup")
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True).stdout
    assert "END-OF-ADVICE" in text and "建议结束" in text  # nothing cut off at the margin
    assert "1A2B-3C4D-5E6F" in text and "invalid-application" in text


def test_the_forms_digest_tells_terminals_with_different_rules_apart(tmp_path, monkeypatch):
    import shutil

    import forms
    from kiosk.diagnostics.checks import forms_digest

    shipped = forms_digest()
    copy = tmp_path / "forms"
    shutil.copytree(Path(forms.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(forms, "__file__", str(copy / "__init__.py"))
    assert forms_digest() == shipped  # the same data, wherever it lies
    table = next(copy.rglob("*.toml"))
    table.write_text(table.read_text(encoding="utf-8") + "\n# a local edit\n", encoding="utf-8")
    assert forms_digest() != shipped


def test_a_port_that_is_no_serial_line_is_a_failure_not_held(tmp_path):
    from dataclasses import replace

    from kiosk.config import PrinterPort, Printers
    from kiosk.diagnostics.devices import probe_checks

    cfg = KioskConfig(data_dir=tmp_path)
    cfg = replace(cfg, printers=Printers(receipt=PrinterPort(port="/dev/null"), licence=cfg.printers.licence))
    row = next(r for r in probe_checks(cfg) if r.name == "receipt-printer")
    assert row.level is Level.FAILURE and "cannot be opened" in row.detail[1] and "held" not in row.data
