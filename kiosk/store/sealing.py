"""Personal data at rest: AES-256-GCM under a key derived from the terminal's key file.

The database never holds its own key: a copied `kiosk-store.sqlite3` without the terminal's key
file reveals ids, states and times, not people. The field key is HKDF-SHA256 (RFC 5869) of the
key file's bytes with a fixed salt and an `info` naming this use, so the key that signs requests
and the key that seals the store are cryptographically independent (RFC 5869 §3.2: distinct
`info` values give independent keys from one input).

Each value gets a fresh 96-bit random nonce (NIST SP 800-38D §8.2.2: random nonces are safe up
to 2^32 messages under one key; a terminal seals a few values per application). The associated
data binds a ciphertext to its row and column (`"<application id>/<column>"`), so a sealed value
copied into another row fails to open instead of showing the wrong person's data.

Layout of a sealed value: version byte 0x01 | 12-byte nonce | ciphertext+16-byte tag.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = b"\x01"
NONCE_BYTES = 12
SALT = b"registration-kiosk/store"
INFO = b"kiosk store field sealing, AES-256-GCM, v1"
MIN_SECRET_BYTES = 32


class SealingError(ValueError):
    """The key file is missing or too short, or a sealed value does not open under this key."""


class FieldSealer:
    """Seals and opens the store's personal columns."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise SealingError(
                f"终端密钥过短（至少 {MIN_SECRET_BYTES} 字节）。 / "
                f"The terminal key is too short (at least {MIN_SECRET_BYTES} bytes)."
            )
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=SALT, info=INFO).derive(secret)
        self._aead = AESGCM(key)

    @classmethod
    def from_key_file(cls, path: Path) -> FieldSealer:
        """The whole file is the input keying material: whatever its format (today's HMAC key
        file, the Ed25519 key file after the wire package), its secret part is in it."""
        try:
            return cls(path.read_bytes())
        except FileNotFoundError:
            raise SealingError(
                f"找不到终端密钥文件 {path}，请技术人员按说明登记终端。 / "
                f"The terminal key file {path} is missing; a technician must register the terminal."
            ) from None

    def seal(self, plaintext: bytes, application_id: str, column: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        aad = f"{application_id}/{column}".encode()
        return VERSION + nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, application_id: str, column: str) -> bytes:
        if not sealed.startswith(VERSION) or len(sealed) < 1 + NONCE_BYTES + 16:
            raise SealingError("unknown sealed-value format")
        nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, f"{application_id}/{column}".encode())
        except InvalidTag:
            raise SealingError(
                f"application {application_id}: {column} does not open under this terminal's key"
            ) from None
