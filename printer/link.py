"""The serial line to a printer: open from config, flow-controlled chunked writes, a reader.

Why software XON/XOFF: the real-time status request (DLE EOT) must reach a printer whose buffer is
full, which is exactly when it has sent XOFF. If the operating system obeyed XOFF, the status
request would queue behind the job. So this link obeys XOFF itself for job data, lets real-time
requests through, and writes job data in small chunks drained one at a time so that at most one
chunk (64 bytes, below the ~128 bytes printers keep free after XOFF) is in flight.
RTS/CTS is left to the UART (pyserial `rtscts`), which holds bytes in hardware.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import termios
import threading
import time
from collections.abc import Callable

import serial

from printer.replies import Reply, ReplyKind
from printer.settings import PrinterSettings

log = logging.getLogger(__name__)


class LinkError(Exception):
    """The line broke (cable pulled, device gone) or could not be opened."""


class LinkTimeout(LinkError):
    """The printer held the line (XOFF, CTS/DSR low) longer than the write timeout."""


class Classifier:
    def feed(self, byte: int) -> Reply | None:  # pragma: no cover - protocol
        raise NotImplementedError


class SerialLink:
    """One printer's line. Opens lazily, reopens after a failure, never blocks forever."""

    def __init__(self, settings: PrinterSettings, classifier_factory: Callable[[], Classifier]):
        self.settings = settings
        self._classifier_factory = classifier_factory
        self._serial: serial.SerialBase | None = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._may_send = threading.Event()
        self._may_send.set()
        self._inboxes: dict[ReplyKind, queue.Queue[Reply]] = {k: queue.Queue() for k in ReplyKind}
        self.last_error = ""
        self.reconnects = 0

    # -- opening and closing -------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._serial is not None

    def ensure_open(self) -> bool:
        """Open the line if it is closed; False (with last_error) when the device is absent."""
        with self._lock:
            if self._serial is not None:
                return True
            s = self.settings
            try:
                port = serial.serial_for_url(
                    s.port,
                    baudrate=s.baud,
                    bytesize=serial.EIGHTBITS,
                    parity=serial.PARITY_NONE,
                    stopbits=serial.STOPBITS_ONE,
                    timeout=0.05,
                    write_timeout=s.write_timeout_s,
                    rtscts=s.flow_control == "rtscts",
                    dsrdtr=s.flow_control == "dsrdtr",
                    xonxoff=False,  # handled here, see module docstring
                    # flock(LOCK_EX): one owner per printer. The technician's `kiosk diag` opens
                    # the port only when it is free, never beside the running terminal.
                    exclusive=True,
                )
            except (serial.SerialException, OSError, ValueError) as exc:
                self.last_error = f"cannot open {s.port}: {exc.__class__.__name__}"
                return False
            self._serial = port
            self._may_send.set()
            for box in self._inboxes.values():
                _drain(box)
            self._reader = threading.Thread(
                target=self._read_loop, args=(port,), name="printer-link-reader", daemon=True
            )
            self._reader.start()
            self.reconnects += 1
            return True

    def close(self) -> None:
        with self._lock:
            port, self._serial = self._serial, None
        if port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()
        reader = self._reader
        if reader is not None and reader is not threading.current_thread():
            reader.join(timeout=1.0)

    def _broken(self, port: serial.SerialBase, why: str) -> None:
        self.last_error = why
        with self._lock:
            if self._serial is port:
                self._serial = None
        with contextlib.suppress(serial.SerialException, OSError):
            port.close()
        self._may_send.set()  # wake a writer waiting for XON so it sees the break

    # -- reading -------------------------------------------------------------------------
    def _read_loop(self, port: serial.SerialBase) -> None:
        classifier = self._classifier_factory()
        while self._serial is port:
            try:
                data = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError, TypeError, AttributeError) as exc:
                # TypeError/AttributeError: pyserial's fd went to None under a concurrent close.
                if self._serial is port:
                    self._broken(port, f"read failed: {exc.__class__.__name__}")
                return
            for byte in data:
                reply = classifier.feed(byte)
                if reply is None:
                    continue
                if reply.kind is ReplyKind.XOFF:
                    self._may_send.clear()
                elif reply.kind is ReplyKind.XON:
                    self._may_send.set()
                self._inboxes[reply.kind].put(reply)

    def discard(self, *kinds: ReplyKind) -> None:
        """Forget stale replies (e.g. an answer that arrived after its request timed out)."""
        for kind in kinds:
            _drain(self._inboxes[kind])

    def await_reply(self, kind: ReplyKind, timeout_s: float) -> Reply | None:
        try:
            return self._inboxes[kind].get(timeout=max(0.0, timeout_s))
        except queue.Empty:
            return None

    @property
    def held_by_xoff(self) -> bool:
        return not self._may_send.is_set()

    @property
    def held(self) -> bool:
        """The printer holds the line: XOFF received, or DSR low with DSR/DTR flow control."""
        port = self._serial
        return self.held_by_xoff or (port is not None and not _dsr_allows(port, self.settings.flow_control))

    # -- writing -------------------------------------------------------------------------
    def send_realtime(self, data: bytes) -> None:
        """A real-time request: goes out even while the printer has sent XOFF."""
        port = self._require()
        with self._write_lock:
            self._write(port, data)

    def send_job(self, data: bytes, on_chunk: Callable[[int], None] | None = None) -> int:
        """Send job bytes in drained chunks, obeying XOFF and DSR; returns bytes sent.

        Raises LinkTimeout when the printer holds the line longer than write_timeout_s, and
        LinkError when the line breaks; `on_chunk(sent_so_far)` lets a caller watch progress.
        """
        s = self.settings
        sent = 0
        wire_due = time.monotonic()
        for start in range(0, len(data), s.chunk_bytes):
            port = self._require()
            self._wait_for_permission(port)
            # Stay at most one chunk ahead of the wire. On a UART tcdrain already waited that
            # long; a pty or socket drains at once and would otherwise queue kilobytes past an XOFF.
            chunk_s = s.wire_seconds(min(s.chunk_bytes, len(data) - start))
            wire_due = max(wire_due, time.monotonic()) + chunk_s
            with self._write_lock:
                self._write(port, data[start : start + s.chunk_bytes])
                try:
                    port.flush()  # tcdrain: keeps at most one chunk in flight after an XOFF
                except (serial.SerialException, OSError, termios.error) as exc:
                    self._broken(port, f"drain failed: {exc.__class__.__name__}")
                    raise LinkError(self.last_error) from exc
            sent += min(s.chunk_bytes, len(data) - start)
            if on_chunk is not None:
                on_chunk(sent)
            ahead = wire_due - chunk_s - time.monotonic()
            if ahead > 0:
                time.sleep(ahead)
        return sent

    def _wait_for_permission(self, port: serial.SerialBase) -> None:
        deadline = time.monotonic() + self.settings.write_timeout_s
        while True:
            if self._serial is not port:
                raise LinkError(self.last_error or "line closed")
            if self._may_send.is_set() and _dsr_allows(port, self.settings.flow_control):
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LinkTimeout("printer held the line (XOFF/DSR) past the write timeout")
            self._may_send.wait(min(0.05, remaining))

    def _require(self) -> serial.SerialBase:
        port = self._serial
        if port is None:
            raise LinkError(self.last_error or "line not open")
        return port

    def _write(self, port: serial.SerialBase, data: bytes) -> None:
        try:
            port.write(data)
        except serial.SerialTimeoutException as exc:
            raise LinkTimeout("write timed out (RTS/CTS held)") from exc
        except (serial.SerialException, OSError, TypeError, AttributeError) as exc:
            self._broken(port, f"write failed: {exc.__class__.__name__}")
            raise LinkError(self.last_error) from exc


def _dsr_allows(port: serial.SerialBase, flow: str) -> bool:
    """With DSR/DTR flow the printer drops DSR when busy; a pty has no modem lines."""
    if flow != "dsrdtr":
        return True
    try:
        return bool(port.dsr)
    except (serial.SerialException, OSError, ValueError):
        return True


def _drain(box: queue.Queue[Reply]) -> None:
    while True:
        try:
            box.get_nowait()
        except queue.Empty:
            return
