"""The licence alignment page: the stock's frame, crosshairs and rulers, printed on PLAIN paper.

The technician prints it on a plain sheet, lays it over a blank pre-printed stock sheet against
the light, and reads how far the printed lines lie from the stock's. Everything on it is placed
with the arithmetic `encode_overprint` uses (sheet millimetres, less `origin_x_mm` /
`top_of_form_mm`, in 1/360 inch), so what is off here is off by the same amount on a licence.

Sign convention (from the encoder: a part at sheet x is sent to `x - origin_x_mm`, so it lands at
the printer's true first column plus that): if the printed lines lie d mm RIGHT of the stock's,
the printer's first column is d mm further right than configured, so RAISE `origin_x_mm` by d;
d mm LEFT, lower it by d. Likewise d mm BELOW: raise `top_of_form_mm` by d; ABOVE: lower it.

Content, in ESC/P2 as in printer/licence/escp2.py (Epson "ESC/P Reference Manual"):
- the stock's frames (`layout.frames`) as outlines on the frame's path (the PDF strokes the
  same path), the mm ruler along frame 1's top and left edges (a tick every 5 mm, longer every
  10 mm, outside the frame), and a crosshair with 10 mm arms at every overprinted part's anchor
  (credit code, the two column tops, the authority, the QR box's four corners);
- all of it as SPARSE `ESC * 39` bit images ("ESC * Select bit image", 24 dots a band at 180 dpi):
  per 24-dot band only the runs of columns that carry ink, each after its own `ESC $`, never a
  full-width empty band; anything outside the printable width (or above top-of-form) is left out;
- text in the resident font (GB18030, `FS &`): the title, the stock, the configured origin and
  top-of-form, and the instruction in both languages;
- every item sorted top to bottom (no upward move ever), then `FF`.

Size on epson-lq-136 with the shipped layouts (test_printer_alignment bounds it at 60 kB):
A4 37,004 bytes, i.e. 3.2 s of wire time at 115200 baud and 38.5 s at 9600 baud (8N1, 10 bits a
byte); A3 43,283 bytes, 3.8 s / 45 s. Most of it is the frames' horizontal edges (3 bytes a
column, ~2,000 columns an edge). On A3 the frame's sides lie outside the 345 mm the printer
reaches (origin 38 mm) and are left out, so A3's horizontal offset is read from the crosshairs
and the top ruler only.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from printer.licence.escp2 import BAND, ESC, FORM_FEED, _text_items, horizontal, setup, vertical
from printer.licence.layout import StockLayout
from printer.licence.placement import PITCH_UNITS, units, wrap_cells
from printer.licence.profiles import DPI, UNITS, LicenceProfile

LINE_DOTS = 3  # 3/180 inch = 0.42 mm: a line a technician sees against the light, centred
ARM_MM = 10.0  # crosshair arm, each way from the anchor
TICK_MM = (2.0, 4.0)  # ruler ticks: every 5 mm, every 10 mm
RULER_STEP_MM = 5.0
# Merging two runs of one band costs 3 bytes a blank column; a new run costs ESC $ (4) + the
# ESC * header (5): below 3 blank columns, one run is smaller.
MERGE_GAP = 3


def title_lines(layout: StockLayout) -> list[str]:
    """The page's text: what it is, the stock, the configured values and the instruction."""
    f = f"{layout.name}.toml"
    return [
        f"校准页 Alignment page  {layout.name}  {layout.description}",
        f"origin_x_mm = {layout.origin_x_mm:g}    top_of_form_mm = {layout.top_of_form_mm:g}    ({f})",
        "将本页（普通纸）叠在空白执照纸上对光查看，比较打印线条与纸上印好的边框、标尺。",
        f"打印线条比纸上线条偏右 d 毫米：把 {f} 的 origin_x_mm 增加 d；偏左 d 毫米：减少 d。",
        f"打印线条比纸上线条偏下 d 毫米：把 {f} 的 top_of_form_mm 增加 d；偏上 d 毫米：减少 d。",
        "Lay this plain sheet over a blank licence stock sheet against the light and compare "
        "the printed lines with the stock's printed frame and ruler.",
        f"Printed lines d mm RIGHT of the stock's: raise origin_x_mm by d in {f}; "
        "d mm LEFT: lower it by d.",
        f"Printed lines d mm BELOW the stock's: raise top_of_form_mm by d in {f}; "
        "d mm ABOVE: lower it by d.",
    ]


