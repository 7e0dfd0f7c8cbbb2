"""The district's figures over a range of Beijing calendar days (issue 15): what came in, by which
channel and for which service; how much was approved at once (秒批); how each level of the review
ladder decided; how long decisions took; which permits were issued; which terminals report.

Everything is counted over the applications RECEIVED in the range (so a day's figures do not
change meaning as later days pass), from the rows the intake and the ladder already write.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import BEIJING, beijing_date
from backend.models import AddOnRecord, ApplicationRecord, Kiosk, ReviewStep
from backend.review_levels import LADDER
from wire import AddOnOutcomeKind, ApplicationStatus

RETURNS = {"return"}
REFUSALS = {"reject", "propose-rejection", "confirm-rejection-upwards"}
DECISIONS = RETURNS | REFUSALS | {"approve"}
MAX_DAYS = 366


@dataclass
class LevelFigures:
    level: str
    decisions: int = 0
    returns: int = 0
    refusals: int = 0

    @property
    def return_rate(self) -> float | None:
        return None if not self.decisions else round(self.returns / self.decisions, 4)

    @property
    def refusal_rate(self) -> float | None:
        return None if not self.decisions else round(self.refusals / self.decisions, 4)


@dataclass
class Figures:
    date_from: date
    date_to: date
    # [{"day", "channel", "service", "count"}], every day of the range present in by_day
    per_day: list[dict] = field(default_factory=list)
    by_day: dict[str, int] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)
    by_service: dict[str, int] = field(default_factory=dict)
    total: int = 0
    approved_at_once: int = 0
    levels: list[LevelFigures] = field(default_factory=list)
    decided: int = 0
    median_seconds: float | None = None
    p90_seconds: float | None = None
    addons_issued: dict[str, int] = field(default_factory=dict)
    terminals_online: int = 0
    terminals_stale: int = 0

    @property
    def approved_at_once_share(self) -> float | None:
        return None if not self.total else round(self.approved_at_once / self.total, 4)

    def to_json(self) -> dict:
        data = asdict(self)
        data["date_from"] = self.date_from.isoformat()
        data["date_to"] = self.date_to.isoformat()
        data["approved_at_once_share"] = self.approved_at_once_share
        data["levels"] = [
            {**asdict(level), "return_rate": level.return_rate, "refusal_rate": level.refusal_rate}
            for level in self.levels
        ]
        return data


def utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[start of `first`, start of the day after `last`) in Beijing, as naive UTC."""
    start = datetime.combine(first, datetime.min.time(), BEIJING).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), BEIJING).astimezone(UTC)
    return start.replace(tzinfo=None), end.replace(tzinfo=None)


def percentile(sorted_values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (the smallest value with at least `share` of values at or below
    it); the median of an even count is the mean of the middle two."""
    if not sorted_values:
        return None
    if share == 0.5:
        n = len(sorted_values)
        middle = n // 2
        if n % 2:
            return sorted_values[middle]
        return (sorted_values[middle - 1] + sorted_values[middle]) / 2
    rank = max(1, math.ceil(share * len(sorted_values)))
    return sorted_values[rank - 1]


def figures(
    session: Session, first: date, last: date, now: datetime, stale_after: timedelta
) -> Figures:
    start, end = utc_bounds(first, last)
    result = Figures(first, last)
    rows = session.execute(
        select(
            ApplicationRecord.id,
            ApplicationRecord.channel,
            ApplicationRecord.service_id,
            ApplicationRecord.status,
            ApplicationRecord.received_at,
            ApplicationRecord.decided_at,
        ).where(ApplicationRecord.received_at >= start, ApplicationRecord.received_at < end)
    ).all()
    ids = [r.id for r in rows]
    per_day: Counter[tuple[str, str, str]] = Counter()
    day = first
    while day <= last:
        result.by_day[day.isoformat()] = 0
        day += timedelta(days=1)
    durations = []
    for r in rows:
        key = beijing_date(r.received_at).isoformat()
        per_day[(key, r.channel, r.service_id)] += 1
        result.by_day[key] += 1
        result.by_channel[r.channel] = result.by_channel.get(r.channel, 0) + 1
        result.by_service[r.service_id] = result.by_service.get(r.service_id, 0) + 1
        if r.decided_at is not None and r.status in (
            ApplicationStatus.APPROVED, ApplicationStatus.RETURNED, ApplicationStatus.REJECTED
        ):
            durations.append((r.decided_at - r.received_at).total_seconds())
    result.total = len(rows)
    result.per_day = [
        {"day": d, "channel": c, "service": s, "count": n}
        for (d, c, s), n in sorted(per_day.items())
    ]
    durations.sort()
    result.decided = len(durations)
    result.median_seconds = percentile(durations, 0.5)
    result.p90_seconds = percentile(durations, 0.9)
    levels = {level.value: LevelFigures(level.value) for level in LADDER}
    issued: Counter[str] = Counter()
    for chunk in _chunks(ids, 500):
        for step in session.scalars(select(ReviewStep).where(ReviewStep.application_id.in_(chunk))):
            if step.level == "auto" and step.action == "approve":
                result.approved_at_once += 1
            figures_at = levels.get(step.level)
            if figures_at is not None and step.action in DECISIONS:
                figures_at.decisions += 1
                figures_at.returns += step.action in RETURNS
                figures_at.refusals += step.action in REFUSALS
        for addon in session.scalars(
            select(AddOnRecord).where(
                AddOnRecord.application_id.in_(chunk),
                AddOnRecord.outcome.in_([AddOnOutcomeKind.PERMIT_ISSUED, AddOnOutcomeKind.FILED]),
            )
        ):
            issued[addon.addon_id] += 1
    result.levels = list(levels.values())
    result.addons_issued = dict(sorted(issued.items()))
    for kiosk in session.scalars(select(Kiosk).where(Kiosk.enabled.is_(True))):
        fresh = kiosk.last_seen_at is not None and now - kiosk.last_seen_at <= stale_after
        if fresh:
            result.terminals_online += 1
        else:
            result.terminals_stale += 1
    return result


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or []


def per_day_by_channel(result: Figures) -> dict[str, dict[str, int]]:
    """{day: {channel: count}} for the stacked bar chart."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for day in result.by_day:
        table[day] = {}
    for row in result.per_day:
        table[row["day"]][row["channel"]] = table[row["day"]].get(row["channel"], 0) + row["count"]
    return dict(table)
