"""Idle: countdown overlay, 'I need more time', and the wipe at zero."""

import pytest

pytestmark = pytest.mark.ui

# Warning after 1 s without a touch, session wiped at 5 s (a real terminal: 100 s and 120 s);
# 4 s of countdown leaves a loaded CI machine time to tap "more time".
QUICK = (5, 4)


def begin_visit(ui):
    ui.tap("startButton")
    ui.tap("service_sole_proprietorship")
    ui.wait_screen("service")


def test_countdown_then_more_time_keeps_the_visit(start_terminal):
    ui = start_terminal(idle=QUICK)
    begin_visit(ui)
    ui.item("idleOverlay", timeout=3000)
    assert "秒" in ui.item("idleSecondsLeft").property("text")
    assert 1 <= ui.t.idle_countdown.secondsLeft <= 4
    ui.tap("moreTimeButton")
    assert ui.find("idleOverlay") is None
    assert ui.t.journey.screen == "service"
    assert ui.t.session.get("service_id") == "sole_proprietorship"


def test_a_touch_beside_the_buttons_does_not_dismiss_the_warning(start_terminal):
    ui = start_terminal(idle=QUICK)
    begin_visit(ui)
    overlay = ui.item("idleOverlay", timeout=3000)
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    assert overlay.isVisible()


def test_at_zero_the_session_is_wiped_and_attract_returns(start_terminal):
    ui = start_terminal(idle=QUICK)
    ui.tap("largeTextButton")
    begin_visit(ui)
    resets = ui.t.keyboard.resets
    ui.wait_screen("attract", timeout=8000)
    assert ui.t.session.is_pristine()
    assert ui.t.keyboard.resets == resets + 1
    assert not ui.t.appearance.property("largeText")
    assert not ui.find("idleOverlay")


def test_end_now_wipes_at_once(start_terminal):
    ui = start_terminal(idle=QUICK)
    begin_visit(ui)
    ui.item("idleOverlay", timeout=3000)
    ui.tap("endNowButton")
    ui.wait_screen("attract")
    assert ui.t.session.is_pristine()


def test_a_choice_on_the_attract_screen_is_wiped_too(start_terminal):
    ui = start_terminal(idle=QUICK)
    ui.tap("languageButton")
    assert ui.t.session.get("locale") == "en_US"
    ui.qtbot.waitUntil(lambda: ui.t.session.is_pristine(), timeout=8000)
    assert ui.item("startButton").property("text") == "开始办理"


def test_a_tap_anywhere_restarts_the_quiet_period(start_terminal):
    ui = start_terminal(idle=(10, 3))
    begin_visit(ui)
    ui.qtbot.waitUntil(lambda: ui.t.idle_watch.seconds_left() <= 9, timeout=3000)
    ui.tap("largeTextButton")  # any touch, through the one application-wide event filter
    assert ui.t.idle_watch.seconds_left() == 10
