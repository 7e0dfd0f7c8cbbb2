"""What the virtual licence printer puts on a sheet: a 180 dpi page image of the overprint."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from printer.emulator.receipt_canvas import decode_text
from printer.glyphs import draw_text, font_for

DPI = 180


@dataclass
class LicenceCanvas:
    fonts: tuple[Path, ...]
    unit: int = 360  # vertical units per inch (ESC ( U)
    width_px: int = round(210 / 25.4 * DPI)
    height_px: int = round(297 / 25.4 * DPI)
    x_px: int = 0
    y_px: int = 0
    point: float = 10.5
    chinese: bool = False
    lines: list[str] = field(default_factory=list)
    _page: Image.Image | None = None

    @property
    def page(self) -> Image.Image:
        if self._page is None:
            self._page = Image.new("L", (self.width_px, self.height_px), 255)
        return self._page

    @property
    def empty(self) -> bool:
        return self._page is None

    def paper(self, width_units: int, height_units: int) -> None:
        if self._page is None:  # the sheet size is fixed once something is on it
            self.width_px = round(width_units / self.unit * DPI)
            self.height_px = round(height_units / self.unit * DPI)

    def set_y(self, units: int) -> None:
        self.y_px = round(units / self.unit * DPI)

    def set_x(self, sixtieths: int) -> None:
        self.x_px = round(sixtieths / 60 * DPI)

    def text(self, raw: bytes) -> None:
        text = decode_text(raw, self.chinese)
        px = max(4, round(self.point / 72 * DPI))
        draw = ImageDraw.Draw(self.page)
        x = self.x_px
        for ch in text:  # a fixed-pitch Chinese printer font: 1 em for CJK, half for ASCII
            cell = px if not ch.isascii() else px // 2
            font = font_for(ch, self.fonts, px)
            glyph = int(font.getlength(ch)) if font is not None else px
            draw_text(draw, (x + max(0, (cell - glyph) // 2), self.y_px), ch, self.fonts, px)
            x += cell
        self.x_px = x
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
        if m < 32 or per_column != 3:  # only 180 dpi images are drawn at their true size
            band = band.resize((columns, dots))
        self.page.paste(band, (self.x_px, self.y_px), band.point(lambda v: 255 - v))
        self.x_px += columns
