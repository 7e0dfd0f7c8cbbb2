"""The second-generation ID-card reader's frame protocol (the SAM module's serial interface,
GA 467-2013 《居民身份证验证安全控制模块接口技术规范》).

    request: AA AA AA 96 69 | LEN (2 bytes, high first) | CMD PARA | data | CHK
    answer:  AA AA AA 96 69 | LEN (2 bytes, high first) | SW1 SW2 SW3 | data | CHK

LEN counts the bytes after itself, the checksum included. CHK is the XOR of every byte after
the preamble (the length bytes included) except itself. Worked example of the module's
documentation, "find card": AA AA AA 96 69 00 03 20 01 22 (00^03^20^01 = 22).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import reduce

PREAMBLE = bytes.fromhex("AAAAAA9669")
MAX_LENGTH = 4096  # the longest answer (text + photo + fingerprints) is 2,321 bytes



# (CMD, PARA) pairs of GA 467-2013.
RESET = (0x10, 0xFF)
STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_TEXT_PHOTO_FINGERPRINTS = (0x30, 0x10)
READ_NEW_ADDRESS = (0x30, 0x03)


class Sw3(IntEnum):
    """SW3, the answer's status word (GA 467-2013; SW1 SW2 are 00 00)."""

    SUCCESS = 0x90
    CARD_FOUND = 0x9F
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    BAD_COMMAND = 0x21
    CARD_AUTH_FAILED = 0x31
    READER_AUTH_FAILED = 0x32
    VERIFICATION_ERROR = 0x33
    WRONG_CARD = 0x40
    READ_FAILED = 0x41
    SELF_TEST_FAILED = 0x60
    NOT_AUTHORISED = 0x66
    NO_CARD = 0x80
    SELECT_FAILED = 0x81


def checksum(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def _frame(body: bytes) -> bytes:
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


def request(command: tuple[int, int], data: bytes = b"") -> bytes:
    return _frame(bytes(command) + data)


def answer(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    return _frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True)
class Frame:
    """A whole frame, checksum verified: `head` is CMD PARA (request) or SW1 SW2 SW3 (answer)."""

    body: bytes

    @property
    def sw3(self) -> int:
        return self.body[2]

    @property
    def data(self) -> bytes:
        return self.body[3:]


class FrameError(ValueError):
    """A frame whose length or checksum is wrong: the bytes are not to be trusted."""


class FrameParser:
    """Bytes in, frames out. Bytes before a preamble are skipped (line noise, a half frame
    after a reconnect); a frame with a wrong checksum or an impossible length raises."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[Frame]:
        self._buffer += data
        frames = []
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                del self._buffer[: max(0, len(self._buffer) - len(PREAMBLE) + 1)]
                return frames
            del self._buffer[:start]
            if len(self._buffer) < len(PREAMBLE) + 2:
                return frames
            length = int.from_bytes(self._buffer[5:7], "big")
            if not 2 <= length <= MAX_LENGTH:
                del self._buffer[: len(PREAMBLE)]
                raise FrameError(f"impossible length {length}")
            end = len(PREAMBLE) + 2 + length
            if len(self._buffer) < end:
                return frames
            raw = bytes(self._buffer[:end])
            del self._buffer[:end]
            if checksum(raw[5:-1]) != raw[-1]:
                raise FrameError("checksum mismatch")
            frames.append(Frame(raw[7:-1]))
