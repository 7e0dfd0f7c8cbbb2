"""What the ESC/POS and ESC/P2 parsers share: an incremental byte buffer and runs of text.

Bytes arrive in arbitrary pieces over the line; a command split across two reads is held until it
is complete. A subclass decodes the control bytes in `_control`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Op:
    name: str
    args: tuple = ()
    raw: bytes = b""
    realtime: bool = False  # handled on reception, not when the print engine reaches it


def _printable(b: int) -> bool:
    return b >= 0x20 and b != 0x7F


class ByteStreamParser:
    def __init__(self) -> None:
        self._buf = bytearray()

    @property
    def pending(self) -> int:
        """Bytes held for an incomplete command (e.g. a raster image still arriving)."""
        return len(self._buf)

    def feed(self, data: bytes) -> list[Op]:
        self._buf += data
        ops: list[Op] = []
        pos = 0
        while pos < len(self._buf):
            parsed = self._one(pos)
            if parsed is None:
                break
            op, pos = parsed
            ops.append(op)
        del self._buf[:pos]
        return ops

    def _one(self, pos: int) -> tuple[Op, int] | None:
        buf = self._buf
        if not _printable(buf[pos]):
            return self._control(pos)
        end = pos
        while end < len(buf) and _printable(buf[end]):
            end += 1
        if end == len(buf):
            return None  # the run may go on in the next read, perhaps mid-character
        return Op("text", (bytes(buf[pos:end]),), bytes(buf[pos:end])), end

    def _control(self, pos: int) -> tuple[Op, int] | None:
        """Decode the control byte at pos: (op, next position), or None until more bytes arrive."""
        raise NotImplementedError
