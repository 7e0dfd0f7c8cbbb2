"""The virtual code scanner: a pseudo-terminal that sends each "scanned" code followed by CR,
as serial scanners do in their default mode, paced at the line's baud rate. Faults: garbage
(bytes no scan produces), a code cut off mid-way, unplug / plug."""

from __future__ import annotations

import time
from pathlib import Path

from printer.emulator.pty_port import PtyPort

GARBAGE = b"\xff\xfe\x00\x1b[2J\x80\x81\r"


class VirtualScanner:
    def __init__(self, *, baud: int = 9600, suffix: bytes = b"\r", link_path: Path | None = None):
        self.baud, self.suffix = baud, suffix
        self._link = link_path
        self._port: PtyPort | None = None

    def start(self) -> str:
        self._port = PtyPort(self._link)
        return self._port.device_path

    @property
    def device_path(self) -> str:
        assert self._port is not None
        return self._port.device_path

    def stop(self) -> None:
        if self._port is not None:
            self._port.close()

    def _send(self, data: bytes) -> None:
        time.sleep(len(data) * 10 / self.baud)
        if self._port is not None:
            self._port.write(data)

    def scan(self, text: str) -> None:
        self._send(text.encode("utf-8") + self.suffix)

    def garbage(self) -> None:
        self._send(GARBAGE)

    def cut(self, text: str) -> None:
        """Half a code and no suffix (the cable pulled mid-code)."""
        self._send(text.encode("utf-8")[: max(1, len(text) // 2)])

    def unplug(self) -> None:
        assert self._port is not None
        self._port.close()

    def plug(self) -> None:
        assert self._port is not None
        if not self._port.connected:
            self._port.open()

    def command(self, line: str) -> str:
        word, _, rest = line.strip().partition(" ")
        if word == "scan":
            self.scan(rest)
        elif word == "garbage":
            self.garbage()
        elif word == "cut":
            self.cut(rest)
        elif word in ("unplug", "plug"):
            getattr(self, word)()
        elif word:
            raise ValueError(f"unknown command {word!r}")
        return "ok"
