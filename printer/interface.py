"""The one interface the kiosk drives both printers through.

A print-job table (the kiosk's store) holds jobs and their results; it needs only this: a
status as a value, and a print that answers with a PrintResult and never raises. See Outcome
for what each result means and what the terminal should do with it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Protocol, TypeVar, runtime_checkable

from printer.licence.data import LicenceData, ReprintRequest
from printer.receipt import ReceiptJob
from printer.status import PrinterStatus, PrintResult

J = TypeVar("J", contravariant=True)


@runtime_checkable
class Printer(Protocol[J]):
    """ReceiptPrinter, LicencePrinter and FakePrinter all satisfy this."""

    def status(self) -> PrinterStatus:
        """The printer's state now; `unknown` where the model reports none."""

    def print(self, job: J) -> PrintResult:
        """Print one job; never raises (a driver fault is a result too)."""

    def clear_error(self) -> PrinterStatus:
        """A technician's clear (recover from a recoverable error, reopen the line); never
        raises; answers the status after it."""

    def close(self) -> None:
        """Release the line; a later call reopens it."""


@dataclass(frozen=True)
class LicenceJob:
    """One licence on one stock; a reprint must say why and who asked."""

    licence: LicenceData
    stock: str = "A4"
    reprint: ReprintRequest | None = None
    job_id: str = field(default_factory=lambda: f"L-{uuid.uuid4().hex[:12]}")


PrintJob = ReceiptJob | LicenceJob
