"""The machinery every virtual printer shares: a paced receiver, a print engine, faults, jobs.

Reception and printing are separate threads, as in a real printer: real-time requests (where the
model has any) are answered the moment they arrive, even while the engine is stopped, while all
other bytes wait in a receive buffer counted in BYTES, as the manuals size it ("receive buffer
4 KB"). XOFF goes out when the free space falls to XOFF_MARGIN bytes, XON when the engine has
drained it to a quarter; bytes that arrive when it is full are lost, as on a printer whose flow
control is off. An image bigger than the buffer therefore streams through it while the engine
runs, and stalls the line (XOFF) while the engine is stopped, never silently disappears.

What reached paper stays on paper: when the engine stops mid-job (paper out, cover open), the
part already printed is a finished sheet or strip (`FinishedJob.partial`), and the rest of the
job prints after the fault is cleared unless the host discards it with a command the model's
profile documents.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from printer.emulator.escpos_parser import Op
from printer.emulator.pty_port import PtyPort
from printer.settings import DEFAULT_CJK_FONT, DEFAULT_FALLBACK_FONTS

KEPT_PICTURES = 4  # the newest jobs keep their picture in memory; older ones reload it from disk
FAULTS = ("paper-out", "cover-open", "offline", "slow", "drop-bytes", "paper-near-end", "error")
STOPPING_FAULTS = {"paper-out", "cover-open", "offline", "error"}
# Bytes still free when XOFF goes out. A real UART stops within a byte or two of XOFF; here the
# host and the twin are processes on a busy machine and a pty has no wire, so up to ~800 bytes
# were seen still queued in the kernel when XOFF left: 1 kB covers them.
XOFF_MARGIN = 1024
XON, XOFF = b"\x11", b"\x13"
# A printer's ROM font is fixed-pitch: half-width Latin. WenQuanYi's Mono face (index 1) is too.
MONO_CJK_FONT = Path(f"{DEFAULT_CJK_FONT}#1")


@dataclass
class FinishedJob:
    index: int
    raw: bytes
    _image: Image.Image | None
    lines: list[str]
    qr_payloads: list[str]
    bin_path: Path | None = None
    png_path: Path | None = None
    partial: bool = False  # what came out before the engine stopped mid-job

    @property
    def image(self) -> Image.Image:
        """The paper as drawn; read back from its PNG once an old job's picture was let go."""
        if self._image is None:
            assert self.png_path is not None
            with Image.open(self.png_path) as saved:
                return saved.copy()
        return self._image

    def release_image(self) -> None:
        """Let the picture go when it is on disk (a licence page is ~9 MB in memory): a demo
        terminal that prints all day must not keep every page it ever printed."""
        if self.png_path is not None:
            self._image = None


@dataclass
class Counters:
    received: int = 0  # bytes that reached the printer
    lost: int = 0  # bytes dropped by the line (fault) or a full buffer
    xoff_sent: int = 0
    discarded_jobs: int = 0  # cleared by the host (DLE ENQ 2, DLE DC4 8) before they finished
    recover_requests: int = 0  # DLE ENQ n received (receipt), whether or not it did anything
    answers: int = 0
    pending_faults: list[tuple[str, int]] = field(default_factory=list)


