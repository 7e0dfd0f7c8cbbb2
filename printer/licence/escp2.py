"""The licence overprint in ESC/P2, top to bottom in one pass.

Every command below is from Epson's "ESC/P Reference Manual" (ESC/P2 command set; sections named
beside each). Rules the job keeps, because a real impact printer enforces them:
- Units: `ESC ( U` sets the unit to m/3600 inch; in ESC/P2 `ESC ( V`, `ESC $` and `ESC ( C` all
  count in it ("ESC ( U Set unit"). This job uses m = 10: 1/360 inch everywhere.
- No upward move: `ESC ( V` is ignored for a move more than 179/360 inch up, and for any upward
  move after graphics on the current line ("ESC ( V Set absolute vertical print position").
  So text lines, the QR code's 24-dot bands and images of missing characters are emitted sorted
  by vertical position, and the two columns are interleaved by it.
- Fonts: `ESC X` point sizes are Epson's listed ones only (10.5, and 8 to 32 in steps of 2;
  "ESC X Select font by pitch and point"); Hanzi print in the printer's resident font whatever
  ESC X says, which is why placement measures text in that font's cells.
- Nothing outside the printable width: `check_fit` refuses a layout that reaches past it.
A character the resident font lacks (4-byte GB18030, e.g. 㙟) goes as a 24-dot bit image
(`ESC * 39`, "ESC * Select bit image") of the same 24 dots as the text around it.
"""

from __future__ import annotations

from pathlib import Path

import qrcode
from PIL import Image

from printer.glyphs import render_line
from printer.licence.escp2_fit import check_fit  # noqa: F401 - re-exported for callers
from printer.licence.layout import StockLayout
from printer.licence.placement import Placement, cells, units
from printer.licence.profiles import DPI, UNITS, LicenceProfile

ESC, FS = 0x1B, 0x1C
FORM_FEED = b"\x0c"  # FF: eject the sheet ("FF Form feed")
UNIT_TENTHS = 10  # ESC ( U m=10: 10/3600 = 1/360 inch
BAND = 24  # dots per ESC * 39 band
BAND_UNITS = BAND * UNITS // DPI  # 48/360 inch
LISTED_POINTS = (8.0, 10.0, 10.5, *range(12, 33, 2))  # ESC X: the sizes Epson lists
LATIN_POINT = 10.5  # listed; matches the 24-dot (9.6 pt) Hanzi cell best
HALF_CELL_PITCH = 24  # ESC X m=24: 360/24 = 15 cpi, half a 24-dot (1/7.5 inch) Hanzi cell


def vertical(n: int) -> bytes:
    """ESC ( V 02 00 mL mH: absolute vertical position from top-of-form, in the ESC ( U unit."""
    return bytes([ESC, 0x28, 0x56, 0x02, 0x00, n & 0xFF, n >> 8])


def horizontal(n: int) -> bytes:
    """ESC $ nL nH: absolute horizontal position from the left margin, in the ESC ( U unit."""
    return bytes([ESC, 0x24, n & 0xFF, n >> 8])


def font(point: float, pitch_m: int) -> bytes:
    """ESC X m nL nH: m = 360/cpi (m >= 5), size in half points; only listed sizes."""
    if point not in LISTED_POINTS:
        raise ValueError(f"ESC X {point} pt is not a size Epson lists")
    n = round(point * 2)
    return bytes([ESC, 0x58, pitch_m, n & 0xFF, n >> 8])


def setup(layout: StockLayout) -> bytes:
    page = units(layout.height_mm - layout.top_of_form_mm)
    return b"".join([
        bytes([ESC, 0x40]),  # ESC @ Initialize printer
        bytes([ESC, 0x28, 0x55, 0x01, 0x00, UNIT_TENTHS]),  # ESC ( U: 1/360 inch
        bytes([ESC, 0x28, 0x43, 0x02, 0x00, page & 0xFF, page >> 8]),  # ESC ( C page length
        bytes([FS, 0x26]),  # FS & Hanzi mode (Chinese models; printers differ after ESC @)
        font(LATIN_POINT, HALF_CELL_PITCH),
    ])


def bands(image: Image.Image) -> list[tuple[int, bytes]]:
    """A 1-bit image (0 = black) as ESC * 39 bands: (offset from its top in 1/360 inch, bytes)."""
    mono = image.convert("1")
    pixels = mono.load()
    out = []
    for top in range(0, mono.height, BAND):
        columns = bytearray()
        for x in range(mono.width):
            for byte_index in range(3):
                value = 0
                for bit in range(8):
                    y = top + byte_index * 8 + bit
                    if y < mono.height and pixels[x, y] == 0:
                        value |= 0x80 >> bit
                columns.append(value)
        cmd = bytes([ESC, 0x2A, 39, mono.width & 0xFF, mono.width >> 8]) + bytes(columns)
        out.append((top * UNITS // DPI, cmd))
    return out


def qr_image(data: str, size_mm: float) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    module = max(1, round(size_mm / 25.4 * DPI / len(matrix)))
    image = Image.new("1", (len(matrix) * module, len(matrix) * module), 1)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                image.paste(0, (c * module, r * module, (c + 1) * module, (r + 1) * module))
    return image


def in_font(ch: str) -> bool:
    """Does the resident font have it: ASCII, or a 2-byte GB18030 (GBK area) character."""
    if ch < "\x80":
        return " " <= ch != "\x7f"
    try:
        return len(ch.encode("gb18030")) == 2
    except UnicodeEncodeError:
        return False


def _text_items(text: str, x: int, y: int, profile: LicenceProfile,
                fonts: tuple[Path, ...]) -> list[tuple[int, int, bytes]]:
    items: list[tuple[int, int, bytes]] = []
    half = profile.cell_units / 2
    segment, seg_x = "", x
    for ch in text + "\0":
        if ch != "\0" and in_font(ch):
            segment += ch
            continue
        if segment:
            items.append((y, seg_x, segment.encode("gb18030")))
            seg_x += round(cells(segment) * 2 * half)
            segment = ""
        if ch == "\0":
            break
        if ch < " " or ch == "\x7f":
            continue  # a control character is never sent as a command
        glyph = render_line(ch, fonts, profile.hanzi_dots, profile.hanzi_dots, align=None)
        image = Image.new("1", (profile.hanzi_dots, profile.hanzi_dots), 1)
        image.paste(glyph.crop((0, 0, profile.hanzi_dots, profile.hanzi_dots)), (0, 0))
        for offset, cmd in bands(image):
            items.append((y + offset, seg_x, cmd))
        seg_x += profile.cell_units
    return items


def encode_overprint(placement: Placement, layout: StockLayout, profile: LicenceProfile,
                     fonts: tuple[Path, ...]) -> bytes:
    """The job's bytes: set-up, then every item in vertical order (then left to right), FF."""
    items: list[tuple[int, int, bytes]] = []
    for run in placement.runs:
        items += _text_items(run.text, run.x, run.y, profile, fonts)
    qr = qr_image(placement.qr_data, layout.qr.size_mm)
    for offset, cmd in bands(qr):
        items.append((units(layout.qr.y) + offset, units(layout.qr.x), cmd))
    origin_x, top = units(layout.origin_x_mm), units(layout.top_of_form_mm)
    out = bytearray(setup(layout))
    for y, x, payload in sorted(items, key=lambda item: (item[0], item[1])):
        out += vertical(y - top) + horizontal(x - origin_x) + payload
    out += FORM_FEED
    return bytes(out)
