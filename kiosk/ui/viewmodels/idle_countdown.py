"""The countdown overlay's view-model: visible while the idle warning runs."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.emit import emit
from kiosk.idle import IdlePhase, IdleWatch

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
class IdleCountdown(QObject):
    changed = Signal()
    endNow = Signal()

    def __init__(self, watch: IdleWatch | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watch = watch
        if watch is not None:
            watch.phase_changed.connect(self.changed)
            watch.tick.connect(self.changed)

    @Property(bool, notify=changed)
    def warning(self) -> bool:
        return self._watch is not None and self._watch.phase is IdlePhase.WARNING

    @Property(int, notify=changed)
    def secondsLeft(self) -> int:  # noqa: N802 (QML name)
        return self._watch.seconds_left() if self._watch is not None else 0

    @Slot()
    def moreTime(self) -> None:  # noqa: N802
        if self._watch is not None:
            self._watch.restart()

    @Slot()
    def finishNow(self) -> None:  # noqa: N802
        """'No, I am done': the person is still there and chose to end."""
        emit(self.endNow)
