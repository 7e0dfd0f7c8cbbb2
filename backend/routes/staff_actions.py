"""One audited transaction per staff request: who, what, to what, and how it ended.

A refused attempt (bad token, wrong role, a level too low, nothing to decide) rolls back the
request's own transaction, so it is recorded in a second one before the refusal is answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from backend import audit
from backend.context import BackendContext
from backend.domain_errors import DomainError
from backend.models import StaffToken
from backend.refusals import ApiRefusal
from backend.staff_auth import StaffRole, require_role, staff_member
from backend.steps import Actor


@dataclass(frozen=True)
class StaffAct:
    session: Session
    member: StaffToken
    role: StaffRole

    @property
    def actor(self) -> Actor:
        return Actor(id=self.member.staff_id, name=self.member.name)


@contextmanager
def staff_action(
    ctx: BackendContext,
    authorization: str | None,
    roles: set[StaffRole],
    action: str,
    target: str = "",
) -> Iterator[StaffAct]:
    actor = audit.ANONYMOUS
    try:
        with ctx.transaction() as session:
            member = staff_member(session, authorization)
            actor = member.staff_id
            role = require_role(member, roles)
            yield StaffAct(session, member, role)
            audit.record(session, at=ctx.now(), actor=actor, action=action, target=target)
    except (ApiRefusal, DomainError) as refused:
        code = refused.message.code
        with ctx.transaction() as session:
            audit.record(
                session, at=ctx.now(), actor=actor, action=action, target=target, outcome=code
            )
        raise
