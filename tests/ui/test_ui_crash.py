"""Crash containment: an unexpected error apologises, wipes, returns to attract, logs no data."""

import logging
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot, qInstallMessageHandler
from PySide6.QtQml import QQmlComponent

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


class Raiser(QObject):
    """A view-model slot that fails with a careless message: a name and an address."""

    @Slot()
    def fail(self) -> None:
        raise ValueError("申请人 张三 住址 广东省佛山市南海区桂城街道南海大道 1 号")


def test_a_slot_that_raises_in_qml_leaves_no_name_or_address_in_the_log(start_terminal):
    from kiosk.logs import route_qt_messages

    ui = start_terminal()
    previous = route_qt_messages()  # the terminal's own routing, as `run` installs it
    try:
        raiser = Raiser()
        component = QQmlComponent(ui.t.engine)
        component.setData(b"import QtQuick\nQtObject { required property var target\n"
                          b"  Component.onCompleted: target.fail() }", QUrl("inline.qml"))
        made = component.createWithInitialProperties({"target": raiser})
        assert made is not None, component.errorString()
        ui.wait_screen("apology")
    finally:
        qInstallMessageHandler(previous)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_text(ui)
    assert "inline.qml:3: Error: [text withheld" in text  # where, and that it was an error
    assert "builtins.ValueError at" in text
    assert "张三" not in text and "广东省" not in text and "南海大道" not in text
