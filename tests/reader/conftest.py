"""Virtual reader and scanner on real pseudo-terminals, each behind a stable symlink (as udev
gives /dev/serial/by-id names) so a driver finds the device again after unplug / plug."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.emulator.card_reader import VirtualCardReader
from reader.emulator.code_scanner import VirtualScanner


@pytest.fixture
def card_reader(tmp_path) -> Iterator[VirtualCardReader]:
    device = VirtualCardReader(link_path=tmp_path / "idcard")
    device.start()
    yield device
    device.stop()


@pytest.fixture
def scanner(tmp_path) -> Iterator[VirtualScanner]:
    device = VirtualScanner(link_path=tmp_path / "scanner")
    device.start()
    yield device
    device.stop()
