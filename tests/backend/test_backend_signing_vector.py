"""An independent client, written from wire/README.md's text alone (it imports nothing of wire):
the README's test vector holds, and a request signed this way is accepted by a live backend."""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

README = Path(__file__).resolve().parents[2] / "wire" / "README.md"


def vector() -> dict[str, str]:
    block = re.search(r"```test-vector\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "wire/README.md has no test-vector block"
    return dict(line.split(": ", 1) for line in block.group(1).strip().splitlines())


def canonical(kiosk_id, key_id, method, target, timestamp, nonce, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    lines = ["KIOSK-ED25519", kiosk_id, key_id, method.upper(), target, timestamp, nonce, digest]
    return "\n".join(lines).encode("utf-8")


def public_raw(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def test_the_readme_vector_holds():
    v = vector()
    private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(v["private_key_hex"]))
    assert public_raw(private).hex() == v["public_key_hex"]  # = RFC 8032 §7.1 TEST 1
    assert hashlib.sha256(public_raw(private)).hexdigest()[:16] == v["key_id"]
    body = v["body"].encode("utf-8")
    assert hashlib.sha256(body).hexdigest() == v["body_sha256"]
    message = canonical(
        v["kiosk_id"], v["key_id"], v["method"], v["target"], v["timestamp"], v["nonce"], body
    )
    assert private.sign(message).hex() == v["signature"]  # Ed25519 is deterministic
    private.public_key().verify(bytes.fromhex(v["signature"]), message)


def test_a_request_signed_independently_is_accepted(backend):
    """Registered with the public key only, exactly as add-kiosk stores it."""
    from backend.clock import utcnow
    from backend.models import Kiosk, KioskPublicKey

    private = Ed25519PrivateKey.generate()
    raw = public_raw(private)
    key_id = hashlib.sha256(raw).hexdigest()[:16]
    kiosk_id = f"INDEPENDENT-{secrets.token_hex(3)}"
    with backend.session() as session, session.begin():
        session.add(Kiosk(id=kiosk_id, enabled=True, created_at=utcnow()))
        session.flush()
        session.add(KioskPublicKey(kiosk_id=kiosk_id, key_id=key_id, public_key=raw, created_at=utcnow()))
    target = f"/v1/kiosks/{kiosk_id}/heartbeat"
    body = b'{"outbox_depth": 0}'
    timestamp, nonce = str(int(time.time())), secrets.token_urlsafe(16)
    signature = private.sign(canonical(kiosk_id, key_id, "POST", target, timestamp, nonce, body))
    headers = {
        "X-Kiosk-Id": kiosk_id,
        "X-Kiosk-Key-Id": key_id,
        "X-Kiosk-Timestamp": timestamp,
        "X-Kiosk-Nonce": nonce,
        "X-Kiosk-Signature": signature.hex(),
        "Content-Type": "application/json",
    }
    response = httpx.post(f"{backend.url}{target}", content=body, headers=headers)
    assert response.status_code == 204, response.text
