"""The sync protocol between a terminal and the registration backend, in one package.

Both sides import it, so the canonical string a terminal signs and the one the backend checks
can never drift apart, and the JSON shapes are written down once. No HTTP library, no web
framework, no Qt: pydantic for the shapes, ``cryptography`` for Ed25519. See wire/README.md.
"""

from wire.keyfile import KEY_FILE_FORMAT, KeyFileError, KioskKey, write_private_file
from wire.models import (
    AddOnOutcome,
    AddOnOutcomeKind,
    ApplicationDecision,
    ApplicationLookup,
    ApplicationStatus,
    BackendHealth,
    DeviceHealth,
    FleetEntry,
    FleetView,
    HeartbeatSnapshot,
    LicenceData,
    LicenceVerification,
    Message,
    ProblemReport,
    WireProblem,
)
from wire.numbers import application_number, id_prefix, parse_number
from wire.signing import (
    ALGORITHM,
    HEADER_IDEMPOTENCY,
    HEADER_KEY_ID,
    HEADER_KIOSK,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    KEY_ID_PATTERN,
    KIOSK_ID_PATTERN,
    MAX_CLOCK_SKEW_SECONDS,
    NONCE_PATTERN,
    body_hash,
    canonical_request,
    key_id_of,
    new_nonce,
    sign,
    signature_matches,
)

__all__ = [
    "ALGORITHM", "HEADER_IDEMPOTENCY", "HEADER_KEY_ID", "HEADER_KIOSK", "HEADER_NONCE",
    "HEADER_SIGNATURE", "HEADER_TIMESTAMP", "KEY_FILE_FORMAT", "KEY_ID_PATTERN",
    "KIOSK_ID_PATTERN", "MAX_CLOCK_SKEW_SECONDS", "NONCE_PATTERN", "AddOnOutcome",
    "AddOnOutcomeKind", "ApplicationDecision", "ApplicationLookup", "ApplicationStatus",
    "BackendHealth", "DeviceHealth", "FleetEntry", "FleetView", "HeartbeatSnapshot",
    "KeyFileError", "KioskKey", "LicenceData", "LicenceVerification", "Message", "ProblemReport",
    "WireProblem", "application_number", "body_hash", "canonical_request", "id_prefix",
    "key_id_of", "new_nonce", "parse_number", "sign",
    "signature_matches", "write_private_file",
]
