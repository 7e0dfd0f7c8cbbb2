"""Permit and filing numbers for add-ons, and which add-ons need an inspection first.

The rules are data (data/addon_rules.toml) because a district changes them without a release.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from sqlalchemy.orm import Session

from backend.credit_codes import next_serial

RULES_FILE = Path(__file__).parent / "data" / "addon_rules.toml"
CATERING_SCOPE = frozenset({"catering_services", "small_catering"})


@dataclass(frozen=True)
class AddOnRule:
    addon_id: str
    outcome: str  # "permit" or "filing"
    number: str
    inspection: bool = False
    inspection_when_scope: tuple[str, ...] = ()
    years: int | None = None

    def needs_inspection(self, scope_ids: set[str]) -> bool:
        return self.inspection or bool(scope_ids & set(self.inspection_when_scope))


class UnknownAddOn(LookupError):
    """forms offers an add-on this backend has no rule for: it goes to a person, never lost."""


@cache
def addon_rules() -> dict[str, AddOnRule]:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    return {
        addon_id: AddOnRule(
            addon_id=addon_id,
            outcome=entry["outcome"],
            number=entry["number"],
            inspection=entry.get("inspection", False),
            inspection_when_scope=tuple(entry.get("inspection_when_scope", ())),
            years=entry.get("years"),
        )
        for addon_id, entry in data["addon"].items()
    }


def addon_rule(addon_id: str) -> AddOnRule:
    try:
        return addon_rules()[addon_id]
    except KeyError:
        raise UnknownAddOn(addon_id) from None


@dataclass(frozen=True)
class IssuedNumber:
    number: str
    valid_until: date | None


def issue_number(
    session: Session, rule: AddOnRule, division: str, scope_ids: set[str], on: date
) -> IssuedNumber:
    """Take the add-on's next serial (per year when the number carries the year) and format it."""
    counter = f"addon:{rule.addon_id}" + (f":{on.year}" if "{year}" in rule.number else "")
    serial = next_serial(session, counter)
    business_format = 2 if scope_ids & CATERING_SCOPE else 1
    number = rule.number.format(
        division=division, year=on.year, serial=serial, format=business_format
    )
    return IssuedNumber(number=number, valid_until=_expiry(on, rule.years))


def _expiry(on: date, years: int | None) -> date | None:
    """Permits run `years` from the day of issue, ending the day before the anniversary."""
    if years is None:
        return None
    try:
        anniversary = on.replace(year=on.year + years)
    except ValueError:  # issued on 29 February
        anniversary = date(on.year + years, 3, 1)
    return date.fromordinal(anniversary.toordinal() - 1)
