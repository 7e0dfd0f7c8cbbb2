"""Bearer tokens for people: reviewers (one per level of the ladder) and fleet viewers."""

from __future__ import annotations

import hashlib
import secrets
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import utcnow
from backend.models import StaffToken
from backend.refusals import ApiRefusal, unauthenticated
from backend.review_levels import ReviewLevel


class StaffRole(StrEnum):
    WINDOW = "window"
    SECTION = "section"
    DEPARTMENT = "department"
    DISTRICT = "district"
    FLEET = "fleet"

    @property
    def review_level(self) -> ReviewLevel | None:
        return None if self is StaffRole.FLEET else ReviewLevel(self.value)


# The column's width (models.StaffToken.name): PostgreSQL refuses a longer value outright.
STAFF_NAME_MAX = 100


def valid_staff_name(name: str) -> str:
    """The name stripped; ValueError when empty or wider than the column."""
    name = name.strip()
    if not 1 <= len(name) <= STAFF_NAME_MAX:
        raise ValueError("staff name length")
    return name


def token_hash(token: str) -> str:
    """Only the hash is stored, so a copied database does not hand out working tokens."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class StaffNameTaken(ValueError):
    """Names are unique, so a step's name beside its staff id identifies one person."""


def add_staff(session: Session, name: str, role: StaffRole) -> str:
    """Create a token and return it; it is shown once and never stored in clear."""
    name = valid_staff_name(name)
    if session.scalars(select(StaffToken).where(StaffToken.name == name)).first() is not None:
        raise StaffNameTaken(name)
    token = secrets.token_urlsafe(32)
    session.add(
        StaffToken(
            token_hash=token_hash(token),
            staff_id=f"staff:{secrets.token_hex(6)}",
            name=name,
            role=role.value,
            enabled=True,
            created_at=utcnow(),
        )
    )
    return token


def disable_staff(session: Session, who: str) -> StaffToken | None:
    """Disable a token by staff id or name; its steps and audit entries stay as they were."""
    member = session.scalars(
        select(StaffToken).where((StaffToken.staff_id == who) | (StaffToken.name == who.strip()))
    ).first()
    if member is not None:
        member.enabled = False
    return member


def staff_member(session: Session, authorization: str | None) -> StaffToken:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthenticated(
            "no-token",
            "需要工作人员令牌（Authorization: Bearer ...）。",
            "A staff token is required (Authorization: Bearer ...).",
        )
    member = session.scalars(
        select(StaffToken).where(StaffToken.token_hash == token_hash(token.strip()))
    ).first()
    if member is None or not member.enabled:
        raise unauthenticated(
            "bad-token", "令牌无效或已停用。", "The token is unknown or has been disabled."
        )
    return member


def require_role(member: StaffToken, allowed: set[StaffRole]) -> StaffRole:
    role = StaffRole(member.role)
    if role not in allowed:
        raise ApiRefusal(
            403,
            "wrong-role",
            "您的令牌无权执行此操作。",
            "Your token does not allow this action.",
        )
    return role
