"""The seam between the relay and the terminal's request signing.

The relay signs every attempt anew through `RequestSigner`; the wire package's per-terminal
Ed25519 signer satisfies it, and tests use an HMAC signer of their own. The relay never sees
the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class RequestSigner(Protocol):
    def headers(self, method: str, path: str, body: bytes) -> Mapping[str, str]:
        """Authentication headers for one request. `path` is the request target as sent
        (percent-encoded path, plus "?query" when there is one); `body` the exact bytes."""
        ...
