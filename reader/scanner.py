"""The code scanner driver: a serial scanner in its default mode sends each decoded code
followed by a suffix (CR by default; some are set to CR LF or LF). Codes come out as values;
anything that cannot be a code a person scanned is dropped, never handed on:

- a line that is not UTF-8, holds control characters, or is longer than MAX_CODE bytes;
- an empty line (a suffix twice);
- bytes left without a suffix for longer than a scan takes (a cable pulled mid-code).

An unplugged scanner is `disconnected`; the next call opens the port again.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger("reader.scanner")

MAX_CODE = 512
DEFAULT_BAUD = 9600
STALE_SECONDS = 1.0  # a code arrives within milliseconds; a fragment older than this is noise


class ScanStatus(StrEnum):
    SCANNED = "scanned"
    NOTHING = "nothing"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True)
class Scan:
    status: ScanStatus
    text: str = ""


class CodeScanner:
    """Reads the line on its own thread from the first `read()` on, so a fragment's age is
    known (a scan's bytes arrive within milliseconds) and no code waits for the caller."""

    def __init__(self, url: str, baud: int = DEFAULT_BAUD) -> None:
        self.url, self.baud = url, baud
        self._codes: queue.Queue[Scan] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._pending = bytearray()
        self._pending_since = 0.0
        self._open = threading.Event()
        self._ended = threading.Event()  # the reading thread gave up: the next read() starts another
        self.dropped = 0  # lines thrown away as garbage, for the technician

    @property
    def connected(self) -> bool:
        """The port is open and read: a code scanned now will be heard."""
        return self._open.is_set()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None

    def read(self, timeout_s: float = 0.2) -> Scan:
        """The next code scanned, waiting up to `timeout_s`: SCANNED, NOTHING, or
        DISCONNECTED (then the next call opens the port again)."""
        with self._lock:
            if self._thread is None or self._ended.is_set() or not self._thread.is_alive():
                if self._thread is not None:
                    self._thread.join(2)  # the lost line's thread is on its way out
                self._stop.clear()
                self._ended.clear()
                self._thread = threading.Thread(target=self._run, name="code-scanner", daemon=True)
                self._thread.start()
        try:
            return self._codes.get(timeout=timeout_s)
        except queue.Empty:
            return Scan(ScanStatus.NOTHING)

    def _run(self) -> None:
        try:
            import serial

            port = serial.serial_for_url(self.url, baudrate=self.baud, timeout=0.05, exclusive=True)
            self._open.set()
        except Exception as exc:  # noqa: BLE001 - any failure to open is "disconnected"
            log.info("code scanner not there: %s", type(exc).__name__)
            self._ended.set()
            self._codes.put(Scan(ScanStatus.DISCONNECTED))
            return
        try:
            while not self._stop.is_set():
                chunk = port.read(max(1, port.in_waiting or 1))
                if chunk:
                    self._feed(chunk)
                elif self._pending and time.monotonic() - self._pending_since > STALE_SECONDS:
                    self.dropped += 1  # a fragment that never got its suffix
                    self._pending.clear()
        except Exception as exc:  # noqa: BLE001 - a pulled cable: OSError, SerialException
            log.info("code scanner lost: %s", type(exc).__name__)
            self._ended.set()
            self._codes.put(Scan(ScanStatus.DISCONNECTED))
        finally:
            self._open.clear()
            self._ended.set()
            self._pending.clear()
            with contextlib.suppress(Exception):  # closing a vanished port may fail any way
                port.close()

    def _feed(self, chunk: bytes) -> None:
        for byte in chunk:
            if byte in (0x0D, 0x0A):
                self._line(bytes(self._pending))
                self._pending.clear()
                continue
            if not self._pending:
                self._pending_since = time.monotonic()
            self._pending.append(byte)
            if len(self._pending) > MAX_CODE:  # overlong: the rest of this line is garbage too
                self._pending[:] = b"\x00"

    def _line(self, raw: bytes) -> None:
        if not raw:
            return  # CR LF, or an empty scan
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self.dropped += 1
            return
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text) or len(raw) > MAX_CODE:
            self.dropped += 1
            return
        self._codes.put(Scan(ScanStatus.SCANNED, text))
