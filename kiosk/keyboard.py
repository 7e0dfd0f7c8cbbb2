"""The on-screen keyboard's duties beyond typing: it must offer Chinese, open in the layout of
the language the person chose, and forget.

Layout: a visit in English opens the English layout, a visit in Chinese the pinyin one
(`layout_for`). The person may still switch with the keyboard's own language key, but that
choice is theirs only: every session reset, and every change of the UI language, puts the
keyboard back in the layout of the UI language.

Pinyin learns the phrases people pick into a user dictionary, so one applicant's name would be
offered to the next. `VirtualKeyboardSettings.userDataReset()` is called on every session reset
as Qt documents, but in Qt 6.12 the pinyin plugin does not listen to it (its library references
no Settings symbol; a phrase learned before the call is still offered after it). What does stop
pinyin learning is `Qt.ImhSensitiveData` on the field: the plugin then closes its user
dictionary. So every kiosk text field carries that hint (Kiosk.Controls.KioskTextField), any
dictionary a previous version left on disk is removed at start, and the UI tests prove a rare
phrase picked in one session is not offered in the next.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMetaObject, QObject, QStandardPaths, QTimer

log = logging.getLogger("kiosk.keyboard")

REQUIRED_LOCALE = "zh_CN"
# The keyboard fills availableLocales once its layouts are scanned (about 0.3 s after the first
# frame here); if nothing arrived after 10 s it never will.
LOCALE_CHECK_TIMEOUT_MS = 10_000


def pinyin_user_dictionary() -> Path:
    """Where Qt's pinyin keeps what it learned (QStandardPaths::ConfigLocation, as in Qt's source)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.ConfigLocation)
    return Path(base) / "qtvirtualkeyboard" / "pinyin" / "usr_dict.dat"


def remove_stale_pinyin_dictionary() -> bool:
    path = pinyin_user_dictionary()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    log.info("removed a pinyin user dictionary left by an earlier run")
    return True


def layout_for(ui_locale: str, offered: tuple[str, ...]) -> str:
    """The keyboard layout a visit in `ui_locale` opens with: its own, else the first offered."""
    return ui_locale if ui_locale in offered else offered[0]


class OnScreenKeyboard(QObject):
    """Wraps the VirtualKeyboardSettings singleton of one QML engine: which layouts the
    keyboard offers (Chinese pinyin first, then English) and forgetting on reset."""

    def __init__(self, settings: QObject, locales: tuple[str, ...] = ("zh_CN", "en_US"),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._locales = tuple(locales)
        self.resets = 0
        settings.setProperty("activeLocales", list(locales))
        settings.setProperty("locale", locales[0])
        self.locales_checked = False
        self.available: list[str] | None = None  # once scanned (see _check_locales)
        self.chinese_available: bool | None = None
        self._gave_up = False
        settings.availableLocalesChanged.connect(self._check_locales)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.timeout.connect(self._give_up_waiting)
        self._give_up.start(LOCALE_CHECK_TIMEOUT_MS)
        self._check_locales()

    def available_locales(self) -> list[str]:
        return list(self._settings.property("availableLocales") or [])

    def _give_up_waiting(self) -> None:
        self._gave_up = True
        self._check_locales()

    def _check_locales(self) -> None:
        if self.locales_checked:
            return
        available = self.available_locales()
        if not available and not self._gave_up:
            return
        self.locales_checked = True
        self._give_up.stop()
        self.available = list(available)  # a plain list: the diagnostics read it from any thread
        self.chinese_available = REQUIRED_LOCALE in available
        if self.chinese_available:
            log.info("on-screen keyboard locales: %s", ", ".join(available))
        else:
            log.error("on-screen keyboard has no %s layout (available: %s); applicants cannot "
                      "type Chinese. Reinstall PySide6 with Qt Virtual Keyboard's pinyin plugin.",
                      REQUIRED_LOCALE, ", ".join(available) or "none")

    def show_layout_for(self, ui_locale: str) -> None:
        """Open in the layout of the UI language, whatever the language key chose before.

        The keyboard re-reads VirtualKeyboardSettings.locale only when it changes, and a tap on
        its language key does not change it; so it is cleared first, then set (Qt's
        Keyboard.qml: onLocaleChanged -> localeIndex = defaultLocaleIndex)."""
        self._settings.setProperty("locale", "")
        self._settings.setProperty("locale", layout_for(ui_locale, self._locales))

    def stop(self) -> None:
        self._give_up.stop()
        self.locales_checked = True

    def forget(self) -> None:
        """Session reset: tell every input method to drop what it learned."""
        QMetaObject.invokeMethod(self._settings, "userDataReset")
        self.resets += 1
