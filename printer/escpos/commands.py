"""ESC/POS command bytes used by this package; each is defined on its own page of Epson's "ESC/POS
Command Reference" (named beside it)."""

from __future__ import annotations

ESC = 0x1B
GS = 0x1D
FS = 0x1C
DLE = 0x10
EOT = 0x04
ENQ = 0x05
LF = b"\n"

INITIALISE = bytes([ESC, 0x40])
CHINESE_ON = bytes([FS, 0x26])
CHINESE_OFF = bytes([FS, 0x2E])
TRANSMIT_PAPER_STATUS = bytes([GS, 0x72, 0x01])  # GS r 1: answered when reached in the buffer
# DLE DC4 fn=8 "Clear buffer(s)" (Epson ESC/POS Command Reference): fn, then the fixed key
# 01 03 14 01 06 02 08. Real-time; the printer answers 37 25 00 once the buffers are cleared.
CLEAR_BUFFERS_DC4 = bytes([DLE, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08])
CLEAR_RESPONSE = bytes([0x37, 0x25, 0x00])
# DLE ENQ 2 "Real-time request to printer", n = 2 (Epson ESC/POS Command Reference): recover from
# an error after clearing the receive and print buffers. Executed only while a recoverable error
# (autocutter) is pending; not at paper end, with the cover open, or for a head-temperature error.
RECOVER_AND_CLEAR = bytes([DLE, ENQ, 0x02])
ASB_ALL = bytes([GS, 0x61, 0x0F])  # automatic status back: drawer, online, error, paper
QR_EC = {"L": 0x30, "M": 0x31, "Q": 0x32, "H": 0x33}


def realtime_status(n: int) -> bytes:
    """DLE EOT n (1 printer, 2 offline cause, 3 error cause, 4 paper)."""
    return bytes([DLE, EOT, n])


def bold(on: bool) -> bytes:
    return bytes([ESC, 0x45, 1 if on else 0])


def align(n: int) -> bytes:
    return bytes([ESC, 0x61, n])


def size(width: int, height: int) -> bytes:
    return bytes([GS, 0x21, ((width - 1) << 4) | (height - 1)])


def feed_lines(n: int) -> bytes:
    return bytes([ESC, 0x64, n])


def feed_and_cut(lines: int, partial: bool) -> bytes:
    # GS V 65/66 n: feed n lines' worth then cut, so the last printed line clears the cutter.
    return bytes([GS, 0x56, 0x42 if partial else 0x41, lines])


def qr_native(data: bytes, module_dots: int, ec: str) -> bytes:
    """GS ( k: model 2, module size, error correction, store, print."""
    n = len(data) + 3
    return b"".join(
        [
            bytes([GS, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]),
            bytes([GS, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, module_dots]),
            bytes([GS, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, QR_EC[ec]]),
            bytes([GS, 0x28, 0x6B, n & 0xFF, n >> 8, 0x31, 0x50, 0x30]) + data,
            bytes([GS, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]),
        ]
    )


def raster(width_bytes: int, rows: int, bits: bytes) -> bytes:
    """GS v 0 m=0: rows of width_bytes, MSB leftmost, 1 = black."""
    return (
        bytes([GS, 0x76, 0x30, 0x00, width_bytes & 0xFF, width_bytes >> 8, rows & 0xFF, rows >> 8])
        + bits
    )
