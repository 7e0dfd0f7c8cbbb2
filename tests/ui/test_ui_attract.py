"""The attract screen, the service list and what a service will ask."""

import pytest

import forms

pytestmark = pytest.mark.ui


def test_attract_shows_bilingual_title_site_and_start(start_terminal):
    ui = start_terminal()
    texts = ui.visible_texts()
    assert "营业执照 自助办理" in texts
    assert "Business Registration Self-Service" in texts
    assert any("南海区人民医院 门诊大厅" in t and "Outpatient Hall" in t for t in texts)
    assert ui.item("startButton").property("text") == "开始办理"  # zh_CN is the default


def test_start_lists_the_services_forms_defines(start_terminal):
    ui = start_terminal()
    ui.tap("startButton")
    ui.wait_screen("services")
    for service in forms.services():
        button = ui.item("service_" + service.id)
        assert button.property("text") == service.title.zh


def test_a_service_shows_its_steps_and_declarations(start_terminal):
    ui = start_terminal()
    ui.tap("startButton")
    ui.tap("service_limited_company")
    ui.wait_screen("service")
    service = forms.service("limited_company")
    texts = ui.visible_texts()
    for number, step in enumerate(service.steps, 1):
        assert f"{number}. {step.title.zh}" in texts
    for declaration in service.declarations:
        assert "• " + declaration.text.zh in texts
    ui.tap("backButton")
    ui.wait_screen("services")


def test_finish_wipes_the_session_and_returns_to_attract(start_terminal):
    ui = start_terminal()
    ui.tap("startButton")
    ui.tap("service_individual_business")
    ui.wait_screen("service")
    assert ui.t.session.get("service_id") == "individual_business"
    ui.tap("finishButton")
    ui.wait_screen("attract")
    assert ui.t.session.is_pristine()


def test_cancel_from_the_scope_finder_wipes_what_was_typed(start_terminal):
    ui = start_terminal()
    ui.tap("startButton")
    ui.tap("scopeFinderButton")
    ui.wait_screen("scope")
    ui.type_pinyin("scopeField", "canyin", "餐饮")
    ui.qtbot.waitUntil(lambda: ui.t.scope_finder.results != [])
    ui.tap("cancelButton")
    ui.wait_screen("attract")
    assert ui.t.session.get("scope_query") == ""
    assert "餐饮" not in "".join(ui.visible_texts())


ATTRACT_CONTROLS = ("attractTitleZh", "startButton", "languageButton", "largeTextButton", "contrastButton")


def scene_rects(ui, names):
    rects = {}
    for name in names:
        item = ui.item(name)
        corner = item.mapToScene(item.boundingRect().topLeft())
        rects[name] = (round(corner.x()), round(corner.y()), round(item.width()), round(item.height()))
    return rects


def test_attract_after_a_visit_looks_as_it_did_before_anyone_came(start_terminal):
    """The next passer-by gets the same screen: no space left over from the last visit's top bar."""
    ui = start_terminal()
    ui.settle()
    before = scene_rects(ui, ATTRACT_CONTROLS)
    ui.tap("startButton")
    ui.wait_screen("services")
    ui.tap("cancelButton")
    ui.wait_screen("attract")
    ui.settle()
    after = scene_rects(ui, ATTRACT_CONTROLS)
    assert after == before
    window_height = ui.t.window.height()
    for name, (_x, y, _w, h) in after.items():
        assert y >= 0 and y + h <= window_height, f"{name} is outside the window"
