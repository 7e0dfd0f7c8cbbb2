"""forms/wire.py: the canonical string is exactly what backend/README.md documents."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from forms import wire


def test_canonical_string_matches_the_documented_example():
    canonical = wire.canonical_request(
        "NH-GC-001", "post", "/v1/applications", "1764400000", "q3sV0c1uJ2m9xS8kP4tYbA", b"{}"
    )
    assert canonical == (
        b"KIOSK-HMAC-SHA256\nNH-GC-001\nPOST\n/v1/applications\n1764400000\n"
        b"q3sV0c1uJ2m9xS8kP4tYbA\n"
        b"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    )


def test_sign_produces_an_independently_checkable_hmac():
    key = bytes(range(32))
    headers = wire.sign(
        key, "K1", "GET", "/v1/fleet?x=1", b"", now=1764400000.9, nonce="abcdefghijklmnop"
    )
    assert headers[wire.HEADER_TIMESTAMP] == "1764400000"
    expected = hmac.new(
        key,
        b"KIOSK-HMAC-SHA256\nK1\nGET\n/v1/fleet?x=1\n1764400000\nabcdefghijklmnop\n"
        + hashlib.sha256(b"").hexdigest().encode(),
        hashlib.sha256,
    ).hexdigest()
    assert headers[wire.HEADER_SIGNATURE] == expected
    canonical = wire.canonical_request(
        "K1", "GET", "/v1/fleet?x=1", "1764400000", "abcdefghijklmnop", b""
    )
    assert wire.signature_matches(key, canonical, expected.upper())
    assert not wire.signature_matches(bytes(32), canonical, expected)


def test_every_signature_uses_a_fresh_nonce():
    key = wire.new_key()
    nonces = {wire.sign(key, "K", "GET", "/")[wire.HEADER_NONCE] for _ in range(200)}
    assert len(nonces) == 200
    assert all(wire.NONCE_PATTERN.match(n) for n in nonces)


def test_key_file_round_trip_and_refusals(tmp_path):
    key = wire.KioskKey(kiosk_id="NH-1", key=wire.new_key(), backend_url="http://x")
    path = tmp_path / "k.json"
    path.write_text(key.to_json())
    assert wire.KioskKey.load(path) == key
    for bad in (
        "not json",
        json.dumps({"format": "other"}),
        json.dumps({"format": "kiosk-key/1", "kiosk_id": "a", "key": "c2hvcnQ="}),
        json.dumps({"format": "kiosk-key/1", "kiosk_id": "a", "key": "%%%"}),
    ):
        path.write_text(bad)
        with pytest.raises(wire.KeyFileError):
            wire.KioskKey.load(path)
    with pytest.raises(wire.KeyFileError):
        wire.KioskKey.load(tmp_path / "missing.json")