class VirtualPrinter:
    """Base class; subclasses give the parser, real-time answers and the engine's commands."""

    kind = ""

    def __init__(
        self,
        baud: int = 115200,
        out_dir: Path | None = None,
        link_path: Path | None = None,
        flow: str = "xonxoff",
        buffer_bytes: int = 4096,
        slow_bytes_per_s: int = 2000,
        fonts: Iterable[Path] = (MONO_CJK_FONT, DEFAULT_CJK_FONT, *DEFAULT_FALLBACK_FONTS),
    ):
        self.baud = baud
        self.out_dir = Path(out_dir) if out_dir else None
        self.link_path = Path(link_path) if link_path else None
        self.flow = flow
        self.buffer_bytes = buffer_bytes
        self.slow_bytes_per_s = slow_bytes_per_s
        self.fonts = tuple(Path(f) for f in fonts)
        self.faults: set[str] = set()
        self.counters = Counters()
        self.jobs: list[FinishedJob] = []
        self.port: PtyPort | None = None
        self._inbuf = bytearray()  # received bytes the engine has not parsed yet
        self._held = 0  # bytes received and not yet printed: what the buffer's size limits
        self._ops: deque[Op] = deque()  # parsed from the buffer, not yet executed
        self._xoff = False
        self._cond = threading.Condition()
        self._engine_lock = threading.Lock()  # the page being printed: engine vs a clear
        self._running = False
        self._threads: list[threading.Thread] = []
        self._job_raw = bytearray()
        self._job_open = False
        self._printed_since_open = False
        self._finished: queue.Queue = queue.Queue()
        self._scan_tail = b""
        if self.out_dir:
            self.out_dir.mkdir(parents=True, exist_ok=True)

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> str:
        self.port = PtyPort(self.link_path)
        self._running = True
        for target, name in ((self._receive_loop, "receiver"), (self._engine_loop, "engine"),
                             (self._write_loop, "writer")):
            thread = threading.Thread(target=target, name=f"virtual-{self.kind}-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self.port.device_path

    @property
    def device_path(self) -> str:
        assert self.port is not None, "start() first"
        return self.port.device_path

    def stop(self) -> None:
        self._running = False
        self._finished.put(None)  # the writer finishes the jobs already closed, then stops
        with self._cond:
            self._cond.notify_all()
        for thread in self._threads:
            thread.join(timeout=10)  # the writer may still be saving a page
        if self.port:
            self.port.close()

    def __enter__(self) -> VirtualPrinter:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- faults and the cable ------------------------------------------------------------
    def raise_fault(self, name: str, after_bytes: int | None = None) -> None:
        """Raise a fault now, or once `after_bytes` more bytes have arrived (mid-job)."""
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; one of {', '.join(FAULTS)}")
        if after_bytes is not None:
            self.counters.pending_faults.append((name, self.counters.received + after_bytes))
            return
        self.faults.add(name)
        self._status_changed()

    def clear_fault(self, name: str | None = None) -> None:
        if name is None:
            self.faults.clear()
        else:
            self.faults.discard(name)
        self._status_changed()
        with self._cond:
            self._cond.notify_all()

    def pull(self) -> None:
        """Unplug the cable: the client's reads and writes fail until restore()."""
        if self.port:
            self.port.close()

    def restore(self) -> None:
        if self.port and not self.port.connected:
            self.port.open()

    @property
    def stopped(self) -> bool:
        return bool(self.faults & STOPPING_FAULTS)

    @property
    def buffered(self) -> int:
        """Bytes received and not yet printed (receive buffer, parsed commands, a partial one)."""
        with self._cond:
            return self._held + self._parser_pending()

    @property
    def incomplete_command_bytes(self) -> int:
        """Bytes of a command cut off mid-way, which waits for the rest of it."""
        with self._cond:
            return self._parser_pending()

    def wait_for_jobs(self, count: int, timeout_s: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while len(self.jobs) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    # -- reception -----------------------------------------------------------------------
    def _receive_loop(self) -> None:
        # Read about 10 ms of line time at once so a real-time request waits at most that long.
        per_read = max(1, self.baud // 10 // 100)
        next_t = time.monotonic()
        while self._running:
            port = self.port
            if port is None or not port.connected:
                time.sleep(0.05)
                continue
            data = port.read(per_read, 0.05)
            now = time.monotonic()
            if not data:
                next_t = max(next_t, now)
                continue
            # A pty has no baud rate: these bytes could not have arrived faster than 10 bits each.
            next_t = max(next_t, now) + len(data) * 10 / self.baud
            delay = next_t - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._arrived(data)

    def _arrived(self, data: bytes) -> None:
        while data:
            due = [(n, at) for n, at in self.counters.pending_faults if at <= self.counters.received + len(data)]
            if not due:
                self._take(data)
                return
            name, at = min(due, key=lambda item: item[1])
            split = max(0, at - self.counters.received)
            self._take(data[:split])
            data = data[split:]
            self.counters.pending_faults.remove((name, at))
            self.raise_fault(name)

    def _take(self, data: bytes) -> None:
        if not data:
            return
        if "drop-bytes" in self.faults:
            self.counters.lost += len(data)
            return
        self.counters.received += len(data)
        # Bytes before a real-time request are buffered first: a clear discards exactly what
        # came before it, never what follows.
        pos = 0
        for end, op in self._scan_realtime(data):
            self._buffer(data[pos:end])
            pos = end
            self._on_realtime(op)
        self._buffer(data[pos:])

    def _buffer(self, data: bytes) -> None:
        with self._cond:
            room = max(0, self.buffer_bytes - self._held)
            if len(data) > room:
                self.counters.lost += len(data) - room
                data = data[:room]
            self._inbuf += data
            self._held += len(data)
            self._cond.notify_all()
            if (self.flow == "xonxoff" and not self._xoff
                    and self._held >= self.buffer_bytes - min(XOFF_MARGIN, self.buffer_bytes // 2)):
                self._xoff = True
                self.counters.xoff_sent += 1
                self.answer(XOFF)

    def _scan_realtime(self, data: bytes) -> list[tuple[int, Op]]:
        """Find real-time requests anywhere in the stream, as a printer's receive interrupt does.

        They are answered even inside another command's data, which is why a careful host never
        lets image data contain them (see printer.glyphs.avoid_realtime).
        """
        if not self.realtime_patterns:
            return []
        tail = self._scan_tail
        buf = tail + data
        found: list[tuple[int, Op]] = []
        for prefix, args, name in self.realtime_patterns:
            size = len(prefix) + (1 if args else 0)
            start = buf.find(prefix)
            while start != -1:
                end = start + size
                if end > len(tail) and end <= len(buf):
                    arg = buf[start + len(prefix)] if args else None
                    if args is None or arg in args:
                        op = Op(name, (arg,) if args else (), buf[start:end], True)
                        found.append((end - len(tail), op))
                start = buf.find(prefix, start + 1)
        self._scan_tail = buf[-(max(len(p) for p, _, _ in self.realtime_patterns)):]
        return sorted(found, key=lambda item: item[0])

    def answer(self, data: bytes) -> None:
        if self.port is not None and self.port.write(data):
            self.counters.answers += 1

    # -- the print engine ----------------------------------------------------------------
    def _engine_loop(self) -> None:
        while self._running:
            if self.stopped:
                self._stopped_mid_job()
                with self._cond:
                    self._cond.wait(0.05)
                continue
            with self._cond:
                if not self._ops and not self._inbuf:
                    self._cond.wait(0.05)
                    continue
                if not self._ops:
                    # Bytes the parser holds for a command still arriving (a big image) count
                    # as taken by the engine: a running printer streams an image through its
                    # receive buffer; a stopped one takes nothing, so the buffer fills.
                    chunk = bytes(self._inbuf[:256])
                    del self._inbuf[:256]
                    self._held -= len(chunk)
                    for parsed in self._parse(chunk):
                        if not parsed.realtime:  # real-time ones were answered on arrival
                            self._ops.append(parsed)
                            self._held += len(parsed.raw)
                    self._maybe_xon()
                    if not self._ops:
                        continue
                op = self._ops.popleft()
            if "slow" in self.faults:
                time.sleep(len(op.raw) / self.slow_bytes_per_s)  # an image prints by its size
            with self._engine_lock:
                self._execute(op)
            with self._cond:
                self._held -= len(op.raw)
                self._maybe_xon()

    def _maybe_xon(self) -> None:
        if self._xoff and self._held <= self.buffer_bytes // 4:
            self._xoff = False
            self.answer(XON)

    def _stopped_mid_job(self) -> None:
        """Paper ran out mid-job: what was printed is a finished strip or sheet; the rest goes on
        the next paper. Other stops (cover open, off line) pause on the same paper."""
        if "paper-out" not in self.faults:
            return
        with self._engine_lock:
            if self._job_open and self._printed_since_open:
                self._partial_page()
                self._printed_since_open = False

    def clear_buffers(self) -> None:
        """A documented clear (e.g. DLE DC4 8): drop everything not yet printed."""
        with self._engine_lock, self._cond:
            self._inbuf.clear()
            self._ops.clear()
            self._held = 0
            self._reset_parser()
            if self._job_open:
                self.counters.discarded_jobs += 1
                if self._printed_since_open:
                    self._partial_page()
            self._job_open = False
            self._job_raw = bytearray()
            self._printed_since_open = False
            self._new_page()
            self._maybe_xon()

    def _record(self, op: Op) -> None:
        if not self._job_open and op.name in self.job_starters:
            self._job_open = True
        if self._job_open:
            self._job_raw += op.raw
            if op.name in self.marking_ops:
                self._printed_since_open = True

    def _finish_job(self, render: Callable[[], Image.Image], lines: list[str],
                    qr_payloads: list[str], partial: bool = False) -> None:
        """Close the job (or the part of it on paper); the writer thread draws and saves it."""
        raw = bytes(self._job_raw)
        if not partial:
            self._job_open = False
        self._job_raw = bytearray()
        self._printed_since_open = False
        self._new_page()
        self._finished.put((raw, render, list(lines), list(qr_payloads), partial))

    def _write_loop(self) -> None:
        while True:
            item = self._finished.get()
            if item is None:
                return
            raw, render, lines, qr_payloads, partial = item
            job = FinishedJob(len(self.jobs) + 1, raw, render(), lines, qr_payloads, partial=partial)
            if self.out_dir:
                stem = self.out_dir / f"{self.kind}-{job.index:04d}{'-partial' if partial else ''}"
                job.bin_path, job.png_path = stem.with_suffix(".bin"), stem.with_suffix(".png")
                job.bin_path.write_bytes(job.raw)
                job.image.save(job.png_path)
            with self._cond:
                self.jobs.append(job)
                if len(self.jobs) > KEPT_PICTURES:
                    self.jobs[-KEPT_PICTURES - 1].release_image()
                self._cond.notify_all()

    # -- what subclasses provide -----------------------------------------------------------
    job_starters: frozenset[str] = frozenset()
    marking_ops: frozenset[str] = frozenset()  # ops that put ink on paper
    # (prefix, allowed argument bytes or None for none, op name) of the real-time requests
    realtime_patterns: tuple[tuple[bytes, frozenset[int] | None, str], ...] = ()

    def _parse(self, data: bytes) -> list[Op]:
        raise NotImplementedError

    def _reset_parser(self) -> None:
        raise NotImplementedError

    def _parser_pending(self) -> int:
        return self._parser.pending

    def _on_realtime(self, op: Op) -> None:
        raise NotImplementedError

    def _execute(self, op: Op) -> None:
        raise NotImplementedError

    def _new_page(self) -> None:
        raise NotImplementedError

    def _partial_page(self) -> None:
        """Close what is on paper of the open job as a partial job (FinishedJob.partial)."""
        raise NotImplementedError

    def _status_changed(self) -> None:
        """Hook: printers with automatic status back announce the change."""
