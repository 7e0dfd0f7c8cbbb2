"""Request signing between a terminal and the registration backend: Ed25519 per terminal.

Each terminal holds its own Ed25519 private key (RFC 8032) in its key file; the backend keeps
only the public keys, so a copy of the backend's database lets nobody sign as a terminal. A key
has an id (the first 16 hex characters of the SHA-256 of its 32-byte raw public key), sent in
``X-Kiosk-Key-Id``, so a terminal can be given a new key while the old one still works
(rotation overlaps until the old key is retired).

The canonical string is eight lines joined by "\\n" (no trailing newline), UTF-8:

    KIOSK-ED25519
    <kiosk id>
    <key id>
    <METHOD, upper case>
    <request target: percent-encoded path, plus "?" and the raw query when there is one>
    <timestamp: Unix seconds, decimal, exactly as in the header>
    <nonce: 16-64 characters of [A-Za-z0-9_-], never reused>
    <SHA-256 of the raw body bytes, lower-case hex (the hash of b"" for no body)>

``X-Kiosk-Signature`` carries the 64-byte Ed25519 signature of those bytes as 128 hex digits
(lower case when sent; the backend accepts either case). wire/README.md has a test vector.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALGORITHM = "KIOSK-ED25519"
HEADER_KIOSK = "X-Kiosk-Id"
HEADER_KEY_ID = "X-Kiosk-Key-Id"
HEADER_TIMESTAMP = "X-Kiosk-Timestamp"
HEADER_NONCE = "X-Kiosk-Nonce"
HEADER_SIGNATURE = "X-Kiosk-Signature"
HEADER_IDEMPOTENCY = "Idempotency-Key"

# A terminal's clock may be off by this much before its requests are refused (5 minutes).
MAX_CLOCK_SKEW_SECONDS = 300

NONCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KIOSK_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
KEY_ID_PATTERN = re.compile(r"^[0-9a-f]{16}$")
SIGNATURE_PATTERN = re.compile(r"^[0-9A-Fa-f]{128}$")


def body_hash(body: bytes) -> str:
    """SHA-256 of the exact bytes sent, so a proxy that re-encodes JSON breaks the signature."""
    return hashlib.sha256(body).hexdigest()


def canonical_request(
    kiosk_id: str,
    key_id: str,
    method: str,
    target: str,
    timestamp: str,
    nonce: str,
    body: bytes,
) -> bytes:
    """The bytes a terminal signs; see the module docstring for the exact layout."""
    lines = [ALGORITHM, kiosk_id, key_id, method.upper(), target, timestamp, nonce, body_hash(body)]
    return "\n".join(lines).encode("utf-8")


def raw_public_key(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id_of(public_raw: bytes) -> str:
    """First 16 hex characters of SHA-256(raw public key): anyone can derive it."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def new_nonce() -> str:
    """128 random bits: a collision within the backend's 10-minute memory is not a concern."""
    return secrets.token_urlsafe(16)


def sign(
    private_key: Ed25519PrivateKey,
    kiosk_id: str,
    method: str,
    target: str,
    body: bytes = b"",
    *,
    now: float | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The five authentication headers for one request. Sign each attempt anew (fresh nonce)."""
    key_id = key_id_of(raw_public_key(private_key.public_key()))
    timestamp = str(int(time.time() if now is None else now))
    nonce = nonce or new_nonce()
    canonical = canonical_request(kiosk_id, key_id, method, target, timestamp, nonce, body)
    return {
        HEADER_KIOSK: kiosk_id,
        HEADER_KEY_ID: key_id,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: private_key.sign(canonical).hex(),
    }


def signature_matches(public_raw: bytes, canonical: bytes, presented: str) -> bool:
    """Ed25519 verification. Anything that is not 128 hex digits is simply a bad signature
    (never an exception: a header can hold any byte)."""
    if not SIGNATURE_PATTERN.match(presented):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(bytes.fromhex(presented), canonical)
    except (InvalidSignature, ValueError):
        return False
    return True
