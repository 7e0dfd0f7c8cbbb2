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


def test_the_keyboard_opens_in_the_layout_of_the_ui_language(start_terminal):
    ui = start_terminal()
    open_finder(ui)
    ui.focus("scopeField")
    ui.qtbot.waitUntil(lambda: ui.call("locale") == "zh_CN")
    ui.hide_keyboard()
    ui.tap("languageButton")  # the top bar: to English
    ui.focus("scopeField")
    ui.qtbot.waitUntil(lambda: ui.call("locale") == "en_US")
    ui.type_keys("scopeField", "food")
    assert ui.candidates() == []  # English letters go straight in, no pinyin candidates
    ui.qtbot.waitUntil(lambda: ui.item("scopeField").property("text") == "food")


def test_one_visitors_keyboard_language_does_not_carry_over(start_terminal):
    ui = start_terminal()
    open_finder(ui)
    ui.focus("scopeField")
    ui.qtbot.waitUntil(lambda: ui.call("locale") == "zh_CN")
    language_key = next(i for i in ui.items() if i.isVisible()
                        and any(n.startswith("ChangeLanguageKey_QMLTYPE") for n in _classes(i)))
    ui.tap_item(language_key)  # the keyboard's own globe key: this visitor wants English keys
    ui.qtbot.waitUntil(lambda: ui.call("locale") == "en_US")
    ui.hide_keyboard()
    ui.tap("cancelButton")
    ui.wait_screen("attract")
    open_finder(ui)  # the next person, in Chinese
    ui.focus("scopeField")
    ui.qtbot.waitUntil(lambda: ui.call("locale") == "zh_CN")


def _classes(item):  # noqa: ANN001, ANN202
    meta, names = item.metaObject(), []
    while meta is not None:
        names.append(meta.className())
        meta = meta.superClass()
    return names


def test_pinyin_initials_search_while_still_being_typed(start_terminal):
    ui = start_terminal()
    open_finder(ui)
    ui.type_keys("scopeField", "cyfw")
    ui.qtbot.waitUntil(lambda: "餐饮服务" in ui.visible_texts())
    field = ui.item("scopeField")
    # Nothing was committed: the letters are still pinyin the person may turn into characters.
    assert field.property("text") == ""
    assert field.property("preeditText").replace("'", "").replace(" ", "") == "cyfw"
    assert ui.t.session.get("scope_query") == ""
    ui.call("select", 0)  # picking a candidate replaces the letters with characters
    ui.qtbot.waitUntil(lambda: field.property("text") != "")
    assert field.property("preeditText") == ""


def test_a_capped_search_says_so(start_terminal):
    ui = start_terminal()
    open_finder(ui)
    assert ui.find("scopeCapped") is None
    ui.t.session.set("scope_query", "sp")  # 22 entries match; 20 are shown
    ui.qtbot.waitUntil(lambda: ui.find("scopeCapped") is not None)
    assert "20" in ui.find("scopeCapped").property("text")
    ui.t.session.set("scope_query", "spxs")  # 4 match: all shown, nothing said
    ui.qtbot.waitUntil(lambda: ui.find("scopeCapped") is None)
