"""The review ladder: approve, return for correction, or reject with the veto moved up.

Nothing a level does is hidden from the level above it (Nanhai's 否决权上移 reform):
- a rejection below the final level (Settings.final_veto_level) is a proposal sent one level up;
- a return below the top tells the applicant at once, but waits for the level above, which
  confirms it or reopens the case at its own level (undoing the return);
- an approval of what automation held back for an inspection or a regulator's prior approval
  must name that inspection record or approval (its reference);
- every action is a step: stable staff id, name, level, action, reason, time.
Add-ons follow the case: refused with a final refusal, returned with a return, pending again
when a return is reopened. The domain raises domain errors; the routes map them to statuses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from backend.domain_errors import Conflict, OutOfReach
from backend.models import ApplicationRecord
from backend.review_levels import LEVEL_NAMES_ZH, ReviewLevel
from backend.steps import Actor, record_step
from wire import AddOnOutcomeKind, ApplicationStatus, Message

# Grants the licence inside the caller's transaction; returns the reasons it could not.
Grant = Callable[[Session, ApplicationRecord, datetime], list[Message]]

# Automation's reasons that only an outside record can settle: approving them needs a reference.
NEEDS_REFERENCE = frozenset({"inspection-needed", "name-needs-approval"})


def _check_can_act(record: ApplicationRecord, level: ReviewLevel) -> None:
    if record.status != ApplicationStatus.IN_REVIEW:
        raise Conflict(
            "not-in-review",
            "该申请不在审核中，无法再处理。",
            "This application is not in review; there is nothing left to decide.",
        )
    _check_level(record, level)


def _check_level(record: ApplicationRecord, level: ReviewLevel) -> None:
    current = ReviewLevel(record.review_level or ReviewLevel.WINDOW)
    if level.rank < current.rank:
        raise OutOfReach(
            "level-too-low",
            f"该申请已提交至{LEVEL_NAMES_ZH[current]}审核，您的级别无权处理。",
            f"This application now sits at the {current.value} level, above yours.",
        )


def _set_addons(record: ApplicationRecord, outcome: AddOnOutcomeKind) -> None:
    for addon in record.addons:
        if addon.number is None:  # an issued permit or filing is never taken back here
            addon.outcome = outcome


def approve(
    session: Session,
    record: ApplicationRecord,
    *,
    level: ReviewLevel,
    actor: Actor,
    reason: str,
    reference: str | None,
    at: datetime,
    grant: Grant,
) -> None:
    _check_can_act(record, level)
    held = sorted({r["code"] for r in record.held_for} & NEEDS_REFERENCE)
    if held and not (reference or "").strip():
        raise Conflict(
            "reference-required",
            "该申请因需现场核查或前置审批而转人工，批准时须填写核查记录或批准文件编号（reference）。",
            f"Automation held this back ({', '.join(held)}); approving it needs the inspection "
            "record or approval reference.",
        )
    blocking = grant(session, record, at)
    if blocking:
        raise Conflict(
            blocking[0].code,
            blocking[0].zh + " 请退回申请人修改。",
            blocking[0].en + " Return the application for correction.",
        )
    record_step(
        record,
        level=level,
        actor=actor,
        action="approve",
        reason=reason,
        at=at,
        reference=(reference or "").strip() or None,
    )


def return_for_correction(
    record: ApplicationRecord,
    *,
    level: ReviewLevel,
    actor: Actor,
    reasons: list[Message],
    at: datetime,
) -> None:
    """Back to the applicant now; below the top, the level above must confirm or reopen it."""
    _check_can_act(record, level)
    record.status = ApplicationStatus.RETURNED
    record.reasons = [r.model_dump() for r in reasons]
    record.decided_at = at
    record.rejection_proposed = False
    up = level.next_up()
    record.return_check_pending = up is not None
    record.review_level = (up or level).value
    _set_addons(record, AddOnOutcomeKind.RETURNED)
    text = "; ".join(f"{r.zh} / {r.en}" for r in reasons)
    record_step(record, level=level, actor=actor, action="return", reason=text, at=at)


def _check_return_to_review(record: ApplicationRecord, level: ReviewLevel) -> None:
    if not (record.status == ApplicationStatus.RETURNED and record.return_check_pending):
        raise Conflict(
            "no-return-to-check",
            "该申请没有待复核的退回。",
            "This application has no return waiting to be checked.",
        )
    _check_level(record, level)


def confirm_return(
    record: ApplicationRecord, *, level: ReviewLevel, actor: Actor, reason: str, at: datetime
) -> None:
    """The level above agrees with the return; the case stays returned."""
    _check_return_to_review(record, level)
    record.return_check_pending = False
    record_step(record, level=level, actor=actor, action="confirm-return", reason=reason, at=at)


def reopen(
    record: ApplicationRecord, *, level: ReviewLevel, actor: Actor, reason: str, at: datetime
) -> None:
    """The level above undoes a return: the case is in review again, at its own level."""
    _check_return_to_review(record, level)
    record.status = ApplicationStatus.IN_REVIEW
    record.review_level = level.value
    record.reasons = list(record.held_for)
    record.decided_at = None
    record.return_check_pending = False
    _set_addons(record, AddOnOutcomeKind.PENDING)
    record_step(record, level=level, actor=actor, action="reopen", reason=reason, at=at)


def reject(
    record: ApplicationRecord,
    *,
    level: ReviewLevel,
    actor: Actor,
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
        record.reasons = [
            Message(code="rejected", zh=f"申请不予登记：{reason}", en=f"Refused: {reason}").model_dump()
        ]
        _set_addons(record, AddOnOutcomeKind.REFUSED)
        record_step(record, level=level, actor=actor, action="reject", reason=reason, at=at)
        return
    action = "confirm-rejection-upwards" if record.rejection_proposed else "propose-rejection"
    record.rejection_proposed = True
    record.review_level = up.value
    record_step(record, level=level, actor=actor, action=action, reason=reason, at=at)
