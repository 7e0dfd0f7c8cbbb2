"""The licence printer: ESC/P2 overprint on pre-printed stock, status before and after, reprints.

Status protocol (PR2-style `ESC j`, modelled; check it against the fitted printer's manual): one
byte back, always 0x20 | flags, so it is never XON/XOFF:
    0x01 no sheet / paper out   0x02 cover open   0x04 offline   0x08 error
    0x10 busy: a page is still in the buffer or being printed
The job is confirmed when, after the last byte (form feed), the printer reports not busy and no
fault: the page was printed and ejected.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from pathlib import Path

from printer.failures import failure_summary
from printer.licence.data import LicenceData, ReprintRequest
from printer.licence.escp2 import CLEAR_BUFFERS, STATUS_REQUEST, encode_overprint
from printer.licence.layout import LayoutError, load_layout
from printer.licence.ledger import ReprintLedger
from printer.licence.placement import place
from printer.link import LinkError, LinkTimeout, SerialLink
from printer.replies import LicenceReplies, ReplyKind
from printer.settings import PrinterSettings
from printer.status import Outcome, PrinterStatus, PrintResult, State, StatusBits

log = logging.getLogger(__name__)

POLL_S = 0.05  # a status request is 2 bytes out, 1 back: cheap to ask often
BUSY = 0x10
ALREADY_PRINTED = ("该执照已打印，如需补打请由工作人员申请补打",
                   "This licence was already printed; staff must request a reprint")


def decode_licence_status(byte: int) -> tuple[PrinterStatus, bool]:
    bits = StatusBits(paper_out=bool(byte & 0x01), cover_open=bool(byte & 0x02),
                      offline=bool(byte & 0x04), error=bool(byte & 0x08))
    return bits.to_status(), bool(byte & BUSY)


class LicencePrinter:
    def __init__(self, settings: PrinterSettings, ledger: ReprintLedger | None = None):
        self.settings = settings
        self.link = SerialLink(settings, LicenceReplies)
        self.ledger = ledger or ReprintLedger(
            settings.ledger_path or Path("var") / "licence-ledger.sqlite3")
        self._lock = threading.Lock()

    def close(self) -> None:
        self.link.close()

    def status(self) -> PrinterStatus:
        with self._lock:
            return self._poll()[0]

    def _poll(self) -> tuple[PrinterStatus, bool]:
        if not self.link.ensure_open():
            return PrinterStatus(State.DISCONNECTED, self.link.last_error), False
        self.link.discard(ReplyKind.LICENCE_STATUS)
        try:
            self.link.send_realtime(STATUS_REQUEST)
        except LinkError as exc:
            return PrinterStatus(State.DISCONNECTED, str(exc)), False
        reply = self.link.await_reply(ReplyKind.LICENCE_STATUS, self.settings.status_timeout_s)
        if reply is None:
            detail = self.link.last_error if not self.link.is_open else "no reply to status request"
            return PrinterStatus(State.DISCONNECTED, detail), False
        return decode_licence_status(reply.data[0])

    def print(self, licence: LicenceData, stock: str = "A4",
              reprint: ReprintRequest | None = None) -> PrintResult:
        """Overprint one licence on `stock`. Never raises; REFUSED when it needs a reprint request."""
        started = time.monotonic()
        job_id = f"L-{uuid.uuid4().hex[:12]}"
        with self._lock:
            try:
                result = self._print(job_id, licence, stock, reprint, started)
            except Exception as exc:  # a driver bug must not take the kiosk down with it
                log.error("licence job %s: unexpected failure: %s", job_id, failure_summary(exc))
                result = PrintResult(job_id, Outcome.UNCONFIRMED, PrinterStatus(State.ERROR, type(exc).__name__),
                                     detail="internal error; check the printer before retrying")
        log.info("licence job %s on %s %s (%s)%s", job_id, stock, result.outcome.value,
                 result.status.state.value, " reprint" if reprint else "")
        return result

    def _print(self, job_id, licence, stock, reprint, started) -> PrintResult:
        def done(outcome, status, sent=0, detail=""):
            return PrintResult(job_id, outcome, status, status.warnings, sent,
                               time.monotonic() - started, detail)

        earlier = self.ledger.previous(licence.credit_code, stock)
        if earlier and reprint is None:
            return done(Outcome.REFUSED, PrinterStatus(State.READY),
                        detail=f"{ALREADY_PRINTED[0]} / {ALREADY_PRINTED[1]} "
                               f"(earlier job {earlier[-1].job_id})")
        try:
            layout = load_layout(stock, self.settings.layout_dir)
        except LayoutError as exc:
            return done(Outcome.FAILED, PrinterStatus(State.ERROR, str(exc)), detail=str(exc))
        placement = place(licence, layout)
        if placement.overflowing:
            detail = f"text does not fit the {stock} layout: {', '.join(placement.overflowing)}"
            return done(Outcome.FAILED, PrinterStatus(State.READY), detail=detail)
        data = encode_overprint(placement, layout, self.settings.profile)
        before = self._wait_idle()
        if not before.can_print:
            return done(Outcome.FAILED, before, detail="not sent: printer not ready")
        self.ledger.begin(job_id, licence.credit_code, stock,
                          reprint.reason if reprint else None,
                          reprint.requested_by if reprint else None)
        result = self._send(done, data)
        self.ledger.finish(job_id, result.outcome)
        return result

    def _wait_idle(self) -> PrinterStatus:
        deadline = time.monotonic() + self.settings.confirm_margin_s
        while True:
            status, busy = self._poll()
            if not busy or not status.can_print or time.monotonic() >= deadline:
                return status if not busy else PrinterStatus(State.ERROR, "busy with another page")
            time.sleep(POLL_S)

    def _send(self, done, data: bytes) -> PrintResult:
        progress = [0]
        try:
            self.link.send_job(data, on_chunk=lambda n: progress.__setitem__(0, n))
        except LinkTimeout as exc:
            self._abandon()
            return done(Outcome.FAILED, self._poll()[0], progress[0], str(exc))
        except LinkError as exc:
            last = len(data) - progress[0] <= self.settings.chunk_bytes
            return done(Outcome.UNCONFIRMED if last else Outcome.FAILED,
                        PrinterStatus(State.DISCONNECTED, str(exc)), progress[0], str(exc))
        deadline = time.monotonic() + self.settings.confirm_margin_s
        while True:
            status, busy = self._poll()
            if status.state is State.DISCONNECTED:
                return done(Outcome.UNCONFIRMED, status, len(data), "line lost before confirmation")
            if not status.can_print:
                self._abandon()
                return done(Outcome.FAILED, status, len(data), "stopped before the page was done")
            if not busy:
                return done(Outcome.PRINTED, status, len(data))
            if time.monotonic() >= deadline:
                return done(Outcome.UNCONFIRMED, status, len(data), "page not finished in time")
            time.sleep(POLL_S)

    def _abandon(self) -> None:
        """Clear what is left of the page so it cannot print later, when paper is loaded.

        Real-time requests are taken in arrival order, so an answer to a status request sent
        after the clear proves the printer has read the clear; until then "failed" could still
        turn into half a licence on security stock.
        """
        try:
            self.link.discard(ReplyKind.LICENCE_STATUS)
            self.link.send_realtime(CLEAR_BUFFERS)
            self.link.send_realtime(STATUS_REQUEST)
        except LinkError:
            log.warning("could not clear the licence printer's buffer")
            return
        if self.link.await_reply(ReplyKind.LICENCE_STATUS, self.settings.confirm_margin_s) is None:
            log.warning("the licence printer did not confirm that its buffer was cleared")
