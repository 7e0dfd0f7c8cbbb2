"""A view-model that shows Session data: `changed` fires when a watched name changes or on wipe."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QObject

from kiosk.emit import emit
from kiosk.session import Session


class SessionBound(QObject):
    """Base of the view-models that re-read the Session.

    Each subclass declares its own `changed = Signal()`: PySide6 drops the `notify` of a
    Property whose signal is declared on a base class, and QML bindings would then never update.
    """

    watches: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        if session is not None:
            self._bind_session(session)

    def _bind_session(self, session: Session) -> None:
        self._session = session
        session.changed.connect(self._on_session_changed)
        session.wiped.connect(self.changed)

    def _on_session_changed(self, name: str) -> None:
        # A method, not a lambda: PySide6 6.12 mis-counts references to a bool a connected
        # lambda returns, and the interpreter aborts after a few thousand emissions.
        if name in self.watches:
            emit(self.changed)
