"""Switching the whole screen between Chinese and English through Qt's translation system.

The QML is written with English source strings in qsTr(); assets/i18n/kiosk_zh_CN.ts holds the
Chinese, compiled to .qm by `make i18n` (the .qm files are never committed, so they cannot go
stale). Switching installs or removes the translator and calls `engine.retranslate()`, which
re-evaluates every qsTr binding at once — no screen can be left half in one language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlEngine

log = logging.getLogger("kiosk.i18n")

I18N_DIR = Path(__file__).resolve().parent.parent / "assets" / "i18n"
SOURCE_LOCALE = "en_US"  # the language of the qsTr() source strings


def catalogue_path(locale: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"kiosk_{locale}.qm"


class Translations:
    """Owns the one installed QTranslator of the application."""

    def __init__(self, engine: QQmlEngine, directory: Path = I18N_DIR) -> None:
        self._engine = engine
        self._directory = directory
        self._translator: QTranslator | None = None
        self.locale = SOURCE_LOCALE
        self.missing: set[str] = set()

    def switch(self, locale: str) -> bool:
        """Show `locale`; False (and one logged error) when its catalogue is missing."""
        if locale == self.locale:
            return True
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        loaded = True
        if locale != SOURCE_LOCALE:
            translator = QTranslator(app)
            path = catalogue_path(locale, self._directory)
            if translator.load(str(path)):
                app.installTranslator(translator)
                self._translator = translator
            else:
                loaded = False
                if locale not in self.missing:
                    self.missing.add(locale)
                    log.error("no translation catalogue %s: run `make i18n`", path)
        self.locale = locale
        self._engine.retranslate()
        return loaded

    def uninstall(self) -> None:
        if self._translator is not None:
            QCoreApplication.instance().removeTranslator(self._translator)
            self._translator = None
        self.locale = SOURCE_LOCALE
