"""Reviewer endpoints (bearer tokens, one role per level of the ladder). Every request is
audited (routes/staff_actions.py); the ladder's rules are in backend/review.py."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from backend import review
from backend.clock import as_utc
from backend.context import Authorization, Ctx
from backend.decision_view import decision_of
from backend.decisions import grant_stored
from backend.domain_errors import NotFound
from backend.models import ApplicationRecord
from backend.review_levels import ReviewLevel
from backend.review_models import (
    ApprovalNote,
    ReturnForCorrection,
    ReviewCase,
    ReviewNote,
    ReviewQueue,
    StepView,
)
from backend.routes.staff_actions import StaffAct, staff_action
from backend.settings import Settings
from backend.staff_auth import StaffRole
from wire import ApplicationStatus, Message, ProblemReport

router = APIRouter(prefix="/v1/review", tags=["review"])
REVIEWERS = {StaffRole.WINDOW, StaffRole.SECTION, StaffRole.DEPARTMENT, StaffRole.DISTRICT}
REFUSALS: dict[int | str, dict[str, Any]] = {
    400: {"model": Message, "description": "The body is not UTF-8 JSON"},
    401: {"model": Message},
    403: {"model": Message},
    404: {"model": Message},
    409: {"model": Message},
    413: {"model": Message},
    422: {"model": ProblemReport, "description": "The body has the wrong shape"},
}


def _level(act: StaffAct) -> ReviewLevel:
    assert act.role.review_level is not None  # REVIEWERS holds review roles only
    return act.role.review_level


def _case(record: ApplicationRecord, settings: Settings, with_answers: bool) -> ReviewCase:
    return ReviewCase(
        decision=decision_of(record, settings),
        service_id=record.service_id,
        name=record.name,
        review_level=record.review_level,
        rejection_proposed=record.rejection_proposed,
        return_check_pending=record.return_check_pending,
        steps=[
            StepView(
                at=as_utc(s.at),
                level=s.level,
                actor=s.actor,
                actor_name=s.actor_name,
                action=s.action,
                reason=s.reason,
                reference=s.reference,
            )
            for s in record.steps
        ],
        application=json.loads(record.body) if with_answers else None,
    )


def _record(session: Session, application_id: str, *, lock: bool = True) -> ApplicationRecord:
    """The application; locked (PostgreSQL: FOR UPDATE) when about to be decided, so two
    reviewers acting at once take turns and the second sees the first one's outcome."""
    record = session.get(ApplicationRecord, application_id, with_for_update=lock)
    if record is None:
        raise NotFound(
            "not-found", "未找到该申请，请核对后重试。", "No such application. Check it and try again."
        )
    return record


@router.get("/queue", response_model=ReviewQueue, responses=REFUSALS)
def queue(ctx: Ctx, authorization: Authorization = None) -> ReviewQueue:
    """What waits at the caller's level, oldest first: cases in review there, and returns made
    by the level below that this level has to confirm or reopen."""
    with staff_action(ctx, authorization, REVIEWERS, "read-queue") as act:
        level = _level(act)
        at_level = ApplicationRecord.review_level == level.value
        records = act.session.scalars(
            select(ApplicationRecord)
            .where(
                at_level,
                or_(
                    ApplicationRecord.status == ApplicationStatus.IN_REVIEW,
                    and_(
                        ApplicationRecord.status == ApplicationStatus.RETURNED,
                        ApplicationRecord.return_check_pending.is_(True),
                    ),
                ),
            )
            .order_by(ApplicationRecord.received_at, ApplicationRecord.id)
        ).all()
        return ReviewQueue(
            level=level.value, cases=[_case(r, ctx.settings, with_answers=False) for r in records]
        )


