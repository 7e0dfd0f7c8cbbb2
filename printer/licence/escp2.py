"""The licence overprint in ESC/P2: absolute positions, Chinese mode, images as 24-dot bit images.

Units: vertical positions in 1/360 inch (set by ESC ( U), horizontal in 1/60 inch (ESC $), bit
images at 180 dpi in 24-dot bands (ESC * 39), each band placed absolutely so nothing depends on
line spacing. Only the variable fields are sent: the stock's frame, title and labels are printed.
"""

from __future__ import annotations

from pathlib import Path

import qrcode
from PIL import Image

from printer.escpos.encoder import clean, is_native
from printer.glyphs import avoid_realtime, render_line
from printer.licence.layout import StockLayout
from printer.licence.placement import PT_MM, Placement, em_width
from printer.settings import PrinterProfile

ESC, FS = 0x1B, 0x1C
V_UNITS = 360  # per inch, ESC ( U 01 00 0A
H_UNITS = 60  # per inch, ESC $
DPI = 180  # ESC * 39: 24-dot triple density
STATUS_REQUEST = bytes([ESC, 0x6A])  # PR2 "ESC j"
CLEAR_BUFFERS = bytes([0x10, 0x05, 0x02])
FORM_FEED = b"\x0c"


def _units(mm: float, per_inch: int) -> int:
    return max(0, round(mm / 25.4 * per_inch))


def vertical(mm: float) -> bytes:
    n = _units(mm, V_UNITS)
    if n & 0xFF == 0x10 and n >> 8 in (0x04, 0x05):
        n += 1  # 1/360 inch lower rather than send 10 04 / 10 05, a real-time request
    return bytes([ESC, 0x28, 0x56, 0x02, 0x00, n & 0xFF, n >> 8])


def horizontal(mm: float) -> bytes:
    n = _units(mm, H_UNITS)
    return bytes([ESC, 0x24, n & 0xFF, n >> 8])


def point_size(pt: float) -> bytes:
    n = round(pt * 2)  # ESC X m nL nH: size in half points
    return bytes([ESC, 0x58, 0x00, n & 0xFF, n >> 8])


def setup(layout: StockLayout) -> bytes:
    w, h = _units(layout.width_mm, V_UNITS), _units(layout.height_mm, V_UNITS)
    return b"".join([
        bytes([ESC, 0x40, FS, 0x26]),  # initialise, then Chinese mode (printers differ after ESC @)
        bytes([ESC, 0x28, 0x55, 0x01, 0x00, 0x0A]),  # unit 10/3600 = 1/360 inch
        bytes([ESC, 0x28, 0x53, 0x08, 0x00]) + w.to_bytes(4, "little") + h.to_bytes(4, "little"),
        bytes([ESC, 0x28, 0x43, 0x02, 0x00, h & 0xFF, h >> 8]),  # page length
    ])


def bit_image(image: Image.Image, x_mm: float, y_mm: float) -> bytes:
    """A 1-bit image (0 = black) at 180 dpi as 24-dot bands, each absolutely positioned."""
    mono = image.convert("1")
    out = bytearray()
    pixels = mono.load()
    for top in range(0, mono.height, 24):
        columns = bytearray()
        for x in range(mono.width):
            for byte_index in range(3):
                value = 0
                for bit in range(8):
                    y = top + byte_index * 8 + bit
                    if y < mono.height and pixels[x, y] == 0:
                        value |= 0x80 >> bit
                columns.append(value)
        out += vertical(y_mm + top * 25.4 / DPI) + horizontal(x_mm)
        out += bytes([ESC, 0x2A, 39, mono.width & 0xFF, mono.width >> 8])
        out += avoid_realtime(bytes(columns))
    return bytes(out)


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


def encode_overprint(placement: Placement, layout: StockLayout, profile: PrinterProfile) -> bytes:
    fonts: tuple[Path, ...] = (profile.font_path, *profile.fallback_fonts)
    out = bytearray(setup(layout))
    for run in placement.runs:
        x = run.x
        segment = ""
        for ch in clean(run.text) + "\0":
            if ch != "\0" and is_native(ch, profile):
                segment += ch
                continue
            if segment:
                out += vertical(run.y) + horizontal(x) + point_size(run.size_pt)
                out += segment.encode("gb18030")
                x += em_width(segment) * run.size_pt * PT_MM
                segment = ""
            if ch != "\0":  # outside the printer's font: an image of the character
                px = round(run.size_pt / 72 * DPI)
                glyph = render_line(ch, fonts, px * 2, px, align=None)
                out += bit_image(glyph, x, run.y)
                x += run.size_pt * PT_MM
    out += bit_image(qr_image(placement.qr_data, layout.qr.size_mm), layout.qr.x, layout.qr.y)
    out += FORM_FEED
    return bytes(out)
