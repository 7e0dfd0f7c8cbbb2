"""The licence printer: ESC/P2 overprint on pre-printed stock, results as the manual allows.

Epson's "ESC/P Reference Manual" defines no status request in ESC/P2 and no command that discards
data the printer has received (see printer/licence/profiles.py). So, for the profiles we have:
- status() can say the line is there (or not) and, with DSR/DTR flow, that the printer holds it;
  otherwise it reports `unknown`, never `ready`.
- A job whose every byte went out is `unconfirmed`: nobody can tell it came out right, so the
  terminal asks the citizen or staff (never `printed`).
- A job the printer stopped taking (XOFF/DSR held past the write timeout) or whose line broke
  mid-way is `partly-printed`: what the printer received prints once the fault is cleared.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid

from printer.failures import failure_summary
from printer.interface import LicenceJob
from printer.licence.escp2_fit import check_fit
from printer.licence.layout import LayoutError, StockLayout, load_layout
from printer.licence.ledger import ReprintLedger
from printer.licence.profiles import licence_profile
from printer.link import LinkError, LinkTimeout, SerialLink
from printer.replies import LicenceReplies
from printer.settings import PrinterSettings
from printer.status import Outcome, PrinterStatus, PrintResult, State

ESC_AT = b"\x1b@"  # ESC @ Initialize printer (ESC/P Reference Manual, "ESC @")

log = logging.getLogger(__name__)

ALREADY_PRINTED = ("该执照已打印，如需补打请由工作人员申请补打",
                   "This licence was already printed; staff must request a reprint")


class LicencePrinter:
    def __init__(self, settings: PrinterSettings, ledger: ReprintLedger | None = None):
        if ledger is None and settings.ledger_path is None:
            raise ValueError("a licence printer needs a reprint ledger (ledger_path under the data directory)")
        self.settings = settings
        self.profile = licence_profile(settings.licence_profile)
        self.link = SerialLink(settings, LicenceReplies)
        self.ledger = ledger or ReprintLedger(settings.ledger_path)
        self._lock = threading.Lock()

    def close(self) -> None:
        self.link.close()

    def status(self) -> PrinterStatus:
        with self._lock:
            return self._status()

    def _status(self) -> PrinterStatus:
        if not self.link.ensure_open():
            return PrinterStatus(State.DISCONNECTED, self.link.last_error)
        if self.link.held:
            return PrinterStatus(State.OFFLINE, "the printer holds the line (XOFF or DSR low): "
                                                "busy, off line, out of paper or cover open")
        return PrinterStatus(State.UNKNOWN, f"{self.profile.name}: ESC/P2 has no status request "
                                            "(ESC/P Reference Manual)")

    def print(self, job: LicenceJob) -> PrintResult:
        """Overprint one licence on its stock. Never raises; see Outcome for the values."""
        started = time.monotonic()
        job_id, licence, stock, reprint = job.job_id, job.licence, job.stock, job.reprint
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

    def print_alignment(self, stock: str = "A4") -> PrintResult:
        """Print the stock's alignment page on PLAIN paper (printer/licence/alignment.py).

        Never raises. Not a licence: nothing goes into the reprint ledger. `refused` for an
        unknown stock or a layout the printer cannot reach, `failed` when the printer is not
        ready (nothing sent), `unconfirmed` once every byte went out (ESC/P2 has no status
        reply), `partly-printed` / `failed` when the line stopped or broke, as for a licence.
        """
        started = time.monotonic()
        job_id = f"ALIGN-{uuid.uuid4().hex[:12]}"
        with self._lock:
            try:
                result = self._print_alignment(job_id, stock, started)
            except Exception as exc:  # a driver bug must not take the kiosk down with it
                log.error("alignment job %s: unexpected failure: %s", job_id, failure_summary(exc))
                result = PrintResult(job_id, Outcome.UNCONFIRMED, PrinterStatus(State.ERROR, type(exc).__name__),
                                     detail="internal error; check the printer before retrying")
        log.info("alignment job %s on %s %s (%s, %d bytes)", job_id, stock, result.outcome.value,
                 result.status.state.value, result.bytes_sent)
        return result

    def _print_alignment(self, job_id: str, stock: str, started: float) -> PrintResult:
        def done(outcome, status, sent=0, detail=""):
            return PrintResult(job_id, outcome, status, status.warnings, sent,
                               time.monotonic() - started, detail)

        layout = self._layout(stock)
        if isinstance(layout, str):  # the stock's layout is missing, wrong or out of reach
            return done(Outcome.REFUSED, PrinterStatus(State.ERROR, layout), detail=layout)
        from printer.licence.alignment import encode_alignment  # Pillow loads on first use

        fonts = (self.settings.profile.font_path, *self.settings.profile.fallback_fonts)
        data = encode_alignment(layout, self.profile, fonts)
        before = self._status()
        if not before.can_print:
            return done(Outcome.FAILED, before, detail="not sent: printer not ready")
        return self._send(done, data)

    def _layout(self, stock: str) -> StockLayout | str:
        """The stock's layout, or why it cannot be printed (missing, malformed, or reaching past
        what this printer can print: check_fit)."""
        try:
            layout = load_layout(stock, self.settings.layout_dir)
        except LayoutError as exc:
            return str(exc)
        problems = check_fit(layout, self.profile)
        return "; ".join(problems) if problems else layout

    def clear_error(self) -> PrinterStatus:
        """What a technician's "clear" can do on an ESC/P2 printer; never raises.

        ESC/P2 has no error-recovery command and no way to discard what the printer received
        (Epson "ESC/P Reference Manual": no DLE ENQ / DLE DC4 in the ESC/P2 command set; see
        printer/licence/profiles.py). So the clear (1) closes and reopens the line, which picks
        up a replugged USB cable, and (2) sends ESC @ (Initialize printer), which returns the
        settings (unit, font, Hanzi mode, margins) to their defaults but, as the manual says,
        does NOT clear the input buffer: what the printer already holds still prints, after the
        fault is fixed at the printer (paper loaded, cover shut, on line). Then it answers
        status(): `unknown` on a working line (ESC/P2 has no status request).
        """
        with self._lock:
            try:
                self.link.close()
                if not self.link.ensure_open():
                    return PrinterStatus(State.DISCONNECTED, self.link.last_error)
                try:
                    self.link.send_job(ESC_AT)
                except LinkTimeout as exc:
                    return PrinterStatus(State.OFFLINE, str(exc))
                except LinkError as exc:
                    return PrinterStatus(State.DISCONNECTED, str(exc))
                return self._status()
            except Exception as exc:  # never raises
                log.error("licence clear_error: unexpected failure: %s", failure_summary(exc))
                return PrinterStatus(State.ERROR, type(exc).__name__)

    def _print(self, job_id, licence, stock, reprint, started) -> PrintResult:
        def done(outcome, status, sent=0, detail=""):
            return PrintResult(job_id, outcome, status, status.warnings, sent,
                               time.monotonic() - started, detail)

        earlier = self.ledger.previous(licence.credit_code, stock)
        if earlier and reprint is None:
            return done(Outcome.REFUSED, PrinterStatus(State.UNKNOWN),
                        detail=f"{ALREADY_PRINTED[0]} / {ALREADY_PRINTED[1]} "
                               f"(earlier job {earlier[-1].job_id})")
        layout = self._layout(stock)
        if isinstance(layout, str):  # the stock's layout is missing, wrong or out of reach
            return done(Outcome.REFUSED, PrinterStatus(State.ERROR, layout), detail=layout)
        # The encoder (Pillow, qrcode) loads on the first licence, not when the kiosk starts.
        from printer.licence.escp2 import encode_overprint
        from printer.licence.placement import place

        placement = place(licence, layout, self.profile)
        if placement.overflowing:
            detail = (f"内容超出{stock}版面 / text does not fit the {stock} layout: "
                      f"{', '.join(placement.overflowing)}")
            return done(Outcome.REFUSED, PrinterStatus(State.UNKNOWN), detail=detail)
        fonts = (self.settings.profile.font_path, *self.settings.profile.fallback_fonts)
        data = encode_overprint(placement, layout, self.profile, fonts)
        before = self._status()
        if not before.can_print:
            return done(Outcome.FAILED, before, detail="not sent: printer not ready")
        self.ledger.begin(job_id, licence.credit_code, stock,
                          reprint.reason if reprint else None,
                          reprint.requested_by if reprint else None)
        result = self._send(done, data)
        self.ledger.finish(job_id, result.outcome)
        return result

    def _send(self, done, data: bytes) -> PrintResult:
        progress = [0]
        try:
            self.link.send_job(data, on_chunk=lambda n: progress.__setitem__(0, n))
        except LinkTimeout as exc:
            return self._stopped(done, progress[0], len(data), PrinterStatus(State.OFFLINE, str(exc)))
        except LinkError as exc:
            if len(data) - progress[0] <= self.settings.chunk_bytes:
                return done(Outcome.UNCONFIRMED, PrinterStatus(State.DISCONNECTED, str(exc)),
                            progress[0], "line lost with the last bytes")
            return self._stopped(done, progress[0], len(data), PrinterStatus(State.DISCONNECTED, str(exc)))
        return done(Outcome.UNCONFIRMED, PrinterStatus(State.UNKNOWN), len(data),
                    f"all {len(data)} bytes sent; {self.profile.name} documents no status reply, "
                    "so check the sheet / 打印机不回报状态，请核对执照")

    def _stopped(self, done, sent: int, total: int, status: PrinterStatus) -> PrintResult:
        if sent == 0:
            return done(Outcome.FAILED, status, 0, "not sent: the printer did not take the job")
        return done(Outcome.PARTLY_PRINTED, status, sent,
                    f"{sent} of {total} bytes reached the printer; {self.profile.name} documents no "
                    "way to discard them, so they print once the fault is cleared")
