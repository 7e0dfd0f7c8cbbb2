"""Every screen honours the physical minimums at the configured panel size — touch targets
>= 9 mm, text >= 4.8 mm, nothing running off — in normal and large text, both languages, on
the smallest panel we expect (15.6") and the common one (21.5"), with the keyboard open too.

The checks themselves (screen_checks.size_problems) walk whatever items are visible, so any
screen a test reaches is held to them."""

import pytest
from screen_checks import size_problems, visit_every_screen

pytestmark = pytest.mark.ui


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
