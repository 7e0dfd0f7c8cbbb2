"""Checks a terminal's signed request (Ed25519, scheme in wire/signing.py) against the
public keys in kiosk_keys.

Refusal order matters: nothing about a terminal's state (disabled) is revealed to a request
whose signature did not verify, so a forger learns only "401".

Two halves: ``verify`` checks the signature against the (remembered) public key with no
database transaction, so a refused request never takes SQLite's write lock; ``admit`` checks
the key is live and the terminal enabled and records the nonce, inside the request's write
transaction.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import DateTime, String, bindparam, delete, select
from sqlalchemy.orm import Session

import wire
from backend.models import Kiosk, KioskPublicKey, SeenNonce
from backend.refusals import ApiRefusal


@dataclass(frozen=True)
class SignedRequest:
    """The parts of one HTTP request that the signature covers, as received."""

    kiosk_id: str | None
    key_id: str | None
    timestamp: str | None
    nonce: str | None
    signature: str | None
    method: str
    target: str
    body: bytes


class NoncePruner:
    """Deletes remembered nonces older than twice the skew window, at most once a minute.

    A nonce older than the skew window can never be accepted again anyway (its timestamp is
    refused first), so forgetting it after 2 x 300 s loses no protection.
    """

    INTERVAL_SECONDS = 60

    def __init__(self, max_skew_seconds: int) -> None:
        self.keep = timedelta(seconds=2 * max_skew_seconds)
        self._last = 0.0

    def prune_if_due(self, session: Session, now: datetime) -> None:
        mono = time.monotonic()
        if mono - self._last < self.INTERVAL_SECONDS:
            return
        self._last = mono
        session.connection().execute(delete(SeenNonce).where(SeenNonce.seen_at < now - self.keep))


@dataclass(frozen=True)
class Terminal:
    """The terminal a request was proven to come from."""

    id: str


# Every refusal of a terminal request: code -> (status, zh, en).
REFUSALS: dict[str, tuple[int, str, str]] = {
    "unsigned": (
        401,
        "请求未签名：缺少终端签名请求头。",
        "The request is not signed: terminal signature headers are missing.",
    ),
    "unknown-kiosk": (
        401,
        "未登记的终端或密钥（或密钥已停用），请联系技术人员。",
        "Unknown terminal or key (or a retired key). Ask a technician.",
    ),
    "clock-skew": (
        401,
        "终端时钟偏差超过 5 分钟，请校准时间后重试。",
        "The terminal's clock is more than 5 minutes off. Correct the time and retry.",
    ),
    "bad-nonce": (
        401,
        "请求随机数格式不正确。",
        "The request nonce is malformed (16-64 characters of A-Z a-z 0-9 _ -).",
    ),
    "bad-signature": (
        401,
        "签名无效：请检查终端密钥文件。",
        "Bad signature: check the terminal's key file.",
    ),
    "replayed": (
        401,
        "重复的请求（随机数已使用）。",
        "Replayed request: this nonce was already used.",
    ),
    "kiosk-disabled": (
        403,
        "该终端已停用，请联系技术人员。",
        "This terminal has been disabled. Contact a technician.",
    ),
}


def refusal(code: str) -> ApiRefusal:
    status, zh, en = REFUSALS[code]
    return ApiRefusal(status, code, zh, en)


class PublicKeys:
    """Public keys by (terminal, key id), remembered once read.

    A key id is the hash of its public key, so a remembered entry can never be wrong; whether
    the key is retired or the terminal disabled is not remembered, it is read in the request's
    write transaction (admit). A request whose signature fails therefore costs no write lock
    and, once its key is known, no database round trip at all."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], bytes] = {}

    def get(self, session_for_read, kiosk_id: str, key_id: str) -> bytes | None:  # noqa: ANN001
        known = self._known.get((kiosk_id, key_id))
        if known is not None:
            return known
        with session_for_read() as session:
            row = (
                session.connection()
                .execute(
                    select(KioskPublicKey.public_key).where(
                        KioskPublicKey.kiosk_id == kiosk_id, KioskPublicKey.key_id == key_id
                    )
                )
                .first()
            )
        if row is None:
            return None
        self._known[(kiosk_id, key_id)] = row.public_key
        return row.public_key


