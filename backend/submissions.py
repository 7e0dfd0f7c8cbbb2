"""POST /v1/applications: authenticate, check idempotency, validate with forms, store, decide.

One transaction per request. Exactly-once rests on the primary key of applications (= the
Idempotency-Key): the look-up before the insert only spares work on an ordinary replay; when
two posts race past it, the database refuses the second INSERT, that whole attempt rolls back,
and it answers with the first one's result. The constraint, not the look-up, decides.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import forms
from backend import forms_bridge
from backend.clock import beijing_date
from backend.context import BackendContext
from backend.decision_view import decision_of
from backend.decisions import decide
from backend.models import ApplicationRecord
from backend.new_rows import insert_new_application
from backend.refusals import ApiRefusal
from backend.terminal_auth import SignedRequest, Terminal
from wire import ApplicationDecision, ApplicationStatus, ProblemReport, WireProblem

log = logging.getLogger("backend.applications")


@dataclass(frozen=True)
class Accepted:
    decision: ApplicationDecision
    created: bool  # False = an idempotent replay of an earlier identical post


def canonical_hash(data: object) -> str:
    """Hash of the parsed JSON with sorted keys, so key order and whitespace do not count as a
    different body, while any changed answer does."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse(body: bytes) -> dict:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        # RecursionError: JSON nested deeper than Python's stack; refused like any non-JSON.
        data = None
    if not isinstance(data, dict):
        raise ApiRefusal(
            400, "not-json", "请求内容不是 JSON 对象。", "The request body is not a JSON object."
        )
    return data


def _check_key(data: dict, idempotency_key: str | None) -> str:
    if not idempotency_key or idempotency_key != data.get("id"):
        raise ApiRefusal(
            400,
            "idempotency-key",
            "Idempotency-Key 请求头必须等于申请编号（id）。",
            "The Idempotency-Key header must equal the application's id.",
        )
    if len(idempotency_key) > 64:
        raise ApiRefusal(
            400,
            "idempotency-key",
            "申请编号过长（最多 64 个字符）。",
            "The application id is too long (at most 64 characters).",
        )
    return idempotency_key


def _replay(
    existing: ApplicationRecord, body_hash: str, kiosk_id: str, ctx: BackendContext
) -> Accepted:
    # Posting is per terminal: another terminal's id is a conflict, never the first answer
    # (which would hand it someone else's decision).
    if existing.body_hash != body_hash or existing.kiosk_id != kiosk_id:
        raise ApiRefusal(
            409,
            "idempotency-conflict",
            "该申请编号已提交过不同的内容，请以新编号重新提交。",
            "This application id was already used with a different body; submit under a new id.",
        )
    return Accepted(decision_of(existing, ctx.settings), created=False)


def validated(data: dict, today: date) -> tuple[forms.Application, forms.LicenceParticulars]:
    """The forms Application and its licence particulars, or a 422 carrying exactly forms'
    problems (licence_particulars validates, so the rules run once per request)."""
    try:
        application = forms.Application.from_json(data)
        return application, forms.licence_particulars(application, today=today)
    except forms.ApplicationFormatError as exc:
        problems = [WireProblem(field="", code="format", zh=exc.zh, en=exc.en)]
    except forms.InvalidApplication as exc:
        problems = [WireProblem(field=p.field, code=p.code, zh=p.zh, en=p.en) for p in exc.problems]
    # Codes only: a problem's field path never holds the answer itself.
    log.info("application refused: %s", ",".join(sorted({p.code for p in problems})))
    raise InvalidApplication(
        ProblemReport(
            zh="申请未通过校验，请按提示修改后重新提交。",
            en="The application did not pass validation; correct it and submit again.",
            problems=problems,
        )
    )


class InvalidApplication(Exception):
    def __init__(self, report: ProblemReport) -> None:
        super().__init__(report.code)
        self.report = report


