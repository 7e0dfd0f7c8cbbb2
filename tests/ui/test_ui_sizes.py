"""Every screen honours the physical minimums at the configured panel size — touch targets
>= 9 mm, text >= 4.8 mm, nothing running off — in normal and large text, both languages, on
the smallest panel we expect (15.6") and the common one (21.5"), with the keyboard open too.

The checks themselves (screen_checks.size_problems) walk whatever items are visible, so any
screen a test reaches is held to them."""

import pytest
from screen_checks import size_problems

from kiosk.ui.viewmodels.journey import Screen

pytestmark = pytest.mark.ui


def visit_every_screen(ui, check) -> list[str]:  # noqa: ANN001
    """Reach each screen as a person would (taps), then any other screen the journey knows."""
    problems = check(ui)
    ui.tap("startButton")
    ui.wait_screen("services")
    problems += check(ui)
    ui.tap("service_limited_company")
    ui.wait_screen("service")
    problems += check(ui)
    ui.t.session.set("scope_query", "食品")
    ui.tap("scopeFinderButton")
    ui.wait_screen("scope")
    problems += check(ui)
    # The keyboard open in the visit's layout: keys (and in Chinese, the pinyin candidates)
    # are targets and text too.
    ui.item("scopeField").setProperty("text", "")
    if ui.t.session.get("locale") == "zh_CN":
        ui.type_keys("scopeField", "nanhai")
        ui.qtbot.waitUntil(lambda: len(ui.candidates()) > 3)
    else:
        ui.type_keys("scopeField", "food")
        ui.qtbot.waitUntil(lambda: ui.item("scopeField").property("text") == "food")
    problems += check(ui)
    ui.hide_keyboard()
    visited = {"attract", "services", "service", "scope"}
    for screen in Screen:
        if screen.value not in visited | {"apology"}:
            ui.t.journey.go_to(screen)
            ui.wait_screen(screen.value)
            problems += check(ui)
    ui.t.idle_watch.arm()
    ui.t.idle_watch.age(ui.t.cfg.session.idle_seconds - ui.t.cfg.session.warning_seconds + 0.5)
    ui.qtbot.waitUntil(lambda: ui.find("moreTimeButton") is not None)
    problems += check(ui)
    ui.t.end_session("test")
    ui.t.journey.show_apology()
    ui.wait_screen("apology")
    problems += check(ui)
    return problems


@pytest.mark.parametrize("diagonal", [15.6, 21.5])
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_every_screen_meets_the_minimums(start_terminal, diagonal, large, locale):
    ui = start_terminal(diagonal=diagonal)
    ui.t.session.set("locale", locale)
    ui.t.session.set("large_text", large)
    problems = visit_every_screen(ui, size_problems)
    assert problems == [], "\n".join(problems)


def test_the_size_check_catches_small_text_on_a_small_panel(start_terminal):
    """The check can fail: text fixed at the 21.5-inch minimum is too small at 15.6 inches."""
    ui = start_terminal(diagonal=15.6)
    assert size_problems(ui) == []
    label = ui.item("attractPitch")
    label.setProperty("font", _font_of_pixel_size(label, 32))
    assert any("mm" in p for p in size_problems(ui))


def _font_of_pixel_size(item, size):  # noqa: ANN001, ANN202
    font = item.property("font")
    font.setPixelSize(size)
    return font


@pytest.mark.parametrize("diagonal", [15.6, 21.5])
@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_large_text_leaves_the_scope_results_room(start_terminal, diagonal, locale):
    """Large-text English once left the results one card tall under the heading, top bar and
    field. Now the list takes at least 40% of the screen and shows a card plus the start of the
    next (so a person sees there is more to swipe to)."""
    ui = start_terminal(diagonal=diagonal)
    ui.t.session.set("locale", locale)
    ui.t.session.set("large_text", True)
    ui.t.session.set("scope_query", "食品")
    ui.tap("startButton")
    ui.tap("scopeFinderButton")
    ui.wait_screen("scope")
    ui.settle()
    view = ui.item("scopeResults")
    cards = sorted((c for c in view.property("contentItem").childItems()
                    if c.isVisible() and c.objectName() == "scopeResult"), key=lambda c: c.y())
    assert len(cards) >= 2
    assert view.height() >= 0.4 * ui.find("design").height()
    assert view.height() >= cards[1].y() + cards[1].height() / 4
