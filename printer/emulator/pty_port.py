"""A pseudo-terminal that serial clients open like a printer's port, and can be "unplugged".

The emulator keeps the slave end open itself so the master does not see a hang-up between clients.
Pulling the cable closes both ends: a client's next read or write fails, as with a USB adapter
pulled out. Restoring opens a fresh pty; with a stable link path (a symlink, as udev gives a
/dev/serial/by-id name) the client reopens the same name and finds the printer again.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import tty
from pathlib import Path

WRITE_WAIT_S = 2.0


class PtyPort:
    def __init__(self, link_path: Path | None = None):
        self.link_path = link_path
        self._master: int | None = None
        self._slave: int | None = None
        self.slave_name = ""
        # Guards the fds: a read or write never uses an fd that close() has given back, since the
        # operating system hands the same number to the next file opened (a layout being read,
        # a new pty), and a stale read would eat that file's bytes.
        self._lock = threading.Lock()
        self._generation = 0
        self.open()

    @property
    def device_path(self) -> str:
        return str(self.link_path) if self.link_path else self.slave_name

    @property
    def connected(self) -> bool:
        return self._master is not None

    def open(self) -> None:
        master, slave = os.openpty()
        tty.setraw(master)
        tty.setraw(slave)  # no echo: our replies must not come back to us before a client opens
        os.set_blocking(master, False)  # a write with nobody reading fails, never holds the lock
        with self._lock:
            self._master, self._slave = master, slave
            self._generation += 1
        self.slave_name = os.ttyname(slave)
        if self.link_path:
            tmp = self.link_path.with_name(self.link_path.name + ".new")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            tmp.symlink_to(self.slave_name)
            tmp.replace(self.link_path)

    def close(self) -> None:
        with self._lock:
            master, slave = self._master, self._slave
            self._master = self._slave = None
            self._generation += 1
            for fd in (master, slave):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
        if self.link_path:
            with contextlib.suppress(FileNotFoundError):
                self.link_path.unlink()

    def read(self, limit: int, timeout_s: float) -> bytes:
        """Up to `limit` bytes, or b"" after timeout_s; b"" too while unplugged."""
        with self._lock:
            master, generation = self._master, self._generation
        if master is None:
            return b""
        try:
            ready, _, _ = select.select([master], [], [], timeout_s)
            if not ready:
                return b""
            with self._lock:  # the fd may have been closed (and its number reused) meanwhile
                if self._generation != generation:
                    return b""
                return os.read(master, limit)
        except (OSError, ValueError):
            return b""

    def write(self, data: bytes) -> bool:
        """All of `data`, or False: the master is non-blocking, so a reply larger than what the
        pty holds (a card reader's 2.3 kB answer to a slow client) goes out in pieces as the
        client reads, for up to WRITE_WAIT_S; nobody reading at all is a cable pulled."""
        view = memoryview(data)
        deadline = time.monotonic() + WRITE_WAIT_S
        with self._lock:
            master = self._master
            if master is None:
                return False
            try:
                while view:
                    try:
                        view = view[os.write(master, view):]
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            return False
                        select.select([], [master], [], 0.05)
                return True
            except OSError:
                return False
