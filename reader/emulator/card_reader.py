"""The virtual ID-card reader: a pseudo-terminal that answers as a SAM-module reader does.

Written from the protocol (GA 467-2013; the frame layout is repeated here, not imported from
the driver, so a mistake in one is caught by the other): it takes request frames, checks their
length and XOR checksum, and answers find / select / read with the status words of a real
reader. It paces its answers at the line's baud rate (10 bits a byte, 8N1), as a pty has none.

Faults, as a test or a trainer sets them (stdin of `python -m reader.emulator`, or methods):
place N / remove (a card on the reader or not), remove-mid-read (the next read answer stops
part-way, as when a card is lifted), corrupt (the next answer's checksum is wrong),
unauthorised (SW3 66), selftest-fail (SW3 60), unplug / plug (the cable).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from printer.emulator.pty_port import PtyPort
from reader.emulator.cards import CARDS, SampleCard, photo, text_block

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"


def xor(data: bytes) -> int:
    out = 0
    for b in data:
        out ^= b
    return out


def frame(sw3: int, data: bytes = b"") -> bytes:
    body = bytes([0, 0, sw3]) + data
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([xor(length + body)])


class VirtualCardReader:
    def __init__(self, *, baud: int = 115200, card: int | None = None, link_path: Path | None = None):
        self.baud = baud
        self.card: SampleCard | None = CARDS[card] if card is not None else None
        self.faults: set[str] = set()
        self.requests: list[bytes] = []
        self._port: PtyPort | None = None
        self._link = link_path
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._buffer = bytearray()

    # --- life -----------------------------------------------------------------------------
    def start(self) -> str:
        self._port = PtyPort(self._link)
        self._thread = threading.Thread(target=self._serve, name="virtual-card-reader", daemon=True)
        self._thread.start()
        return self._port.device_path

    @property
    def device_path(self) -> str:
        assert self._port is not None
        return self._port.device_path

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        if self._port is not None:
            self._port.close()

    # --- what a person or a test does ------------------------------------------------------
    def place(self, index: int) -> None:
        self.card = CARDS[index]

    def remove(self) -> None:
        self.card = None

    def fault(self, name: str) -> None:
        if name == "unplug":
            assert self._port is not None
            self._port.close()
        elif name == "plug":
            assert self._port is not None
            if not self._port.connected:
                self._port.open()
        elif name in ("remove-mid-read", "corrupt", "unauthorised", "selftest-fail"):
            self.faults.add(name)
        else:
            raise ValueError(f"unknown fault {name!r}")

    def clear(self, name: str | None = None) -> None:
        self.faults.clear() if name is None else self.faults.discard(name)

    def command(self, line: str) -> str:
        """One line of the emulator's stdin: place N, remove, a fault name, clear."""
        words = line.split()
        if not words:
            return ""
        if words[0] == "place":
            self.place(int(words[1]))
        elif words[0] == "remove":
            self.remove()
        elif words[0] == "clear":
            self.clear(words[1] if len(words) > 1 else None)
        else:
            self.fault(words[0])
        return "ok"

    # --- the line ---------------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            port = self._port
            if port is None or not port.connected:
                time.sleep(0.02)
                continue
            data = port.read(4096, 0.05)
            if data:
                self._buffer += data
                self._take()

    def _take(self) -> None:
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0 or len(self._buffer) < start + 7:
                return
            del self._buffer[:start]
            length = int.from_bytes(self._buffer[5:7], "big")
            if len(self._buffer) < 7 + length:
                return
            raw = bytes(self._buffer[:7 + length])
            del self._buffer[:7 + length]
            self.requests.append(raw)
            if length < 3 or xor(raw[5:-1]) != raw[-1]:
                self._send(frame(0x10))  # checksum error
                continue
            self._send(self._answer(raw[7], raw[8]))

    def _answer(self, cmd: int, para: int) -> bytes:
        if "unauthorised" in self.faults:
            return frame(0x66)
        if "selftest-fail" in self.faults:
            return frame(0x60)
        if (cmd, para) in ((0x10, 0xFF), (0x11, 0xFF)):
            return frame(0x90)
        if (cmd, para) == (0x12, 0xFF):
            return frame(0x90, bytes.fromhex("05000000112233445566778899AABBCC"))
        if (cmd, para) == (0x20, 0x01):
            return frame(0x9F, bytes(4)) if self.card else frame(0x80)
        if (cmd, para) == (0x20, 0x02):
            return frame(0x90, bytes(8)) if self.card else frame(0x81)
        if (cmd, para) == (0x30, 0x01):
            if self.card is None:
                return frame(0x41)
            text, picture = text_block(self.card), photo(self.card)
            answer = frame(0x90, len(text).to_bytes(2, "big") + len(picture).to_bytes(2, "big") + text + picture)
            if "remove-mid-read" in self.faults:
                self.faults.discard("remove-mid-read")
                self.card = None
                return answer[:300]  # lifted part-way: the rest never comes
            return answer
        return frame(0x21)  # a command this reader does not know

    def _send(self, data: bytes) -> None:
        if "corrupt" in self.faults and len(data) > 8:
            self.faults.discard("corrupt")
            data = data[:-1] + bytes([data[-1] ^ 0xFF])
        time.sleep(len(data) * 10 / self.baud)  # 8N1: 10 bits on the line per byte
        port = self._port
        if port is not None:
            port.write(data)