@router.get("/applications/{application_id}", response_model=ReviewCase, responses=REFUSALS)
def case(application_id: str, ctx: Ctx, authorization: Authorization = None) -> ReviewCase:
    """One application with its answers (ID numbers included: this read is audited) and every
    review step so far."""
    with staff_action(ctx, authorization, REVIEWERS, "read-case", application_id) as act:
        record = _record(act.session, application_id, lock=False)
        return _case(record, ctx.settings, with_answers=True)


@router.post(
    "/applications/{application_id}/approve", response_model=ReviewCase, responses=REFUSALS
)
def approve(
    application_id: str, note: ApprovalNote, ctx: Ctx, authorization: Authorization = None
) -> ReviewCase:
    """Approve at any level: issues the credit code and add-on numbers, ends the review. A case
    held back for an inspection or a regulator's approval needs its `reference`."""
    with staff_action(ctx, authorization, REVIEWERS, "approve", application_id) as act:
        record = _record(act.session, application_id)
        review.approve(
            act.session,
            record,
            level=_level(act),
            actor=act.actor,
            reason=note.reason,
            reference=note.reference,
            at=ctx.now(),
            grant=lambda s, r, at: grant_stored(s, r, ctx.settings, at),
        )
        act.session.flush()
        return _case(record, ctx.settings, with_answers=False)


@router.post("/applications/{application_id}/return", response_model=ReviewCase, responses=REFUSALS)
def return_for_correction(
    application_id: str, body: ReturnForCorrection, ctx: Ctx, authorization: Authorization = None
) -> ReviewCase:
    """Send the application back to the applicant with reasons in both languages; below the
    top the level above sees the return and confirms or reopens it."""
    with staff_action(ctx, authorization, REVIEWERS, "return", application_id) as act:
        record = _record(act.session, application_id)
        reasons = [Message(code=r.code, zh=r.zh, en=r.en) for r in body.reasons]
        review.return_for_correction(
            record, level=_level(act), actor=act.actor, reasons=reasons, at=ctx.now()
        )
        act.session.flush()
        return _case(record, ctx.settings, with_answers=False)


@router.post("/applications/{application_id}/reject", response_model=ReviewCase, responses=REFUSALS)
def reject(
    application_id: str, note: ReviewNote, ctx: Ctx, authorization: Authorization = None
) -> ReviewCase:
    """Propose a rejection (sent one level up) or, at the final level, reject."""
    with staff_action(ctx, authorization, REVIEWERS, "reject", application_id) as act:
        record = _record(act.session, application_id)
        review.reject(
            record,
            level=_level(act),
            actor=act.actor,
            reason=note.reason,
            at=ctx.now(),
            final_level=ctx.settings.final_veto_level,
        )
        act.session.flush()
        return _case(record, ctx.settings, with_answers=False)


@router.post(
    "/applications/{application_id}/confirm-return", response_model=ReviewCase, responses=REFUSALS
)
def confirm_return(
    application_id: str, note: ReviewNote, ctx: Ctx, authorization: Authorization = None
) -> ReviewCase:
    """The level above the one that returned the case agrees: it stays returned."""
    with staff_action(ctx, authorization, REVIEWERS, "confirm-return", application_id) as act:
        record = _record(act.session, application_id)
        review.confirm_return(
            record, level=_level(act), actor=act.actor, reason=note.reason, at=ctx.now()
        )
        act.session.flush()
        return _case(record, ctx.settings, with_answers=False)


@router.post("/applications/{application_id}/reopen", response_model=ReviewCase, responses=REFUSALS)
def reopen(
    application_id: str, note: ReviewNote, ctx: Ctx, authorization: Authorization = None
) -> ReviewCase:
    """The level above undoes a return: the case is in review again, at that level."""
    with staff_action(ctx, authorization, REVIEWERS, "reopen", application_id) as act:
        record = _record(act.session, application_id)
        review.reopen(record, level=_level(act), actor=act.actor, reason=note.reason, at=ctx.now())
        act.session.flush()
        return _case(record, ctx.settings, with_answers=False)
