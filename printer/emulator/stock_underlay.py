"""The pre-printed stock drawn faintly under the virtual licence printer's page.

A real overprint lands on security stock that already carries the frame, title and labels; the
virtual printer draws those in light grey from the same layout file, so the PNG shows what the
citizen will hold and whether the fields sit where the stock expects them.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from printer.glyphs import draw_text, text_width
from printer.licence.layout import LayoutError, StockLayout, load_layout
from printer.licence.placement import wrap_cells

PT_MM = 25.4 / 72

GREY = 170


def stock_by_height(height_mm: float, layout_dir: Path) -> StockLayout | None:
    """The layout whose sheet (less its top-of-form) matches the page length set (ESC ( C)."""
    for name in ("A4", "A3"):
        try:
            layout = load_layout(name, layout_dir)
        except LayoutError:
            continue
        if abs(layout.height_mm - layout.top_of_form_mm - height_mm) < 2:
            return layout
    return None


def draw_underlay(page: Image.Image, layout: StockLayout, dpi: int, fonts: tuple[Path, ...]) -> None:
    px_per_mm = dpi / 25.4
    draw = ImageDraw.Draw(page)
    for frame in layout.frames:
        # The line is centred on the frame's path, as the PDF strokes it (reportlab rect):
        # PIL draws an outline inward from the box, so the box grows by half the line.
        width = max(1, round(frame.line_mm * px_per_mm))
        half = width / 2
        box = [round(frame.x * px_per_mm - half), round(frame.y * px_per_mm - half),
               round((frame.x + frame.w) * px_per_mm + half) - 1,
               round((frame.y + frame.h) * px_per_mm + half) - 1]
        draw.rectangle(box, outline=GREY, width=width)
    for text in layout.fixed_texts:
        px = max(6, round(text.size_pt / 72 * dpi))
        lines = wrap_cells(text.text, text.w / (text.size_pt * PT_MM)) if text.w else [text.text]
        for i, line in enumerate(lines):  # wrapped and spaced as the PDF draws them
            x = text.x * px_per_mm
            if text.align == "center":
                x -= text_width(line, fonts, px) / 2
            y = (text.y + i * text.size_pt * PT_MM * 1.25) * px_per_mm
            draw_text(draw, (round(x), round(y)), line, fonts, px, fill=GREY)
