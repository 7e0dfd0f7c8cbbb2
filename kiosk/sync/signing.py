"""The seam between the relay and the terminal's request signing.

The relay signs every attempt anew through `RequestSigner`; the wire package's per-terminal
Ed25519 signer satisfies it, and tests use an HMAC signer of their own. The relay never sees
the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol


class RequestSigner(Protocol):
    def headers(self, method: str, path: str, body: bytes) -> Mapping[str, str]:
        """Authentication headers for one request. `path` is the request target as sent
        (percent-encoded path, plus "?query" when there is one); `body` the exact bytes."""
        ...


class KeyFileSigner:
    """The terminal's RequestSigner: its Ed25519 key file (wire.KioskKey, `kiosk-key/2`),
    written by `python -m backend add-kiosk`. Only the public key is on the backend."""

    def __init__(self, key_file: Path) -> None:
        from wire import KioskKey

        self.key = KioskKey.load(key_file)

    def headers(self, method: str, path: str, body: bytes) -> dict[str, str]:
        return self.key.sign(method, path, body)
