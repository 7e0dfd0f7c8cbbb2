"""The sync protocol between a terminal and the registration backend.

Both sides import this one module, so the canonical string a terminal signs and the one the
backend checks can never drift apart, and the JSON shapes of the sync API are written down once.
Pure stdlib + pydantic: no HTTP library, no web framework.

Signing (HMAC-SHA256, key per terminal). The canonical string is seven lines joined by "\\n"
(no trailing newline):

    KIOSK-HMAC-SHA256
    <kiosk id>
    <METHOD, upper case>
    <request target: percent-encoded path, plus "?" and the query when there is one>
    <timestamp: Unix seconds, decimal>
    <nonce: 16-64 characters of [A-Za-z0-9_-], never reused>
    <SHA-256 of the raw body bytes, lower-case hex (the hash of b"" for no body)>

The lower-case hex HMAC-SHA256 of its UTF-8 bytes under the
terminal's key travels in ``X-Kiosk-Signature`` beside ``X-Kiosk-Id``, ``X-Kiosk-Timestamp`` and
``X-Kiosk-Nonce``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import secrets
import time
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

ALGORITHM = "KIOSK-HMAC-SHA256"
HEADER_KIOSK = "X-Kiosk-Id"
HEADER_TIMESTAMP = "X-Kiosk-Timestamp"
HEADER_NONCE = "X-Kiosk-Nonce"
HEADER_SIGNATURE = "X-Kiosk-Signature"
HEADER_IDEMPOTENCY = "Idempotency-Key"

# A terminal's clock may be off by this much before its requests are refused (issue 5: 5 minutes).
MAX_CLOCK_SKEW_SECONDS = 300
# 32 bytes = the HMAC-SHA256 block output size; a shorter key weakens the MAC (RFC 2104 §3).
KEY_BYTES = 32
KEY_FILE_FORMAT = "kiosk-key/1"

NONCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KIOSK_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def body_hash(body: bytes) -> str:
    """SHA-256 of the exact bytes sent, so a proxy that re-encodes JSON breaks the signature."""
    return hashlib.sha256(body).hexdigest()


def canonical_request(
    kiosk_id: str, method: str, target: str, timestamp: str, nonce: str, body: bytes
) -> bytes:
    """The bytes both sides MAC; see the module docstring for the exact layout."""
    lines = [ALGORITHM, kiosk_id, method.upper(), target, timestamp, nonce, body_hash(body)]
    return "\n".join(lines).encode("utf-8")


def signature(key: bytes, canonical: bytes) -> str:
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def new_nonce() -> str:
    """128 random bits: a collision within the backend's 10-minute memory is not a concern."""
    return secrets.token_urlsafe(16)


