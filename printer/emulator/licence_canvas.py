"""What the virtual licence printer puts on a sheet, by Epson's ESC/P2 rules, not the encoder's.

Rules modelled (Epson "ESC/P Reference Manual", ESC/P2):
- ESC ( U m sets the unit to m/3600 inch for ESC ( V, ESC $ and ESC ( C; until it is sent,
  ESC $ counts in 1/60 inch and ESC ( V in 1/360 inch ("ESC ( U Set unit"). ESC @ resets it.
- ESC ( V is ignored when it moves up more than 179/360 inch, or moves up at all after graphics
  on the current line ("ESC ( V Set absolute vertical print position"); ESC j n (reverse feed
  n/216 inch) the same way. Ignored moves are counted: a strict host never makes one.
- ESC $ is ignored when it points right of the printable width ("ESC $ Set absolute horizontal
  print position").
- Hanzi in Chinese mode (FS &) print in the resident 24 x 24-dot font whatever ESC X says;
  ASCII advances by the pitch ESC X chose (m: 360/m cpi).
The page image is the sheet at 180 dpi; the printer's origin sits origin_x/top_of_form on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from printer.emulator.receipt_canvas import decode_text
from printer.glyphs import draw_text, font_for

DPI = 180
MAX_UP = 179  # /360 inch


@dataclass
class Breaches:
    """Things a real printer would ignore or refuse; each is a bug in the host's job."""

    upward_moves_ignored: int = 0
    right_of_width_ignored: int = 0
    unknown_commands: list[bytes] = field(default_factory=list)
    unlisted_point_sizes: list[float] = field(default_factory=list)


@dataclass
class LicenceCanvas:
    fonts: tuple[Path, ...]
    printable_width_mm: float = 345.4
    hanzi_dots: int = 24
    width_px: int = round(297 / 25.4 * DPI)
    height_px: int = round(210 / 25.4 * DPI)
    origin_x_px: int = 0
    top_px: int = 0
    unit: int | None = None  # 3600/m per inch once ESC ( U is sent
    x360: int = 0  # horizontal position in 1/360 inch from the left margin
    y360: int = 0  # vertical position in 1/360 inch from top-of-form
    graphics_on_line: bool = False
    pitch_m: int = 36  # ESC X m: 10 cpi until told
    chinese: bool = False
    lines: list[str] = field(default_factory=list)
    breaches: Breaches = field(default_factory=Breaches)
    _page: Image.Image | None = None

    @property
    def page(self) -> Image.Image:
        if self._page is None:
            self._page = Image.new("L", (self.width_px, self.height_px), 255)
        return self._page

    @property
    def inked(self) -> bool:
        return self._page is not None

    def _in_360(self, n: int, default_per_inch: int) -> int:
        return n * 360 * self.unit // 3600 if self.unit else n * 360 // default_per_inch

    def set_unit(self, m: int) -> None:
        self.unit = m or None

    def set_y(self, n: int) -> None:
        target = self._in_360(n, 360)
        self._move_to(target)

    def reverse_feed(self, n216: int) -> None:
        self._move_to(self.y360 - round(n216 * 360 / 216))

    def _move_to(self, target: int) -> None:
        if target < self.y360 and (self.y360 - target > MAX_UP or self.graphics_on_line):
            self.breaches.upward_moves_ignored += 1
            return
        if target != self.y360:
            self.graphics_on_line = False
        self.y360 = target

    def set_x(self, n: int) -> None:
        target = self._in_360(n, 60)
        if target * 25.4 / 360 > self.printable_width_mm:
            self.breaches.right_of_width_ignored += 1
            return
        self.x360 = target

    def _px(self) -> tuple[int, int]:
        return self.origin_x_px + self.x360 // 2, self.top_px + self.y360 // 2

    def text(self, raw: bytes) -> None:
        text = decode_text(raw, self.chinese)
        px = self.hanzi_dots
        draw = ImageDraw.Draw(self.page)
        for ch in text:
            x, y = self._px()
            cell360 = px * 2 if not ch.isascii() else self.pitch_m
            font = font_for(ch, self.fonts, px)
            glyph = int(font.getlength(ch)) if font is not None else px
            draw_text(draw, (x + max(0, (cell360 // 2 - glyph) // 2), y), ch, self.fonts, px)
            self.x360 += cell360
        self.lines.append(text)

    def bit_image(self, m: int, columns: int, data: bytes) -> None:
        per_column = len(data) // columns if columns else 3
        dots = per_column * 8
        band = Image.new("L", (columns, dots), 255)
        pixels = band.load()
        for x in range(columns):
            for byte_index in range(per_column):
                value = data[x * per_column + byte_index]
                for bit in range(8):
                    if value & (0x80 >> bit):
                        pixels[x, byte_index * 8 + bit] = 0
        self.page.paste(band, self._px(), band.point(lambda v: 255 - v))
        self.x360 += columns * 2  # 180 dpi columns
        self.graphics_on_line = True
