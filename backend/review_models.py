"""Shapes of the reviewer API (/v1/review); reviewers' tools import these, terminals do not."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from wire import ApplicationDecision


class StepView(BaseModel):
    at: datetime
    level: str
    actor: str  # stable id: "staff:…" or "system"
    actor_name: str
    action: str
    reason: str
    reference: str | None = None


class ReviewCase(BaseModel):
    """One application as a reviewer sees it: the decision, the ladder so far, the answers."""

    decision: ApplicationDecision
    service_id: str
    name: str | None
    review_level: str | None
    rejection_proposed: bool
    return_check_pending: bool = False
    steps: list[StepView]
    application: dict[str, Any] | None = None


class ReviewQueue(BaseModel):
    level: str
    cases: list[ReviewCase]


class ReviewNote(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class ApprovalNote(ReviewNote):
    """An approval's reason, and for a case automation held back for an inspection or a
    regulator's prior approval, the inspection record or approval document it rests on."""

    reference: str | None = Field(default=None, max_length=200)


class CorrectionReason(BaseModel):
    zh: str = Field(min_length=1, max_length=500)
    en: str = Field(min_length=1, max_length=500)
    code: str = Field(default="correction", max_length=64)


class ReturnForCorrection(BaseModel):
    reasons: list[CorrectionReason] = Field(min_length=1, max_length=20)
