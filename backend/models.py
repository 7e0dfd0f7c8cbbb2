"""The backend's tables. The Alembic scripts in backend/migrations create exactly these.

Times are naive UTC everywhere: SQLite has no time zone type, and one convention on both
databases keeps comparisons (stale terminals, nonce expiry) the same.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Kiosk(Base):
    """A registered terminal. Its keys are in kiosk_keys (public halves only). Disabling a
    terminal keeps its history and its keys on record."""

    __tablename__ = "kiosks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_snapshot: Mapped[str | None] = mapped_column(Text)


class KioskPublicKey(Base):
    """A terminal's Ed25519 public key (32 raw bytes). Several may be live at once while a
    rotation overlaps; a retired key is refused but kept, so old signatures stay explainable."""

    __tablename__ = "kiosk_keys"

    kiosk_id: Mapped[str] = mapped_column(ForeignKey("kiosks.id"), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)


class SeenNonce(Base):
    """Nonces of the last 10 minutes (twice the clock-skew window): the primary key makes a
    replay fail in the database itself, even when two copies arrive at once."""

    __tablename__ = "seen_nonces"

    kiosk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)


class StaffToken(Base):
    """A reviewer's or fleet viewer's bearer token; only its SHA-256 is kept."""

    __tablename__ = "staff_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Stable id ("staff:…") recorded in review steps and the audit trail; names can change.
    staff_id: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class ApplicationRecord(Base):
    """One application as received. The id is the terminal's Idempotency-Key; the primary key
    is what makes twenty concurrent identical posts create one row."""

    __tablename__ = "applications"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(64), nullable=False)
    body_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    service_id: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    review_level: Mapped[str | None] = mapped_column(String(20))
    rejection_proposed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # What the applicant is told: [{"code", "zh", "en"}, ...]
    reasons: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    # Why automation held it back (same shape); kept when a reviewer acts, so an approval of an
    # inspection or a regulator's approval can be made to carry its reference.
    held_for: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    # A return below the top waits for the level above (review_level) to confirm or reopen it.
    return_check_pending: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # SHA-256 of service + the applicant's ID number: resubmissions after a return find their
    # earlier returns (repeated returns escalate) without a second copy of the number.
    applicant_key: Mapped[str | None] = mapped_column(String(64), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    # "terminal" or "web" (migration 0005). A web application's identity was not checked
    # against an ID card: its licence prints only at a terminal after proof.
    channel: Mapped[str] = mapped_column(
        String(16), nullable=False, default="terminal", server_default="terminal"
    )
    identity_checked: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=True, server_default=true()
    )

    licence: Mapped[Licence | None] = relationship(back_populates="application", uselist=False)
    addons: Mapped[list[AddOnRecord]] = relationship(
        back_populates="application", order_by="AddOnRecord.id"
    )
    steps: Mapped[list[ReviewStep]] = relationship(
        back_populates="application", order_by="ReviewStep.id"
    )


class Licence(Base):
    __tablename__ = "licences"

    credit_code: Mapped[str] = mapped_column(String(18), primary_key=True)
    application_id: Mapped[str] = mapped_column(
        ForeignKey("applications.id"), unique=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    entity_type_zh: Mapped[str] = mapped_column(String(50), nullable=False)
    entity_type_en: Mapped[str] = mapped_column(String(100), nullable=False)
    representative: Mapped[str] = mapped_column(String(100), nullable=False)
    registered_capital: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(Text, nullable=False)
    scope: Mapped[str] = mapped_column(Text, nullable=False)  # joined, for search and display
    scope_general: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    scope_licensed: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    established_on: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="valid")

    application: Mapped[ApplicationRecord] = relationship(back_populates="licence")


class AddOnRecord(Base):
    __tablename__ = "addon_outcomes"
    __table_args__ = (UniqueConstraint("application_id", "addon_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), nullable=False)
    addon_id: Mapped[str] = mapped_column(String(64), nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    number: Mapped[str | None] = mapped_column(String(40), unique=True)
    valid_until: Mapped[date | None] = mapped_column(Date)

    application: Mapped[ApplicationRecord] = relationship(back_populates="addons")


class ReviewStep(Base):
    """Who did what to an application, when and why: the audit trail the veto reform asks for."""

    __tablename__ = "review_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(
        ForeignKey("applications.id"), nullable=False, index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    level: Mapped[str] = mapped_column(String(20), nullable=False)
    actor: Mapped[str] = mapped_column(String(100), nullable=False)  # staff id or "system"
    actor_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    action: Mapped[str] = mapped_column(String(30), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # The inspection record or regulator's approval an approval of a held-back case rests on.
    reference: Mapped[str | None] = mapped_column(String(200))

    application: Mapped[ApplicationRecord] = relationship(back_populates="steps")


class RegisteredName(Base):
    """The district's name register: a name is taken once a licence carries it."""

    __tablename__ = "registered_names"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    application_id: Mapped[str | None] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class Counter(Base):
    """Serial numbers (credit codes, permit numbers), taken with UPDATE ... RETURNING inside the
    approving transaction so a rolled-back approval gives its number back."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class AuditEvent(Base):
    """Who (a stable staff id, "kiosk:ID" or "cli:USER"), what, to what, when, and how it ended:
    every read and action of staff, terminals' reads, refused attempts and command-line changes."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    actor: Mapped[str] = mapped_column(String(100), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    target: Mapped[str] = mapped_column(String(100), nullable=False, default="", index=True)
    outcome: Mapped[str] = mapped_column(String(40), nullable=False, default="ok")


class WebDraft(Base):
    """An application being filled in on the web. Only the SHA-256 of its link token is kept, so
    a copy of the database opens no drafts; it is gone after Settings.web_draft_hours."""

    __tablename__ = "web_drafts"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    csrf: Mapped[str] = mapped_column(String(64), nullable=False)
    # The Idempotency-Key the submission will use: a second click replays, never duplicates.
    application_id: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    service_id: Mapped[str] = mapped_column(String(64), nullable=False)
    lang: Mapped[str] = mapped_column(String(2), nullable=False, default="zh", server_default="zh")
    # {"answers": {...}, "addons": {...}, "declarations": [...], "chosen_addons": [...]}
    data: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
