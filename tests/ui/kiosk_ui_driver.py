"""Drives the real terminal offscreen the way a person would: find, tap, type, wait, look."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine

from kiosk.demo.driver import TapDriver

HERE = Path(__file__).resolve().parent


class Driver(TapDriver):
    """kiosk.demo.driver.TapDriver, waiting through pytest-qt, plus the pinyin keyboard helper."""

    def __init__(self, terminal, qtbot) -> None:  # noqa: ANN001
        super().__init__(terminal)
        self.qtbot = qtbot
        self._typing = None

    def wait_until(self, predicate, timeout: int = 3000) -> None:  # noqa: ANN001
        # A predicate must answer True or False: pytest-qt takes None as an assertion that passed.
        self.qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)

    def settle(self) -> None:
        """Until the next frame is on screen: layouts (Flow, RowLayout) polish just before it."""
        with self.qtbot.waitSignal(self.window.frameSwapped, timeout=2000):
            self.window.update()

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
