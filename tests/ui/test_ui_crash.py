"""Crash containment: an unexpected error apologises, wipes, returns to attract, logs no data."""

import threading

import pytest
from PySide6.QtCore import QTimer

pytestmark = [pytest.mark.ui, pytest.mark.qt_no_exception_capture]

# What a careless exception message might carry: an identity number and a phone number.
PERSONAL = "身份证 11010519491231002X 电话 13800138000"


def boom() -> None:
    raise ValueError(PERSONAL)


def in_a_visit(ui):
    ui.tap("startButton")
    ui.tap("service_limited_company")
    ui.wait_screen("service")


def log_text(ui) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in ui.t.cfg.log_dir.glob("kiosk.log*"))


def test_an_error_in_the_event_loop_shows_the_apology_and_wipes(start_terminal):
    ui = start_terminal()
    in_a_visit(ui)
    QTimer.singleShot(0, boom)
    ui.wait_screen("apology")
    assert ui.item("apologyScreen").isVisible()
    assert ui.t.session.is_pristine()
    ui.tap("apologyOkButton")
    ui.wait_screen("attract")
    text = log_text(ui)
    assert "builtins.ValueError at" in text and "boom" in text
    assert "11010519491231002X" not in text and "13800138000" not in text


def test_an_error_in_a_worker_thread_is_contained_too(start_terminal):
    ui = start_terminal()
    in_a_visit(ui)
    worker = threading.Thread(target=boom, name="sync-worker")
    worker.start()
    worker.join()
    ui.wait_screen("apology")
    assert "in thread sync-worker" in log_text(ui)
    assert "13800138000" not in log_text(ui)


def test_the_apology_returns_to_attract_by_itself(start_terminal):
    ui = start_terminal(apology_seconds=0.3)
    QTimer.singleShot(0, boom)
    ui.wait_screen("apology")
    ui.wait_screen("attract", timeout=3000)
