"""The counter against the real backend (a child process on loopback, SQLite) and the virtual
printers on pseudo-terminals: the same parts a demo terminal runs."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # counter_samples

from kiosk.config import Backend, KioskConfig, SessionTimes, Terminal
from kiosk.counter.embedded import EmbeddedBackend


@pytest.fixture(scope="module")
def backend(tmp_path_factory) -> Iterator[EmbeddedBackend]:
    home = tmp_path_factory.mktemp("backend")
    with EmbeddedBackend(home, "NH-TEST-001") as running:
        yield running


def register(backend: EmbeddedBackend, terminal_id: str, key_file: Path) -> Path:
    """Another terminal, registered as an operator would (python -m backend add-kiosk)."""
    subprocess.run([sys.executable, "-m", "backend", "add-kiosk", terminal_id, "--key-file",
                    str(key_file), "--data-dir", str(backend.home)], check=True, capture_output=True)
    return key_file


@pytest.fixture
def terminal_config(backend, tmp_path) -> Iterator:
    """make(terminal_id) -> a KioskConfig of a terminal registered with the test backend."""
    def make(terminal_id: str | None = None, **sections) -> KioskConfig:
        terminal_id = terminal_id or f"NH-T-{uuid.uuid4().hex[:8]}"
        data = tmp_path / terminal_id
        data.mkdir()
        key = register(backend, terminal_id, data / "kiosk.key")
        cfg = KioskConfig(terminal=Terminal(id=terminal_id), data_dir=data,
                          backend=Backend(url=backend.url, key_file=key, timeout_seconds=5.0),
                          session=SessionTimes(600, 20))
        return replace(cfg, **sections) if sections else cfg

    return make


@pytest.fixture
def open_counters() -> Iterator:
    """open(cfg) -> kiosk.counter.opening.OpenCounter, closed after the test."""
    from kiosk.counter.opening import open_counter

    opened = []

    def open_(cfg: KioskConfig, **kwargs):
        counter = open_counter(cfg, **kwargs)
        opened.append(counter)
        return counter

    yield open_
    for counter in opened:
        counter.close()

