"""Unified social credit codes (GB 32100-2015) with their organisation codes (GB 11714-1997).

Layout, 18 characters: authority (9 = market regulation) | category (1 enterprise,
2 individual business) | 6-digit division | 9-character organisation code (8 body characters
+ GB 11714 check character) | GB 32100 check character.

The organisation code body is "MA" followed by a serial written in base 31 over the GB 32100
alphabet: codes issued by market regulation since 2015 carry "MA" there, and keeping to the
31-character alphabet (no I, O, S, V, Z) makes every body character legal in both standards.
Six base-31 places give 31**6 = 887,503,681 serials per district.

The organisation code identifies one entity (GB 32100-2015 §4.4), whatever its category: an
enterprise and an individual business must never share one. So there is one sequence per
issuing authority (the district's market regulation bureau), across every category.
"""

from __future__ import annotations

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from backend.db import insert_if_absent
from backend.models import Counter

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: 31 characters
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3**(i-1) mod 31
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 §5
ORG_PREFIX = "MA"
SERIAL_PLACES = 6
MAX_SERIAL = len(ALPHABET) ** SERIAL_PLACES - 1
AUTHORITY_MARKET_REGULATION = "9"


class CreditCodeExhausted(RuntimeError):
    """All 887 million serials of this district are used."""


def org_char_value(char: str) -> int:
    """GB 11714 values: digits as themselves, A=10 ... Z=35."""
    return int(char) if char.isdigit() else ord(char) - ord("A") + 10


def org_check_char(body: str) -> str:
    """GB 11714 check: C9 = 11 - (sum mod 11); 10 is written X and 11 is written 0."""
    total = sum(org_char_value(c) * w for c, w in zip(body, ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def uscc_check_char(first17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def organisation_code(serial: int) -> str:
    if not 0 <= serial <= MAX_SERIAL:
        raise CreditCodeExhausted(f"serial {serial} outside 0..{MAX_SERIAL}")
    places = []
    for _ in range(SERIAL_PLACES):
        serial, digit = divmod(serial, len(ALPHABET))
        places.append(ALPHABET[digit])
    body = ORG_PREFIX + "".join(reversed(places))
    return body + org_check_char(body)


def credit_code(category: int, division: str, serial: int) -> str:
    """The code for one serial. category: 1 enterprise, 2 individual business (GB 32100 §4.2)."""
    if category not in (1, 2, 3):
        raise ValueError(f"unknown registration category {category}")
    if len(division) != 6 or not division.isdigit():
        raise ValueError(f"division code must be 6 digits, got {division!r}")
    first17 = f"{AUTHORITY_MARKET_REGULATION}{category}{division}{organisation_code(serial)}"
    return first17 + uscc_check_char(first17)


def is_valid_credit_code(code: str) -> bool:
    """Both checks: the GB 32100 character and the embedded GB 11714 organisation code."""
    if len(code) != 18 or not code[:8].isdigit() or any(c not in ALPHABET for c in code):
        return False
    return code[17] == uscc_check_char(code[:17]) and code[16] == org_check_char(code[8:16])


TAKE_NEXT = (
    update(Counter)
    .where(Counter.name == bindparam("counter"))
    .values(value=Counter.value + 1)
    .returning(Counter.value)
)


def next_serial(session: Session, counter: str) -> int:
    """Take the next number of a counter inside the caller's transaction.

    One UPDATE ... RETURNING: the row lock (PostgreSQL) or the write lock (SQLite) makes
    concurrent approvals queue instead of reading the same value twice. A counter's first use
    creates its row with INSERT ... ON CONFLICT DO NOTHING, so two first uses cannot collide.
    """
    for _ in range(2):
        taken = (
            session.connection()
            .execute(TAKE_NEXT, {"counter": counter})
            .scalar()
        )
        if taken is not None:
            return taken
        insert_if_absent(session, Counter, name=counter, value=0)
    raise RuntimeError(f"counter {counter} could not be created")


def organisation_counter(division: str) -> str:
    """The one counter of an issuing authority (authority code + division), for every category."""
    return f"uscc:{AUTHORITY_MARKET_REGULATION}{division}"


def issue_credit_code(session: Session, category: int, division: str) -> str:
    serial = next_serial(session, organisation_counter(division))
    return credit_code(category, division, serial)
