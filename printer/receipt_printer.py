"""The receipt printer (ESC/POS over serial): status before a job, confirmation after it.

A job counts as printed only when the printer answers a GS r 1 sent AFTER the job's last byte
(replies that arrived before it are thrown away first), and a real-time status taken after that
answer shows the printer not stopped: a stray byte on the return line (one 0x00 while out of
paper) cannot pass both. GS r is answered only when the printer reaches it in its buffer
(Epson ESC/POS Command Reference, GS r), so the answer means every byte before it was processed.

A printer at paper end never answers, so while waiting the driver polls real-time status
(DLE EOT n, answered even with a full buffer) to learn the cause. What happens to the rest of the
job depends on the model's manual (PrinterProfile.buffer_clear): with DLE DC4 fn=8 documented it
is discarded and confirmed (37 25 00), the job `failed`; otherwise the rest prints once the
paper is changed, and the job is `partly-printed` for the terminal to explain. DLE ENQ 2 is not
used for that: Epson and Citizen ignore it at paper end and with the cover open. It is sent only
by clear_error(), while a recoverable (autocutter) error is pending.
"""

from __future__ import annotations

import logging
import threading
import time

from printer.escpos import commands as cmd
from printer.failures import failure_summary
from printer.link import LinkError, LinkTimeout, SerialLink
from printer.receipt import ReceiptJob
from printer.replies import EscPosReplies, ReplyKind
from printer.settings import PrinterSettings
from printer.status import Outcome, PrinterStatus, PrintResult, State, StatusBits

log = logging.getLogger(__name__)

POLL_S = 0.5  # status poll while waiting for GS r: a paper-out shows within half a second


def decode_realtime(n: int, byte: int, bits: StatusBits) -> None:
    """Fold one DLE EOT n reply into bits (Epson ESC/POS Command Reference, "DLE EOT n": the TM series' bit assignments)."""
    if n == 1:
        bits.offline |= bool(byte & 0x08)
    elif n == 2:
        bits.cover_open |= bool(byte & 0x04)
        bits.paper_out |= bool(byte & 0x20)
        bits.error |= bool(byte & 0x40)
    elif n == 3:
        for mask, what in ((0x08, "autocutter"), (0x20, "unrecoverable"), (0x40, "auto-recoverable")):
            if byte & mask:
                bits.error = True
                bits.error_detail.append(what)
    elif n == 4:
        bits.paper_near_end |= bool(byte & 0x0C)
        bits.paper_out |= bool(byte & 0x60)


