"""Test doubles shared by the store and relay tests."""

from __future__ import annotations

from kiosk.store import PrintJob, PrintOutcome

TERMINAL = "NH-TEST-001"


class FakePrinter:
    """In-memory printer: answers each job with the next scripted outcome (default printed)
    and remembers what it was handed. Stands in for printer/'s fake until the merge."""

    def __init__(self, *outcomes: PrintOutcome) -> None:
        self.script = list(outcomes)
        self.jobs: list[PrintJob] = []

    def print(self, job: PrintJob) -> PrintOutcome:
        self.jobs.append(job)
        return self.script.pop(0) if self.script else PrintOutcome.PRINTED
