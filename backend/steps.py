"""Who acts on an application, and the step each action leaves behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend.models import ApplicationRecord, ReviewStep


@dataclass(frozen=True)
class Actor:
    """A stable id ("staff:…", "system") and the name shown beside it at the time."""

    id: str
    name: str


SYSTEM = Actor(id="system", name="system")


def record_step(
    record: ApplicationRecord,
    *,
    level: str,
    actor: Actor,
    action: str,
    reason: str,
    at: datetime,
    reference: str | None = None,
) -> None:
    # Appended through the relationship so the record's own view of its steps is current.
    record.steps.append(
        ReviewStep(
            at=at,
            level=level,
            actor=actor.id,
            actor_name=actor.name,
            action=action,
            reason=reason,
            reference=reference,
        )
    )
