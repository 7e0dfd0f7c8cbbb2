"""The virtual ESC/P2 licence printer, from Epson's manual rather than from this project's encoder.

It answers nothing (ESC/P2 has no status request); it only holds the line with XOFF when its
buffer fills, e.g. while stopped. It ignores upward moves as a real printer does and counts them
(`canvas.breaches`, kept per job in `breaches`), so a job that relies on one comes out wrong here
too. The sheet it is loaded with is found from the page length the job sets (ESC ( C) among the
stock layouts, and the printer's origin on the sheet comes from that layout.
"""

from __future__ import annotations

from PIL import Image

from printer.emulator.device import VirtualPrinter
from printer.emulator.escp2_parser import EscP2Parser
from printer.emulator.escpos_parser import Op
from printer.emulator.licence_canvas import DPI, Breaches, LicenceCanvas
from printer.emulator.stock_underlay import draw_underlay, stock_by_height
from printer.licence.escp2 import LISTED_POINTS
from printer.licence.profiles import DEFAULT_PROFILE, licence_profile
from printer.settings import DEFAULT_LAYOUT_DIR

KNOWN = frozenset({"init", "chinese", "chinese_off", "unit", "y", "x", "font", "text", "bit_image",
                   "eject", "page_length", "reverse_feed", "ignored"})


class VirtualLicencePrinter(VirtualPrinter):
    kind = "licence"
    job_starters = frozenset({"init", "chinese", "text", "bit_image", "y", "x", "unit"})
    marking_ops = frozenset({"text", "bit_image"})

    def __init__(self, *args, layout_dir=DEFAULT_LAYOUT_DIR, show_stock: bool = True,
                 profile: str = DEFAULT_PROFILE, **kwargs):
        super().__init__(*args, **kwargs)
        self.layout_dir = layout_dir
        self.show_stock = show_stock
        self.profile = licence_profile(profile)
        self._parser = EscP2Parser()
        self.layout = None
        self.breaches: list[Breaches] = []  # per finished job, in order
        self.canvas = self._blank()

    def _blank(self, keep: LicenceCanvas | None = None) -> LicenceCanvas:
        c = LicenceCanvas(self.fonts, printable_width_mm=self.profile.printable_width_mm,
                          hanzi_dots=self.profile.hanzi_dots)
        if self.layout is not None:
            c.width_px = round(self.layout.width_mm / 25.4 * DPI)
            c.height_px = round(self.layout.height_mm / 25.4 * DPI)
            c.origin_x_px = round(self.layout.origin_x_mm / 25.4 * DPI)
            c.top_px = round(self.layout.top_of_form_mm / 25.4 * DPI)
        if keep is not None:  # settings survive a new sheet; positions start again at the top
            c.unit, c.pitch_m, c.chinese = keep.unit, keep.pitch_m, keep.chinese
            c.x360 = keep.x360
        return c

    def _parse(self, data: bytes) -> list[Op]:
        return self._parser.feed(data)

    def _reset_parser(self) -> None:
        self._parser = EscP2Parser()

    def _on_realtime(self, op: Op) -> None:  # ESC/P2 has none
        pass

    def _new_page(self) -> None:
        self.canvas = self._blank(self.canvas)

    def _partial_page(self) -> None:
        c = self.canvas
        self.breaches.append(c.breaches)
        page, layout = c.page, self.layout
        self._finish_job(lambda: self._sheet(page, layout), c.lines, [], partial=True)

    def _execute(self, op: Op) -> None:
        self._record(op)
        c = self.canvas
        name, args = op.name, op.args
        if name not in KNOWN:
            c.breaches.unknown_commands.append(op.raw[:3])
        elif name == "init":
            # ESC @ Initialize printer (ESC/P Reference Manual): settings back to their defaults
            # (unit, 10 cpi, Hanzi mode off), the print position to the left margin. It does NOT
            # clear the input buffer: what arrived before it has printed by the old settings (the
            # engine takes commands in order), and it neither feeds nor ejects the sheet.
            c.unit, c.pitch_m, c.chinese = None, 36, False
            c.x360 = 0
        elif name == "chinese":
            c.chinese = True
        elif name == "chinese_off":
            c.chinese = False
        elif name == "unit":
            c.set_unit(args[0])
        elif name == "page_length":
            self._load_stock(args[0])
        elif name == "y":
            c.set_y(args[0])
        elif name == "reverse_feed":
            c.reverse_feed(args[0])
        elif name == "x":
            c.set_x(args[0])
        elif name == "font":
            if args[1] not in LISTED_POINTS:
                c.breaches.unlisted_point_sizes.append(args[1])
            if args[0] >= 5:
                c.pitch_m = args[0]
        elif name == "text":
            c.text(args[0])
        elif name == "bit_image":
            c.bit_image(*args)
        elif name == "eject" and self._job_open:
            page, layout = c.page, self.layout
            self.breaches.append(c.breaches)
            self._finish_job(lambda: self._sheet(page, layout), c.lines, [])

    def _load_stock(self, length: int) -> None:
        if self.canvas.inked:
            return
        per_inch = 3600 // self.canvas.unit if self.canvas.unit else 360
        self.layout = stock_by_height(length * 25.4 / per_inch, self.layout_dir)
        self.canvas = self._blank(self.canvas)

    def _sheet(self, page, layout):
        """The page as printed, on the stock's pre-printed parts (grey) when they are known."""
        if not self.show_stock or layout is None:
            return page.convert("1")
        sheet = page.copy()
        draw_underlay(sheet, layout, DPI, self.fonts)
        return Image.composite(page, sheet, page.point(lambda v: 255 if v < 128 else 0))
