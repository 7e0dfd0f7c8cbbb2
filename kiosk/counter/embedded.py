"""The demo's backend: the real one, started beside the terminal on loopback with SQLite.

`[backend] url = "embedded"` (the embedded default) makes a terminal with nothing attached
complete the whole journey: the backend runs as a child process (`python -m backend serve`),
so the terminal never imports it (the import rules in .importlinter), on a free port of
127.0.0.1, with its database and this terminal's key under `data_dir/embedded-backend/`. The
terminal registers itself once (`python -m backend add-kiosk`), exactly as an operator would
register a real one; the key file it gets is the one it signs with.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

log = logging.getLogger("kiosk.embedded")

EMBEDDED = "embedded"
PR_SET_PDEATHSIG = 1  # linux/prctl.h
START_TIMEOUT = 60.0


class EmbeddedBackendError(RuntimeError):
    pass


def _prctl():
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: the terminal's own stop() still ends it
        return None


# Resolved here, not in the child: between fork and exec nothing may import or take a lock.
_PRCTL = _prctl()


def _die_with_parent() -> None:
    """In the child before exec: ask Linux to send SIGTERM when the thread that started it
    dies (prctl(2) PR_SET_PDEATHSIG), so a killed terminal leaves no backend behind."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen | None, where: str = "",
                 timeout: float = START_TIMEOUT) -> None:
    """Until `url`/v1/health answers 200; EmbeddedBackendError when the process exits first
    or the time runs out (the benchmarks start their backends the same way)."""
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise EmbeddedBackendError(f"the backend exited with {process.returncode}; {where}")
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise EmbeddedBackendError(f"the backend did not answer within {timeout:.0f} s")


class EmbeddedBackend:
    def __init__(self, home: Path, terminal_id: str, *, port: int | None = None) -> None:
        self.home = Path(home)
        self.terminal_id = terminal_id
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.key_file = self.home / "kiosk.key"
        self._process: subprocess.Popen | None = None
        self._log = None

    def _backend(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "backend", *args, "--data-dir", str(self.home)]

    def register(self) -> Path:
        """Register this terminal once (`python -m backend add-kiosk`); returns its key file."""
        self.home.mkdir(parents=True, exist_ok=True)
        if not self.key_file.exists():
            done = subprocess.run(self._backend("add-kiosk", self.terminal_id, "--key-file",
                                                str(self.key_file), "--backend-url", self.url),
                                  capture_output=True, text=True, timeout=120)
            if done.returncode != 0:
                raise EmbeddedBackendError(f"add-kiosk failed: {done.stderr.strip()[-500:]}")
        return self.key_file

    def start(self) -> str:
        """Register this terminal if it is not yet, serve, and wait for /v1/health."""
        self.register()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._log = open(self.home / "backend.log", "ab")  # noqa: SIM115 (lives as long as the server)
        self._process = subprocess.Popen(
            self._backend("serve", "--host", "127.0.0.1", "--port", str(self.port),
                          "--log-level", "warning"),
            stdout=self._log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
            preexec_fn=_die_with_parent)
        self._wait_healthy()
        log.info("embedded backend on %s (data in %s)", self.url, self.home)
        return self.url

    def _wait_healthy(self) -> None:
        try:
            wait_healthy(self.url, self._process, f"see {self.home / 'backend.log'}")
        except EmbeddedBackendError:
            self.stop()
            raise

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(5)
        self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> EmbeddedBackend:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
