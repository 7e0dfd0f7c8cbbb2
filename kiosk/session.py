"""The one object that owns everything a citizen has told or shown the terminal.

A kiosk is shared: whatever the last person chose (their language, large text, the service,
what they typed into the scope finder) must be gone before the next person walks up. Keeping
all of it here makes wiping one call, `Session.wipe()`, and a test can prove nothing survives.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.emit import emit

if TYPE_CHECKING:   # the journey (and forms) load on the first Start, not at start-up
    from kiosk.journey.draft import ApplicationDraft


@dataclass
class SessionData:
    """What one person's visit holds. Every field is reset to its default by a wipe."""

    locale: str = "zh_CN"
    large_text: bool = False
    high_contrast: bool = False
    service_id: str = ""
    scope_query: str = ""
    draft: ApplicationDraft | None = None   # the application being filled in, with signatures

    def is_pristine(self, default_locale: str) -> bool:
        return self == SessionData(locale=default_locale)


class Session(QObject):
    """Owns `SessionData`; view-models read and write it and listen for `wiped`."""

    wiped = Signal()
    changed = Signal(str)  # the name of the SessionData field that changed

    def __init__(self, default_locale: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._default_locale = default_locale
        self._data = SessionData(locale=default_locale)
        self.wipe_count = 0

    @property
    def data(self) -> SessionData:
        return self._data

    def get(self, name: str) -> object:
        return getattr(self._data, name)

    def set(self, name: str, value: object) -> None:
        if name not in {f.name for f in fields(SessionData)}:
            raise AttributeError(f"SessionData has no field {name!r}")
        if getattr(self._data, name) != value:
            setattr(self._data, name, value)
            emit(self.changed, name)

    def wipe(self) -> None:
        """Forget this person: fresh data, then tell every view-model (they re-read, not copy)."""
        self._data = SessionData(locale=self._default_locale)
        self.wipe_count += 1
        emit(self.wiped)

    def is_pristine(self) -> bool:
        return self._data.is_pristine(self._default_locale)
