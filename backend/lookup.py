"""Come back and print: any terminal may read an application another terminal sent, with the
applicant's proof — the application number from the receipt and the last 6 characters of the
applicant's ID number (operator, investor or legal representative).

A wrong proof and an unknown number get the same answer, so the endpoint does not tell which
numbers exist. After MAX_WRONG_PROOFS wrong proofs for one application number within
WRONG_PROOF_WINDOW, further attempts are refused for the rest of the window (429): a 6-character
tail has about 1.1 million values, and the lock keeps guessing far out of reach.
"""

from __future__ import annotations

import hmac
import json
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import forms
from backend import forms_bridge
from backend.domain_errors import NotFound, TooManyAttempts
from backend.models import ApplicationRecord, AuditEvent
from wire.numbers import id_prefix, parse_number

MAX_WRONG_PROOFS = 5
WRONG_PROOF_WINDOW = timedelta(hours=1)
WRONG_PROOF = "wrong-proof"
UUID_LENGTH = 36
MAX_CANDIDATES = 8  # applications sharing one number: far more than 48 random bits give


def no_such_application() -> NotFound:
    return NotFound(
        WRONG_PROOF,
        "申请编号或身份证件号码后 6 位不正确，请核对回执后重试。",
        "The application number or the last 6 characters of the ID number do not match; "
        "check the receipt and try again.",
    )


def wrong_proofs(session: Session, application_id: str, now: datetime) -> int:
    statement = select(func.count()).where(
        AuditEvent.target == application_id,
        AuditEvent.action == "lookup",
        AuditEvent.outcome == WRONG_PROOF,
        AuditEvent.at > now - WRONG_PROOF_WINDOW,
    )
    return session.connection().execute(statement).scalar_one()


def lock_key(reference: str) -> str:
    """Wrong proofs are counted per application number, whichever spelling was sent (the
    number from the receipt or a whole application id), so switching spelling gains nothing."""
    return parse_number(reference) or reference[:64]


def look_up(
    session: Session, reference: str, id_number_tail: str, now: datetime
) -> ApplicationRecord:
    """The application, if the proof matches; NotFound or TooManyAttempts otherwise.

    `reference` is the receipt's application number (wire.numbers: the first 12 hex digits of
    the id) or a whole application id. Every application the number can stand for is checked
    against the tail, so a (rare) shared number still finds the right one."""
    if wrong_proofs(session, lock_key(reference), now) >= MAX_WRONG_PROOFS:
        raise TooManyAttempts(
            "too-many-attempts",
            "该申请编号的核验失败次数过多，请一小时后再试或到窗口办理。",
            "Too many wrong attempts for this application number; try again in an hour or "
            "ask at the counter.",
        )
    number = parse_number(reference)
    if number is None:
        raise no_such_application()
    candidates = session.scalars(
        select(ApplicationRecord)
        .where(ApplicationRecord.id.like(id_prefix(number) + "%"))
        .order_by(ApplicationRecord.received_at)
        .limit(MAX_CANDIDATES)
    ).all()
    tail = forms_bridge.normalise_id_number(id_number_tail)
    whole_id = reference.strip().lower() if len(reference.strip()) == UUID_LENGTH else None
    for record in candidates:
        if whole_id is not None and record.id != whole_id:
            continue  # a whole id was sent: only that application, not its number's other holders
        try:
            application = forms.Application.from_json(json.loads(record.body))
            id_number = forms_bridge.applicant_id_number(application)
        except (ValueError, forms.ApplicationFormatError):
            id_number = None
        if id_number is not None and hmac.compare_digest(id_number[-6:].encode(), tail.encode()):
            return record
    raise no_such_application()