def anchors(layout: StockLayout) -> list[tuple[str, float, float]]:
    """(name, x mm, y mm) of every overprinted part's top-left, and the QR box's corners."""
    q = layout.qr
    return [
        ("credit_code", layout.credit_code.x, layout.credit_code.y),
        ("left", layout.left.x, layout.left.top),
        ("right", layout.right.x, layout.right.top),
        ("authority", layout.authority.x, layout.authority.y),
        ("qr", q.x, q.y),
        ("", q.x + q.size_mm, q.y),
        ("", q.x, q.y + q.size_mm),
        ("", q.x + q.size_mm, q.y + q.size_mm),
    ]


class _Drawing:
    """Lines in sheet millimetres onto a 1-bit 180-dpi image whose (0, 0) is the printer's origin
    (origin_x_mm, top_of_form_mm); the image is exactly the printable width wide, so nothing past
    it can be drawn. Positions go through `units` as the overprint's do."""

    def __init__(self, layout: StockLayout, profile: LicenceProfile):
        self.ox, self.oy = units(layout.origin_x_mm), units(layout.top_of_form_mm)
        width = int(profile.printable_width_mm / 25.4 * DPI)
        height = (units(layout.height_mm) - self.oy) * DPI // UNITS
        self.image = Image.new("1", (width, max(1, height)), 1)  # 1 = white, 0 = ink
        self.draw = ImageDraw.Draw(self.image)

    def _dot_x(self, mm: float) -> float:
        return (units(mm) - self.ox) * DPI / UNITS

    def _dot_y(self, mm: float) -> float:
        return (units(mm) - self.oy) * DPI / UNITS

    def hline(self, x0: float, x1: float, y: float) -> None:
        c = round(self._dot_y(y))
        half = LINE_DOTS // 2
        self.draw.rectangle([round(self._dot_x(x0)), c - half, round(self._dot_x(x1)), c + half], fill=0)

    def vline(self, x: float, y0: float, y1: float) -> None:
        c = round(self._dot_x(x))
        half = LINE_DOTS // 2
        self.draw.rectangle([c - half, round(self._dot_y(y0)), c + half, round(self._dot_y(y1))], fill=0)


