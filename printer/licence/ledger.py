"""Which licences were printed, so the same licence is never printed twice without a reprint request.

A licence on security stock is an official document; a second copy must be explicit and traceable.
Every attempt is written *before* the first byte goes to the printer, so a crash or power cut
mid-print leaves a "sending" row that counts as possibly printed: after a restart the terminal
asks for a reprint rather than silently printing a second original.
Storage: stdlib sqlite3, synchronous=FULL (each commit is on disk before print() goes on).
The credit code identifies an enterprise, not a person; nothing personal is stored.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from printer.status import Outcome

SENDING = "sending"
MAY_HAVE_PRINTED = (Outcome.PRINTED.value, Outcome.PARTLY_PRINTED.value, Outcome.UNCONFIRMED.value,
                    Outcome.FAILED.value, SENDING)  # failed after sending: part may be on paper

SCHEMA = """
CREATE TABLE IF NOT EXISTS licence_prints (
    job_id        TEXT PRIMARY KEY,
    credit_code   TEXT NOT NULL,
    stock         TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    reprint_reason TEXT,
    requested_by  TEXT
);
CREATE INDEX IF NOT EXISTS licence_prints_code ON licence_prints (credit_code, stock);
"""


@dataclass(frozen=True)
class LedgerEntry:
    job_id: str
    credit_code: str
    stock: str
    outcome: str
    started_at: str
    finished_at: str | None
    reprint_reason: str | None
    requested_by: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ReprintLedger:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def previous(self, credit_code: str, stock: str) -> list[LedgerEntry]:
        """Earlier attempts that may have put this licence on paper."""
        marks = ",".join("?" * len(MAY_HAVE_PRINTED))
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM licence_prints WHERE credit_code=? AND stock=? AND outcome IN ({marks})"
                " ORDER BY started_at", (credit_code, stock, *MAY_HAVE_PRINTED)).fetchall()
        return [LedgerEntry(*row) for row in rows]

    def history(self, credit_code: str) -> list[LedgerEntry]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM licence_prints WHERE credit_code=? ORDER BY started_at, rowid",
                (credit_code,)).fetchall()
        return [LedgerEntry(*row) for row in rows]

    def begin(self, job_id: str, credit_code: str, stock: str, reprint_reason: str | None = None,
              requested_by: str | None = None) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO licence_prints VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                (job_id, credit_code, stock, SENDING, _now(), reprint_reason, requested_by))

    def finish(self, job_id: str, outcome: Outcome) -> None:
        with self._lock:
            self._db.execute("UPDATE licence_prints SET outcome=?, finished_at=? WHERE job_id=?",
                             (outcome.value, _now(), job_id))
