"""The thin Qt side of the relay: its callbacks re-emitted as signals on the UI thread.

The relay calls `on_decision` / `on_parked` on its own thread. `RelaySignals` lives on the UI
thread; a signal emitted from another thread reaches UI-thread receivers through Qt's queued
connection (Qt documentation, "Signals and Slots Across Threads": AutoConnection queues when
the emitter's thread differs from the receiver's), so a view-model slot never runs on the relay
thread. Emits through kiosk.emit (PySide6 6.12.0 refcount fault, see kiosk/README).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.emit import emit

from .relay import Decision


class RelaySignals(QObject):
    decided = Signal(str, str)  # application id, status ("approved", "in-review", ...)
    parked = Signal(str, int, str)  # application id, HTTP status, refusal code

    def on_decision(self, decision: Decision) -> None:
        emit(self.decided, decision.application_id, decision.status)

    def on_parked(self, application_id: str, http_status: int, code: str) -> None:
        emit(self.parked, application_id, http_status, code)
