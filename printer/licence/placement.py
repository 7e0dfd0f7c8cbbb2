"""Placing a licence's text on its stock in the printer's own font: wrap, never shrink.

The printer sets Hanzi from its resident fixed font (LicenceProfile.cell_mm wide and high) and
ASCII at half that width; the PDF uses the same cell so both break lines at the same place.
Positions are kept in the printer's unit, 1/360 inch (ESC ( U), measured from the sheet's
top-left corner; the encoder subtracts the stock's origin and top-of-form.
A value that does not fit its column even wrapped is reported, and the licence is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from printer.licence.data import LicenceData, chinese_date
from printer.licence.layout import Column, Spot, StockLayout
from printer.licence.profiles import UNITS, LicenceProfile

PITCH_UNITS = 60  # line pitch 1/6 inch: a 24-dot (48/360) Hanzi and 12/360 of leading
ROW_GAP_UNITS = 30  # between two rows of a column
# Wrapping is never allowed just before these (Chinese line-breaking rules, GB/T 15834).
NO_LINE_START = set("，。、；：？！）》」』】,.;:?!)%")


def units(mm: float) -> int:
    return round(mm / 25.4 * UNITS)


def mm_of(n: int) -> float:
    return n * 25.4 / UNITS


@dataclass(frozen=True)
class TextRun:
    """One line of text: top-left at (x, y) in 1/360 inch from the sheet's top-left."""

    field: str
    text: str
    x: int
    y: int


@dataclass(frozen=True)
class Placement:
    runs: tuple[TextRun, ...]
    qr_data: str
    overflowing: tuple[str, ...]  # fields that do not fit even wrapped


def cells(text: str) -> float:
    """Width in Hanzi cells: a Hanzi is one cell, an ASCII character half of one."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def wrap_cells(text: str, width_cells: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and cells(line + ch) > width_cells and ch not in NO_LINE_START:
            lines.append(line)
            line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


def _column(rows: list[tuple[str, str]], col: Column, profile: LicenceProfile,
            runs: list[TextRun], overflowing: list[str]) -> None:
    y = units(col.top)
    width = col.w / profile.cell_mm
    for label, value in rows:
        lines = wrap_cells(value, width) or [""]
        runs.append(TextRun(label, label, units(col.x), y))
        for i, line in enumerate(lines):
            if line:
                runs.append(TextRun(label, line, units(col.value_x), y + i * PITCH_UNITS))
        bottom = y + (len(lines) - 1) * PITCH_UNITS + profile.cell_units
        if bottom > units(col.bottom):
            overflowing.append(label.replace("　", ""))
        y += len(lines) * PITCH_UNITS + ROW_GAP_UNITS


def _spot(label: str, value: str, spot: Spot, profile: LicenceProfile, runs: list[TextRun],
          overflowing: list[str], field: str) -> None:
    runs.append(TextRun(field, label, units(spot.x), units(spot.y)))
    # A value that starts under its label goes on the line below it.
    below = PITCH_UNITS if spot.value_x < spot.x + cells(label) * profile.cell_mm else 0
    lines = wrap_cells(value, spot.w / profile.cell_mm)
    if len(lines) > 1:
        overflowing.append(field)
    for i, line in enumerate(lines):
        runs.append(TextRun(field, line, units(spot.value_x), units(spot.y) + below + i * PITCH_UNITS))


def place(licence: LicenceData, layout: StockLayout, profile: LicenceProfile) -> Placement:
    runs: list[TextRun] = []
    overflowing: list[str] = []
    _spot("统一社会信用代码", licence.credit_code, layout.credit_code, profile, runs, overflowing,
          "credit_code")
    left, right = licence.rows()
    _column(left, layout.left, profile, runs, overflowing)
    _column(right, layout.right, profile, runs, overflowing)
    _spot("登记机关", licence.authority, layout.authority, profile, runs, overflowing, "authority")
    issued = layout.authority
    runs.append(TextRun("issued", chinese_date(licence.issued), units(issued.value_x),
                        units(issued.y) + 2 * PITCH_UNITS))
    return Placement(tuple(runs), licence.verify_url, tuple(overflowing))
