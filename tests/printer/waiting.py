"""Polling for what a virtual printer does on its own threads (imported by name, see conftest)."""

from __future__ import annotations

import time


def wait_until(predicate, timeout_s: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
