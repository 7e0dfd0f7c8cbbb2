"""An in-memory printer for the kiosk's tests: no line, no thread, results scripted by the test.

It keeps the interface's promises (status is a value, print never raises, a printer that cannot
print fails the job without taking it) so a kiosk test exercises the same branches a real
printer would drive: set `state`, queue `outcomes`, read `jobs`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from printer.interface import PrintJob
from printer.status import Outcome, PrinterStatus, PrintResult, State


@dataclass
class FakePrinter:
    kind: str = "receipt"  # receipt | licence
    state: State = State.READY
    # What a job ends as when nothing is queued: a receipt printer confirms (GS r); an ESC/P2
    # licence printer cannot, so its default is unconfirmed, as the real driver's is.
    default_outcome: Outcome | None = None
    outcomes: deque[Outcome] = field(default_factory=deque)
    jobs: list[PrintJob] = field(default_factory=list)  # every job the printer took
    closed: bool = False
    # What clear_error() leaves the printer in; None: an `error` or `disconnected` printer becomes
    # ready (receipt) / unknown (licence, ESC/P2 has no status), as the real drivers' clear does;
    # paper out, cover open and off line stay (the technician must act at the printer).
    cleared_state: State | None = None
    clears: int = 0  # how many times clear_error() was called

    def status(self) -> PrinterStatus:
        return PrinterStatus(self.state, "fake")

    def print(self, job: PrintJob) -> PrintResult:
        status = self.status()
        if not status.can_print:
            return PrintResult(job.job_id, Outcome.FAILED, status, detail="not sent: printer not ready")
        outcome = self.outcomes.popleft() if self.outcomes else (
            self.default_outcome or (Outcome.PRINTED if self.kind == "receipt" else Outcome.UNCONFIRMED))
        if outcome is not Outcome.REFUSED:
            self.jobs.append(job)
        return PrintResult(job.job_id, outcome, status, detail=f"fake {self.kind} printer")

    def clear_error(self) -> PrinterStatus:
        self.clears += 1
        if self.cleared_state is not None:
            self.state = self.cleared_state
        elif self.state in (State.ERROR, State.DISCONNECTED):
            self.state = State.READY if self.kind == "receipt" else State.UNKNOWN
        return self.status()

    def close(self) -> None:
        self.closed = True
