"""The terminal's counter: where a confirmed application is kept, sent, and handed back on paper.

One object joins the store (kiosk.store), the outbox relay (kiosk.sync), both printers (printer/)
and the come-back lookup. It is the journey's `Submission` and the screens' one door to paper.
No Qt: the view-models call it from a worker thread and tell the screen what happened.

- `submit`: the application, its outbox entry and its receipt job in one transaction; the relay
  is woken to send it now. The receipt is printed by `print_job`, network or not.
- `licence_for`: when the backend approves, one licence job (never two for one application;
  a reprint is a new job that says so) printed on the licence printer; its PDF is kept.
- `came_out`: the citizen's answer for a print the printer could not confirm: yes closes the
  job as printed, no prints it again as a recorded reprint.
- `collect`: come back and print, for an application from any terminal or the web.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import forms
from kiosk.store import JobKind, JobState, PrintJob, Store
from kiosk.store.store import ConfirmedApplication
from printer import Printer
from printer.licence.data import LicenceData as PrintedLicence
from printer.status import Outcome

from .collection import Collection, Found, Lookup
from .documents import Site, approved_licence, licence_job, printed_licence, receipt_job
from .printing import PrinterReport, StorePrinter

log = logging.getLogger("kiosk.counter")

COLLECTED_AGAIN = "collected again by the applicant"
REPRINT_ASKED = "the applicant said the first print did not come out right"


@dataclass(frozen=True)
class PrintStep:
    """One print as the screen needs it: the job, where it stands, and why."""

    job_id: int
    state: JobState
    report: PrinterReport | None

    @property
    def printer_state(self) -> str:
        return self.report.printer_state if self.report else ""


@dataclass(frozen=True)
class Collected:
    """A come-back print: the licence went to the printer; `confirmed` when it said so."""

    outcome: Outcome
    printer_state: str
    detail: str


class Counter:
    available = True

    def __init__(self, store: Store, receipt_printer: Printer, licence_printer: Printer, site: Site,
                 *, stock: str = "A4", relay=None, collection: Collection | None = None,
                 pdf_dir: Path | None = None) -> None:
        self.store = store
        self.site = site
        self.stock = stock
        self.relay = relay
        self.collection = collection
        self.pdf_dir = pdf_dir
        self.receipts = StorePrinter(receipt_printer, self._receipt)
        self.licences = StorePrinter(licence_printer, self._licence)
        self._licence_lock = threading.Lock()  # one licence job per application, however asked

    # --- the journey's Submission -----------------------------------------------------------

    def submit(self, application: forms.Application, signatures: list) -> ConfirmedApplication:
        """Keep, queue and (by the caller) print: one transaction, then wake the relay."""
        strokes: Mapping[str, object] = {str(i): s.to_json() for i, s in enumerate(signatures)}
        confirmed = self.store.confirm(application, strokes)
        log.info("application %s confirmed as %s", confirmed.id, confirmed.number)
        if self.relay is not None:
            self.relay.wake()
        return confirmed

    # --- paper ---------------------------------------------------------------------------------

    def print_job(self, job_id: int) -> PrintStep:
        """Print a queued job (a job in any other state is left alone: no double print)."""
        kind = self._kind(job_id)
        printer = self.receipts if kind is JobKind.RECEIPT else self.licences
        printer.last = None
        state = self.store.jobs.print(job_id, printer)
        if kind is JobKind.LICENCE and state in (JobState.PRINTED, JobState.UNCONFIRMED):
            self._keep_pdf(job_id)
        return PrintStep(job_id, state, printer.last)

    def came_out(self, job_id: int, right: bool) -> int | None:
        """The citizen's answer about an unconfirmed (or stopped) print. Returns the reprint's
        job id when it did not come out right."""
        if right:
            self.store.jobs.confirm_printed(job_id, "applicant")
            return None
        return self.store.jobs.reprint(job_id, "applicant")

    def licence_for(self, application_id: str) -> int | None:
        """The licence job of an approved application: queued once, found again after that."""
        with self._licence_lock:
            view = self.store.view(application_id)
            if view.decision_status != "approved":
                return None
            for kind, state in view.jobs:
                if kind == JobKind.LICENCE.value and state != JobState.REPRINTED.value:
                    return self._licence_job_id(application_id)
            if approved_licence(self.store.decision(application_id)) is None:
                return None
            return self.store.jobs.queue(application_id, JobKind.LICENCE)

    def resume(self) -> list[int]:
        """At start: flag what a crash left uncertain, print what never reached a printer,
        and let go of personal data past its retention period."""
        flagged = self.store.jobs.recover()
        for job_id in self.store.jobs.queued():
            self.print_job(job_id)
        self.housekeeping()
        return flagged

    def housekeeping(self) -> list[str]:
        """Purge what the retention period allows ([privacy] retention_days); ids only logged."""
        purged = self.store.purge_due()
        if purged:
            log.info("personal data purged from %d applications", len(purged))
        return purged

    # --- come back and print --------------------------------------------------------------

    def look_up(self, number: str, tail: str) -> Lookup:
        if self.collection is None:
            return Lookup(Found.UNREACHABLE)
        return self.collection.look_up(number, tail)

    def collect(self, found: Lookup) -> Collected:
        """Print the licence of a looked-up, approved application. When this terminal's reprint
        ledger (printer.licence.ledger) says it may have printed it before, it goes out as a
        recorded reprint; the ledger is asked, not the driver's refusal text."""
        assert found.found is Found.APPROVED and found.decision is not None
        licence = printed_licence(found.decision)
        ledger = getattr(self.licences.driver, "ledger", None)
        printed_before = bool(ledger and ledger.previous(licence.credit_code, self.stock))
        job = licence_job(licence, self.stock, f"C-{found.decision.id[:8]}-{_stamp()}",
                          COLLECTED_AGAIN if printed_before else None)
        result = self.licences.driver.print(job)
        if result.outcome in (Outcome.PRINTED, Outcome.UNCONFIRMED):
            self._write_pdf(licence, f"{found.decision.id}.pdf")
        log.info("licence collected for %s: %s%s", found.decision.id, result.outcome.value,
                 " (reprint)" if printed_before else "")
        return Collected(result.outcome, result.status.state.value, result.detail)

    def collect_again(self, found: Lookup) -> Collected:
        """The citizen said the collected licence did not come out right: a recorded reprint."""
        assert found.decision is not None
        licence = printed_licence(found.decision)
        job = licence_job(licence, self.stock, f"C-{found.decision.id[:8]}-{_stamp()}-R", REPRINT_ASKED)
        result = self.licences.driver.print(job)
        return Collected(result.outcome, result.status.state.value, result.detail)

    # --- what the printers are handed -------------------------------------------------------

    def _receipt(self, job: PrintJob):
        submitted = datetime.fromtimestamp(job.confirmed_at) if job.confirmed_at else datetime.now()
        return receipt_job(job.application, job.number, self.site, submitted, f"R-{job.id}")

    def _licence(self, job: PrintJob):
        licence = approved_licence(job.decision)
        if licence is None:  # the store only queues licences of approved applications
            raise ValueError(f"job {job.id}: no approved licence to print")
        return licence_job(licence, self.stock, f"L-{job.id}", REPRINT_ASKED if job.reprint else None)

    def _kind(self, job_id: int) -> JobKind:
        return self.store.jobs.kind(job_id)

    def _licence_job_id(self, application_id: str) -> int | None:
        return self.store.jobs.latest(application_id, JobKind.LICENCE)

    def _keep_pdf(self, job_id: int) -> None:
        application_id = self.store.jobs.application_of(job_id)
        licence = approved_licence(self.store.decision(application_id))
        if licence is not None:
            self._write_pdf(licence, f"{application_id}.pdf")

    def _write_pdf(self, licence: PrintedLicence, name: str) -> None:
        """The licence as a PDF beside the paper (printer.licence.pdf: fonts embedded)."""
        if self.pdf_dir is None:
            return
        from printer import render_licence_pdf

        try:
            self.pdf_dir.mkdir(parents=True, exist_ok=True)
            render_licence_pdf(licence, self.stock, out=self.pdf_dir / name)
        except Exception as exc:  # the paper matters; a PDF that fails is logged, not fatal
            log.error("licence PDF %s not written: %s", name, type(exc).__name__)


def _stamp() -> str:
    return datetime.now().strftime("%H%M%S%f")
