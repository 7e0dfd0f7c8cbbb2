"""The terminal's local store: one confirm transaction, the outbox the relay drains, and purging.

`Store.confirm` writes the application, its outbox entry and its receipt print job in ONE
transaction (durable on return, see `database.py`): after it returns the application exists and
will both print and reach the backend, whatever fails next. The relay (kiosk.sync) reads due
outbox entries and records what the backend answered; print jobs live in `printing.JobBook`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from wire.numbers import application_number

from .database import DATABASE_FILE, migrate, open_engine
from .models import ApplicationRow, AuditEvent, OutboxEntry, PrintJobRow
from .printing import JobBook, JobKind, JobState
from .sealing import FieldSealer, SealingError

if TYPE_CHECKING:
    from forms.application import Application

SECONDS_PER_DAY = 86_400
# Decisions after which the backend will not change its mind, so polling stops.
FINAL_DECISIONS = frozenset({"approved", "rejected", "returned"})


class OutboxState:
    PENDING = "pending"
    DELIVERED = "delivered"
    PARKED = "parked"


@dataclass(frozen=True)
class ConfirmedApplication:
    id: str
    number: str  # what the receipt shows and the citizen types to come back
    receipt_job_id: int
    confirmed_at: float


@dataclass(frozen=True)
class OutboxItem:
    application_id: str
    body: bytes  # the exact JSON sent, identical on every attempt
    attempts: int


@dataclass(frozen=True)
class Attention:
    """Something a technician must look at: a parked application or a flagged print job."""

    kind: str  # "parked" | "flagged"
    application_id: str
    number: str
    job_id: int | None
    reason: str  # an HTTP code and the backend's refusal code, or why the job was flagged


@dataclass(frozen=True)
class ApplicationView:
    """Where one application stands, without personal data (for diagnostics and tests)."""

    id: str
    number: str
    outbox_state: str
    attempts: int
    http_status: int | None
    last_error: str | None
    decision_status: str | None
    jobs: tuple[tuple[str, str], ...]  # (kind, state) in creation order
    purged: bool


def request_body(application_json: Mapping[str, object]) -> bytes:
    """One spelling of the application's JSON: sorted keys, no spaces, UTF-8."""
    return json.dumps(application_json, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


class Store:
    def __init__(self, data_dir: Path, sealer: FieldSealer, *, terminal_id: str,
                 retention_days: int = 30, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(data_dir) / DATABASE_FILE
        self.engine = open_engine(self.path)
        migrate(self.engine, self.path)
        self._sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        self._sealer = sealer
        self._terminal_id = terminal_id
        self._retention = retention_days * SECONDS_PER_DAY
        self._clock = clock
        self.jobs = JobBook(self._sessions, self._open_payload, clock)

    @classmethod
    def open(cls, data_dir: Path, key_file: Path, *, terminal_id: str, retention_days: int = 30,
             clock: Callable[[], float] = time.time) -> Store:
        return cls(data_dir, FieldSealer.from_key_file(key_file), terminal_id=terminal_id,
                   retention_days=retention_days, clock=clock)

    def close(self) -> None:
        self.engine.dispose()

    # --- confirm -------------------------------------------------------------------------

    def confirm(self, application: Application,
                signatures: Mapping[str, object]) -> ConfirmedApplication:
        """Application + outbox entry + receipt job, one transaction. `application` is a
        forms.Application; `signatures` maps each signer to their strokes (JSON values).
        Confirming the same application id again returns the first confirmation."""
        from forms.application import Application

        data = Application.from_json(application.to_json())  # re-checked: one gate for stored data
        payload = json.dumps({"application": data.to_json(), "signatures": dict(signatures)},
                             ensure_ascii=False).encode("utf-8")
        with self._sessions.begin() as session:
            existing = session.get(ApplicationRow, data.id)
            if existing is not None:
                receipt = session.scalar(select(PrintJobRow.id).where(
                    PrintJobRow.application_id == data.id, PrintJobRow.kind == JobKind.RECEIPT.value
                ).order_by(PrintJobRow.id))
                return ConfirmedApplication(data.id, existing.number, receipt, existing.confirmed_at)
            now = self._clock()
            number = application_number(data.id)  # wire.numbers: any terminal finds it by this
            session.add(ApplicationRow(id=data.id, number=number, service=data.service, confirmed_at=now,
                                       sealed=self._sealer.seal(payload, data.id, "sealed")))
            session.add(OutboxEntry(application_id=data.id, state=OutboxState.PENDING, attempts=0,
                                    next_attempt_at=now))
            session.flush()
            job = self.jobs.add(session, data.id, JobKind.RECEIPT)
            session.add(AuditEvent(at=now, kind="confirmed", application_id=data.id, detail=number))
        return ConfirmedApplication(data.id, number, job.id, now)

    # --- outbox (the relay's side) ---------------------------------------------------------

    def due(self, limit: int = 50) -> list[OutboxItem]:
        """Pending entries whose next attempt is due, oldest first. An entry whose sealed data
        no longer opens (the key file was replaced) is parked, so it cannot stall the rest."""
        query = (select(OutboxEntry, ApplicationRow).join(ApplicationRow)
                 .where(OutboxEntry.state == OutboxState.PENDING,
                        OutboxEntry.next_attempt_at <= self._clock())
                 .order_by(OutboxEntry.id).limit(limit))
        items, unreadable = [], []
        with self._sessions() as session:
            for entry, app in session.execute(query).all():
                try:
                    items.append(OutboxItem(app.id, request_body(self._open_payload(app)[0]),
                                            entry.attempts))
                except SealingError:
                    unreadable.append(app.id)
        for application_id in unreadable:
            self.mark_parked(application_id, None, "sealed-data-unreadable", b"")
        return items

    def next_due_at(self) -> float | None:
        with self._sessions() as session:
            return session.scalar(select(func.min(OutboxEntry.next_attempt_at))
                                  .where(OutboxEntry.state == OutboxState.PENDING))

    def mark_delivered(self, application_id: str, http_status: int, decision: bytes | None,
                       decision_status: str | None) -> None:
        with self._sessions.begin() as session:
            entry = self._entry(session, application_id)
            if entry.state == OutboxState.DELIVERED:
                return
            now = self._clock()
            entry.state, entry.http_status, entry.delivered_at = OutboxState.DELIVERED, http_status, now
            entry.attempts += 1
            entry.last_error = None
            self._set_decision(session, application_id, decision, decision_status, now)
            session.add(AuditEvent(at=now, kind="delivered", application_id=application_id,
                                   detail=f"HTTP {http_status}"))

    def mark_retry(self, application_id: str, error: str, next_attempt_at: float) -> None:
        """A transient failure: `error` is a class of fault ("timeout", "HTTP 503"), never a body."""
        with self._sessions.begin() as session:
            entry = self._entry(session, application_id)
            if entry.state != OutboxState.PENDING:
                return
            entry.attempts += 1
            entry.last_error, entry.next_attempt_at = error[:200], next_attempt_at

    def mark_parked(self, application_id: str, http_status: int | None, code: str,
                    body: bytes) -> None:
        """A definite refusal (4xx): kept for the technician with the reason, never deleted."""
        with self._sessions.begin() as session:
            entry = self._entry(session, application_id)
            if entry.state != OutboxState.PENDING:
                return
            now = self._clock()
            entry.attempts += 1
            entry.state, entry.http_status, entry.last_error = OutboxState.PARKED, http_status, code[:200]
            entry.reason_sealed = self._sealer.seal(body, application_id, "reason_sealed")
            session.add(AuditEvent(at=now, kind="parked", application_id=application_id,
                                   detail=_refusal(http_status, code)))

    def parked_reason(self, application_id: str) -> bytes | None:
        with self._sessions() as session:
            entry = self._entry(session, application_id)
            if entry.reason_sealed is None:
                return None
            return self._sealer.open(entry.reason_sealed, application_id, "reason_sealed")

    def requeue(self, application_id: str, by: str) -> None:
        """A technician sends a parked application again (e.g. after registering the terminal)."""
        with self._sessions.begin() as session:
            entry = self._entry(session, application_id)
            if entry.state != OutboxState.PARKED:
                raise ValueError(f"application {application_id} is {entry.state}, not parked")
            entry.state, entry.next_attempt_at = OutboxState.PENDING, self._clock()
            session.add(AuditEvent(at=entry.next_attempt_at, kind="requeued",
                                   application_id=application_id, detail=f"by {by}"))

    # --- decisions -------------------------------------------------------------------------

    def undecided(self, checked_before: float, limit: int = 20) -> list[str]:
        """Delivered applications without a final decision, last checked before `checked_before`."""
        checked = func.coalesce(ApplicationRow.decision_checked_at, 0.0)
        query = (select(ApplicationRow.id).join(OutboxEntry)
                 .where(OutboxEntry.state == OutboxState.DELIVERED,
                        ApplicationRow.purged_at.is_(None),
                        func.coalesce(ApplicationRow.decision_status, "").not_in(FINAL_DECISIONS),
                        checked < checked_before)
                 .order_by(checked).limit(limit))
        with self._sessions() as session:
            return list(session.scalars(query))

    def record_decision(self, application_id: str, decision: bytes | None,
                        status: str | None) -> bool:
        """Store a polled decision; True when the status changed."""
        with self._sessions.begin() as session:
            app = session.get(ApplicationRow, application_id)
            if app is None:
                return False
            changed = status is not None and status != app.decision_status
            self._set_decision(session, application_id, decision, status, self._clock())
            if changed:
                session.add(AuditEvent(at=self._clock(), kind="decision",
                                       application_id=application_id, detail=status))
            return changed

    def decision(self, application_id: str) -> dict | None:
        with self._sessions() as session:
            app = session.get(ApplicationRow, application_id)
            if app is None or app.decision_sealed is None:
                return None
            return json.loads(self._sealer.open(app.decision_sealed, app.id, "decision_sealed"))

    def _set_decision(self, session: Session, application_id: str, decision: bytes | None,
                      status: str | None, now: float) -> None:
        app = session.get(ApplicationRow, application_id)
        assert app is not None
        app.decision_checked_at = now
        if status is not None:
            app.decision_status = status[:16]
        if decision is not None and app.purged_at is None:
            app.decision_sealed = self._sealer.seal(decision, application_id, "decision_sealed")

    # --- privacy ---------------------------------------------------------------------------

    def purge_due(self) -> list[str]:
        """Drop the personal data of applications the backend has, once `retention_days` have
        passed since the licence printed here or, when none printed here (returned, refused,
        still in review, or collected elsewhere), since the application was confirmed: the
        backend keeps the record, and "print my licence" reads it from there. Nothing is
        purged while one of its print jobs is open. Ids, numbers and states stay."""
        cutoff = self._clock() - self._retention
        recent_licence = (select(PrintJobRow.application_id)
                          .where(PrintJobRow.kind == JobKind.LICENCE.value,
                                 PrintJobRow.updated_at > cutoff))
        still_open = select(PrintJobRow.application_id).where(
            PrintJobRow.state.in_([JobState.QUEUED.value, JobState.SENDING.value,
                                   JobState.UNCONFIRMED.value, JobState.FLAGGED.value]))
        query = (select(ApplicationRow).join(OutboxEntry)
                 .where(OutboxEntry.state == OutboxState.DELIVERED, ApplicationRow.purged_at.is_(None),
                        ApplicationRow.confirmed_at <= cutoff,
                        ApplicationRow.id.not_in(recent_licence), ApplicationRow.id.not_in(still_open)))
        with self._sessions.begin() as session:
            purged = []
            for app in session.scalars(query):
                app.sealed = app.decision_sealed = None
                app.purged_at = self._clock()
                entry = self._entry(session, app.id)
                entry.reason_sealed = None
                session.add(AuditEvent(at=app.purged_at, kind="purged", application_id=app.id))
                purged.append(app.id)
        if purged:  # the freed pages still hold the old bytes until overwritten
            raw = self.engine.raw_connection()  # outside any BEGIN: a checkpoint cannot run in one
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
        return purged

    # --- views -----------------------------------------------------------------------------

    def view(self, application_id: str) -> ApplicationView:
        with self._sessions() as session:
            app = session.get(ApplicationRow, application_id)
            if app is None:
                raise LookupError(application_id)
            entry = self._entry(session, application_id)
            jobs = session.execute(select(PrintJobRow.kind, PrintJobRow.state)
                                   .where(PrintJobRow.application_id == application_id)
                                   .order_by(PrintJobRow.id)).all()
            return ApplicationView(app.id, app.number, entry.state, entry.attempts, entry.http_status,
                                   entry.last_error, app.decision_status,
                                   tuple((kind, state) for kind, state in jobs),
                                   app.purged_at is not None)

    def attention(self) -> list[Attention]:
        """Parked applications and flagged print jobs, oldest first (ids and codes only)."""
        parked = (select(OutboxEntry, ApplicationRow.number).join(ApplicationRow)
                  .where(OutboxEntry.state == OutboxState.PARKED).order_by(OutboxEntry.id))
        flagged = (select(PrintJobRow, ApplicationRow.number).join(ApplicationRow)
                   .where(PrintJobRow.state == JobState.FLAGGED.value).order_by(PrintJobRow.id))
        with self._sessions() as session:
            found = [Attention("parked", e.application_id, number, None,
                               _refusal(e.http_status, e.last_error or ""))
                     for e, number in session.execute(parked).all()]
            found += [Attention("flagged", j.application_id, number, j.id,
                                f"{j.kind}: {j.flag_reason}")
                      for j, number in session.execute(flagged).all()]
        return found

    def application_ids(self) -> list[str]:
        with self._sessions() as session:
            return list(session.scalars(select(ApplicationRow.id).order_by(ApplicationRow.confirmed_at)))

    def outbox_counts(self) -> dict[str, int]:
        with self._sessions() as session:
            rows = session.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state))
            return {state: n for state, n in rows}

    def payload(self, application_id: str) -> tuple[dict, dict]:
        """(application JSON, signatures) opened, for printing and the come-back screen."""
        with self._sessions() as session:
            app = session.get(ApplicationRow, application_id)
            if app is None or app.sealed is None:
                raise LookupError(application_id)
            data = json.loads(self._sealer.open(app.sealed, app.id, "sealed"))
            return data["application"], data["signatures"]

    def _open_payload(self, app: ApplicationRow) -> tuple[dict, dict | None]:
        if app.sealed is None:
            raise LookupError(f"application {app.id}: personal data purged")
        application = json.loads(self._sealer.open(app.sealed, app.id, "sealed"))["application"]
        decision = None
        if app.decision_sealed is not None:
            decision = json.loads(self._sealer.open(app.decision_sealed, app.id, "decision_sealed"))
        return application, decision

    @staticmethod
    def _entry(session: Session, application_id: str) -> OutboxEntry:
        entry = session.scalar(select(OutboxEntry).where(OutboxEntry.application_id == application_id))
        if entry is None:
            raise LookupError(application_id)
        return entry


def _refusal(http_status: int | None, code: str) -> str:
    return (f"HTTP {http_status} {code}" if http_status is not None else code)[:200]
