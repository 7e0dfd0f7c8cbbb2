"""Drives the real terminal offscreen the way a person would: find, tap, type, wait, look."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPointF, Qt, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

HERE = Path(__file__).resolve().parent


class Driver:
    def __init__(self, terminal, qtbot) -> None:  # noqa: ANN001
        self.t = terminal
        self.qtbot = qtbot
        self.window = terminal.window
        self._typing = None

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
            if item.objectName() == name and _shown(item):
                return item
        return None

    def item(self, name: str, timeout: int = 3000) -> QQuickItem:
        self.qtbot.waitUntil(lambda: self.find(name) is not None, timeout=timeout)
        return self.find(name)

    def visible_texts(self) -> list[str]:
        """Every string on screen now, from Text items and text fields."""
        texts = []
        for item in self.items():
            if item.metaObject().indexOfProperty("text") < 0 or not _shown(item):
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
        self.qtbot.waitUntil(lambda: self.t.journey.screen == screen, timeout=timeout)

    def focus(self, name: str) -> QQuickItem:
        field = self.item(name)
        self.tap(name)
        self.qtbot.waitUntil(lambda: field.hasActiveFocus(), timeout=2000)
        return field

    # -- the virtual keyboard ----------------------------------------------------------------
    def hide_keyboard(self) -> None:
        """As the keyboard's own hide key does."""
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.inputMethod().hide()
        panel = self.find("inputPanel")
        if panel is not None:
            self.qtbot.waitUntil(lambda: not panel.isVisible(), timeout=2000)

    def _helper(self):  # noqa: ANN202
        if self._typing is None:
            component = QQmlComponent(self.t.engine)
            component.loadUrl(QUrl.fromLocalFile(str(HERE / "PinyinTyping.qml")))
            assert component.isReady(), component.errorString()
            self._typing = component.create()
            # Ours, not the JS garbage collector's.
            QQmlEngine.setObjectOwnership(self._typing, QQmlEngine.ObjectOwnership.CppOwnership)
            self._component = component
        return self._typing

    def call(self, method: str, *args: object) -> object:
        argv = [Q_ARG("QVariant", a) for a in args]
        result = QMetaObject.invokeMethod(self._helper(), method, Q_RETURN_ARG("QVariant"), *argv)
        return result.toVariant() if hasattr(result, "toVariant") else result

    def type_keys(self, name: str, letters: str) -> None:
        self.focus(name)
        self.call("typeKeys", letters)

    def candidates(self) -> list[str]:
        text = self.call("candidates")
        return [c for c in str(text).split("\n") if c]

    def type_pinyin(self, name: str, pinyin: str, *choices: str) -> None:
        """Type `pinyin` on the keyboard into field `name`, then pick each candidate in turn."""
        self.type_keys(name, pinyin)
        for choice in choices:
            offered = self.candidates()
            assert choice in offered, f"{choice!r} not among the candidates {offered[:10]}"
            self.call("select", offered.index(choice))

    # -- looking -----------------------------------------------------------------------------
    def settle(self) -> None:
        """Until the next frame is on screen: layouts (Flow, RowLayout) polish just before it."""
        with self.qtbot.waitSignal(self.window.frameSwapped, timeout=2000):
            self.window.update()

    def screenshot(self, path: Path) -> Path:
        assert self.window.grabWindow().save(str(path))
        return path


def _shown(item: QQuickItem) -> bool:
    """Visible and not fully transparent (isVisible already folds in every ancestor)."""
    return item.isVisible() and item.opacity() > 0
