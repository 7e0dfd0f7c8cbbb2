"""Issue 10 on the real screens, with the counter open (embedded backend, virtual printers and
readers on pseudo-terminals): a page per device reached by tapping its row; each injected
printer fault shown there with what to do; a test receipt; clearing a printer error; the
licence alignment page; reloading the configuration (a mistake changes nothing); restarting."""

from __future__ import annotations

import pytest
from test_ui_service_mode import enter, hold_corner

pytestmark = pytest.mark.ui

NEW_PIN = "735190"


def open_service_mode(start_terminal):
    d = start_terminal(counter=True, service_hold_ms=300)
    d.wait_until(lambda: d.t.counter is not None or d.t.counter_error, timeout=60_000)
    assert d.t.counter is not None, d.t.counter_error
    d.t.worker.wait_idle()
    hold_corner(d, 300)
    d.wait_screen("service-mode")
    enter(d, "servicePin", "2468", "servicePinEnter")
    d.wait_until(lambda: d.t.service_mode.stage == "change")
    d.type_into("serviceNewPin", NEW_PIN)
    enter(d, "serviceRepeatPin", NEW_PIN, "serviceChangePin")
    d.wait_until(lambda: d.t.service_mode.stage == "overview")
    wait_checked(d)
    return d


def wait_checked(d) -> None:
    d.wait_until(lambda: not d.t.service_mode.busy and d.find("check_receipt-printer") is not None,
                 timeout=30_000)


def page_text(d) -> str:
    return "\n".join(d.visible_texts())


def check_again(d) -> None:
    d.tap("serviceAction_check")
    d.wait_until(lambda: not d.t.service_mode.busy, timeout=30_000)
    d.settle()


def test_the_receipt_printer_page_shows_each_fault_and_clears_a_recoverable_one(start_terminal):
    d = open_service_mode(start_terminal)
    twin = d.t.counter.printers.twins[0]
    d.tap("check_receipt-printer")
    d.wait_until(lambda: d.t.service_mode.stage == "device")
    shown = page_text(d)
    assert "回执打印机 · Receipt printer" in shown and "✓ 正常 OK" in shown and "state: ready" in shown
    assert {"serviceAction_test-receipt", "serviceAction_clear-error", "serviceAction_check"} <= {
        i.objectName() for i in d.items()}
    assert d.find("serviceAction_alignment") is None  # that one belongs to the licence printer
    for fault, advice in (("paper-near-end", "new roll"), ("paper-out", "Load a new roll"),
                          ("cover-open", "Close the printer cover")):
        twin.raise_fault(fault)
        check_again(d)
        shown = page_text(d)
        assert advice in shown, shown
        assert ("! 注意 WARNING" if fault == "paper-near-end" else "✗ 故障 FAILURE") in shown
        twin.clear_fault(fault)
    twin.raise_fault("error")  # a jammed cutter: recoverable (ESC/POS DLE ENQ)
    check_again(d)
    assert "state: error" in page_text(d)
    d.tap("serviceAction_clear-error")
    d.wait_until(lambda: "After clearing" in d.t.service_mode.message, timeout=30_000)
    assert "the printer is ready" in d.t.service_mode.message
    d.wait_until(lambda: not d.t.service_mode.busy, timeout=30_000)
    d.settle()
    assert "state: ready" in page_text(d)
    printed_before = len(twin.jobs)
    d.tap("serviceAction_test-receipt")
    d.wait_until(lambda: "test receipt printed" in d.t.service_mode.message, timeout=30_000)
    assert twin.wait_for_jobs(printed_before + 1)
    d.tap("servicePageBack")
    d.wait_until(lambda: d.t.service_mode.stage == "overview")
    audit = (d.t.cfg.data_dir / "logs" / "service-audit.log").read_text(encoding="utf-8")
    assert "page receipt-printer" in audit and "clear error on the receipt printer" in audit
    assert "test receipt" in audit


def test_the_licence_printer_page_prints_the_alignment_page(start_terminal):
    d = open_service_mode(start_terminal)
    twin = d.t.counter.printers.twins[1]
    d.tap("check_licence-printer")
    d.wait_until(lambda: d.t.service_mode.stage == "device")
    assert "no status request" in page_text(d)  # ESC/P2 cannot say; the page says so
    d.tap("serviceAction_alignment")
    d.wait_until(lambda: "alignment page was sent" in d.t.service_mode.message, timeout=60_000)
    assert twin.wait_for_jobs(1, timeout_s=60)
    assert any("校准页" in line for job in twin.jobs for line in job.lines)
    ledger = d.t.counter.printers.licence.ledger
    assert ledger.previous("", "A4") == []  # not a licence: nothing in the reprint ledger


def test_reload_keeps_everything_on_a_mistake_and_reopens_the_devices_on_a_sound_file(start_terminal):
    d = open_service_mode(start_terminal)
    config = d.t.cfg.source
    sound_text = config.read_text(encoding="utf-8")
    before = d.t.counter
    config.write_text(sound_text + '[printers.receipt]\nport = "/tmp/not a port"\n', encoding="utf-8")
    d.tap("serviceReload")
    d.wait_until(lambda: "nothing changed" in d.t.service_mode.message, timeout=10_000)
    assert "printers.receipt.port" in d.t.service_mode.message and d.t.counter is before
    d.wait_until(lambda: not d.t.service_mode.busy, timeout=30_000)
    config.write_text(sound_text.replace("height = 960", "height = 1000")
                      + '[diagnostics]\nalternative = "三楼 B 区自助机"\nalternative_en = "Terminal in B, 3F"\n',
                      encoding="utf-8")
    d.tap("serviceReload")
    d.wait_until(lambda: "was reloaded" in d.t.service_mode.message, timeout=90_000)
    assert "after a restart: screen" in d.t.service_mode.message
    assert d.t.counter is not None and d.t.counter is not before
    assert d.t.cfg.diagnostics.alternative_en == "Terminal in B, 3F"
    wait_checked(d)
    assert d.t.journey.form._submission is d.t.counter.counter  # a new visit submits to it
    # the reopened printers answer
    assert d.t.counter.printers.receipt.status().state.value == "ready"


def test_restart_leaves_the_event_loop_with_the_restart_code(start_terminal, monkeypatch):
    from kiosk.app import RESTART_EXIT

    d = open_service_mode(start_terminal)
    asked = []

    class App:
        def exit(self, code):
            asked.append(code)

    monkeypatch.setattr(d.t, "app", App())
    d.tap("serviceRestart")
    assert asked == [RESTART_EXIT] and "Restarting" in d.t.service_mode.message
    audit = (d.t.cfg.data_dir / "logs" / "service-audit.log").read_text(encoding="utf-8")
    assert "restart the application" in audit
