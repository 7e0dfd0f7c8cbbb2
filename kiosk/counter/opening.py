"""Open everything behind the counter from the terminal's configuration, and close it again.

Called once just after the first frame, off the UI thread (SQLAlchemy, httpx and the printers'
ports cost a few hundred milliseconds the attract screen must not wait for). A part that cannot
open (no key file, a bad printer model) leaves the terminal without a counter: it says on the
confirm stage that it cannot submit, and the log says why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import KioskConfig, printers_config

from .counter import Counter
from .documents import Site
from .embedded import EMBEDDED, EmbeddedBackend

log = logging.getLogger("kiosk.counter")


@dataclass
class OpenCounter:
    counter: Counter
    relay: object
    printers: object
    backend: EmbeddedBackend | None
    url: str
    heartbeat: object = None  # kiosk.diagnostics.heartbeat.Heartbeat

    def close(self) -> None:
        if self.heartbeat is not None:
            self.heartbeat.stop()
        self.relay.stop()
        if self.counter.collection is not None:
            self.counter.collection.close()
        self.printers.close()
        self.counter.store.close()
        if self.backend is not None:
            self.backend.stop()


def backend_of(cfg: KioskConfig) -> tuple[str, Path, EmbeddedBackend | None]:
    """(url, key file, the embedded backend when the configuration asks for one)."""
    if cfg.backend.url == EMBEDDED:
        embedded = EmbeddedBackend(cfg.data_dir / "embedded-backend", cfg.terminal.id)
        return embedded.start(), embedded.key_file, embedded
    return cfg.backend.url, cfg.backend.key_file, None


def open_counter(cfg: KioskConfig, *, on_decision=None, on_parked=None) -> OpenCounter:
    from kiosk.store import Store
    from kiosk.sync import Backoff, KeyFileSigner, OutboxRelay
    from printer import open_printers

    from .collection import Collection

    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    url, key_file, embedded = backend_of(cfg)
    try:
        signer = KeyFileSigner(key_file)
        store = Store.open(cfg.data_dir, key_file, terminal_id=cfg.terminal.id,
                           retention_days=cfg.privacy.retention_days)
        printers = open_printers(printers_config(cfg))
    except Exception:
        if embedded is not None:
            embedded.stop()
        raise
    relay = OutboxRelay(store, url, signer, timeout_seconds=cfg.backend.timeout_seconds,
                        backoff=Backoff(cfg.sync.backoff_base_seconds, cfg.sync.backoff_cap_seconds),
                        poll_seconds=cfg.sync.poll_seconds, parallel=cfg.sync.parallel_requests,
                        on_decision=on_decision, on_parked=on_parked)
    site = Site(cfg.terminal.site_name, cfg.terminal.site_name_en, cfg.terminal.id, cfg.counter.help_line)
    counter = Counter(store, printers.receipt, printers.licence, site,
                      stock=cfg.printers.licence.stock, relay=relay,
                      collection=Collection(url, signer, cfg.backend.timeout_seconds),
                      pdf_dir=cfg.data_dir / "licences")
    log.info("counter open: backend %s%s", url, " (embedded)" if embedded else "")
    from kiosk.diagnostics.heartbeat import Heartbeat

    def devices() -> list[tuple[str, str, str]]:
        found = []
        for name, driver in (("receipt-printer", printers.receipt), ("licence-printer", printers.licence)):
            status = driver.status()
            found.append((name, status.state.value, status.detail))
        return found

    heartbeat = Heartbeat(cfg, url, signer, devices, cfg.diagnostics.heartbeat_seconds)
    return OpenCounter(counter, relay, printers, embedded, url, heartbeat)
