"""Incremental parser for the ESC/P2 subset the virtual licence printer understands.

Lengths and meanings from Epson's "ESC/P Reference Manual". ESC/P2 has no real-time requests:
`ESC j n` is "reverse paper feed n/216 inch" (an upward move), and DLE (0x10) is no command at
all, so both are parsed for what they are, not as the status requests another printer family
gives these bytes.
"""

from __future__ import annotations

from printer.emulator.stream_parser import ByteStreamParser, Op

_BYTES_PER_COLUMN = {32: 3, 33: 3, 38: 3, 39: 3, 40: 3, 71: 6, 72: 6, 73: 6}


class EscP2Parser(ByteStreamParser):
    def _control(self, pos: int) -> tuple[Op, int] | None:
        b = self._buf[pos]
        if b == 0x0C:
            return Op("eject", (), b"\x0c"), pos + 1
        if b in (0x1B, 0x1C):
            return self._command(pos)
        if b == 0x10:
            return Op("unknown", (b"\x10",), b"\x10"), pos + 1
        return Op("ignored", (b,), bytes([b])), pos + 1

    def _need(self, pos: int, n: int) -> bytes | None:
        return bytes(self._buf[pos : pos + n]) if pos + n <= len(self._buf) else None

    def _command(self, pos: int) -> tuple[Op, int] | None:
        head = self._need(pos, 2)
        if head is None:
            return None
        if head == b"\x1c&":
            return Op("chinese", (), head), pos + 2
        if head == b"\x1c.":
            return Op("chinese_off", (), head), pos + 2
        if head == b"\x1b@":
            return Op("init", (), head), pos + 2
        if head == b"\x1bj":  # ESC j n: reverse paper feed n/216 inch
            raw = self._need(pos, 3)
            return None if raw is None else (Op("reverse_feed", (raw[2],), raw), pos + 3)
        if head == b"\x1bO":
            return Op("eject", (), head), pos + 2
        if head == b"\x1b$":
            raw = self._need(pos, 4)
            return None if raw is None else (Op("x", (raw[2] + 256 * raw[3],), raw), pos + 4)
        if head == b"\x1bX":
            raw = self._need(pos, 5)
            return None if raw is None else (Op("font", (raw[2], (raw[3] + 256 * raw[4]) / 2), raw), pos + 5)
        if head == b"\x1b(":
            return self._extended(pos)
        if head == b"\x1b*":
            return self._bit_image(pos)
        return Op("unknown", (head,), head), pos + 2

    def _extended(self, pos: int) -> tuple[Op, int] | None:
        raw = self._need(pos, 5)
        if raw is None:
            return None
        n = raw[3] + 256 * raw[4]
        full = self._need(pos, 5 + n)
        if full is None:
            return None
        kind, body = chr(raw[2]), full[5:]
        name = {"U": "unit", "V": "y", "C": "page_length", "S": "paper"}.get(kind, "extended")
        if name == "unit":
            args = (body[0],)
        elif name in ("y", "page_length"):
            args = (body[0] + 256 * body[1],)
        elif name == "paper":
            args = (int.from_bytes(body[:4], "little"), int.from_bytes(body[4:8], "little"))
        else:
            args = (kind,)
        return Op(name, args, full), pos + 5 + n

    def _bit_image(self, pos: int) -> tuple[Op, int] | None:
        raw = self._need(pos, 5)
        if raw is None:
            return None
        m, columns = raw[2], raw[3] + 256 * raw[4]
        per_column = _BYTES_PER_COLUMN.get(m, 1)
        full = self._need(pos, 5 + columns * per_column)
        if full is None:
            return None
        return Op("bit_image", (m, columns, full[5:]), full), pos + 5 + columns * per_column
