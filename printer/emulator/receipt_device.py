"""The virtual ESC/POS receipt printer: status bytes as an Epson TM printer sends them.

Per model profile (printer.settings.RECEIPT_MODELS), from Epson's ESC/POS Command Reference:
- DLE EOT n is answered on arrival, even while stopped or full.
- The `error` fault is a RECOVERABLE error, an autocutter error: DLE EOT 2 bit 6 ("error
  occurred"), DLE EOT 3 bit 3 ("autocutter error"), ASB byte 2 bit 3. DLE ENQ n ("Real-time
  request to printer") recovers from it, on arrival: n = 1 restarts printing where it stopped
  (the rest of the job prints), n = 2 clears the receive and print buffers first (the rest is
  discarded). At paper end or with the cover open DLE ENQ is ignored, so the rest of a job
  prints after a refill.
- DLE DC4 fn=8 ("clear buffers") exists only on models that document it (epson-tm-t88vi): it
  clears the receive and print buffers and answers 37 25 00.
- GS r 1 is answered when the engine reaches it: never while stopped.
At paper end the strip printed so far is a finished (partial) job: a citizen could tear it off.
"""

from __future__ import annotations

from printer.emulator.device import VirtualPrinter
from printer.emulator.escpos_parser import EscPosParser, Op
from printer.emulator.receipt_canvas import ReceiptCanvas
from printer.escpos.commands import CLEAR_BUFFERS_DC4, CLEAR_RESPONSE
from printer.settings import RECEIPT_MODELS


class VirtualReceiptPrinter(VirtualPrinter):
    kind = "receipt"
    job_starters = frozenset({"init", "chinese", "text", "lf", "raster", "qr_print", "cut"})
    marking_ops = frozenset({"text", "lf", "raster", "qr_print", "feed"})

    def __init__(self, *args, profile: str = "generic-escpos", **kwargs):
        super().__init__(*args, **kwargs)
        if profile not in RECEIPT_MODELS:
            raise ValueError(f"unknown receipt printer profile {profile!r}; one of "
                             f"{', '.join(sorted(RECEIPT_MODELS))}")
        self.profile = RECEIPT_MODELS[profile]
        patterns = [(b"\x10\x04", frozenset({1, 2, 3, 4}), "rt_status"),
                    (b"\x10\x05", frozenset({1, 2}), "rt_request")]
        if self.profile.buffer_clear == "dle-dc4-8":
            patterns.append((CLEAR_BUFFERS_DC4, None, "rt_clear"))
        self.realtime_patterns = tuple(patterns)
        self._parser = EscPosParser()
        self._asb = False
        self.canvas = ReceiptCanvas(self.fonts)

    # -- status --------------------------------------------------------------------------
    def realtime_byte(self, n: int) -> int:
        f = self.faults
        byte = 0x12
        if n == 1 and self.stopped:
            byte |= 0x08
        elif n == 2:
            byte |= (0x04 if "cover-open" in f else 0) | (0x20 if "paper-out" in f else 0)
            byte |= 0x40 if "error" in f else 0
        elif n == 3 and "error" in f:
            byte |= 0x08  # autocutter error: recoverable with DLE ENQ 1/2
        elif n == 4:
            byte |= (0x0C if "paper-near-end" in f else 0) | (0x60 if "paper-out" in f else 0)
        return byte

    def paper_byte(self) -> int:
        """GS r 1: paper sensors, bits 4 and 7 always clear."""
        f = self.faults
        return (0x03 if "paper-near-end" in f else 0) | (0x0C if "paper-out" in f else 0)

    def asb_block(self) -> bytes:
        f = self.faults
        first = 0x10 | (0x08 if self.stopped else 0) | (0x20 if "cover-open" in f else 0)
        second = 0x08 if "error" in f else 0  # autocutter error
        return bytes([first, second, self.paper_byte(), 0x00])

    def _status_changed(self) -> None:
        if self._asb:
            self.answer(self.asb_block())

    # -- reception -----------------------------------------------------------------------
    def _parse(self, data: bytes) -> list[Op]:
        return self._parser.feed(data)

    def _reset_parser(self) -> None:
        self._parser = EscPosParser()

    def _on_realtime(self, op: Op) -> None:
        if op.name == "rt_status" and 1 <= op.args[0] <= 4:
            self.answer(bytes([self.realtime_byte(op.args[0])]))
        elif op.name == "rt_request":
            self.counters.recover_requests += 1
            # Only a recoverable error is recovered from; paper end and an open cover are not,
            # and then DLE ENQ 2 clears nothing.
            if "error" in self.faults and not self.faults & {"paper-out", "cover-open"}:
                if op.args[0] == 2:
                    self.clear_buffers()
                self.faults.discard("error")
                self._status_changed()
        elif op.name == "rt_clear":
            self.clear_buffers()
            self.answer(CLEAR_RESPONSE)

    # -- the engine ----------------------------------------------------------------------
    def _new_page(self) -> None:
        self.canvas = ReceiptCanvas(self.fonts, style=self.canvas.style)

    def _partial_page(self) -> None:
        c = self.canvas
        self._finish_job(c.image, c.lines, c.qr_payloads, partial=True)

    def _execute(self, op: Op) -> None:
        self._record(op)
        c = self.canvas
        name, args = op.name, op.args
        if name == "init":
            c.reset_style()
        elif name in ("chinese", "chinese_off"):
            c.style.chinese = name == "chinese"
        elif name == "text":
            c.add_text(args[0])
        elif name == "lf":
            c.line_feed()
        elif name == "bold":
            c.style.bold = bool(args[0] & 1)
        elif name == "align":
            c.style.align = args[0] % 48 if args[0] >= 48 else min(args[0], 2)
        elif name == "size":
            c.style.width, c.style.height = (args[0] >> 4) + 1, (args[0] & 0x0F) + 1
        elif name == "feed":
            c.feed_dots(args[0] * 30)
        elif name == "raster":
            c.raster(*args)
        elif name.startswith("qr_") and name != "qr_other":
            c.qr(name[3:], args[0] if args else None)
        elif name == "cut":
            c.cut(args[1])
            self._finish_job(c.image, c.lines, c.qr_payloads)
        elif name == "transmit":
            self.answer(bytes([self.paper_byte()]))
        elif name == "asb":
            self._asb = args[0] != 0
            if self._asb:
                self.answer(self.asb_block())
