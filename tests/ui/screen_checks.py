"""What every screen must satisfy, checked by walking whatever items it shows right now.

Nothing here knows a screen by name: `size_problems(ui)` and `untranslated_texts(ui)` look at
every visible item of the window (the open keyboard included), so a screen added later is held
to the same rules as soon as a test shows it and calls them.

- Touch targets at least 9 mm (Material 48 dp, Apple 44 pt): every enabled button, every key
  of the on-screen keyboard, every candidate in its candidate bar.
- Text at least 4.8 mm on the capital I (2010 ADA Standards 707.7.2; Revised Section 508
  Standards 402.4), measured as cap height 0.7 em x pixel size x the item's scale, at the
  panel's configured diagonal.
- No text running off the side or truncated; none below the screen unless it can be scrolled.
- In zh_CN, no visible string is an English source string of the translation, and none reads
  as English words, unless the item (or an ancestor) is marked `bilingual` in QML or the
  caller allows that exact text (a language's own name).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem

from kiosk.ui.viewmodels.journey import Screen

MIN_TARGET_MM = 9.0
MIN_TEXT_MM = 4.8
CAP_HEIGHT_EM = 0.7
TS_FILE = Path(__file__).resolve().parents[2] / "assets" / "i18n" / "kiosk_zh_CN.ts"


def class_names(item: QQuickItem) -> list[str]:
    """The item's class and every base class (QML types show as Name_QMLTYPE_n)."""
    names, meta = [], item.metaObject()
    while meta is not None:
        names.append(meta.className())
        meta = meta.superClass()
    return names


def _shown(item: QQuickItem) -> bool:
    return item.isVisible() and item.opacity() > 0


def is_key(item: QQuickItem) -> bool:
    """A key of Qt Virtual Keyboard (every key type derives from BaseKey.qml)."""
    return any(name.startswith("BaseKey_QMLTYPE") for name in class_names(item))


def is_button(item: QQuickItem) -> bool:
    return "Button" in item.metaObject().className() and item.isEnabled()


def is_candidate(item: QQuickItem) -> bool:
    return any(name.startswith("SelectionListItem_QMLTYPE") for name in class_names(item))


def in_scrolling_view(item: QQuickItem, vertical: bool = True) -> bool:
    """Inside a Flickable or ListView that scrolls that way, where a person can swipe it into
    view (the keyboard's candidate bar scrolls sideways)."""
    parent = item.parentItem()
    while parent is not None:
        scrolls = parent.metaObject().indexOfProperty("contentY") >= 0
        if scrolls and (vertical or parent.property("contentWidth") > parent.width() + 1):
            return True
        parent = parent.parentItem()
    return False


def size_problems(ui) -> list[str]:  # noqa: ANN001 (the UI driver)
    """Every visible item on the current screen against the physical minimums."""
    ui.settle()
    appearance = ui.t.appearance
    design = ui.find("design")
    width, height = design.width(), design.height()
    where = ui.t.journey.screen
    problems = []
    for item in ui.items():
        if not _shown(item):
            continue
        if is_button(item) or is_key(item) or is_candidate(item):
            mm = appearance.millimetres(min(item.width(), item.height()))
            if mm < MIN_TARGET_MM:
                label = item.property("text") or item.property("displayText") or item.metaObject().className()
                problems.append(f"{where}: target {label!r} is {mm:.1f} mm")
        if item.inherits("QQuickText") and item.property("text"):
            text = item.property("text")
            size = item.property("font").pixelSize()
            mm = appearance.millimetres(size * CAP_HEIGHT_EM * item.scale())
            if mm < MIN_TEXT_MM:
                problems.append(f"{where}: text {text[:20]!r} is {mm:.1f} mm")
            corner = item.mapToItem(design, QPointF(item.width(), item.height()))
            if (corner.x() > width + 1 and not in_scrolling_view(item, vertical=False)) \
                    or item.property("truncated"):
                problems.append(f"{where}: text {text[:20]!r} runs off ({corner.x():.0f})")
            if corner.y() > height + 1 and not in_scrolling_view(item):
                problems.append(f"{where}: text {text[:20]!r} below the screen ({corner.y():.0f})")
    return problems


@cache
def _translation_sources() -> tuple[re.Pattern[str], ...]:
    """Each English source string of the zh_CN translation, as a pattern (%1 matches anything)."""
    patterns = []
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source = message.findtext("source") or ""
        if not re.search(r"[A-Za-z]{2,}", source):
            continue  # "%1 / %2" and the like read the same in both languages
        parts = [re.escape(p) for p in re.split(r"%\d", source)]
        patterns.append(re.compile("^" + "(.*)".join(parts) + "$", re.DOTALL))
    return tuple(patterns)


ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}[ ,.'-]+[A-Za-z]{2,}")


def untranslated_texts(ui, allowed: set[str] = frozenset()) -> list[str]:  # noqa: ANN001
    """Visible strings that are still English on a zh_CN screen."""
    found = []
    for item in ui.items():
        if not _shown(item) or item.metaObject().indexOfProperty("text") < 0:
            continue
        if is_key(item) or _inside_keyboard(item) or _bilingual(item):
            continue  # the keyboard shows its layout's letters; some text is bilingual on purpose
        text = item.property("text")
        if not isinstance(text, str) or not text.strip() or text in allowed:
            continue
        if any(p.match(text) for p in _translation_sources()) or ENGLISH_WORDS.search(text):
            found.append(f"{ui.t.journey.screen}: {text[:60]!r}")
    return found


def _bilingual(item: QQuickItem) -> bool:
    """Marked `readonly property bool bilingual: true` in QML, itself or an ancestor (the
    attract screen's English title, the apology screen)."""
    while item is not None:
        if item.property("bilingual") is True:
            return True
        item = item.parentItem()
    return False


def _inside_keyboard(item: QQuickItem) -> bool:
    parent = item
    while parent is not None:
        if parent.objectName() == "inputPanel":
            return True
        parent = parent.parentItem()
    return False


def visit_every_screen(ui, check) -> list[str]:  # noqa: ANN001 (driver, check(ui) -> problems)
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
