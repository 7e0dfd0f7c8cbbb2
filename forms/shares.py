"""Each shareholder's share of a limited company, derived from the subscribed contributions.

Shares are not asked: in a limited company they follow the contributions (Company Law 2023
art. 65: shareholders vote in proportion to their contributions unless the articles say
otherwise), so asking for them would only invite a second number that disagrees with the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from .application import Application
from .definitions import service
from .errors import InvalidApplication
from .validation import validate_application
from .values import parse_amount

CENT = Decimal("0.01")
WHOLE = Decimal(100)


@dataclass(frozen=True)
class Shareholding:
    """One shareholder as the review screen and the receipt show them."""

    name: str
    kind: str                 # "person" or "company"
    contribution: Decimal     # yuan, 2 places
    share: Decimal            # percent, 2 places; all shares of a company sum to exactly 100.00


def split_percent(amounts: list[Decimal]) -> list[Decimal]:
    """Percentages to 2 places that sum to exactly 100.00 (largest remainder), so three equal
    holders show 33.34 / 33.33 / 33.33 rather than a total of 99.99."""
    total = sum(amounts, Decimal(0))
    if total <= 0:
        return [Decimal(0).quantize(CENT) for _ in amounts]
    exact = [a * WHOLE / total for a in amounts]
    floors = [e.quantize(CENT, rounding=ROUND_DOWN) for e in exact]
    left = int((WHOLE - sum(floors, Decimal(0))) / CENT)
    by_remainder = sorted(range(len(amounts)), key=lambda i: (floors[i] - exact[i], i))
    for i in by_remainder[:left]:
        floors[i] += CENT
    return floors


def shareholdings(app: Application) -> list[Shareholding]:
    """The shareholders of a valid application with their shares; [] for a service without
    shareholders. InvalidApplication if the application does not validate."""
    problems = validate_application(app)
    if problems:
        raise InvalidApplication(problems)
    fields = service(app.service).licence
    if fields is None or fields.shareholders is None:
        return []
    holders = app.answers[fields.shareholders]
    amounts = [parse_amount(h["contribution"]) or Decimal(0) for h in holders]
    return [Shareholding(h["name"].strip(), h.get("kind", "person"), a.quantize(CENT), share)
            for h, a, share in zip(holders, amounts, split_percent(amounts), strict=True)]