def sign(
    key: bytes,
    kiosk_id: str,
    method: str,
    target: str,
    body: bytes = b"",
    *,
    now: float | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The four authentication headers for one request. Sign each attempt anew (fresh nonce)."""
    timestamp = str(int(time.time() if now is None else now))
    nonce = nonce or new_nonce()
    canonical = canonical_request(kiosk_id, method, target, timestamp, nonce, body)
    return {
        HEADER_KIOSK: kiosk_id,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: signature(key, canonical),
    }


SIGNATURE_PATTERN = re.compile(r"^[0-9A-Fa-f]{64}$")


def signature_matches(key: bytes, canonical: bytes, presented: str) -> bool:
    """Constant-time comparison, so timing does not leak how much of a forgery was right.
    Hex is case-insensitive (upper case is accepted); anything else is simply a bad signature."""
    if not SIGNATURE_PATTERN.match(presented):
        return False
    return hmac.compare_digest(signature(key, canonical), presented.lower())


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


class KeyFileError(ValueError):
    """The terminal's key file is missing, unreadable or of the wrong shape."""


class KioskKey(BaseModel):
    """One terminal's credentials, as written by ``python -m backend add-kiosk`` (format kiosk-key/1).

    File layout (JSON, UTF-8, mode 0600)::

        {"format": "kiosk-key/1", "kiosk_id": "NH-GC-001", "algorithm": "HMAC-SHA256",
         "key": "<32 random bytes, standard base64>", "backend_url": "http://127.0.0.1:8700"}
    """

    model_config = ConfigDict(frozen=True)

    kiosk_id: str
    key: bytes
    backend_url: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "kiosk_id": self.kiosk_id,
                "algorithm": "HMAC-SHA256",
                "key": base64.b64encode(self.key).decode("ascii"),
                "backend_url": self.backend_url,
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> KioskKey:
        try:
            data = json.loads(text)
            if data.get("format") != KEY_FILE_FORMAT:
                raise KeyFileError(f"unknown key file format {data.get('format')!r}")
            key = base64.b64decode(data["key"], validate=True)
            kiosk_id = data["kiosk_id"]
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
            if isinstance(exc, KeyFileError):
                raise
            raise KeyFileError(f"key file is not valid kiosk-key/1 JSON: {exc}") from exc
        if len(key) < KEY_BYTES or not isinstance(kiosk_id, str):
            raise KeyFileError("key file holds a short key or a bad kiosk id")
        return cls(kiosk_id=kiosk_id, key=key, backend_url=data.get("backend_url"))

    @classmethod
    def load(cls, path: Path) -> KioskKey:
        try:
            return cls.from_json(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise KeyFileError(f"cannot read key file {path}: {exc.strerror}") from exc

    def sign(
        self, method: str, target: str, body: bytes = b"", *, now: float | None = None
    ) -> dict[str, str]:
        return sign(self.key, self.kiosk_id, method, target, body, now=now)


# ---------------------------------------------------------------------------------------------
# Wire models of the /v1 API. The application body itself is forms.Application.to_json().


class Message(BaseModel):
    """Every refusal the API gives: a stable code and the text in both languages, zh_CN first."""

    code: str
    zh: str
    en: str


class WireProblem(BaseModel):
    """One of forms' validation problems, field by field, exactly as the terminal shows it."""

    field: str
    code: str
    zh: str
    en: str


class ProblemReport(BaseModel):
    """Body of a 422: the application was not accepted; nothing was stored."""

    code: str = "invalid-application"
    zh: str
    en: str
    problems: list[WireProblem]


class ApplicationStatus(StrEnum):
    RECEIVED = "received"
    APPROVED = "approved"
    IN_REVIEW = "in-review"
    RETURNED = "returned"
    REJECTED = "rejected"


class AddOnOutcomeKind(StrEnum):
    PERMIT_ISSUED = "permit-issued"
    FILED = "filed"
    PENDING = "pending"
    RETURNED = "returned"  # the registration was returned for correction; decided with it
    REFUSED = "refused"


class AddOnOutcome(BaseModel):
    addon_id: str
    outcome: AddOnOutcomeKind
    number: str | None = None
    valid_until: date | None = None


class LicenceData(BaseModel):
    """What the printed business licence carries (the licence printer overprints these fields)."""

    credit_code: str
    name: str
    entity_type_zh: str
    entity_type_en: str
    representative: str
    registered_capital: str | None = None
    address: str
    scope: str
    established_on: date
    verify_url: str


class ApplicationDecision(BaseModel):
    """GET /v1/applications/{id} and the answer to POST: where the application stands."""

    id: str
    status: ApplicationStatus
    reasons: list[Message] = Field(default_factory=list)
    received_at: datetime
    decided_at: datetime | None = None
    licence: LicenceData | None = None
    addons: list[AddOnOutcome] = Field(default_factory=list)


class DeviceHealth(BaseModel):
    """One device's status as a value: ready, paper-near-end, paper-out, cover-open, offline..."""

    name: str = Field(max_length=64)
    status: str = Field(max_length=64)
    detail: str | None = Field(default=None, max_length=500)


class HeartbeatSnapshot(BaseModel):
    """A terminal's health, sent every minute or so; the fleet view keeps the latest one."""

    devices: list[DeviceHealth] = Field(default_factory=list, max_length=32)
    outbox_depth: int = Field(ge=0)
    parked: int = Field(default=0, ge=0)
    versions: dict[str, str] = Field(default_factory=dict, max_length=32)
    disk_free_bytes: int | None = Field(default=None, ge=0)
    recent_errors: list[Annotated[str, Field(max_length=500)]] = Field(
        default_factory=list, max_length=20
    )


class FleetEntry(BaseModel):
    kiosk_id: str
    enabled: bool
    last_seen_at: datetime | None
    stale: bool
    snapshot: HeartbeatSnapshot | None


class FleetView(BaseModel):
    generated_at: datetime
    stale_after_seconds: int
    kiosks: list[FleetEntry]


class LicenceVerification(BaseModel):
    """The public page behind the licence QR code: only what the licence face already shows."""

    credit_code: str
    name: str
    status: str
    established_on: date


class BackendHealth(BaseModel):
    """GET /v1/health (no signature): for a technician's check and a terminal's clock check."""

    status: str
    database: str
    server_time: datetime
    max_clock_skew_seconds: int