class ReceiptPrinter:
    """Thread-safe: one job or status request at a time on the line."""

    def __init__(self, settings: PrinterSettings):
        self.settings = settings
        self.link = SerialLink(settings, EscPosReplies)
        self._lock = threading.Lock()

    def close(self) -> None:
        self.link.close()

    def status(self) -> PrinterStatus:
        with self._lock:
            return self._status()

    def _status(self) -> PrinterStatus:
        bits = self._realtime_bits()
        return bits if isinstance(bits, PrinterStatus) else bits.to_status()

    def _realtime_bits(self) -> StatusBits | PrinterStatus:
        """DLE EOT 1-4 folded into StatusBits, or the `disconnected` status when there is no reply."""
        if not self.link.ensure_open():
            return PrinterStatus(State.DISCONNECTED, self.link.last_error)
        bits = StatusBits()
        for n in (1, 2, 3, 4):
            self.link.discard(ReplyKind.REALTIME)
            try:
                self.link.send_realtime(cmd.realtime_status(n))
            except LinkError as exc:
                return PrinterStatus(State.DISCONNECTED, str(exc))
            reply = self.link.await_reply(ReplyKind.REALTIME, self.settings.status_timeout_s)
            if reply is None:
                if not self.link.is_open:
                    return PrinterStatus(State.DISCONNECTED, self.link.last_error)
                # A silent printer is not a printer with paper: report it as not there.
                return PrinterStatus(State.DISCONNECTED, "no reply to status request")
            decode_realtime(n, reply.data[0], bits)
        return bits

    def clear_error(self) -> PrinterStatus:
        """A technician's "clear": recover from a recoverable error, or pick the line up again.

        Never raises; answers the status after the attempt.
        - Line broken (disconnected, e.g. the USB cable was replugged): close and reopen it.
        - A recoverable error pending (DLE EOT 3 bit 3, autocutter error, with neither paper end
          nor the cover open): DLE ENQ 2, "recover from an error after clearing the receive and
          print buffers" (Epson ESC/POS Command Reference, DLE ENQ n), so the half-printed job
          does not resume; then the status again.
        - Anything else is answered as it is, with nothing sent: DLE ENQ is not executed at paper
          end or with the cover open (the technician loads paper / shuts the cover), and the
          manual excludes the automatically recoverable errors (head temperature: they clear by
          themselves) and unrecoverable ones (power off and service).
        """
        with self._lock:
            try:
                return self._clear_error()
            except Exception as exc:  # a driver bug must not take the kiosk down with it
                log.error("receipt clear_error: unexpected failure: %s", failure_summary(exc))
                return PrinterStatus(State.ERROR, type(exc).__name__)

    def _clear_error(self) -> PrinterStatus:
        bits = self._realtime_bits()
        if isinstance(bits, PrinterStatus):  # disconnected: a fresh line, then read again
            self.link.close()
            self.link.ensure_open()
            bits = self._realtime_bits()
            if isinstance(bits, PrinterStatus):
                return bits
        status = bits.to_status()
        if not (status.state is State.ERROR and "autocutter" in bits.error_detail):
            return status
        try:
            # DLE ENQ 2 (10 05 02), Epson ESC/POS Command Reference "DLE ENQ n", n = 2: recover
            # from an error after clearing the receive and print buffers. Real-time: executed on
            # arrival, only while a recoverable error is pending; settings (ESC !, ...) are kept.
            self.link.send_realtime(cmd.RECOVER_AND_CLEAR)
        except LinkError as exc:
            return PrinterStatus(State.DISCONNECTED, str(exc))
        log.info("receipt printer: DLE ENQ 2 sent to clear a recoverable error (%s)",
                 ", ".join(bits.error_detail))
        return self._status()

    def print(self, job: ReceiptJob) -> PrintResult:
        """Print and confirm one receipt. Never raises; see PrintResult.outcome."""
        started = time.monotonic()
        with self._lock:
            try:
                result = self._print(job, started)
            except Exception as exc:  # a driver bug must not take the kiosk down with it
                log.error("receipt job %s: unexpected failure: %s", job.job_id, failure_summary(exc))
                result = PrintResult(job.job_id, Outcome.UNCONFIRMED,
                                     PrinterStatus(State.ERROR, type(exc).__name__), (), 0,
                                     time.monotonic() - started, "internal error")
        log.info("receipt job %s %s (%s, %d bytes, %.2f s)", job.job_id, result.outcome.value,
                 result.status.state.value, result.bytes_sent, result.seconds)
        return result

    def _print(self, job: ReceiptJob, started: float) -> PrintResult:
        def done(outcome: Outcome, status: PrinterStatus, sent: int, detail: str = "",
                 warnings: tuple[State, ...] = ()) -> PrintResult:
            return PrintResult(job.job_id, outcome, status, warnings, sent,
                               time.monotonic() - started, detail)

        before = self._status()
        if not before.can_print:
            return done(Outcome.FAILED, before, 0, "not sent: printer not ready")
        warnings = before.warnings
        from printer.escpos.encoder import encode  # Pillow and qrcode load on the first receipt

        data = encode(job.document, self.settings.profile)
        progress = [0]
        try:
            self.link.send_job(data, on_chunk=lambda n: progress.__setitem__(0, n))
            # Only an answer to a request sent after the job's last byte can confirm it.
            self.link.discard(ReplyKind.TRANSMIT)
            self.link.send_job(cmd.TRANSMIT_PAPER_STATUS)
        except LinkTimeout as exc:
            return self._stopped(done, progress[0], self._status(), str(exc), warnings)
        except LinkError as exc:
            last_chunk = len(data) - progress[0] <= self.settings.chunk_bytes
            outcome = Outcome.UNCONFIRMED if last_chunk else Outcome.PARTLY_PRINTED
            if progress[0] == 0:
                outcome = Outcome.FAILED
            return done(outcome, PrinterStatus(State.DISCONNECTED, str(exc)), progress[0], str(exc),
                        warnings)
        return self._confirm(done, len(data), warnings)

    def _confirm(self, done, sent: int, warnings: tuple[State, ...]) -> PrintResult:
        deadline = time.monotonic() + self.settings.confirm_margin_s
        while True:
            wait = min(POLL_S, deadline - time.monotonic())
            reply = self.link.await_reply(ReplyKind.TRANSMIT, wait)
            now = self._status()  # after the answer: a stopped printer cannot have sent it
            if reply is not None and now.can_print:
                if reply.data[0] & 0x03 and State.PAPER_NEAR_END not in warnings:
                    warnings = (*warnings, State.PAPER_NEAR_END)
                return done(Outcome.PRINTED, now, sent, "", warnings)
            if now.state is State.DISCONNECTED:
                return done(Outcome.UNCONFIRMED, now, sent, "line lost before confirmation",
                            warnings)
            if not now.can_print:
                detail = "stopped before the end of the job"
                if reply is not None:
                    detail += " (a reply byte came, but the printer reports it is stopped)"
                return self._stopped(done, sent, now, detail, warnings)
            if time.monotonic() >= deadline:
                return done(Outcome.UNCONFIRMED, now, sent, "no confirmation (GS r) in time",
                            warnings)

    def _stopped(self, done, sent: int, status: PrinterStatus, detail: str,
                 warnings: tuple[State, ...]) -> PrintResult:
        """The printer stopped mid-job: discard the rest if the model documents how."""
        if sent == 0:
            return done(Outcome.FAILED, status, 0, f"not sent: {detail}", warnings)
        if self.settings.profile.buffer_clear == "dle-dc4-8" and self._clear_buffers():
            return done(Outcome.FAILED, status, sent,
                        f"{detail}; the rest was discarded (DLE DC4 8): what printed before the "
                        "fault may be on paper", warnings)
        return done(Outcome.PARTLY_PRINTED, status, sent,
                    f"{detail}; {self.settings.profile.model} documents no way to discard the "
                    "rest, so it prints once the fault is fixed", warnings)

    def _clear_buffers(self) -> bool:
        """DLE DC4 fn=8; True once the printer answered 37 25 00 (buffers cleared)."""
        try:
            self.link.discard(ReplyKind.CLEARED)
            self.link.send_realtime(cmd.CLEAR_BUFFERS_DC4)
        except LinkError:
            log.warning("could not send the clear to the receipt printer")
            return False
        if self.link.await_reply(ReplyKind.CLEARED, self.settings.confirm_margin_s) is None:
            log.warning("the receipt printer did not confirm that its buffers were cleared")
            return False
        return True
