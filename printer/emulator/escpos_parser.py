"""Incremental parser for the ESC/POS subset the virtual receipt printer understands.

A command split across two reads is held until it is complete (stream_parser.ByteStreamParser).
Length-prefixed data (raster images, QR payloads) is consumed as data, so a 10 04 in an image is
not taken for a status request.
"""

from __future__ import annotations

from printer.emulator.stream_parser import ByteStreamParser, Op

# Fixed-length commands: prefix -> (name, number of parameter bytes)
_FIXED: dict[bytes, tuple[str, int]] = {
    b"\x1b@": ("init", 0),
    b"\x1bE": ("bold", 1),
    b"\x1ba": ("align", 1),
    b"\x1bd": ("feed", 1),
    b"\x1b!": ("mode", 1),
    b"\x1b2": ("spacing_default", 0),
    b"\x1b3": ("spacing", 1),
    b"\x1bM": ("font", 1),
    b"\x1bt": ("codepage", 1),
    b"\x1c&": ("chinese", 0),
    b"\x1c.": ("chinese_off", 0),
    b"\x1d!": ("size", 1),
    b"\x1dr": ("transmit", 1),
    b"\x1da": ("asb", 1),
    b"\x10\x04": ("rt_status", 1),
    b"\x10\x05": ("rt_request", 1),
    b"\x10\x14": ("rt_clear", 8),  # DLE DC4 fn=8 and its fixed key; only fn 8 is ever sent
}


class EscPosParser(ByteStreamParser):
    def _control(self, pos: int) -> tuple[Op, int] | None:
        b = self._buf[pos]
        if b == 0x0A:
            return Op("lf", (), b"\n"), pos + 1
        if b in (0x1B, 0x1C, 0x1D, 0x10):
            return self._command(pos)
        return Op("ignored", (b,), bytes([b])), pos + 1

    def _command(self, pos: int) -> tuple[Op, int] | None:
        buf = self._buf
        if pos + 2 > len(buf):
            return None
        prefix = bytes(buf[pos : pos + 2])
        if prefix in _FIXED:
            name, n = _FIXED[prefix]
            end = pos + 2 + n
            if end > len(buf):
                return None
            args = tuple(buf[pos + 2 : end])
            return Op(name, args, bytes(buf[pos:end]), realtime=prefix[0] == 0x10), end
        if prefix == b"\x1dV":
            return self._cut(pos)
        if prefix == b"\x1dv":
            return self._raster(pos)
        if prefix == b"\x1d(":
            return self._qr(pos)
        # Unknown ESC x: skip the two bytes; a real printer would too, then print the rest.
        return Op("unknown", (prefix,), prefix), pos + 2

    def _cut(self, pos: int) -> tuple[Op, int] | None:
        buf = self._buf
        if pos + 3 > len(buf):
            return None
        m = buf[pos + 2]
        if m in (0x41, 0x42):
            if pos + 4 > len(buf):
                return None
            return Op("cut", (m == 0x42, buf[pos + 3]), bytes(buf[pos : pos + 4])), pos + 4
        return Op("cut", (m in (1, 0x31), 0), bytes(buf[pos : pos + 3])), pos + 3

    def _raster(self, pos: int) -> tuple[Op, int] | None:
        buf = self._buf
        if pos + 8 > len(buf):
            return None
        xl, xh, yl, yh = buf[pos + 4 : pos + 8]
        width_bytes, rows = xl + 256 * xh, yl + 256 * yh
        end = pos + 8 + width_bytes * rows
        if end > len(buf):
            return None
        data = bytes(buf[pos + 8 : end])
        return Op("raster", (width_bytes, rows, data), bytes(buf[pos:end])), end

    def _qr(self, pos: int) -> tuple[Op, int] | None:
        buf = self._buf
        if pos + 5 > len(buf):
            return None
        n = buf[pos + 3] + 256 * buf[pos + 4]
        end = pos + 5 + n
        if end > len(buf):
            return None
        body = bytes(buf[pos + 5 : end])
        raw = bytes(buf[pos:end])
        if buf[pos + 2] != 0x6B or len(body) < 2 or body[0] != 0x31:
            return Op("unknown", (raw[:3],), raw), end
        fn = body[1]
        if fn == 0x43:
            return Op("qr_module", (body[2],), raw), end
        if fn == 0x45:
            return Op("qr_ec", (body[2],), raw), end
        if fn == 0x50:
            return Op("qr_store", (body[3:],), raw), end
        if fn == 0x51:
            return Op("qr_print", (), raw), end
        return Op("qr_other", (fn,), raw), end
