"""Telling apart the bytes a printer sends back on one serial line.

A receipt printer's return channel mixes four things: XON/XOFF flow control, real-time status
replies (DLE EOT), 4-byte automatic status back blocks (GS a) and transmit-status replies (GS r).
Their bit patterns do not overlap (Epson TM series):

    XON 0x11, XOFF 0x13                      -> flow
    0xx1 xx10  (byte & 0x93 == 0x12)         -> real-time status reply (base 0x12)
    0xx1 xx00  (byte & 0x93 == 0x10)         -> first byte of a 4-byte ASB block
    0xx0 xxxx  (byte & 0x90 == 0x00)         -> GS r reply (bits 4 and 7 always 0)
    37 25 00                                 -> buffers cleared (DLE DC4 fn=8 answer)

ASB bytes 2-4 also have bit 4 clear, so they are taken by position, and because XON/XOFF have
bit 4 set they can never be mistaken for an ASB continuation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

XON = 0x11
XOFF = 0x13
CLEAR_RESPONSE = bytes([0x37, 0x25, 0x00])  # DLE DC4 fn=8 done (0011 0111: no other pattern)


class ReplyKind(StrEnum):
    XON = "xon"
    XOFF = "xoff"
    REALTIME = "realtime"  # DLE EOT answer
    ASB = "asb"  # automatic status back, 4 bytes
    TRANSMIT = "transmit"  # GS r answer: the printer reached this point in its buffer
    CLEARED = "cleared"  # 37 25 00: DLE DC4 8 cleared the buffers (Epson TM)
    NOISE = "noise"  # a byte no command asked for; kept for diagnostics


@dataclass(frozen=True)
class Reply:
    kind: ReplyKind
    data: bytes


class EscPosReplies:
    """Byte-at-a-time classifier for an ESC/POS printer's return channel."""

    def __init__(self) -> None:
        self._asb: bytearray | None = None
        self._clear: bytearray | None = None

    def feed(self, byte: int) -> Reply | None:
        if byte == XON:
            return Reply(ReplyKind.XON, bytes([byte]))
        if byte == XOFF:
            return Reply(ReplyKind.XOFF, bytes([byte]))
        if self._clear is not None:  # 37 25 00: the answer to DLE DC4 fn=8
            self._clear.append(byte)
            expected = CLEAR_RESPONSE[: len(self._clear)]
            if bytes(self._clear) != expected:
                noise, self._clear = bytes(self._clear), None
                return Reply(ReplyKind.NOISE, noise)
            if len(self._clear) == len(CLEAR_RESPONSE):
                self._clear = None
                return Reply(ReplyKind.CLEARED, CLEAR_RESPONSE)
            return None
        if byte == CLEAR_RESPONSE[0] and self._asb is None:
            self._clear = bytearray([byte])
            return None
        if self._asb is not None:
            self._asb.append(byte)
            if len(self._asb) == 4:
                block, self._asb = bytes(self._asb), None
                return Reply(ReplyKind.ASB, block)
            return None
        if byte & 0x93 == 0x12:
            return Reply(ReplyKind.REALTIME, bytes([byte]))
        if byte & 0x93 == 0x10:
            self._asb = bytearray([byte])
            return None
        if byte & 0x90 == 0x00:
            return Reply(ReplyKind.TRANSMIT, bytes([byte]))
        return Reply(ReplyKind.NOISE, bytes([byte]))


class LicenceReplies:
    """Classifier for an ESC/P2 licence printer: it sends nothing but XON/XOFF.

    Epson's ESC/P Reference Manual defines no status reply in ESC/P2, so any other byte is noise.
    """

    def feed(self, byte: int) -> Reply | None:
        if byte == XON:
            return Reply(ReplyKind.XON, bytes([byte]))
        if byte == XOFF:
            return Reply(ReplyKind.XOFF, bytes([byte]))
        return Reply(ReplyKind.NOISE, bytes([byte]))
