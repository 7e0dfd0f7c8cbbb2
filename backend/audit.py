"""The audit trail: who, what, to what, when, and how it ended.

Written for every staff read and action (ok or refused), every terminal read of an application,
and every command-line change. Actors are stable ids: "staff:…" (never the display name, which
may change or repeat), "kiosk:ID", "cli:USER", or "anonymous" for a request without a valid
token. Targets are ids (application, terminal, staff), never personal data.
"""

from __future__ import annotations

import getpass
import os
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from backend.models import AuditEvent

ANONYMOUS = "anonymous"


def record(
    session: Session, *, at: datetime, actor: str, action: str, target: str = "", outcome="ok"
) -> None:
    """One plain INSERT in the caller's transaction (no ORM flush on the hot path)."""
    session.connection().execute(
        insert(AuditEvent.__table__),
        [{"at": at, "actor": actor, "action": action, "target": target[:100], "outcome": outcome}],
    )


def cli_actor() -> str:
    """The operating-system user who ran a command-line action."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry (some containers)
        return f"cli:uid-{os.getuid()}"
