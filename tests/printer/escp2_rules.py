"""A strict reading of an ESC/P2 job by Epson's rules, written from the manual, not the encoder.

Source: Epson "ESC/P Reference Manual" (ESC/P2 command set). Nothing here imports printer/.
- ESC @ (initialize) resets the unit: ESC $ counts in 1/60 inch and ESC ( V in 1/360 inch until
  ESC ( U 01 00 m sets both (and ESC ( C) to m/3600 inch ("ESC ( U Set unit").
- ESC ( V 02 00 mL mH: absolute vertical position. A move up of more than 179/360 inch, or any
  move up after graphics on the line, is ignored by the printer: here it is a violation.
- ESC j n: reverse feed n/216 inch: always a violation here (an upward move).
- ESC $ nL nH: absolute horizontal position; past the printable width it is ignored: violation.
- ESC X m nL nH: point size n/2 must be one Epson lists (10.5; 8 to 32 in steps of 2).
- ESC * m nL nH d...: bit image; m = 39 takes 3 bytes a column at 180 dpi.
- FS & / FS .: Hanzi mode on/off (Chinese models). FF ejects. Anything else is a violation:
  a command this printer family does not have (ESC j as a status request, DLE ENQ 2, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LISTED_POINTS = {8.0, 10.5} | {float(p) for p in range(10, 33, 2)}
COLUMN_BYTES = {32: 3, 33: 3, 38: 3, 39: 3, 40: 3, 71: 6, 72: 6, 73: 6}


@dataclass
class Item:
    kind: str  # "text" | "image"
    x_in: float  # inches from the left margin
    y_in: float  # inches from top-of-form
    text: str = ""
    width_in: float = 0.0
    rows: int = 0


@dataclass
class Reading:
    items: list[Item] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    pages: int = 0

    def texts(self) -> list[Item]:
        return [i for i in self.items if i.kind == "text"]


def read_job(data: bytes, printable_width_in: float, hanzi_in: float = 24 / 180) -> Reading:
    r = Reading()
    unit_in: float | None = None
    y = 0.0
    x = 0.0
    graphics_on_line = False
    chinese = False
    pitch_in = 1 / 10
    i = 0

    def need(n: int) -> bytes:
        if i + n > len(data):
            r.violations.append(f"truncated command at byte {i}")
            raise IndexError
        return data[i:i + n]

    def move_to(new_y: float, where: int) -> None:
        nonlocal y, graphics_on_line
        if new_y < y - 1e-9:
            r.violations.append(f"upward move at byte {where}: {y * 360:.0f} -> {new_y * 360:.0f} /360 in"
                                + (" after graphics" if graphics_on_line else ""))
            return
        if new_y != y:
            graphics_on_line = False
        y = new_y

    try:
        while i < len(data):
            b = data[i]
            if b == 0x1B:
                c = need(2)[1]
                if c == 0x40:
                    unit_in, chinese, pitch_in = None, False, 1 / 10
                    i += 2
                elif c == 0x28:
                    head = need(5)
                    n = head[3] + 256 * head[4]
                    body = need(5 + n)[5:]
                    kind = chr(head[2])
                    if kind == "U" and n == 1:
                        unit_in = body[0] / 3600
                    elif kind == "V" and n == 2:
                        move_to((body[0] + 256 * body[1]) * (unit_in or 1 / 360), i)
                    elif kind == "C" and n == 2:
                        r.pages += 0
                    else:
                        r.violations.append(f"ESC ( {kind} not expected at byte {i}")
                    i += 5 + n
                elif c == 0x24:
                    raw = need(4)
                    new_x = (raw[2] + 256 * raw[3]) * (unit_in or 1 / 60)
                    if new_x > printable_width_in:
                        r.violations.append(f"ESC $ past the printable width at byte {i}")
                    x = new_x
                    i += 4
                elif c == 0x58:
                    raw = need(5)
                    point = (raw[3] + 256 * raw[4]) / 2
                    if point not in LISTED_POINTS:
                        r.violations.append(f"ESC X {point} pt is not a listed size (byte {i})")
                    if raw[2] >= 5:
                        pitch_in = raw[2] / 360
                    i += 5
                elif c == 0x2A:
                    raw = need(5)
                    m, cols = raw[2], raw[3] + 256 * raw[4]
                    per = COLUMN_BYTES.get(m)
                    if per is None:
                        r.violations.append(f"ESC * mode {m} unknown (byte {i})")
                        per = 1
                    need(5 + cols * per)
                    width = cols / 180
                    if x + width > printable_width_in + 1e-9:
                        r.violations.append(f"image past the printable width at byte {i}")
                    r.items.append(Item("image", x, y, width_in=width, rows=per * 8))
                    x += width
                    graphics_on_line = True
                    i += 5 + cols * per
                elif c == 0x6A:
                    r.violations.append(f"ESC j (reverse feed, an upward move) at byte {i}")
                    i += 3
                else:
                    r.violations.append(f"ESC {c:#04x} is not a command this job may use (byte {i})")
                    i += 2
            elif b == 0x1C:
                c = need(2)[1]
                if c == 0x26:
                    chinese = True
                elif c == 0x2E:
                    chinese = False
                else:
                    r.violations.append(f"FS {c:#04x} not expected (byte {i})")
                i += 2
            elif b == 0x0C:
                r.pages += 1
                y, x, graphics_on_line = 0.0, 0.0, False
                i += 1
            elif b < 0x20 or b == 0x7F:
                r.violations.append(f"control byte {b:#04x} at byte {i} (DLE ENQ and the like are not ESC/P2)")
                i += 1
            else:
                end = i
                while end < len(data) and data[end] >= 0x20 and data[end] != 0x7F:
                    end += 1
                text = data[i:end].decode("gb18030" if chinese else "ascii", errors="replace")
                width = sum(hanzi_in if not ch.isascii() else pitch_in for ch in text)
                if x + width > printable_width_in + 1e-9:
                    r.violations.append(f"text {text!r} runs past the printable width")
                r.items.append(Item("text", x, y, text=text, width_in=width))
                x += width
                i = end
    except IndexError:
        pass
    return r
