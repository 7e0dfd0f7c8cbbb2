"""The embedded keyboard: pinyin into a field, forgetting between people, digits, never covering."""

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent

pytestmark = pytest.mark.ui


def open_finder(ui):
    ui.tap("startButton")
    ui.tap("scopeFinderButton")
    ui.wait_screen("scope")


def test_nanhai_becomes_南海_in_the_field(start_terminal):
    ui = start_terminal()
    open_finder(ui)
    ui.type_pinyin("scopeField", "nanhai", "南海")
    assert ui.item("scopeField").property("text") == "南海"
    assert ui.t.session.get("scope_query") == "南海"


def test_pinyin_typing_finds_catalogue_items(start_terminal):
    ui = start_terminal()
    open_finder(ui)
    ui.type_pinyin("scopeField", "canyin", "餐饮")
    ui.qtbot.waitUntil(lambda: "餐饮服务" in ui.visible_texts())
    assert "需要许可" in ui.visible_texts()


def test_the_next_person_is_not_offered_what_the_last_one_picked(start_terminal):
    ui = start_terminal()
    open_finder(ui)
    # A rare phrase, picked twice so pinyin would rank it: 楠 (nan) + 骸 (hai).
    for _ in range(2):
        ui.type_pinyin("scopeField", "nanhai", "楠", "骸")
        assert ui.item("scopeField").property("text").endswith("楠骸")
        ui.item("scopeField").setProperty("text", "")
    ui.hide_keyboard()
    ui.tap("finishButton")
    ui.wait_screen("attract")
    open_finder(ui)
    ui.type_keys("scopeField", "nanhai")
    assert "楠骸" not in ui.candidates()
    assert ui.candidates()[:2] == ["男孩", "南海"]


def load_scene(ui):
    """Kiosk.Controls on the terminal's engine, above the current screen."""
    component = QQmlComponent(ui.t.engine)
    component.loadUrl(QUrl.fromLocalFile(str(Path(__file__).with_name("KeyboardScene.qml"))))
    assert component.isReady(), component.errorString()
    scene = component.create()
    scene.setParentItem(ui.window.contentItem())
    scene.setZ(100)
    return component, scene


def test_the_panel_never_covers_the_focused_field(start_terminal):
    ui = start_terminal(screen=(1080, 1920))
    _component, scene = load_scene(ui)
    field = ui.focus("pinField")
    ui.qtbot.waitUntil(lambda: ui.find("inputPanel", root=scene) is not None)
    panel = ui.find("inputPanel", root=scene)
    ui.qtbot.waitUntil(lambda: field.mapToScene(field.boundingRect().bottomLeft()).y()
                       <= panel.mapToScene(panel.boundingRect().topLeft()).y())
    scene.deleteLater()


def test_numeric_fields_get_the_digits_layout(start_terminal):
    ui = start_terminal()
    _component, scene = load_scene(ui)
    ui.focus("pinField")
    ui.qtbot.waitUntil(lambda: ui.call("numericLayout") is True)
    ui.focus("topField")
    ui.qtbot.waitUntil(lambda: ui.call("numericLayout") is False)
    scene.deleteLater()
