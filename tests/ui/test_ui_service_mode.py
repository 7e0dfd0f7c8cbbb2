"""Issue 10 on the real screens: the corner held opens the PIN, never during a visit; the
shipped PIN must be changed first; five wrong PINs lock; the overview lists the checks with
status words; the readiness report is written and readable (pdftotext); leaving goes back."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

pytestmark = pytest.mark.ui


def hold_corner(d, ms: int) -> None:
    corner = d.item("serviceCorner")
    point = corner.mapToScene(corner.boundingRect().center()).toPoint()
    QTest.mousePress(d.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    deadline = time.monotonic() + ms / 1000 + 0.5
    while time.monotonic() < deadline and d.t.journey.screen != "service-mode":
        QTest.qWait(20)
    QTest.mouseRelease(d.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def enter(d, name: str, text: str, button: str) -> None:
    d.type_into(name, text)
    d.tap(button)


def test_corner_pin_forced_change_overview_report_and_leave(start_terminal, tmp_path):
    d = start_terminal(service_hold_ms=300)
    d.tap("serviceCorner")  # a tap is not a hold
    d.settle()
    assert d.t.journey.screen == "attract"
    hold_corner(d, 300)
    d.wait_screen("service-mode")
    assert not d.t.idle_watch.armed  # not a citizen's visit
    enter(d, "servicePin", "2468", "servicePinEnter")
    d.wait_until(lambda: d.t.service_mode.stage == "change")
    assert "新的维护密码" in d.t.service_mode.message
    d.type_into("serviceNewPin", "111111")
    enter(d, "serviceRepeatPin", "111111", "serviceChangePin")
    d.wait_until(lambda: "easy to guess" in d.t.service_mode.message)
    d.type_into("serviceNewPin", "735190")
    enter(d, "serviceRepeatPin", "735190", "serviceChangePin")
    d.wait_until(lambda: d.t.service_mode.stage == "overview")
    d.wait_until(lambda: d.t.service_mode.checks.rowCount() >= 8, timeout=20_000)
    shown = "\n".join(d.visible_texts())
    assert "✓ 正常 OK" in shown and "configuration" in shown  # status words, not colour alone
    d.type_into("serviceReportDir", str(tmp_path / "usb"))
    d.tap("serviceExport")
    d.wait_until(lambda: "Report written" in d.t.service_mode.message, timeout=20_000)
    pdf = next((tmp_path / "usb").glob("readiness-*.pdf"))
    assert next((tmp_path / "usb").glob("readiness-*.json")).stat().st_size > 100
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Readiness report" in text and "backend" in text
    d.tap("serviceLeave")
    d.wait_screen("attract")
    audit = (d.t.cfg.data_dir / "logs" / "service-audit.log").read_text(encoding="utf-8")
    assert "changed the PIN" in audit and "readiness report written" in audit and "left" in audit
    assert "735190" not in audit and "2468" not in audit


def test_five_wrong_pins_lock_and_never_during_a_visit(start_terminal):
    d = start_terminal(service_hold_ms=300)
    d.tap("startButton")
    d.wait_screen("services")
    d.t.journey.showServiceMode()  # a citizen is here: nothing happens
    assert d.t.journey.screen == "services"
    d.tap("cancelButton")
    d.wait_screen("attract")
    hold_corner(d, 300)
    d.wait_screen("service-mode")
    for _ in range(5):
        enter(d, "servicePin", "000000", "servicePinEnter")
    d.wait_until(lambda: "Too many wrong PINs" in d.t.service_mode.message)
    enter(d, "servicePin", "2468", "servicePinEnter")  # even the right one waits
    assert d.t.service_mode.stage == "pin" and "10 minutes" in d.t.service_mode.message
    d.tap("serviceLeave")
    d.wait_screen("attract")
