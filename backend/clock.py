"""Time for the backend: stored instants in naive UTC, business dates in Beijing time.

Instants (received, decided, last seen, nonces) are stored as naive UTC on both databases
(SQLite has no time-zone type). Business dates — the date of establishment on the licence, the
start of a permit's validity, the year in a permit number — are calendar dates where the
registration happens: Asia/Shanghai (UTC+8, no daylight saving since 1991). Taking them from the
UTC date would make everything issued between 00:00 and 08:00 Beijing time a day early, and the
year wrong in the first eight hours of 1 January.

``Clock`` is what a request reads "now" from; tests give the app a fixed one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")


def utcnow() -> datetime:
    """Naive UTC, the convention of every table (see models.py)."""
    return datetime.now(UTC).replace(tzinfo=None)


def as_utc(stored: datetime | None) -> datetime | None:
    """A stored (naive UTC) time as an aware one, so the JSON says +00:00 and a terminal in
    UTC+8 cannot misread it as local time."""
    return None if stored is None else stored.replace(tzinfo=UTC)


def beijing_date(stored: datetime) -> date:
    """The calendar date in Beijing of a stored (naive UTC) instant."""
    return stored.replace(tzinfo=UTC).astimezone(BEIJING).date()


class Clock:
    """Where "now" comes from: the system clock, or a fixed/scripted one in tests."""

    def __init__(self, source: Callable[[], datetime] | None = None) -> None:
        self._source = source

    def now(self) -> datetime:
        """Naive UTC. A source may return aware times in any zone; they are converted."""
        if self._source is None:
            return utcnow()
        value = self._source()
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def timestamp(self) -> float:
        """Unix seconds of now(), for the signature's clock-skew check."""
        return self.now().replace(tzinfo=UTC).timestamp()

    def today(self) -> date:
        """Today's business date (Beijing)."""
        return beijing_date(self.now())
