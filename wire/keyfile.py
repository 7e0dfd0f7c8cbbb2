"""A terminal's key file (format ``kiosk-key/2``) and the signer built from it.

JSON, UTF-8, created with mode 0600 (never readable by other users, written atomically):

    {"format": "kiosk-key/2", "kiosk_id": "NH-GC-001", "key_id": "<16 hex>",
     "algorithm": "Ed25519", "private_key": "<32-byte Ed25519 seed, standard base64>",
     "backend_url": "https://reg.example.gov.cn"}

The backend writes it once (``python -m backend add-kiosk``) and keeps only the public key.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from wire.signing import KIOSK_ID_PATTERN, key_id_of, raw_public_key, sign

KEY_FILE_FORMAT = "kiosk-key/2"
SEED_BYTES = 32  # RFC 8032 §5.1.5: an Ed25519 private key is 32 bytes


class KeyFileError(ValueError):
    """The terminal's key file is missing, unreadable or of the wrong shape."""


@dataclass(frozen=True)
class KioskKey:
    """One terminal's private key and identity: what signs every request it sends."""

    kiosk_id: str
    private_key: Ed25519PrivateKey
    backend_url: str | None = None

    @classmethod
    def generate(cls, kiosk_id: str, backend_url: str | None = None) -> KioskKey:
        return cls(kiosk_id, Ed25519PrivateKey.generate(), backend_url)

    @classmethod
    def from_seed(cls, kiosk_id: str, seed: bytes, backend_url: str | None = None) -> KioskKey:
        return cls(kiosk_id, Ed25519PrivateKey.from_private_bytes(seed), backend_url)

    @property
    def public_raw(self) -> bytes:
        """The 32-byte public key: all the backend stores."""
        return raw_public_key(self.private_key.public_key())

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_raw)

    def seed(self) -> bytes:
        return self.private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    def sign(
        self,
        method: str,
        target: str,
        body: bytes = b"",
        *,
        now: float | None = None,
        nonce: str | None = None,
    ) -> dict[str, str]:
        """The headers for one request (target = path + "?" + query, exactly as sent)."""
        return sign(self.private_key, self.kiosk_id, method, target, body, now=now, nonce=nonce)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "kiosk_id": self.kiosk_id,
                "key_id": self.key_id,
                "algorithm": "Ed25519",
                "private_key": base64.b64encode(self.seed()).decode("ascii"),
                "backend_url": self.backend_url,
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> KioskKey:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
                raise KeyFileError(f"not a {KEY_FILE_FORMAT} key file")
            seed = base64.b64decode(data["private_key"], validate=True)
            kiosk_id = data["kiosk_id"]
        except KeyFileError:
            raise
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise KeyFileError(f"key file is not valid {KEY_FILE_FORMAT} JSON: {exc}") from exc
        if len(seed) != SEED_BYTES or not isinstance(kiosk_id, str):
            raise KeyFileError("key file holds a key of the wrong size or a bad kiosk id")
        if not KIOSK_ID_PATTERN.match(kiosk_id):
            raise KeyFileError("key file holds a malformed kiosk id")
        key = cls.from_seed(kiosk_id, seed, data.get("backend_url"))
        if data.get("key_id") not in (None, key.key_id):
            raise KeyFileError("key file's key_id does not match its key")
        return key

    @classmethod
    def load(cls, path: Path) -> KioskKey:
        try:
            return cls.from_json(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise KeyFileError(f"cannot read key file {path}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise KeyFileError(f"key file {path} is not UTF-8") from exc

    def save(self, path: Path) -> None:
        write_private_file(Path(path), self.to_json() + "\n")


def write_private_file(path: Path, text: str) -> None:
    """Atomically, and 0600 from the first byte: never readable by other users, and a crash
    leaves either the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a power cut
    finally:
        os.close(directory)
