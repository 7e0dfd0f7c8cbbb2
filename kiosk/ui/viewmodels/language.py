"""The zh/en switch: the chosen language is part of the session, so the next person starts in
the terminal's default language."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.emit import emit
from kiosk.i18n import Translations
from kiosk.session import Session

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
class LanguageSwitch(QObject):
    localeChanged = Signal()

    def __init__(self, session: Session | None = None, translations: Translations | None = None,
                 available: tuple[str, ...] = ("zh_CN", "en_US"), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._translations = translations
        self._available = available
        if session is not None:
            session.changed.connect(self._on_session_changed)
            session.wiped.connect(self._apply)
            self._apply()

    def _on_session_changed(self, name: str) -> None:
        if name == "locale":
            self._apply()

    def _apply(self) -> None:
        if self._translations is not None and self._session is not None:
            self._translations.switch(str(self._session.get("locale")))
        emit(self.localeChanged)

    @Property(str, notify=localeChanged)
    def locale(self) -> str:
        return str(self._session.get("locale")) if self._session else "zh_CN"

    @Property(bool, notify=localeChanged)
    def chinese(self) -> bool:
        return self.locale == "zh_CN"

    @Property(bool, notify=localeChanged)
    def canSwitch(self) -> bool:  # noqa: N802 (QML name)
        return len(self._available) > 1

    @Slot(str)
    def choose(self, locale: str) -> None:
        if self._session is not None and locale in self._available:
            self._session.set("locale", locale)

    @Slot()
    def toggle(self) -> None:
        if len(self._available) > 1:
            index = (self._available.index(self.locale) + 1) % len(self._available) \
                if self.locale in self._available else 0
            self.choose(self._available[index])