def verify(
    request: SignedRequest, public_key: bytes | None, max_skew_seconds: int, now: datetime
) -> Terminal:
    """The terminal whose key signed ``request``, or ApiRefusal 401. No database, no lock."""
    if not (
        request.kiosk_id
        and request.key_id
        and request.timestamp
        and request.nonce
        and request.signature
    ):
        raise refusal("unsigned")
    if public_key is None:
        raise refusal("unknown-kiosk")
    if not _clock_agrees(request.timestamp, max_skew_seconds, now):
        raise refusal("clock-skew")
    if not wire.NONCE_PATTERN.match(request.nonce):
        raise refusal("bad-nonce")
    canonical = wire.canonical_request(
        request.kiosk_id,
        request.key_id,
        request.method,
        request.target,
        request.timestamp,
        request.nonce,
        request.body,
    )
    if not wire.signature_matches(public_key, canonical, request.signature):
        raise refusal("bad-signature")
    return Terminal(id=request.kiosk_id)


# Built once with bound parameters (see bench/backend.py): runs on every terminal request.
KEY_STATE = (
    select(Kiosk.enabled, KioskPublicKey.retired_at)
    .join(KioskPublicKey, KioskPublicKey.kiosk_id == Kiosk.id)
    .where(Kiosk.id == bindparam("kiosk_id"), KioskPublicKey.key_id == bindparam("key_id"))
)


@functools.cache
def _admit_statement(dialect: str):  # noqa: ANN202
    """INSERT the nonce only if the key is live and the terminal enabled: one round trip on the
    good path. ON CONFLICT DO NOTHING + RETURNING tells a replay apart from a refusal."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    live = (
        select(
            bindparam("kiosk_id", type_=String),
            bindparam("nonce", type_=String),
            bindparam("seen_at", type_=DateTime),
        )
        .select_from(Kiosk)
        .join(KioskPublicKey, KioskPublicKey.kiosk_id == Kiosk.id)
        # SQLite needs a WHERE in an INSERT ... SELECT ... ON CONFLICT (it has one).
        .where(
            Kiosk.id == bindparam("kiosk_id"),
            KioskPublicKey.key_id == bindparam("key_id"),
            KioskPublicKey.retired_at.is_(None),
            Kiosk.enabled.is_(True),
        )
    )
    return (
        insert(SeenNonce)
        .from_select(["kiosk_id", "nonce", "seen_at"], live)
        .on_conflict_do_nothing()
        .returning(SeenNonce.nonce)
    )


def admit(
    session: Session,
    terminal: Terminal,
    request: SignedRequest,
    pruner: NoncePruner,
    now: datetime,
) -> None:
    """In the write transaction, after a good signature: the key is live, the terminal enabled
    (403 only now, so a forger never learns it), and the nonce new — its primary key refuses a
    second copy, even one arriving at the same instant."""
    connection = session.connection()
    params = {
        "kiosk_id": terminal.id,
        "key_id": request.key_id,
        "nonce": request.nonce,
        "seen_at": now,
    }
    if connection.execute(_admit_statement(connection.dialect.name), params).first() is None:
        # Not recorded: find out why (the rare path pays the second statement).
        row = connection.execute(KEY_STATE, params).first()
        if row is None or row.retired_at is not None:
            raise refusal("unknown-kiosk")
        if not row.enabled:
            raise refusal("kiosk-disabled")
        raise refusal("replayed")
    pruner.prune_if_due(session, now)


def _clock_agrees(timestamp: str, max_skew_seconds: int, now: datetime) -> bool:
    if not timestamp.isascii() or not timestamp.isdigit():
        return False
    try:
        sent = int(timestamp)
    except ValueError:  # over Python's 4,300-digit int() limit
        return False
    return abs(now.replace(tzinfo=UTC).timestamp() - sent) <= max_skew_seconds
