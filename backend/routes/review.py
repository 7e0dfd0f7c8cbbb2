"""Reviewer endpoints (bearer tokens, one role per level of the ladder)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session

import forms
from backend import review
from backend.clock import as_utc, beijing_date
from backend.context import Authorization, Ctx
from backend.decision_view import decision_of
from backend.decisions import grant
from backend.models import ApplicationRecord, StaffToken
from backend.refusals import not_found
from backend.review_levels import ReviewLevel
from backend.review_models import (
    ReturnForCorrection,
    ReviewCase,
    ReviewNote,
    ReviewQueue,
    StepView,
)
from backend.settings import Settings
from backend.staff_auth import StaffRole, require_role, staff_member
from forms.wire import ApplicationStatus, Message, ProblemReport

router = APIRouter(prefix="/v1/review", tags=["review"])
REVIEWERS = {StaffRole.WINDOW, StaffRole.SECTION, StaffRole.DEPARTMENT, StaffRole.DISTRICT}
REFUSALS: dict[int | str, dict[str, Any]] = {
    400: {"model": Message, "description": "The body is not UTF-8 JSON"},
    401: {"model": Message},
    403: {"model": Message},
    404: {"model": Message},
    409: {"model": Message},
    422: {"model": ProblemReport, "description": "The body has the wrong shape"},
}


def _reviewer(session: Session, authorization: str | None) -> tuple[StaffToken, ReviewLevel]:
    member = staff_member(session, authorization)
    role = require_role(member, REVIEWERS)
    assert role.review_level is not None  # REVIEWERS holds review roles only
    return member, role.review_level


def _case(record: ApplicationRecord, settings: Settings, with_answers: bool) -> ReviewCase:
    return ReviewCase(
        decision=decision_of(record, settings),
        service_id=record.service_id,
        name=record.name,
        review_level=record.review_level,
        rejection_proposed=record.rejection_proposed,
        steps=[
            StepView(
                at=as_utc(s.at), level=s.level, actor=s.actor, action=s.action, reason=s.reason
            )
            for s in record.steps
        ],
        application=json.loads(record.body) if with_answers else None,
    )


def no_longer_valid(problems: list[forms.Problem]) -> Message:
    """The stored answers fail today's rules (a rule changed since it was received)."""
    codes = ", ".join(sorted({p.code for p in problems}))
    return Message(
        code="no-longer-valid",
        zh=f"该申请不再符合现行登记规则（{codes}）。",
        en=f"The application no longer passes the current rules ({codes}).",
    )


def _record(session: Session, application_id: str, *, lock: bool = True) -> ApplicationRecord:
    """The application; locked (PostgreSQL: FOR UPDATE) when about to be decided, so two
    reviewers acting at once take turns and the second sees the first one's outcome."""
    record = session.get(ApplicationRecord, application_id, with_for_update=lock)
    if record is None:
        raise not_found("申请", "application")
    return record


@router.get("/queue", response_model=ReviewQueue, responses=REFUSALS)
def queue(
    ctx: Ctx,
    authorization: Authorization = None,
) -> ReviewQueue:
    """Applications in review waiting at the caller's level, oldest first."""
    with ctx.transaction() as session:
        _member, level = _reviewer(session, authorization)
        records = session.scalars(
            select(ApplicationRecord)
            .where(
                ApplicationRecord.status == ApplicationStatus.IN_REVIEW,
                ApplicationRecord.review_level == level.value,
            )
            .order_by(ApplicationRecord.received_at, ApplicationRecord.id)
        ).all()
        return ReviewQueue(
            level=level.value, cases=[_case(r, ctx.settings, with_answers=False) for r in records]
        )


@router.get("/applications/{application_id}", response_model=ReviewCase, responses=REFUSALS)
def case(
    application_id: str,
    ctx: Ctx,
    authorization: Authorization = None,
) -> ReviewCase:
    """One application with its answers and every review step so far."""
    with ctx.transaction() as session:
        _reviewer(session, authorization)
        record = _record(session, application_id, lock=False)
        return _case(record, ctx.settings, with_answers=True)


@router.post(
    "/applications/{application_id}/approve", response_model=ReviewCase, responses=REFUSALS
)
def approve(
    application_id: str,
    note: ReviewNote,
    ctx: Ctx,
    authorization: Authorization = None,
) -> ReviewCase:
    """Approve at any level: issues the credit code and add-on numbers, ends the review."""
    with ctx.transaction() as session:
        member, level = _reviewer(session, authorization)
        record = _record(session, application_id)

        def _grant(s: Session, r: ApplicationRecord, at: datetime) -> list[Message]:
            try:
                application = forms.Application.from_json(json.loads(r.body))
                # As of the day it was received: a date rule must not turn on waiting time.
                particulars = forms.licence_particulars(application, today=beijing_date(r.received_at))
            except forms.InvalidApplication as exc:
                return [no_longer_valid(exc.problems)]
            except forms.ApplicationFormatError as exc:
                return [Message(code="no-longer-valid", zh=exc.zh, en=exc.en)]
            return grant(s, r, application, particulars, ctx.settings, at)

        review.approve(
            session,
            record,
            level=level,
            actor=member.name,
            reason=note.reason,
            at=ctx.now(),
            grant=_grant,
        )
        session.flush()
        return _case(record, ctx.settings, with_answers=False)


@router.post("/applications/{application_id}/return", response_model=ReviewCase, responses=REFUSALS)
def return_for_correction(
    application_id: str,
    body: ReturnForCorrection,
    ctx: Ctx,
    authorization: Authorization = None,
) -> ReviewCase:
    """Send the application back to the applicant with reasons in both languages."""
    with ctx.transaction() as session:
        member, level = _reviewer(session, authorization)
        record = _record(session, application_id)
        reasons = [Message(code=r.code, zh=r.zh, en=r.en) for r in body.reasons]
        review.return_for_correction(
            session, record, level=level, actor=member.name, reasons=reasons, at=ctx.now()
        )
        session.flush()
        return _case(record, ctx.settings, with_answers=False)


@router.post("/applications/{application_id}/reject", response_model=ReviewCase, responses=REFUSALS)
def reject(
    application_id: str,
    note: ReviewNote,
    ctx: Ctx,
    authorization: Authorization = None,
) -> ReviewCase:
    """Propose a rejection (sent one level up) or, at the final level, reject."""
    with ctx.transaction() as session:
        member, level = _reviewer(session, authorization)
        record = _record(session, application_id)
        review.reject(
            session,
            record,
            level=level,
            actor=member.name,
            reason=note.reason,
            at=ctx.now(),
            final_level=ctx.settings.final_veto_level,
        )
        session.flush()
        return _case(record, ctx.settings, with_answers=False)
