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

from PySide6.QtCore import QObject, QTimer, Signal

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
        # From a worker thread the automatic connection queues the signal to the GUI thread.
        # (Qt.ConnectionType is not named here: importing the Qt namespace builds ~100 Python
        # enums, 15 ms before the first frame.)
        self._raised.connect(self.crashed)
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
        if threading.current_thread() is threading.main_thread():
            # On the GUI thread: only after the failing slot has unwound (its screen may be
            # the one the apology replaces).
            QTimer.singleShot(0, lambda: emit(self._raised, description))
        else:
            emit(self._raised, description)
