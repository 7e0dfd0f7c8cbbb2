"""Fixtures for the terminal's store and relay: a key file, a store, a fake printer."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_fakes import TERMINAL  # noqa: E402

from kiosk.store import FieldSealer, Store  # noqa: E402


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.key"
    path.write_bytes(os.urandom(32).hex().encode())
    return path


@pytest.fixture
def clock() -> list[float]:
    return [1_764_000_000.0]


@pytest.fixture
def store(tmp_path: Path, key_file: Path, clock: list[float]) -> Store:
    s = Store(tmp_path / "data", FieldSealer.from_key_file(key_file), terminal_id=TERMINAL,
              retention_days=30, clock=lambda: clock[0])
    yield s
    s.close()
