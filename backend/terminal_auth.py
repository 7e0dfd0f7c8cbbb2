"""Checks a terminal's signed request (scheme in forms/wire.py) against the kiosks table.

Refusal order matters: nothing about a terminal's state (disabled) is revealed to a request
whose signature did not verify, so a forger learns only "401".
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from backend.db import insert_if_absent
from backend.models import Kiosk, SeenNonce
from backend.refusals import ApiRefusal
from forms import wire


@dataclass(frozen=True)
class SignedRequest:
    """The parts of one HTTP request that the signature covers, as received."""

    kiosk_id: str | None
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
        "未登记的终端，请联系技术人员登记。",
        "Unknown terminal. Ask a technician to register it.",
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


def authenticate(
    session: Session,
    request: SignedRequest,
    max_skew_seconds: int,
    pruner: NoncePruner,
    now: datetime,
) -> Terminal:
    """The terminal that sent ``request``, or ApiRefusal 401/403. Records the nonce."""
    if not (request.kiosk_id and request.timestamp and request.nonce and request.signature):
        raise refusal("unsigned")
    # A plain row, not an ORM object: this runs on every request (see bench/backend.py).
    kiosk = (
        session.connection()
        .execute(select(Kiosk.id, Kiosk.key, Kiosk.enabled).where(Kiosk.id == request.kiosk_id))
        .first()
    )
    if kiosk is None:
        raise refusal("unknown-kiosk")
    if not _clock_agrees(request.timestamp, max_skew_seconds, now):
        raise refusal("clock-skew")
    if not wire.NONCE_PATTERN.match(request.nonce):
        raise refusal("bad-nonce")
    canonical = wire.canonical_request(
        request.kiosk_id,
        request.method,
        request.target,
        request.timestamp,
        request.nonce,
        request.body,
    )
    if not wire.signature_matches(kiosk.key, canonical, request.signature):
        raise refusal("bad-signature")
    if not kiosk.enabled:
        raise refusal("kiosk-disabled")
    # The primary key refuses a second copy, even one arriving at the same instant.
    if not insert_if_absent(
        session, SeenNonce, kiosk_id=kiosk.id, nonce=request.nonce, seen_at=now
    ):
        raise refusal("replayed")
    pruner.prune_if_due(session, now)
    return Terminal(id=kiosk.id)


def _clock_agrees(timestamp: str, max_skew_seconds: int, now: datetime) -> bool:
    try:
        sent = int(timestamp)
    except ValueError:  # not a number, or over Python's 4,300-digit int() limit
        return False
    return abs(now.replace(tzinfo=UTC).timestamp() - sent) <= max_skew_seconds
