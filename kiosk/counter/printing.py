"""The seam between the store's print jobs and printer/'s drivers.

The store speaks `PrintOutcome` (kiosk.store.printing): what happened to the paper, and so what
the job's state becomes. printer/'s `Outcome` says the same things with two differences of
meaning, mapped here once:

- printer FAILED with no byte sent ("not sent: printer not ready", paper out before the job) is
  the store's REFUSED: nothing reached paper, the job stays queued and prints when the printer
  is ready. FAILED after bytes went out stays FAILED (a technician looks).
- printer REFUSED (a licence already printed without a reprint request, or one that does not
  fit its stock) is not "try again later": nothing will change by waiting, so it is FAILED and
  the job is flagged with the driver's reason.

The last `PrintResult` is kept, so the screen can say *why* ("out of paper"), not only that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.store import PrintJob, PrintOutcome
from printer import Printer, PrintResult
from printer.status import Outcome, PrinterStatus


@dataclass(frozen=True)
class PrinterReport:
    """What the citizen's screen and the technician's log need of the last print."""

    outcome: PrintOutcome
    printer_state: str  # printer.status.State value: ready, paper-out, cover-open, ...
    detail: str
    bytes_sent: int


def store_outcome(result: PrintResult) -> PrintOutcome:
    if result.outcome is Outcome.FAILED and result.bytes_sent == 0:
        return PrintOutcome.REFUSED
    if result.outcome is Outcome.REFUSED:
        return PrintOutcome.FAILED
    return PrintOutcome(result.outcome.value)


class StorePrinter:
    """A store `JobPrinter` over one printer/ driver; `render` makes the driver's job."""

    def __init__(self, driver: Printer, render: Callable[[PrintJob], object]) -> None:
        self.driver = driver
        self._render = render
        self._lock = threading.Lock()
        self.last: PrinterReport | None = None

    def print(self, job: PrintJob) -> PrintOutcome:
        result = self.driver.print(self._render(job))
        outcome = store_outcome(result)
        with self._lock:
            self.last = PrinterReport(outcome, result.status.state.value, result.detail,
                                      result.bytes_sent)
        return outcome

    def status(self) -> PrinterStatus:
        return self.driver.status()
