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

MAX_WRONG_PROOFS = 5
WRONG_PROOF_WINDOW = timedelta(hours=1)
WRONG_PROOF = "wrong-proof"


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


def look_up(
    session: Session, application_id: str, id_number_tail: str, now: datetime
) -> ApplicationRecord:
    """The application, if the proof matches; NotFound or TooManyAttempts otherwise."""
    if wrong_proofs(session, application_id, now) >= MAX_WRONG_PROOFS:
        raise TooManyAttempts(
            "too-many-attempts",
            "该申请编号的核验失败次数过多，请一小时后再试或到窗口办理。",
            "Too many wrong attempts for this application number; try again in an hour or "
            "ask at the counter.",
        )
    record = session.get(ApplicationRecord, application_id)
    if record is None:
        raise no_such_application()
    try:
        application = forms.Application.from_json(json.loads(record.body))
        number = forms_bridge.applicant_id_number(application)
    except (ValueError, forms.ApplicationFormatError):
        number = None
    tail = forms_bridge.normalise_id_number(id_number_tail)
    if number is None or not hmac.compare_digest(number[-6:].encode(), tail.encode()):
        raise no_such_application()
    return record
