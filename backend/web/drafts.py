"""Web drafts kept server-side under an unguessable link, for Settings.web_draft_hours.

The link carries secrets.token_urlsafe(32) (256 bits); the table keeps only its SHA-256, so the
database cannot be used to open drafts. Each draft also has its own CSRF token (synchroniser
token pattern, OWASP CSRF Prevention Cheat Sheet), which every form on its pages carries.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

import forms
from backend.models import WebDraft

TOKEN = r"[A-Za-z0-9_-]{43}"  # token_urlsafe(32) is 43 characters


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass
class Draft:
    """What the pages read and write; stored as one JSON text in web_drafts.data."""

    token_hash: str
    csrf: str
    application_id: str
    service_id: str
    lang: str
    expires_at: datetime
    submitted_at: datetime | None = None
    answers: dict[str, object] = field(default_factory=dict)
    addons: dict[str, dict[str, object]] = field(default_factory=dict)
    chosen: list[str] = field(default_factory=list)
    declarations: list[str] = field(default_factory=list)

    def application(self) -> forms.Application:
        """The application as it stands: only the chosen add-ons' answers go in."""
        return forms.Application(
            id=self.application_id,
            service=self.service_id,
            answers=dict(self.answers),
            addons={a: dict(self.addons.get(a, {})) for a in self.chosen},
            declarations=list(self.declarations),
        )

    def csrf_ok(self, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(self.csrf.encode(), str(sent).encode())


def start(session: Session, service_id: str, lang: str, now: datetime, hours: int) -> str:
    """A new draft; returns the token for its link (shown once, never stored)."""
    session.execute(delete(WebDraft).where(WebDraft.expires_at <= now))  # expired ones go
    token = secrets.token_urlsafe(32)
    session.add(
        WebDraft(
            token_hash=token_hash(token),
            csrf=secrets.token_urlsafe(32),
            application_id=str(uuid.uuid4()),
            service_id=service_id,
            lang=lang,
            data=json.dumps({}),
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return token


def load(session: Session, token: str, now: datetime) -> Draft | None:
    """The draft behind a link, or None when there is none or it has expired (then deleted)."""
    row = session.get(WebDraft, token_hash(token))
    if row is None:
        return None
    if row.expires_at <= now:
        session.delete(row)
        return None
    data = json.loads(row.data)
    return Draft(
        token_hash=row.token_hash, csrf=row.csrf, application_id=row.application_id,
        service_id=row.service_id, lang=row.lang, expires_at=row.expires_at,
        submitted_at=row.submitted_at, answers=data.get("answers", {}),
        addons=data.get("addons", {}), chosen=data.get("chosen", []),
        declarations=data.get("declarations", []),
    )


def save(session: Session, draft: Draft) -> None:
    row = session.get(WebDraft, draft.token_hash)
    if row is None:
        return
    row.lang = draft.lang
    row.submitted_at = draft.submitted_at
    if draft.submitted_at is not None:
        # Sent: the answers now live in the application; the draft keeps only its number.
        row.data = json.dumps({})
        return
    row.data = json.dumps(
        {"answers": draft.answers, "addons": draft.addons, "chosen": draft.chosen,
         "declarations": draft.declarations},
        ensure_ascii=False,
    )
