"""What the virtual receipt printer puts on paper: an image 576 dots wide, grown line by line.

It decodes text the way a printer with a 2-byte GB18030 ROM font would: a 4-byte sequence comes
out as "?" here exactly as it would on paper, so an encoder bug shows in the PNG.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw

from printer.glyphs import draw_text, font_for, unpack_bits

LINE_SPACING = 30  # dots: ESC 2 default, 24-dot characters plus 6 dots of leading
CELL_PX = 24
CELL_DOTS = 12
_EC = {0x30: qrcode.constants.ERROR_CORRECT_L, 0x31: qrcode.constants.ERROR_CORRECT_M,
       0x32: qrcode.constants.ERROR_CORRECT_Q, 0x33: qrcode.constants.ERROR_CORRECT_H}


def _qr_modules(data: bytes, module: int, ec: int) -> Image.Image:
    # Four white modules around it: the paper around a printed code is blank too.
    code = qrcode.QRCode(error_correction=_EC.get(ec, _EC[0x31]), box_size=module, border=4)
    code.add_data(data)
    code.make(fit=True)
    return code.make_image().get_image().convert("1")


def decode_text(raw: bytes, chinese: bool) -> str:
    if not chinese:
        return raw.decode("cp437", "replace")
    out: list[str] = []
    i = 0
    while i < len(raw):
        b = raw[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif i + 1 < len(raw) and 0x30 <= raw[i + 1] <= 0x39:
            out.append("?")  # 4-byte GB18030: not in a 2-byte ROM font
            i += 4
        elif i + 1 < len(raw):
            out.append(raw[i : i + 2].decode("gb18030", "replace"))
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)


@dataclass
class Style:
    bold: bool = False
    align: int = 0
    width: int = 1
    height: int = 1
    chinese: bool = False


@dataclass
class ReceiptCanvas:
    fonts: tuple[Path, ...]
    width: int = 576
    rows: list[Callable[[], Image.Image]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # decoded text lines, for tests and humans
    qr_payloads: list[str] = field(default_factory=list)
    style: Style = field(default_factory=Style)
    _segments: list[tuple[bytes, Style]] = field(default_factory=list)
    _qr_data: bytes = b""
    _qr_module: int = 3
    _qr_ec: int = 0x31

    @property
    def empty(self) -> bool:
        return not self.rows and not self._segments

    def reset_style(self) -> None:
        chinese = self.style.chinese  # ESC @ leaves the Chinese mode as the model keeps it
        self.style = Style(chinese=chinese)

    def add_text(self, raw: bytes) -> None:
        s = self.style
        style = Style(s.bold, s.align, s.width, s.height, s.chinese)
        if self._segments and self._segments[-1][1] == style:
            # One run of text may arrive in several reads, even mid-character: join it again.
            self._segments[-1] = (self._segments[-1][0] + raw, style)
        else:
            self._segments.append((raw, style))

    def line_feed(self) -> None:
        if not self._segments:
            self.feed_dots(LINE_SPACING)
            return
        text_parts = [(decode_text(raw, st.chinese), st) for raw, st in self._segments]
        self._segments = []
        self.rows.append(lambda: self._text_row(text_parts))
        self.lines.append("".join(t for t, _ in text_parts))

    def _text_row(self, text_parts: list[tuple[str, Style]]) -> Image.Image:
        tallest = max(st.height for _, st in text_parts)
        row = Image.new("L", (self.width, CELL_PX * tallest + 6), 255)
        draw = ImageDraw.Draw(row)
        widths = [self._width(t, st) for t, st in text_parts]
        total = sum(widths)
        align = text_parts[0][1].align
        x = {0: 0, 1: (self.width - total) // 2, 2: self.width - total}[align]
        for (text, st), w in zip(text_parts, widths, strict=True):
            self._draw(row, draw, x, CELL_PX * (tallest - st.height), text, st)
            x += w
        return row.convert("1")

    @staticmethod
    def _width(text: str, st: Style) -> int:
        # The ROM font is monospaced: 12-dot cells for ASCII, 24 for CJK (Font A), times the size.
        return sum(CELL_DOTS * (1 if ch < "\x80" else 2) * st.width for ch in text)

    def _draw(self, row, draw, x, y, text, st) -> None:
        px = CELL_PX * st.height
        part = Image.new("L", (self._width(text, Style(width=st.height)) + 2, px + 2), 255)
        part_draw = ImageDraw.Draw(part)
        cx = 0
        for ch in text:
            cell = CELL_DOTS * (1 if ch < "\x80" else 2) * st.height
            font = font_for(ch, self.fonts, px)
            glyph = int(font.getlength(ch)) if font is not None else px
            draw_text(part_draw, (cx + max(0, (cell - glyph) // 2), 0), ch, self.fonts, px, st.bold)
            cx += cell
        if st.width != st.height:
            part = part.resize((max(1, part.width * st.width // st.height), part.height))
        row.paste(part, (x, y))

    def feed_dots(self, dots: int) -> None:
        if dots > 0:
            self.rows.append(lambda: Image.new("1", (self.width, dots), 1))

    def raster(self, width_bytes: int, rows: int, data: bytes) -> None:
        self._flush_partial_line()
        align = self.style.align
        self.rows.append(lambda: self._placed(unpack_bits(width_bytes, rows, data), align))

    def qr(self, op: str, value) -> None:
        if op == "module":
            self._qr_module = max(1, min(16, value))
        elif op == "ec":
            self._qr_ec = value
        elif op == "store":
            self._qr_data = value
        elif op == "print":
            self._flush_partial_line()
            data, module, ec, align = self._qr_data, self._qr_module, self._qr_ec, self.style.align
            self.rows.append(lambda: self._placed(_qr_modules(data, module, ec), align))
            self.qr_payloads.append(self._qr_data.decode("utf-8", "replace"))

    def _placed(self, image: Image.Image, align: int) -> Image.Image:
        row = Image.new("1", (self.width, image.height), 1)
        x = {0: 0, 1: (self.width - image.width) // 2, 2: self.width - image.width}[align]
        row.paste(image.crop((0, 0, min(image.width, self.width), image.height)), (max(0, x), 0))
        return row

    def _flush_partial_line(self) -> None:
        if self._segments:
            self.line_feed()

    def cut(self, feed_lines: int) -> None:
        self._flush_partial_line()
        self.feed_dots(feed_lines * LINE_SPACING)
        self.rows.append(self._cut_row)

    def _cut_row(self) -> Image.Image:
        row = Image.new("1", (self.width, 24), 1)
        draw = ImageDraw.Draw(row)
        for x in range(40, self.width, 16):
            draw.line([(x, 12), (x + 8, 12)], fill=0, width=2)
        draw_text(draw, (4, 0), "cut", self.fonts, 14)
        return row

    def image(self) -> Image.Image:
        """Render the page. Rows are kept as recipes so the engine answers GS r at line speed."""
        rows = [make() for make in self.rows]
        height = sum(r.height for r in rows) + 16
        page = Image.new("1", (self.width + 32, height), 1)
        y = 8
        for r in rows:
            page.paste(r, (16, y))
            y += r.height
        return page
