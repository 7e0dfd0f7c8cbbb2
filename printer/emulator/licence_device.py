"""The virtual licence printer (ESC/P2 with a PR2-style `ESC j` status byte, see licence_printer)."""

from __future__ import annotations

from PIL import Image

from printer.emulator.device import VirtualPrinter
from printer.emulator.escp2_parser import EscP2Parser
from printer.emulator.escpos_parser import Op
from printer.emulator.licence_canvas import DPI, LicenceCanvas
from printer.emulator.stock_underlay import draw_underlay, stock_for
from printer.settings import DEFAULT_LAYOUT_DIR


class VirtualLicencePrinter(VirtualPrinter):
    kind = "licence"
    job_starters = frozenset({"init", "chinese", "text", "bit_image", "y", "x", "paper"})
    realtime_patterns = ((b"\x1bj", None, "rt_status"), (b"\x10\x05", frozenset({2}), "rt_request"))

    def __init__(self, *args, layout_dir=DEFAULT_LAYOUT_DIR, show_stock: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.layout_dir = layout_dir
        self.show_stock = show_stock
        self._parser = EscP2Parser()
        self.canvas = LicenceCanvas(self.fonts)

    def status_byte(self) -> int:
        f = self.faults
        byte = 0x20
        byte |= 0x01 if "paper-out" in f else 0
        byte |= 0x02 if "cover-open" in f else 0
        byte |= 0x04 if "offline" in f else 0
        byte |= 0x08 if "error" in f else 0
        with self._cond:
            busy = bool(self._queue) or self._job_open
        return byte | (0x10 if busy else 0)

    def _parse(self, data: bytes) -> list[Op]:
        return self._parser.feed(data)

    def _reset_parser(self) -> None:
        self._parser = EscP2Parser()

    def _on_realtime(self, op: Op) -> None:
        if op.name == "rt_status":
            self.answer(bytes([self.status_byte()]))
        elif op.name == "rt_request" and op.args[0] == 2:
            self.clear_buffers()

    def _new_page(self) -> None:
        self.canvas = LicenceCanvas(self.fonts, unit=self.canvas.unit, chinese=self.canvas.chinese)

    def _execute(self, op: Op) -> None:
        self._record(op)
        c = self.canvas
        name, args = op.name, op.args
        if name == "chinese":
            c.chinese = True
        elif name == "chinese_off":
            c.chinese = False
        elif name == "unit":
            c.unit = round(3600 / max(1, args[0]))
        elif name == "paper":
            c.paper(*args)
        elif name == "y":
            c.set_y(args[0])
        elif name == "x":
            c.set_x(args[0])
        elif name == "point":
            c.point = args[0]
        elif name == "text":
            c.text(args[0])
        elif name == "bit_image":
            c.bit_image(*args)
        elif name == "eject" and self._job_open:
            page = c.page
            self._finish_job(lambda: self._sheet(page), c.lines, [])

    def _sheet(self, page):
        """The page as printed, on the stock's pre-printed parts (grey) when they are known."""
        if not self.show_stock:
            return page.convert("1")
        layout = stock_for(page.width / DPI * 25.4, self.layout_dir)
        if layout is None:
            return page.convert("1")
        sheet = page.copy()
        draw_underlay(sheet, layout, DPI, self.fonts)
        return Image.composite(page, sheet, page.point(lambda v: 255 if v < 128 else 0))