def submit(ctx: BackendContext, signed: SignedRequest, idempotency_key: str | None) -> Accepted:
    try:
        return _submit_once(ctx, signed, idempotency_key)
    except IntegrityError:
        data = _parse(signed.body)  # parsed fine before the INSERT that failed
        # The signature was good (the attempt got as far as its INSERT); its nonce rolled back.
        terminal = Terminal(id=signed.kiosk_id or "")
        # Only a concurrent post of the same id can collide here (PostgreSQL: its INSERT
        # waited for ours to commit). Everything of this attempt rolled back; answer with the
        # first post's result, or the 409 if the bodies differ.
        log.info("application %s: concurrent post lost the insert; replaying", data.get("id"))
        with ctx.transaction() as session:
            existing = session.get(ApplicationRecord, str(data.get("id")))
            if existing is None:
                raise
            return _replay(existing, canonical_hash(data), terminal.id, ctx)


ALREADY_RECEIVED = select(ApplicationRecord.id).where(ApplicationRecord.id == bindparam("id"))


def _submit_once(
    ctx: BackendContext, signed: SignedRequest, idempotency_key: str | None
) -> Accepted:
    with ctx.signed_transaction(signed) as (session, terminal):
        data = _parse(signed.body)  # after authentication: strangers learn nothing but 401
        key = _check_key(data, idempotency_key)
        return intake(session, ctx, data, key, terminal.id, TERMINAL)


# The channel an application came through (applications.channel). The web channel's "sender" is
# the pseudo-terminal WEB_SENDER: no terminal's GET reaches a web application; a terminal reads
# it only through the come-back look-up with the applicant's proof (lookup.py).
TERMINAL = "terminal"
WEB = "web"
WEB_SENDER = "web"


def intake(
    session: Session, ctx: BackendContext, data: dict, key: str, sender: str, channel: str
) -> Accepted:
    """The one intake every channel goes through: idempotency, forms' rules, the automatic
    decision or the review ladder, then the INSERTs; inside the caller's write transaction."""
    now = ctx.now()
    body_hash = canonical_hash(data)
    seen = session.connection().execute(ALREADY_RECEIVED, {"id": key}).first()
    if seen is not None:
        return _replay(session.get(ApplicationRecord, key), body_hash, sender, ctx)
    application, particulars = validated(data, beijing_date(now))
    # Decided as a plain object, then stored with plain INSERTs (see new_rows.py).
    record = _new_record(application, particulars, sender, body_hash, data, now)
    record.channel = channel
    # Terminals read the ID card before sending; the web cannot (issue 15).
    record.identity_checked = channel == TERMINAL
    decide(session, record, application, particulars, ctx.settings, record.received_at)
    insert_new_application(session, record)
    log.info("application %s from %s: %s", record.id, sender, record.status)
    return Accepted(decision_of(record, ctx.settings), created=True)


def submit_web(ctx: BackendContext, data: dict) -> Accepted:
    """A web draft's application through the same intake; a concurrent double submit replays."""
    key = str(data.get("id"))
    try:
        with ctx.transaction() as session:
            return intake(session, ctx, data, key, WEB_SENDER, WEB)
    except IntegrityError:
        with ctx.transaction() as session:
            existing = session.get(ApplicationRecord, key)
            if existing is None:
                raise
            return _replay(existing, canonical_hash(data), WEB_SENDER, ctx)


def _new_record(
    application: forms.Application,
    particulars: forms.LicenceParticulars,
    kiosk_id: str,
    body_hash: str,
    data: dict,
    now: datetime,
) -> ApplicationRecord:
    return ApplicationRecord(
        id=application.id,
        kiosk_id=kiosk_id,
        body_hash=body_hash,
        body=json.dumps(data, ensure_ascii=False),
        service_id=application.service,
        name=particulars.name or None,
        status=ApplicationStatus.RECEIVED,
        rejection_proposed=False,
        reasons=[],
        held_for=[],
        return_check_pending=False,
        applicant_key=forms_bridge.applicant_key(application),
        received_at=now,
        # A new application has none of these yet; saying so spares three lazy loads.
        addons=[],
        steps=[],
        licence=None,
    )
