"""wire/: the package's own signer agrees with the README, its key files are private and
refuse bad shapes, and nothing in the backend's data gives a key away."""

from __future__ import annotations

import json
import stat

import pytest

import wire


def test_signer_reproduces_the_readme_vector():
    key = wire.KioskKey.from_seed(
        "NH-GC-001",
        bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
    )
    headers = key.sign(
        "POST", "/v1/applications", b"{}", now=1764400000, nonce="q3sV0c1uJ2m9xS8kP4tYbA"
    )
    assert headers[wire.HEADER_KEY_ID] == "21fe31dfa154a261"
    assert headers[wire.HEADER_SIGNATURE].startswith("dae95404f919b65c")


def test_every_signature_uses_a_fresh_nonce():
    key = wire.KioskKey.generate("K")
    nonces = {key.sign("GET", "/v1/health")[wire.HEADER_NONCE] for _ in range(200)}
    assert len(nonces) == 200 and all(wire.NONCE_PATTERN.match(n) for n in nonces)


def test_a_signature_does_not_verify_under_another_key_or_a_changed_body():
    key, other = wire.KioskKey.generate("K"), wire.KioskKey.generate("K")
    h = key.sign("POST", "/x", b"body", now=1, nonce="n" * 16)
    canonical = wire.canonical_request("K", key.key_id, "POST", "/x", "1", "n" * 16, b"body")
    assert wire.signature_matches(key.public_raw, canonical, h[wire.HEADER_SIGNATURE])
    assert wire.signature_matches(key.public_raw, canonical, h[wire.HEADER_SIGNATURE].upper())
    assert not wire.signature_matches(other.public_raw, canonical, h[wire.HEADER_SIGNATURE])
    changed = wire.canonical_request("K", key.key_id, "POST", "/x", "1", "n" * 16, b"bodY")
    assert not wire.signature_matches(key.public_raw, changed, h[wire.HEADER_SIGNATURE])
    for junk in ("", "é" * 128, "0" * 127, "g" * 128):
        assert not wire.signature_matches(key.public_raw, canonical, junk)


def test_key_file_round_trip_is_private_and_refuses_bad_shapes(tmp_path):
    key = wire.KioskKey.generate("NH-GC-001", backend_url="http://127.0.0.1:8700")
    path = tmp_path / "keys" / "k.json"
    key.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = wire.KioskKey.load(path)
    assert (loaded.kiosk_id, loaded.key_id, loaded.backend_url) == (
        key.kiosk_id, key.key_id, "http://127.0.0.1:8700"
    )
    data = json.loads(path.read_text())
    for broken in (
        {**data, "format": "kiosk-key/1"},
        {**data, "private_key": "c2hvcnQ="},
        {**data, "key_id": "0" * 16},
        {**data, "kiosk_id": "bad id!"},
        {k: v for k, v in data.items() if k != "private_key"},
    ):
        with pytest.raises(wire.KeyFileError):
            wire.KioskKey.from_json(json.dumps(broken))
    with pytest.raises(wire.KeyFileError):
        wire.KioskKey.load(tmp_path / "missing.json")
    (tmp_path / "latin1.json").write_bytes(b"\xff\xfe")
    with pytest.raises(wire.KeyFileError):
        wire.KioskKey.load(tmp_path / "latin1.json")


def test_licence_shape_carries_lists_and_joins_with_forms_clauses():
    from datetime import date

    from forms.licence import GENERAL_CLAUSE, LICENSED_CLAUSE

    licence = wire.LicenceData(
        credit_code="92440605MA0000001X",
        name="佛山市南海区桂城甲乙丙百货店",
        entity_type_zh="个体工商户",
        entity_type_en="Individual business",
        representative="陈志明",
        address="佛山市南海区桂城街道",
        scope_general=["日用百货销售", "文具用品零售"],
        scope_licensed=["食品销售"],
        authority_zh="佛山市南海区市场监督管理局",
        authority_en="Nanhai",
        established_on=date(2027, 1, 1),
        issued_on=date(2027, 1, 1),
        verify_url="http://x/v1/licences/92440605MA0000001X/verify",
    )
    general, licensed = licence.scope_wording()
    assert general == f"一般项目：日用百货销售；文具用品零售{GENERAL_CLAUSE}"
    assert licensed == f"许可项目：食品销售{LICENSED_CLAUSE}"
    assert licence.term_text() == ("长期", "Long-term")
