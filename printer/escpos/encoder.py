"""Encoding a receipt Document into ESC/POS bytes for one printer profile.

Every job starts with ESC @ then FS &: printers differ in their power-on state and ESC @ may or may
not leave Chinese mode on, so Chinese mode is asserted after every initialise. Text is GB18030;
a line holding a character outside the 2-byte area (or any character the encoding lacks) is sent
as a raster image of the whole line so that its position and alignment stay right.
"""

from __future__ import annotations

import qrcode
from PIL import Image

from printer.escpos import commands as cmd
from printer.escpos.document import Align, Cut, Document, Feed, QrCode, Rule, Text
from printer.glyphs import pack_bits, render_line
from printer.settings import PrinterProfile

CELL_DOTS = 12  # Font A: 12 x 24 dots; a CJK character takes two cells (24 x 24)
CELL_PX = 24


def clean(text: str) -> str:
    """Drop control characters so data typed by a citizen can never become a printer command."""
    return "".join(ch for ch in text if ch >= " " and ch != "\x7f" and not 0x80 <= ord(ch) < 0xA0)


def is_native(ch: str, profile: PrinterProfile) -> bool:
    """Can the printer's own font print this character from GB18030 bytes?"""
    if ch < "\x80":
        return True
    try:
        encoded = ch.encode("gb18030")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 or not profile.two_byte_gb18030_only


def cells(ch: str) -> int:
    return 1 if ch < "\x80" else 2


def wrap(text: str, columns: int) -> list[str]:
    """Greedy wrap by printer cells; Latin words stay whole when they fit on a line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        tokens = _tokens(paragraph)
        line, used = "", 0
        for token in tokens:
            need = sum(cells(c) for c in token)
            if used + need > columns and line:
                lines.append(line.rstrip())
                line, used = "", 0
                if token == " ":
                    continue
            while need > columns:  # a single word wider than the paper: split it
                head, rest = _split_at(token, columns - used)
                lines.append(line + head)
                line, used, token = "", 0, rest
                need = sum(cells(c) for c in token)
            line += token
            used += need
        lines.append(line.rstrip())
    return lines


def _tokens(paragraph: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for ch in paragraph:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens


def _split_at(token: str, columns: int) -> tuple[str, str]:
    used = 0
    for i, ch in enumerate(token):
        if used + cells(ch) > columns:
            return token[:i], token[i:]
        used += cells(ch)
    return token, ""


def encode(document: Document, profile: PrinterProfile) -> bytes:
    out = bytearray(cmd.INITIALISE + cmd.CHINESE_ON)
    for block in document.blocks:
        if isinstance(block, Text):
            out += _text(block, profile)
        elif isinstance(block, Rule):
            out += cmd.align(Align.LEFT) + (block.char * (profile.dots_per_line // CELL_DOTS)).encode(
                "ascii", "replace") + cmd.LF
        elif isinstance(block, QrCode):
            out += _qr(block, profile)
        elif isinstance(block, Feed):
            out += cmd.feed_lines(block.lines)
        elif isinstance(block, Cut):
            out += cmd.feed_and_cut(profile.cut_feed_lines, block.partial)
    return bytes(out)


def _text(block: Text, profile: PrinterProfile) -> bytes:
    out = bytearray(cmd.align(block.align) + cmd.bold(block.bold) + cmd.size(block.width, block.height))
    columns = profile.dots_per_line // (CELL_DOTS * block.width)
    for line in wrap(clean(block.text), columns):
        if all(is_native(ch, profile) for ch in line):
            out += line.encode("gb18030") + cmd.LF
        else:
            image = render_line(
                line,
                (profile.font_path, *profile.fallback_fonts),
                profile.dots_per_line,
                CELL_PX,
                x_scale=block.width,
                y_scale=block.height,
                bold=block.bold,
                align=None,  # the printer aligns the image (ESC a above): fewer bytes
            )
            out += cmd.raster(*pack_bits(image))
    out += cmd.size(1, 1) + cmd.bold(False)
    return bytes(out)


def qr_image(data: str, module_dots: int, ec: str) -> Image.Image:
    """The QR code as a 1-bit image without a quiet zone (the paper around it is blank)."""
    levels = {
        "L": qrcode.constants.ERROR_CORRECT_L,
        "M": qrcode.constants.ERROR_CORRECT_M,
        "Q": qrcode.constants.ERROR_CORRECT_Q,
        "H": qrcode.constants.ERROR_CORRECT_H,
    }
    code = qrcode.QRCode(error_correction=levels[ec], box_size=module_dots, border=0)
    code.add_data(data.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module_dots
    image = Image.new("1", (size, size), 1)
    pixels = image.load()
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                for dy in range(module_dots):
                    for dx in range(module_dots):
                        pixels[c * module_dots + dx, r * module_dots + dy] = 0
    return image


def _qr(block: QrCode, profile: PrinterProfile) -> bytes:
    data = block.data.encode("utf-8")
    if profile.native_qr:
        return cmd.align(block.align) + cmd.qr_native(
            data, profile.qr_module_dots, block.error_correction) + cmd.LF
    image = qr_image(block.data, profile.qr_module_dots, block.error_correction)
    # One blank line (30 dots) above and below: the 4-module (24-dot) quiet zone a reader needs,
    # sent as 6 bytes instead of ~1,500 bytes of white pixels.
    return (cmd.feed_lines(1) + cmd.align(block.align) + cmd.raster(*pack_bits(image))
            + cmd.feed_lines(1))
