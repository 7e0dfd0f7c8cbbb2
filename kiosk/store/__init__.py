"""The terminal's local store (SQLite): applications, outbox, print jobs, audit events.

Public API: `Store`, `ConfirmedApplication`, `OutboxItem`, `ApplicationView`, the print-job
types (`JobPrinter`, `PrintJob`, `PrintOutcome`, `JobState`, `JobKind`) and `FieldSealer`.
Imported only after the first frame (SQLAlchemy is not a start-up import).
"""

from .printing import JobKind, JobPrinter, JobState, PrintJob, PrintOutcome
from .sealing import FieldSealer, SealingError
from .store import ApplicationView, Attention, ConfirmedApplication, OutboxItem, OutboxState, Store

__all__ = [
    "ApplicationView", "Attention", "ConfirmedApplication", "FieldSealer", "JobKind", "JobPrinter", "JobState",
    "OutboxItem", "OutboxState", "PrintJob", "PrintOutcome", "SealingError", "Store",
]
