"""Drives the real terminal offscreen the way a person would: find, tap, type, wait, look.

The demo walks a registration with it, and the UI tests with it (tests/ui/kiosk_ui_driver.py
adds the pinyin keyboard helper). Items are found by `objectName` in the visual tree and
tapped at their centre with a real mouse event, after scrolling them into view as a person
would swipe; nothing is set behind the screen's back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.emit import disconnect


class WaitTimeout(AssertionError):
    pass


class TapDriver:
    def __init__(self, terminal) -> None:  # noqa: ANN001
        self.t = terminal
        self.window = terminal.window

    # -- waiting -----------------------------------------------------------------------------
    def wait_until(self, predicate: Callable[[], object], timeout: int = 3000) -> None:
        """Process events until `predicate()` is true or `timeout` ms have passed."""
        deadline = time.monotonic() + timeout / 1000
        while not predicate():
            if time.monotonic() > deadline:
                raise WaitTimeout(f"not true within {timeout} ms: {predicate}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)

    def settle(self) -> None:
        """Until the next frame is on screen: layouts (Flow, RowLayout) polish just before it."""
        loop, timer = QEventLoop(), QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        self.window.frameSwapped.connect(loop.quit)
        timer.start(2000)
        self.window.update()
        loop.exec()
        timer.stop()
        disconnect(self.window.frameSwapped, loop.quit)

    # -- finding -----------------------------------------------------------------------------
    def items(self, root: QQuickItem | None = None) -> list[QQuickItem]:
        """The visual tree (Repeater and Loader items included), depth first."""
        found, stack = [], [root or self.window.contentItem()]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(reversed(item.childItems()))
        return found

    def find(self, name: str, root: QQuickItem | None = None) -> QQuickItem | None:
        for item in self.items(root):
            if item.objectName() == name and shown(item):
                return item
        return None

    def item(self, name: str, timeout: int = 3000) -> QQuickItem:
        self.wait_until(lambda: self.find(name) is not None, timeout=timeout)
        return self.find(name)

    def visible_texts(self) -> list[str]:
        """Every string on screen now, from Text items and text fields."""
        texts = []
        for item in self.items():
            if item.metaObject().indexOfProperty("text") < 0 or not shown(item):
                continue
            value = item.property("text")
            if isinstance(value, str) and value.strip():
                texts.append(value)
        return texts

    # -- acting ------------------------------------------------------------------------------
    def centre(self, item: QQuickItem) -> QPointF:
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))

    def scroll_into_view(self, item: QQuickItem) -> None:
        """As a person would swipe: move the enclosing Flickable until the item is on screen."""
        flickable = item.parentItem()
        while flickable is not None and flickable.metaObject().indexOfProperty("contentY") < 0:
            flickable = flickable.parentItem()
        if flickable is None:
            return
        top = item.mapToItem(flickable.property("contentItem"), QPointF(0, 0)).y()
        view = flickable.height()
        if top + item.height() > flickable.property("contentY") + view:
            flickable.setProperty("contentY", top + item.height() - view)
        elif top < flickable.property("contentY"):
            flickable.setProperty("contentY", top)

    def tap(self, name: str) -> None:
        self.tap_item(self.item(name))

    def tap_item(self, item: QQuickItem) -> None:
        """Tap an item found some other way (a keyboard key has no objectName)."""
        assert item.isEnabled(), f"{item.objectName() or item} is disabled"
        self.settle()  # a newly added item is placed by its layout's polish, before a frame
        self.scroll_into_view(item)
        self.settle()  # a person taps what is drawn: layouts are polished before a frame
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         self.centre(item).toPoint())

    def wait_screen(self, screen: str, timeout: int = 3000) -> None:
        self.wait_until(lambda: self.t.journey.screen == screen, timeout=timeout)

    def focus(self, name: str) -> QQuickItem:
        field = self.item(name)
        self.tap(name)
        self.wait_until(lambda: field.hasActiveFocus(), timeout=2000)
        return field

    def type_into(self, name: str, text: str) -> None:
        """Focus a field by tapping it, clear it, and commit `text` as the keyboard does."""
        field = self.focus(name)
        field.setProperty("text", "")
        event = QInputMethodEvent()
        event.setCommitString(text)
        QGuiApplication.sendEvent(field, event)
        self.hide_keyboard()

    def hide_keyboard(self) -> None:
        """As the keyboard's own hide key does."""
        QGuiApplication.inputMethod().hide()
        panel = self.find("inputPanel")
        if panel is not None:
            self.wait_until(lambda: not panel.isVisible(), timeout=2000)

    # -- looking -----------------------------------------------------------------------------
    def screenshot(self, path: Path) -> Path:
        if not self.window.grabWindow().save(str(path)):
            raise OSError(f"could not write {path}")
        return path


def shown(item: QQuickItem) -> bool:
    """Visible and not fully transparent (isVisible already folds in every ancestor)."""
    return item.isVisible() and item.opacity() > 0
