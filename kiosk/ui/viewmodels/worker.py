"""One background thread for the counter's slow calls (the store's fsync, a printer at 9600 baud,
the backend), so the screen keeps drawing and the citizen sees progress.

Calls run one at a time, in order: a receipt and a licence never race for the same store row,
and a printer is never asked twice at once. Each result comes back on the UI thread through a
queued signal (the emitter is this object, which lives on the UI thread; a signal emitted from
another thread is queued to it — Qt documentation, "Signals and Slots Across Threads").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.emit import emit

log = logging.getLogger("kiosk.worker")


class CounterWorker(QObject):
    delivered = Signal(object)  # (callback, result, error)
    busyChanged = Signal()  # noqa: N815

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="counter")
        self._pending = 0
        self._closed = False
        self.delivered.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(self, call: Callable[[], Any], then: Callable[[Any, BaseException | None], None]) -> None:
        """`call()` on the worker thread, then `then(result, error)` on the UI thread."""
        if self._closed:  # the terminal is shutting down: nothing new starts
            log.info("counter call after shutdown ignored")
            return
        self._pending += 1
        emit(self.busyChanged)

        def work() -> None:
            try:
                result, error = call(), None
            except Exception as exc:  # delivered to the screen's code, which decides
                log.exception("counter call failed")
                result, error = None, exc
            emit(self.delivered, (then, result, error))

        self._pool.submit(work)

    @Slot(object)
    def _deliver(self, item: tuple) -> None:
        then, result, error = item
        self._pending -= 1
        emit(self.busyChanged)
        then(result, error)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """For shutdown and tests: let the queued calls finish."""
        self._pool.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)
