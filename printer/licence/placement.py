"""Placing a licence's text into its layout boxes: wrapping, shrinking, and saying when it won't fit.

Text is measured in character cells, as both the printer's Chinese font and the PDF's CJK font
set it: a Chinese character is one em wide, an ASCII character half an em. Using the same measure
for both outputs keeps their line breaks identical.
"""

from __future__ import annotations

from dataclasses import dataclass

from printer.licence.data import LicenceData
from printer.licence.layout import FieldBox, StockLayout

PT_MM = 25.4 / 72
LINE_GAP = 1.3  # line pitch as a multiple of the font size: dense but legible for scope text
# Wrapping is never allowed just before these (Chinese line-breaking rules, GB/T 15834).
NO_LINE_START = set("，。、；：？！）》」』】,.;:?!)%")


@dataclass(frozen=True)
class TextRun:
    """One line of text: top-left at (x, y) mm, font size in points."""

    field: str
    text: str
    x: float
    y: float
    size_pt: float


@dataclass(frozen=True)
class Placement:
    runs: tuple[TextRun, ...]
    qr_data: str
    overflowing: tuple[str, ...]  # fields that did not fit even at their smallest size


def em_width(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def wrap_em(text: str, width_em: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and em_width(line + ch) > width_em and ch not in NO_LINE_START:
            lines.append(line)
            line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


def fit(text: str, box: FieldBox) -> tuple[list[str], float, bool]:
    """Lines and size that fit the box; shrink by 0.5 pt steps down to min_pt."""
    size = box.size_pt
    smallest = box.min_pt or box.size_pt
    while True:
        lines = wrap_em(text, box.w / (size * PT_MM))
        height = size * PT_MM * (1 + LINE_GAP * (len(lines) - 1))
        if height <= box.h + 0.01 or size - 0.5 < smallest:
            return lines, size, height <= box.h + 0.01
        size -= 0.5


def place(licence: LicenceData, layout: StockLayout) -> Placement:
    runs: list[TextRun] = []
    overflowing: list[str] = []
    for name, text in licence.field_values().items():
        box = layout.fields.get(name)
        if box is None or not text:
            continue
        lines, size, fits = fit(text, box)
        if not fits:
            overflowing.append(name)
        pitch = size * PT_MM * LINE_GAP
        runs += [TextRun(name, line, box.x, box.y + i * pitch, size) for i, line in enumerate(lines)]
    return Placement(tuple(runs), licence.verify_url, tuple(overflowing))
