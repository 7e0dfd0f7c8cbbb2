"""Drawing text into 1-bit images with a CJK font and fallbacks, and packing images for printers.

Used for characters a printer's ROM font cannot print (4-byte GB18030: 㙟, emoji), for the raster
QR fallback, and by the virtual printer to show what it printed. When no installed font has a
glyph, the character is drawn as a box holding its code point (as Unifont does): a clerk can
still read it, and it is never silently a "?".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

_NOT_A_CHAR = "\U0010fffd"  # private use plane 16: no font draws it, so it gives .notdef


@lru_cache(maxsize=32)
def load_font(path: str, px: int) -> ImageFont.FreeTypeFont | None:
    """`path` may name a face inside a collection: "wqy-microhei.ttc#1" is its Mono face."""
    file, _, index = path.partition("#")
    try:
        return ImageFont.truetype(file, px, index=int(index or 0))
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=4096)
def _has_glyph(path: str, px: int, ch: str) -> bool:
    font = load_font(path, px)
    if font is None:
        return False
    if ch.isspace():
        return True
    mask = font.getmask(ch)
    if mask.getbbox() is None:
        return False
    notdef = font.getmask(_NOT_A_CHAR)
    return not (mask.size == notdef.size and bytes(mask) == bytes(notdef))


def font_for(ch: str, fonts: Sequence[Path], px: int) -> ImageFont.FreeTypeFont | None:
    for path in fonts:
        if _has_glyph(str(path), px, ch):
            return load_font(str(path), px)
    return None


def text_width(text: str, fonts: Sequence[Path], px: int) -> int:
    total = 0
    for ch in text:
        font = font_for(ch, fonts, px)
        total += int(font.getlength(ch)) if font is not None else px
    return total


def draw_text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    text: str,
    fonts: Sequence[Path],
    px: int,
    bold: bool = False,
    fill: int = 0,
) -> int:
    """Draw text char by char with the first font that has each glyph; returns the end x."""
    x, y = xy
    for ch in text:
        font = font_for(ch, fonts, px)
        if font is None:
            _draw_codepoint_box(draw, (x, y), ch, fonts, px, fill)
            x += px
            continue
        draw.text((x, y), ch, font=font, fill=fill, stroke_width=1 if bold else 0,
                  stroke_fill=fill)
        x += int(font.getlength(ch))
    return x


def _draw_codepoint_box(draw, xy, ch, fonts, px, fill) -> None:
    x, y = xy
    draw.rectangle([x + 1, y + 1, x + px - 2, y + px - 2], outline=fill)
    digits = f"{ord(ch):06X}" if ord(ch) > 0xFFFF else f"{ord(ch):04X}"
    half = len(digits) // 2
    small = max(6, px // 3)
    font = next((f for f in (load_font(str(p), small) for p in fonts) if f is not None), None)
    if font is None:
        return
    draw.text((x + 3, y + 2), digits[:half], font=font, fill=fill)
    draw.text((x + 3, y + 2 + px // 2 - 1), digits[half:], font=font, fill=fill)


def render_line(
    text: str,
    fonts: Sequence[Path],
    width_dots: int,
    cell_px: int,
    x_scale: int = 1,
    y_scale: int = 1,
    bold: bool = False,
    align: int | None = 0,
) -> Image.Image:
    """One printed line as a 1-bit image (0 = black, as Pillow's "1" mode).

    With an alignment it is `width_dots` wide with the text placed; with align=None it is only as
    wide as the text (capped at width_dots), for a printer that aligns images itself (ESC a).
    """
    px = cell_px * y_scale
    natural = Image.new("L", (max(1, text_width(text, fonts, px)) + 2, px + 2), 255)
    draw_text(ImageDraw.Draw(natural), (0, 0), text, fonts, px, bold)
    if x_scale != y_scale:
        natural = natural.resize((max(1, natural.width * x_scale // y_scale), natural.height))
    natural = natural.crop((0, 0, min(natural.width, width_dots), natural.height))
    if align is None:
        return natural.point(lambda v: 0 if v < 160 else 255).convert("1")
    line = Image.new("L", (width_dots, natural.height), 255)
    offset = {0: 0, 1: (width_dots - natural.width) // 2, 2: width_dots - natural.width}[align]
    line.paste(natural, (offset, 0))
    return line.point(lambda v: 0 if v < 160 else 255).convert("1")


def pack_bits(image: Image.Image) -> tuple[int, int, bytes]:
    """(bytes per row, rows, data) for a raster command: MSB leftmost, 1 = black dot."""
    mono = image.convert("1")
    width_bytes = (mono.width + 7) // 8
    padded = Image.new("1", (width_bytes * 8, mono.height), 1)
    padded.paste(mono, (0, 0))
    # Pillow's "1" packs 1 = white; printers want 1 = black, so invert every byte.
    raw = padded.tobytes()
    return width_bytes, mono.height, avoid_realtime(bytes(b ^ 0xFF for b in raw))


# Byte pairs that begin an ESC/POS real-time request (DLE EOT, DLE ENQ; DLE DC4 is followed by
# fn and a fixed key, see escpos.commands). Printers spot these anywhere in the stream, even in
# image data. (ESC/P2 has no real-time requests, so the licence job needs no such care.)
REALTIME_PAIRS = frozenset({(0x10, 0x04), (0x10, 0x05)})


def avoid_realtime(data: bytes) -> bytes:
    """Image data with no real-time request hidden in it, at the cost of one dot per hit.

    Clearing the lowest black dot of the first byte (0x10 -> 0x00) is invisible at
    0.125 mm, and keeps a photo of a QR code or a character from clearing the printer's buffer.
    """
    out = bytearray(data)
    for i in range(len(out) - 1):
        if (out[i], out[i + 1]) in REALTIME_PAIRS:
            out[i] &= out[i] - 1
    return bytes(out)


def unpack_bits(width_bytes: int, rows: int, data: bytes) -> Image.Image:
    """Inverse of pack_bits: a 1-bit image from printer raster data."""
    inverted = bytes(b ^ 0xFF for b in data[: width_bytes * rows].ljust(width_bytes * rows, b"\0"))
    return Image.frombytes("1", (width_bytes * 8, rows), inverted)
