"""Crash containment: an unexpected exception becomes an apology, not a frozen screen.

A terminal in a hospital lobby has nobody to read a traceback. Any exception that reaches the
top of the Qt event loop (PySide6 hands it to `sys.excepthook`) or of a worker thread
(`threading.excepthook`) is logged by type and location only — its message may quote what the
citizen typed — and the shell is told to show the apology screen, which wipes the session and
returns to the attract screen.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.emit import emit

log = logging.getLogger("kiosk.crash")


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Exception class and the frames it passed through; never the message, never locals."""
    import traceback  # only when something went wrong: kept off the start-up path

    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}"
                        for f in reversed(frames[-6:]))
    return f"{exc_type.__module__}.{exc_type.__qualname__} at {where or 'unknown'}"


class CrashContainment(QObject):
    """Installs both hooks; `crashed` is delivered on the GUI thread, whoever raised."""

    crashed = Signal(str)
    _raised = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued: the shell hears of a crash on the GUI thread even when a worker raised, and
        # only after the failing slot has unwound.
        self._raised.connect(self.crashed, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)
        self.count = 0

    def install(self) -> None:
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        if sys.excepthook == self._on_exception:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self._on_thread_exception:
            threading.excepthook = self._previous[1]

    def _on_exception(self, exc_type: type[BaseException], exc: BaseException,
                      tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        self._report(describe(exc_type, tb))

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        thread = args.thread.name if args.thread else "?"
        self._report(f"{describe(args.exc_type, args.exc_traceback)} in thread {thread}")

    def _report(self, description: str) -> None:
        self.count += 1
        log.error("unexpected error, showing the apology screen: %s", description)
        emit(self._raised, description)
