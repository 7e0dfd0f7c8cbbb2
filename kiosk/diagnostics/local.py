"""The running terminal's local diagnostics socket, and `kiosk diag`'s side of it.

The terminal holds its serial ports for as long as it runs; a second program opening them would
interleave bytes with a citizen's receipt. So the terminal answers for its devices itself: a Unix
domain socket at `data_dir/run/diag.sock` (directory 0700, socket 0600: only the terminal's own
user, i.e. the technician's shell on the terminal, can connect).

Protocol: one request line, one answer line, both UTF-8 JSON, then the terminal closes.
    -> {"ask": "devices"}
    <- {"terminal": "NH-0001", "checks": [CheckResult.to_json(), ...]}
It only reads: nothing sent over it can print, change or reveal personal data. Requests are
answered one at a time, each within `ANSWER_TIMEOUT_S`; an answer is capped at 1 MB.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

from .checks import CheckResult, Level

log = logging.getLogger("kiosk.diagnostics.local")

SOCKET_NAME = "diag.sock"
ANSWER_TIMEOUT_S = 10.0
MAX_REQUEST = 4096
MAX_ANSWER = 1_000_000


def socket_path(data_dir: Path) -> Path:
    return Path(data_dir) / "run" / SOCKET_NAME


class DiagnosticsSocket:
    """Serves `answer()` (the running terminal's device checks) to `kiosk diag`."""

    def __init__(self, path: Path, terminal_id: str, answer: Callable[[], list[CheckResult]]) -> None:
        self.path, self._terminal, self._answer = Path(path), terminal_id, answer
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.served = 0

    def start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(self.path.parent, 0o700)
        if self.path.exists() or self.path.is_symlink():
            if ask_running(self.path, timeout_s=1.0) is not None:
                raise RuntimeError(f"another terminal already answers on {self.path}")
            self.path.unlink()  # left by a terminal that died: nobody listens
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # the socket file is created 0600
        try:
            server.bind(str(self.path))
        finally:
            os.umask(old)
        server.listen(4)
        server.settimeout(0.5)
        self._server = server
        self._thread = threading.Thread(target=self._serve, name="diag-socket", daemon=True)
        self._thread.start()
        log.info("diagnostics socket at %s", self.path)

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._server is not None:
            self._server.close()
            self._server = None
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                try:
                    self._one(conn)
                except Exception as exc:  # noqa: BLE001 - one bad client must not stop the next
                    log.warning("diagnostics request failed: %s", type(exc).__name__)

    def _one(self, conn: socket.socket) -> None:
        conn.settimeout(ANSWER_TIMEOUT_S)
        request = _read_line(conn, MAX_REQUEST)
        try:
            ask = json.loads(request).get("ask") if request else None
        except (ValueError, AttributeError):
            ask = None
        if ask != "devices":
            conn.sendall(json.dumps({"error": "ask for {\"ask\": \"devices\"}"}).encode() + b"\n")
            return
        checks = [r.to_json() for r in self._answer()]
        body = json.dumps({"terminal": self._terminal, "checks": checks}, ensure_ascii=False).encode()
        self.served += 1  # counted before it leaves: the client may read it at once
        conn.sendall(body[:MAX_ANSWER] + b"\n")


def _read_line(conn: socket.socket, limit: int) -> bytes:
    data = b""
    while b"\n" not in data and len(data) < limit:
        chunk = conn.recv(limit - len(data))
        if not chunk:
            break
        data += chunk
    return data.split(b"\n", 1)[0]


def ask_running(path: Path, timeout_s: float = ANSWER_TIMEOUT_S) -> list[CheckResult] | None:
    """The running terminal's device checks, or None when no terminal answers there."""
    if not Path(path).exists():
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout_s)
        try:
            conn.connect(str(path))
            conn.sendall(b'{"ask": "devices"}\n')
            line = _read_line(conn, MAX_ANSWER + 1)
        except (ConnectionRefusedError, FileNotFoundError):
            return None  # a socket file left behind by a terminal that stopped
        except OSError as exc:
            return [CheckResult("terminal", Level.FAILURE,
                                (f"终端没有回答诊断请求：{type(exc).__name__}",
                                 f"The running terminal did not answer: {type(exc).__name__}"),
                                ("终端可能卡住：查看 kiosk.log，必要时重启终端。",
                                 "The terminal may be hung: read kiosk.log, restart it if need be."))]
    try:
        answer = json.loads(line)
        return [CheckResult(c["name"], Level(c["level"]), (c["detail"]["zh"], c["detail"]["en"]),
                            (c["advice"]["zh"], c["advice"]["en"]), c.get("data", {}))
                for c in answer["checks"]]
    except (ValueError, KeyError, TypeError):
        return [CheckResult("terminal", Level.FAILURE, ("终端的回答无法读取。", "The terminal's answer cannot be read."),
                            ("版本不一致？请同时更新终端与命令行。", "Versions differ? Update both."))]
