"""The terminal's local tables: applications, their outbox entries, print jobs and audit events.

Times are Unix seconds (REAL): one clock, no time-zone conversions between the relay thread,
the UI thread and a technician's shell. Personal data lives only in the `*_sealed` columns
(AES-GCM, see `sealing.py`); every other column is an id, a state, a count or a code.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ApplicationRow(Base):
    """One confirmed application. `sealed` holds the exact request body the relay sends (so every
    retry carries the same bytes the backend's idempotency check hashes) plus the signatures."""

    __tablename__ = "applications"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(48), unique=True)
    service: Mapped[str] = mapped_column(String(64))
    confirmed_at: Mapped[float] = mapped_column(Float)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    purged_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    # Revision 0002: what the backend decided, polled until it is final.
    decision_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    decision_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    decision_checked_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class OutboxEntry(Base):
    """The application's way to the backend: pending -> delivered, or parked for a technician."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), unique=True)
    state: Mapped[str] = mapped_column(String(16))  # pending | delivered | parked
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[float] = mapped_column(Float)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)
    http_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    delivered_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    # The backend's refusal body: it may quote what the citizen typed, so it is sealed.
    reason_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)

    __table_args__ = (Index("ix_outbox_state_due", "state", "next_attempt_at"),)


class PrintJobRow(Base):
    """A receipt or licence to print; `state` follows `printing.JobState`."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"))
    kind: Mapped[str] = mapped_column(String(16))  # receipt | licence
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    flag_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reprint_of: Mapped[int | None] = mapped_column(ForeignKey("print_jobs.id"), nullable=True)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_print_jobs_state", "state"),)


class AuditEvent(Base):
    """What happened, to which application or job, by id only: never a name or an ID number."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(32))
    application_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    job_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str | None] = mapped_column(String(200), nullable=True)
