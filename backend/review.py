"""The review ladder: approve, return for correction, or reject with the veto moved up.

A rejection proposed at one level takes effect only when the level whose word is final
(Settings.final_veto_level, the district by default) confirms it; every lower level's "reject"
sends the case one level up with the proposal on record. Approval or return at any level ends
it. Every action is a ReviewStep: who, when, at which level, why.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from backend.models import ApplicationRecord, ReviewStep
from backend.refusals import ApiRefusal
from backend.review_levels import LEVEL_NAMES_ZH, ReviewLevel
from forms.wire import ApplicationStatus, Message

# Grants the licence inside the caller's transaction; returns the reasons it could not.
Grant = Callable[[Session, ApplicationRecord, datetime], list[Message]]


def record_step(
    session: Session,
    record: ApplicationRecord,
    *,
    level: str,
    actor: str,
    action: str,
    reason: str,
    at: datetime,
) -> None:
    # Appended through the relationship so the record's own view of its steps is current.
    record.steps.append(ReviewStep(at=at, level=level, actor=actor, action=action, reason=reason))


def _check_can_act(record: ApplicationRecord, level: ReviewLevel) -> None:
    if record.status != ApplicationStatus.IN_REVIEW:
        raise ApiRefusal(
            409,
            "not-in-review",
            "该申请不在审核中，无法再处理。",
            "This application is not in review; there is nothing left to decide.",
        )
    current = ReviewLevel(record.review_level or ReviewLevel.WINDOW)
    if level.rank < current.rank:
        raise ApiRefusal(
            403,
            "level-too-low",
            f"该申请已提交至{LEVEL_NAMES_ZH[current]}审核，您的级别无权处理。",
            f"This application now sits at the {current.value} level, above yours.",
        )


def approve(
    session: Session,
    record: ApplicationRecord,
    *,
    level: ReviewLevel,
    actor: str,
    reason: str,
    at: datetime,
    grant: Grant,
) -> None:
    _check_can_act(record, level)
    blocking = grant(session, record, at)
    if blocking:
        raise ApiRefusal(
            409,
            blocking[0].code,
            blocking[0].zh + " 请退回申请人修改。",
            blocking[0].en + " Return the application for correction.",
        )
    record_step(session, record, level=level, actor=actor, action="approve", reason=reason, at=at)


def return_for_correction(
    session: Session,
    record: ApplicationRecord,
    *,
    level: ReviewLevel,
    actor: str,
    reasons: list[Message],
    at: datetime,
) -> None:
    _check_can_act(record, level)
    record.status = ApplicationStatus.RETURNED
    record.reasons = json.dumps([r.model_dump() for r in reasons], ensure_ascii=False)
    record.decided_at = at
    record.rejection_proposed = False
    text = "; ".join(f"{r.zh} / {r.en}" for r in reasons)
    record_step(session, record, level=level, actor=actor, action="return", reason=text, at=at)


def reject(
    session: Session,
    record: ApplicationRecord,
    *,
    level: ReviewLevel,
    actor: str,
    reason: str,
    at: datetime,
    final_level: ReviewLevel,
) -> None:
    """Propose (below the final level) or decide (at or above it) a rejection."""
    _check_can_act(record, level)
    up = level.next_up()
    if level.rank >= final_level.rank or up is None:
        record.status = ApplicationStatus.REJECTED
        record.decided_at = at
        record.review_level = level.value
        record.reasons = json.dumps(
            [
                Message(
                    code="rejected", zh=f"申请不予登记：{reason}", en=f"Refused: {reason}"
                ).model_dump()
            ],
            ensure_ascii=False,
        )
        record_step(
            session, record, level=level, actor=actor, action="reject", reason=reason, at=at
        )
        return
    action = "confirm-rejection-upwards" if record.rejection_proposed else "propose-rejection"
    record.rejection_proposed = True
    record.review_level = up.value
    record_step(session, record, level=level, actor=actor, action=action, reason=reason, at=at)
