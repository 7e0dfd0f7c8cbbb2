"""The licence as a PDF: a copy for checking, and the technician's alignment check.

It is NOT the legal electronic business licence (电子营业执照), which only the registration
authority issues; the page says so in its margin. It draws the stock's pre-printed parts and
then the overprinted text at the same positions and in the same cells as the printer (the Mono
face of the CJK font: Hanzi one cell, ASCII half), with the font embedded so the PDF reads anywhere.
A character the font lacks (a rare name character in CJK Extension A) is drawn as an image
rendered from a fallback font, so it is never blank or a "?".
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas as pdf_canvas

from printer.glyphs import draw_text
from printer.licence.data import LicenceData
from printer.licence.layout import StockLayout, load_layout
from printer.licence.placement import mm_of, place, wrap_cells
from printer.licence.profiles import DEFAULT_PROFILE, licence_profile
from printer.settings import DEFAULT_CJK_FONT, DEFAULT_FALLBACK_FONTS, DEFAULT_LAYOUT_DIR

PT_MM = 25.4 / 72
COPY_NOTE = ("核对用副本，不是电子营业执照，不具法律效力",
             "Copy for checking only: not the legal electronic business licence")

ASCENT = 0.86  # WenQuanYi Micro Hei's ascent in em: the baseline sits this far below the top


class FontMissing(OSError):
    """The configured CJK font cannot be read; the message names the path to fix."""


def _register(font_path: Path, face: int = 0) -> tuple[str, TTFont]:
    name = "CJK" + hashlib.sha1(f"{font_path}#{face}".encode()).hexdigest()[:8]
    try:
        return name, pdfmetrics.getFont(name)
    except KeyError:
        try:
            font = TTFont(name, str(font_path), subfontIndex=face)
        except TTFError as exc:
            raise FontMissing(f"CJK TrueType font unusable: {font_path} ({exc}); "
                              "set the printer font_path in config.toml") from exc
        pdfmetrics.registerFont(font)
        return name, font


class _Writer:
    def __init__(self, c: pdf_canvas.Canvas, layout: StockLayout, font_path: Path,
                 fallback_fonts: tuple[Path, ...]):
        self.c = c
        self.height = layout.height_mm
        self.font_name, self.font = _register(font_path)
        # The Mono face (index 1 of WenQuanYi Micro Hei) sets ASCII in half a Hanzi cell, as the
        # printer does; a font without one falls back to the main face.
        try:
            self.mono_name, self.mono = _register(font_path, 1)
        except FontMissing:
            self.mono_name, self.mono = self.font_name, self.font
        self.image_fonts = (font_path, *fallback_fonts)

    def text(self, text: str, x_mm: float, top_mm: float, size_pt: float, mono: bool = False) -> None:
        """Draw one line with its top-left at (x, top) in mm from the sheet's top-left."""
        baseline = (self.height - top_mm) * mm - size_pt * ASCENT
        x = x_mm * mm
        segment = ""
        face = self.mono if mono else self.font
        for ch in text:
            if ord(ch) in face.face.charToGlyph or ch.isspace():
                segment += ch
                continue
            x = self._segment(segment, x, baseline, size_pt, mono)
            segment = ""
            x = self._glyph_image(ch, x, baseline, size_pt)
        self._segment(segment, x, baseline, size_pt, mono)

    def cell_text(self, text: str, x_mm: float, top_mm: float, cell_mm: float) -> None:
        """A line as the printer sets it: each character at its cell, Hanzi 1, ASCII 1/2."""
        self.text(text, x_mm, top_mm, cell_mm / PT_MM, mono=True)

    def _segment(self, text: str, x: float, baseline: float, size_pt: float, mono: bool) -> float:
        if not text:
            return x
        name = self.mono_name if mono else self.font_name
        self.c.setFont(name, size_pt)
        self.c.drawString(x, baseline, text)
        return x + pdfmetrics.stringWidth(text, name, size_pt)

    def _glyph_image(self, ch: str, x: float, baseline: float, size_pt: float) -> float:
        px = 96  # rendered large, then scaled to size: crisp at print resolution
        image = Image.new("L", (px, px), 255)
        draw_text(ImageDraw.Draw(image), (0, 0), ch, self.image_fonts, px)
        self.c.drawImage(ImageReader(image.convert("RGB")), x, baseline - size_pt * (1 - ASCENT),
                         width=size_pt, height=size_pt, mask=[250, 255, 250, 255, 250, 255])
        return x + size_pt


def _fixed_parts(w: _Writer, layout: StockLayout) -> None:
    c = w.c
    for frame in layout.frames:
        c.setLineWidth(frame.line_mm * mm)
        c.rect(frame.x * mm, (layout.height_mm - frame.y - frame.h) * mm, frame.w * mm, frame.h * mm)
    for t in layout.fixed_texts:
        lines = wrap_cells(t.text, t.w / (t.size_pt * PT_MM)) if t.w else [t.text]
        for i, line in enumerate(lines):
            top = t.y + i * t.size_pt * PT_MM * 1.25
            if t.align == "center":
                width_mm = pdfmetrics.stringWidth(line, w.font_name, t.size_pt) / mm
                w.text(line, t.x - width_mm / 2, top, t.size_pt)
            else:
                w.text(line, t.x, top, t.size_pt)


def _qr(c: pdf_canvas.Canvas, layout: StockLayout, data: str) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    module = layout.qr.size_mm / len(matrix)
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for col, dark in enumerate(row):
            if dark:
                x = layout.qr.x + col * module
                y = layout.height_mm - (layout.qr.y + (r + 1) * module)
                c.rect(x * mm, y * mm, module * mm + 0.01, module * mm + 0.01, stroke=0, fill=1)


def render_licence_pdf(
    licence: LicenceData,
    stock: str = "A4",
    out: Path | None = None,
    font_path: Path = DEFAULT_CJK_FONT,
    layout_dir: Path = DEFAULT_LAYOUT_DIR,
    fallback_fonts: tuple[Path, ...] = DEFAULT_FALLBACK_FONTS,
    profile: str = DEFAULT_PROFILE,
) -> bytes:
    """The licence on `stock` as PDF bytes (also written to `out` when given).

    Raises LayoutError for a missing or malformed layout, FontMissing (an OSError) for a font.
    """
    layout = load_layout(stock, layout_dir)
    buffer = io.BytesIO()
    c = pdf_canvas.Canvas(buffer, pagesize=(layout.width_mm * mm, layout.height_mm * mm))
    c.setTitle(f"营业执照（核对用副本） {licence.credit_code}")
    c.setSubject(f"{COPY_NOTE[0]} / {COPY_NOTE[1]}")
    c.setAuthor(licence.authority)
    writer = _Writer(c, layout, Path(font_path), tuple(fallback_fonts))
    _fixed_parts(writer, layout)
    model = licence_profile(profile)
    placement = place(licence, layout, model)
    for run in placement.runs:
        writer.cell_text(run.text, mm_of(run.x), mm_of(run.y), model.cell_mm)
    c.setFillColorRGB(0.35, 0.35, 0.35)
    writer.text(f"{COPY_NOTE[0]}  {COPY_NOTE[1]}", 12, 2.5, 7)
    c.setFillColorRGB(0, 0, 0)
    _qr(c, layout, placement.qr_data)
    c.showPage()
    c.save()
    data = buffer.getvalue()
    if out is not None:
        Path(out).write_bytes(data)
    return data
