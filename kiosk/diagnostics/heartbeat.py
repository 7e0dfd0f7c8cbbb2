"""The fleet heartbeat: the checks' snapshot sent to the backend every `[diagnostics]
heartbeat_seconds`, signed like every request, so a printer running low on paper shows in the
fleet view (`GET /v1/fleet`) before it runs out.

Nothing personal leaves: devices are states, the outbox is counts, and the log lines are
redacted once more here (kiosk.logs.redact: ID, credit-code and mobile numbers) although the
log writes them redacted already.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import httpx

from kiosk.config import KioskConfig
from kiosk.logs import redact
from wire import DeviceHealth, HeartbeatSnapshot

from .checks import check_disk, check_outbox, check_recent_errors, check_versions

log = logging.getLogger("kiosk.heartbeat")


def device_states(results) -> list[tuple[str, str, str]]:
    """Device checks (kiosk.diagnostics.devices) as the fleet view's (name, status, detail)."""
    return [(r.name, str(r.data.get("state", r.level.value)), r.detail[1]) for r in results]


def snapshot(cfg: KioskConfig, devices: Callable[[], list[tuple[str, str, str]]]) -> HeartbeatSnapshot:
    """`devices()` gives (name, state, detail) of each device as the running terminal sees it."""
    outbox = check_outbox(cfg).data
    versions = check_versions(cfg).data
    errors = check_recent_errors(cfg).data.get("lines", [])
    return HeartbeatSnapshot(
        devices=[DeviceHealth(name=n[:64], status=s[:64], detail=redact(d)[:500] or None) for n, s, d in devices()],
        outbox_depth=outbox.get("pending", 0),
        parked=len(outbox.get("parked", [])),
        versions={k: str(v)[:200] for k, v in versions.items()},
        disk_free_bytes=check_disk(cfg).data.get("free_bytes"),
        recent_errors=[redact(line)[:500] for line in errors],
    )


class Heartbeat:
    def __init__(self, cfg: KioskConfig, url: str, signer, devices: Callable[[], list[tuple[str, str, str]]],
                 interval_s: float) -> None:
        self._cfg, self._url, self._signer, self._devices = cfg, url.rstrip("/"), signer, devices
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.sent = 0

    def watch(self, devices: Callable[[], list[tuple[str, str, str]]]) -> None:
        """Report these devices from now on (the terminal's printers, readers and keyboard,
        once they are all open; see kiosk.app)."""
        self._devices = devices

    def start(self) -> None:
        if self._interval > 0 and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.beat()
            self._stop.wait(self._interval)

    def beat(self) -> bool:
        """One snapshot now; False (and a log line) when it did not arrive."""
        try:
            body = snapshot(self._cfg, self._devices).model_dump_json().encode()
            path = f"/v1/kiosks/{self._cfg.terminal.id}/heartbeat"
            prefix = httpx.URL(self._url).path.rstrip("/")
            headers = {"Content-Type": "application/json", **self._signer.headers("POST", prefix + path, body)}
            answer = httpx.post(self._url + path, content=body, headers=headers,
                                timeout=self._cfg.backend.timeout_seconds)
        except Exception as exc:  # noqa: BLE001 - a heartbeat that fails must not stop the next
            log.info("heartbeat not sent: %s", type(exc).__name__)
            return False
        if answer.status_code != 204:
            log.warning("heartbeat refused: HTTP %d", answer.status_code)
            return False
        self.sent += 1
        return True