def _draw(layout: StockLayout, profile: LicenceProfile) -> Image.Image:
    d = _Drawing(layout, profile)
    for frame in layout.frames:
        x0, y0, x1, y1 = frame.x, frame.y, frame.x + frame.w, frame.y + frame.h
        d.hline(x0, x1, y0)
        d.hline(x0, x1, y1)
        d.vline(x0, y0, y1)
        d.vline(x1, y0, y1)
    if layout.frames:  # the ruler: outside frame 1's top and left edges, 0 at its corner
        f = layout.frames[0]
        steps = int(f.w // RULER_STEP_MM)
        for k in range(1, steps + 1):
            x = f.x + k * RULER_STEP_MM
            d.vline(x, f.y - TICK_MM[k % 2 == 0], f.y)
        for k in range(1, int(f.h // RULER_STEP_MM) + 1):
            y = f.y + k * RULER_STEP_MM
            d.hline(f.x - TICK_MM[k % 2 == 0], f.x, y)
    for _name, x, y in anchors(layout):
        d.hline(x - ARM_MM, x + ARM_MM, y)
        d.vline(x, y - ARM_MM, y + ARM_MM)
    return d.image


def sparse_bands(image: Image.Image) -> list[tuple[int, int, bytes]]:
    """(y, x in 1/360 inch from the printer's origin, ESC * 39 command) for each inked run of
    each 24-dot band; blank bands and blank stretches are not sent at all."""
    width = image.width
    raw = image.tobytes()  # mode "1": rows packed MSB first, 1 = white
    stride = (width + 7) // 8
    items: list[tuple[int, int, bytes]] = []
    for top in range(0, image.height, BAND):
        rows = [int.from_bytes(raw[r * stride:(r + 1) * stride], "big") ^ ((1 << (stride * 8)) - 1)
                for r in range(top, min(top + BAND, image.height))]
        if not any(rows):
            continue
        shift = stride * 8 - 1
        ink_any = 0
        for row in rows:
            ink_any |= row
        columns = [x for x in range(width) if ink_any >> (shift - x) & 1]
        runs: list[list[int]] = []
        for x in columns:
            if runs and x - runs[-1][1] <= MERGE_GAP + 1:
                runs[-1][1] = x
            else:
                runs.append([x, x])
        for start, end in runs:
            data = bytearray()
            for x in range(start, end + 1):
                bit = shift - x
                for byte_index in range(3):
                    value = 0
                    for b in range(8):
                        r = byte_index * 8 + b
                        if r < len(rows) and rows[r] >> bit & 1:
                            value |= 0x80 >> b
                    data.append(value)
            n = end - start + 1
            cmd = bytes([ESC, 0x2A, 39, n & 0xFF, n >> 8]) + bytes(data)
            items.append((top * UNITS // DPI, start * UNITS // DPI, cmd))
    return items


def _text_block(layout: StockLayout, profile: LicenceProfile,
                fonts: tuple[Path, ...]) -> list[tuple[int, int, bytes]]:
    """The text lines, wrapped to the left column's x .. the right column's end (and the
    printable width), from below the left column's crosshair down; positions from the origin."""
    x_mm = layout.left.x
    right_mm = min(layout.right.value_x + layout.right.w,
                   layout.origin_x_mm + profile.printable_width_mm)
    width_cells = (right_mm - x_mm) / profile.cell_mm - 1  # wrap_cells may overrun by one
    y = units(layout.left.top + ARM_MM + 5)
    ox, oy = units(layout.origin_x_mm), units(layout.top_of_form_mm)
    items: list[tuple[int, int, bytes]] = []
    for text in title_lines(layout):
        for line in wrap_cells(text, width_cells):
            items += [(iy - oy, ix - ox, payload)
                      for iy, ix, payload in _text_items(line, units(x_mm), y, profile, fonts)]
            y += PITCH_UNITS
    for name, x, ay in anchors(layout):
        if name:  # a short label below-right of the crosshair's centre
            items += [(iy - oy, ix - ox, payload) for iy, ix, payload
                      in _text_items(name, units(x + 1.5), units(ay + 1.5), profile, fonts)]
    return items


def encode_alignment(layout: StockLayout, profile: LicenceProfile, fonts: tuple[Path, ...]) -> bytes:
    """The alignment page's bytes: set-up, the sparse lines and the text top to bottom, FF.

    The caller checks the layout with `check_fit` first (as for a licence); the drawing itself
    cannot reach past the printable width (the image is that wide) or above top-of-form.
    """
    items = sparse_bands(_draw(layout, profile)) + _text_block(layout, profile, fonts)
    out = bytearray(setup(layout))
    at = None
    for y, x, payload in sorted(items, key=lambda item: (item[0], item[1])):
        if y < 0 or x < 0:
            continue  # above top-of-form or left of the first column: the printer cannot
        if y != at:  # printing moves only across: one ESC ( V per position is enough
            out += vertical(y)
            at = y
        out += horizontal(x) + payload
    out += FORM_FEED
    return bytes(out)
