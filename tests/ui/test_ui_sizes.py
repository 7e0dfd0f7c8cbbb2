"""Every screen honours the physical minimums: touch targets >= 9 mm, text >= 4.8 mm tall,
and nothing runs off the side — in normal and large text, at the configured size."""

import pytest
from PySide6.QtCore import QPointF

pytestmark = pytest.mark.ui

MIN_TARGET_MM = 9.0
MIN_TEXT_MM = 4.8
CAP_HEIGHT_EM = 0.7


def check_screen(ui) -> list[str]:
    """Problems on the current screen, described for the failure message."""
    ui.settle()
    appearance = ui.t.appearance
    design = ui.find("design")
    width, height = design.width(), design.height()
    problems = []
    for item in ui.items():
        if not item.isVisible() or item.opacity() == 0:
            continue
        kind = item.metaObject().className()
        if "Button" in kind and item.isEnabled():
            mm = appearance.millimetres(min(item.width(), item.height()))
            if mm < MIN_TARGET_MM:
                problems.append(f"button {item.property('text')!r} is {mm:.1f} mm")
        if item.inherits("QQuickText") and item.property("text"):  # KioskLabel too
            size = item.property("font").pixelSize()
            mm = appearance.millimetres(size * CAP_HEIGHT_EM * item.scale())
            if mm < MIN_TEXT_MM:
                problems.append(f"text {item.property('text')[:20]!r} is {mm:.1f} mm")
            corner = item.mapToItem(design, QPointF(item.width(), item.height()))
            if corner.x() > width + 1 or item.property("truncated"):
                problems.append(f"{ui.t.journey.screen}: text {item.property('text')[:20]!r} runs off ({corner.x():.0f})")
            if corner.y() > height + 1 and not in_scrolling_view(item):
                problems.append(f"{ui.t.journey.screen}: text {item.property('text')[:20]!r} "
                                f"below the screen ({corner.y():.0f})")
    return problems


def in_scrolling_view(item) -> bool:
    """Inside a Flickable or ListView, where a person can swipe it into view."""
    parent = item.parentItem()
    while parent is not None:
        if parent.metaObject().indexOfProperty("contentY") >= 0:
            return True
        parent = parent.parentItem()
    return False


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_every_screen_meets_the_minimums(start_terminal, large, locale):
    ui = start_terminal()
    ui.t.session.set("locale", locale)
    ui.t.session.set("large_text", large)
    problems = check_screen(ui)
    ui.tap("startButton")
    ui.wait_screen("services")
    problems += check_screen(ui)
    ui.tap("service_limited_company")
    ui.wait_screen("service")
    problems += check_screen(ui)
    ui.t.session.set("scope_query", "食品")
    ui.tap("scopeFinderButton")
    ui.wait_screen("scope")
    problems += check_screen(ui)
    ui.t.idle_watch.arm()
    ui.t.idle_watch.age(ui.t.cfg.session.idle_seconds - ui.t.cfg.session.warning_seconds + 0.5)
    ui.qtbot.waitUntil(lambda: ui.find("moreTimeButton") is not None)
    problems += check_screen(ui)
    ui.t.end_session("test")
    ui.t.journey.show_apology()
    ui.wait_screen("apology")
    problems += check_screen(ui)
    assert problems == [], "\n".join(problems)
