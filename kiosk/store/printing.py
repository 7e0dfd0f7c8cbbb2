"""Print jobs as a state machine, so a crash never drops a receipt or prints it twice unasked.

    queued ──claim──▶ sending ──printer answers──▶ printed
      ▲                  │ refused (nothing left for the printer) ─▶ queued (tried again later)
      │                  │ unconfirmed (no status reply) ─▶ unconfirmed ─▶ citizen: printed / reprint
      │                  │ partly-printed, failed ─▶ flagged (a technician decides)
      │                  └ process died here ─▶ flagged "interrupted" (at the next start)
      └──── reprint: a new queued job with `reprint_of`, the old one becomes `reprinted`

The claim (`sending`) is committed before the first byte goes to the printer. After a crash a
job still `queued` never reached the printer and is resumed; a job found `sending` may or may
not have come out, so it is flagged for a technician rather than printed again. An `unconfirmed`
job the citizen did not answer before the terminal restarted is flagged the same way.

`JobPrinter` is the seam to printer/ (its Printer protocol's print result maps onto
`PrintOutcome` one to one): `print(job) -> PrintOutcome`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from .models import ApplicationRow, AuditEvent, PrintJobRow
from .sealing import SealingError


class PrintOutcome(StrEnum):
    """What a printer reports for one job (printer/'s print result values)."""

    PRINTED = "printed"  # the printer confirmed the whole job
    PARTLY_PRINTED = "partly-printed"  # a fault stopped it after part came out
    UNCONFIRMED = "unconfirmed"  # sent, but the printer cannot say whether it came out
    FAILED = "failed"  # an error during the job; what came out is unknown
    REFUSED = "refused"  # not sent: the printer was not ready (paper out, cover open, offline)


class JobState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    PRINTED = "printed"
    UNCONFIRMED = "unconfirmed"
    FLAGGED = "flagged"
    REPRINTED = "reprinted"


class JobKind(StrEnum):
    RECEIPT = "receipt"
    LICENCE = "licence"


# Where each printer answer leaves the job, and the flag reason when a technician must look.
AFTER_OUTCOME: Mapping[PrintOutcome, JobState] = {
    PrintOutcome.PRINTED: JobState.PRINTED,
    PrintOutcome.REFUSED: JobState.QUEUED,
    PrintOutcome.UNCONFIRMED: JobState.UNCONFIRMED,
    PrintOutcome.PARTLY_PRINTED: JobState.FLAGGED,
    PrintOutcome.FAILED: JobState.FLAGGED,
}
OPEN_STATES = (JobState.QUEUED, JobState.SENDING, JobState.UNCONFIRMED)


@dataclass(frozen=True)
class PrintJob:
    """What a printer is handed: the job's identity and the application it prints, opened."""

    id: int
    kind: JobKind
    application_id: str
    number: str
    service: str
    reprint: bool
    application: dict  # forms.Application.to_json() of the application
    decision: dict | None  # the backend's decision (a licence job prints from it)
    confirmed_at: float = 0.0  # when the citizen confirmed (the receipt prints it)


class JobPrinter(Protocol):
    def print(self, job: PrintJob) -> PrintOutcome: ...


class JobNotFound(LookupError):
    pass


class JobBook:
    """The print jobs of one store; each method is one transaction."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        open_payload: Callable[[ApplicationRow], tuple[dict, dict | None]],
        clock: Callable[[], float],
    ) -> None:
        self._sessions = sessions
        self._open = open_payload
        self._clock = clock

    def add(self, session: Session, application_id: str, kind: JobKind,
            reprint_of: int | None = None) -> PrintJobRow:
        now = self._clock()
        job = PrintJobRow(application_id=application_id, kind=kind.value, state=JobState.QUEUED.value,
                          attempts=0, reprint_of=reprint_of, created_at=now, updated_at=now)
        session.add(job)
        session.flush()
        session.add(AuditEvent(at=now, kind=f"{kind.value}-queued", application_id=application_id,
                               job_id=job.id, detail=f"reprint of {reprint_of}" if reprint_of else None))
        return job

    def queue(self, application_id: str, kind: JobKind) -> int:
        with self._sessions.begin() as session:
            return self.add(session, application_id, kind).id

    def state(self, job_id: int) -> JobState:
        with self._sessions() as session:
            job = session.get(PrintJobRow, job_id)
            if job is None:
                raise JobNotFound(job_id)
            return JobState(job.state)

    def kind(self, job_id: int) -> JobKind:
        return JobKind(self._row(job_id).kind)

    def application_of(self, job_id: int) -> str:
        return self._row(job_id).application_id

    def latest(self, application_id: str, kind: JobKind) -> int | None:
        """The newest job of this kind for the application (a reprint is newer than its first)."""
        with self._sessions() as session:
            return session.scalar(select(PrintJobRow.id).where(
                PrintJobRow.application_id == application_id, PrintJobRow.kind == kind.value
            ).order_by(PrintJobRow.id.desc()).limit(1))

    def _row(self, job_id: int) -> PrintJobRow:
        with self._sessions() as session:
            job = session.get(PrintJobRow, job_id)
            if job is None:
                raise JobNotFound(job_id)
            return job

    def queued(self, kind: JobKind | None = None) -> list[int]:
        query = select(PrintJobRow.id).where(PrintJobRow.state == JobState.QUEUED.value)
        if kind is not None:
            query = query.where(PrintJobRow.kind == kind.value)
        with self._sessions() as session:
            return list(session.scalars(query.order_by(PrintJobRow.id)))

    def print(self, job_id: int, printer: JobPrinter) -> JobState:
        """Claim, print, record. A job that is not queued is left as it is (no double print)."""
        claimed = self._claim(job_id)
        if claimed is None:
            return self.state(job_id)
        try:
            outcome = PrintOutcome(printer.print(claimed))
        except Exception:
            # The driver broke mid-job: what came out is unknown, exactly like a crash here.
            self._settle(job_id, PrintOutcome.FAILED, "driver raised")
            raise
        return self._settle(job_id, outcome, None)

    def _claim(self, job_id: int) -> PrintJob | None:
        with self._sessions.begin() as session:
            job = session.get(PrintJobRow, job_id)
            if job is None:
                raise JobNotFound(job_id)
            if job.state != JobState.QUEUED.value:
                return None
            app = session.get(ApplicationRow, job.application_id)
            if app is None or app.sealed is None:
                job.state, job.flag_reason = JobState.FLAGGED.value, "application data purged"
                return None
            try:
                application, decision = self._open(app)
            except SealingError:  # the key file was replaced: nothing to print from
                job.state, job.flag_reason = JobState.FLAGGED.value, "sealed data unreadable"
                return None
            job.state, job.attempts, job.updated_at = JobState.SENDING.value, job.attempts + 1, self._clock()
            session.add(AuditEvent(at=job.updated_at, kind="print-claimed",
                                   application_id=job.application_id, job_id=job.id))
            return PrintJob(id=job.id, kind=JobKind(job.kind), application_id=app.id,
                            number=app.number, service=app.service,
                            reprint=job.reprint_of is not None, application=application,
                            decision=decision, confirmed_at=app.confirmed_at)

    def _settle(self, job_id: int, outcome: PrintOutcome, why: str | None) -> JobState:
        state = AFTER_OUTCOME[outcome]
        with self._sessions.begin() as session:
            job = session.get(PrintJobRow, job_id)
            assert job is not None
            job.state, job.outcome, job.updated_at = state.value, outcome.value, self._clock()
            if state is JobState.FLAGGED:
                job.flag_reason = why or outcome.value
            session.add(AuditEvent(at=job.updated_at, kind=f"print-{outcome.value}",
                                   application_id=job.application_id, job_id=job.id))
        return state

    def recover(self) -> list[int]:
        """At start: flag every job a previous run left `sending` or unanswered `unconfirmed`.
        Returns the flagged job ids; `queued` jobs are left to be printed (resumed)."""
        with self._sessions.begin() as session:
            ids = list(session.scalars(select(PrintJobRow.id).where(
                PrintJobRow.state.in_([JobState.SENDING.value, JobState.UNCONFIRMED.value]))))
            now = self._clock()
            for job in session.scalars(select(PrintJobRow).where(PrintJobRow.id.in_(ids))):
                reason = "interrupted while printing" if job.state == JobState.SENDING.value \
                    else "print not confirmed and nobody answered"
                job.state, job.flag_reason, job.updated_at = JobState.FLAGGED.value, reason, now
                session.add(AuditEvent(at=now, kind="print-flagged", application_id=job.application_id,
                                       job_id=job.id, detail=reason))
        return ids

    def confirm_printed(self, job_id: int, by: str) -> None:
        """The citizen (or a technician, `by`) says an unconfirmed or flagged job came out right."""
        self._close(job_id, JobState.PRINTED, f"confirmed by {by}")

    def reprint(self, job_id: int, by: str) -> int:
        """An unconfirmed or flagged job did not come out right: a new job, recorded as a reprint."""
        with self._sessions.begin() as session:
            old = self._closable(session, job_id)
            old.state, old.updated_at = JobState.REPRINTED.value, self._clock()
            session.add(AuditEvent(at=old.updated_at, kind="print-reprint-asked",
                                   application_id=old.application_id, job_id=old.id, detail=f"by {by}"))
            return self.add(session, old.application_id, JobKind(old.kind), reprint_of=old.id).id

    def _close(self, job_id: int, state: JobState, detail: str) -> None:
        with self._sessions.begin() as session:
            job = self._closable(session, job_id)
            job.state, job.updated_at = state.value, self._clock()
            session.add(AuditEvent(at=job.updated_at, kind=f"print-{state.value}",
                                   application_id=job.application_id, job_id=job.id, detail=detail))

    @staticmethod
    def _closable(session: Session, job_id: int) -> PrintJobRow:
        job = session.get(PrintJobRow, job_id)
        if job is None:
            raise JobNotFound(job_id)
        if job.state not in (JobState.UNCONFIRMED.value, JobState.FLAGGED.value):
            raise ValueError(f"job {job_id} is {job.state}; only unconfirmed or flagged jobs are settled by a person")
        return job

    def counts(self) -> dict[str, int]:
        with self._sessions() as session:
            rows = session.execute(select(PrintJobRow.state, func.count()).group_by(PrintJobRow.state))
            return {state: n for state, n in rows}
