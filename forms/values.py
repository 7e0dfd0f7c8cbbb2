"""Field values by type: parse what the Application holds, report what is wrong with it.

Every check here is total: any JSON-able value (or anything else) yields problems, never an
exception. Length limits are tested before any scan, so a 10 MB string costs O(1) to refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .catalogue import Catalogue
from .messages import report
from .model import Field
from .rules import ids
from .rules.address import NANHAI_TOWNS, check_detail
from .rules.han import all_han, is_han
from .rules.names import check_name
from .rules.person_names import check_person_name_text
from .text import Problem, Text

AMOUNT = re.compile(r"[0-9]{1,13}(\.[0-9]{1,2})?")      # 13 digits: up to 9.99 trillion yuan
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_TOKEN = 64       # no ID, code, phone number, option or date is longer than this


@dataclass(frozen=True)
class Context:
    """What a field check may need beyond the value: whose rules, which day, which catalogue."""

    service_id: str
    today: date
    catalogue: Catalogue


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | dict) and not value


def parse_amount(value: object) -> Decimal | None:
    """A money or area answer as Decimal: "12345.50", 12345 or 12345.5; None if malformed."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        text = str(value) if 0 <= value < 10**13 else ""
    elif isinstance(value, float):
        text = repr(value) if value == value and abs(value) < 1e13 else ""
    elif isinstance(value, str) and len(value) <= MAX_TOKEN:
        text = ids.typed(value).replace(",", "")
    else:
        return None
    return Decimal(text) if AMOUNT.fullmatch(text) else None


def parse_date(value: object) -> date | None:
    """A "YYYY-MM-DD" answer, full-width digits and surrounding spaces forgiven."""
    if not isinstance(value, str) or len(value) > MAX_TOKEN:
        return None
    value = ids.typed(value)
    if not ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def check_text(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, str):
        return [report(path, "type", field.label)]
    if field.max_length is not None and len(value) > field.max_length + 64:
        return [report(path, "text.too_long", field.label, max=field.max_length)]
    text = value.strip()
    if field.max_length is not None and len(text) > field.max_length:
        return [report(path, "text.too_long", field.label, max=field.max_length)]
    if field.name_rules is not None:
        return [report(path, code, field.label, **params)
                for code, params in check_name(text, field.name_rules)]
    if field.min_length is not None and len(text) < field.min_length:
        return [report(path, "text.too_short", field.label, min=field.min_length)]
    allowed = _charset_ok(text, field.charset or "printable")
    if allowed is not None:
        return [report(path, "text.bad_chars", field.label, allowed=allowed)]
    return []


def _charset_ok(text: str, charset: str) -> Text | None:
    """None when every character is allowed, else the wording of what is allowed."""
    if charset == "han":
        if all_han(text):
            return None
        return Text("只能用汉字", "Chinese characters only")
    if charset == "han_alnum":
        if all(is_han(ch) or (ch.isascii() and ch.isalnum()) for ch in text):
            return None
        return Text("只能用汉字、字母和数字", "Chinese characters, letters and digits only")
    if text.isprintable():
        return None
    return Text("不能含控制字符或方向控制符", "no control or text-direction characters")


def check_person_name(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, str):
        return [report(path, "type", field.label)]
    code = check_person_name_text(value)
    return [report(path, code, field.label)] if code else []


def check_resident_id(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, str):
        return [report(path, "type", field.label)]
    code = "ric.format" if len(value) > MAX_TOKEN else ids.check_ric(value, ctx.today)
    if code is not None:
        return [report(path, code, field.label)]
    return adult_problems(field, value, path, ctx.today)


def adult_problems(field: Field, number: str, path: str, today: date) -> list[Problem]:
    """The under-18 problem when `field` says its person must have full civil capacity."""
    if field.adult_role is None:
        return []
    age = ids.age_on(number, today)
    if age is not None and age < 18:      # full civil capacity at 18 (Civil Code art. 17)
        return [report(path, "ric.underage", field.label, role=field.adult_role)]
    return []


def check_mobile(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, str):
        return [report(path, "type", field.label)]
    if len(value) > MAX_TOKEN or ids.check_mobile(value) is not None:
        return [report(path, "mobile.format", field.label)]
    return []


def check_credit_code(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, str):
        return [report(path, "type", field.label)]
    code = "uscc.format" if len(value) > MAX_TOKEN else ids.check_uscc(value)
    return [report(path, code, field.label)] if code else []


def _bounded(field: Field, value: object, path: str, kind: str) -> list[Problem]:
    amount = parse_amount(value)
    if amount is None:
        return [report(path, f"{kind}.format", field.label)]
    low = field.minimum if field.minimum is not None else Decimal("0.01")
    high = field.maximum if field.maximum is not None else Decimal("9999999999999.99")
    if not low <= amount <= high:
        return [report(path, f"{kind}.range", field.label, min=low, max=high)]
    return []


def check_money(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    return _bounded(field, value, path, "money")


def check_area(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    return _bounded(field, value, path, "area")


def check_integer(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [report(path, "integer.format", field.label)]
    low = int(field.minimum) if field.minimum is not None else 0
    high = int(field.maximum) if field.maximum is not None else 10**9
    if not low <= value <= high:
        return [report(path, "integer.range", field.label, min=low, max=high)]
    return []


def years_after(day: date, years: int) -> date:
    """The same calendar date `years` later; 29 February becomes 28 February in a common year
    (民法典 art. 202: with no corresponding day, the period ends on the last day of the month)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_date(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    day = parse_date(value)
    if day is None:
        return [report(path, "date.format", field.label)]
    low = ctx.today + timedelta(days=field.min_days) if field.min_days is not None else None
    high = ctx.today + timedelta(days=field.max_days) if field.max_days is not None else None
    if field.max_years is not None:
        high = years_after(ctx.today, field.max_years)
    if (low and day < low) or (high and day > high):
        return [report(path, "date.range", field.label, min=low or "", max=high or "")]
    return []


def check_choice(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, str) or value not in {o.value for o in field.options}:
        return [report(path, "choice.unknown", field.label)]
    return []


def count_problem(field: Field, count: int, path: str, code: str) -> list[Problem]:
    low = field.min_items if field.min_items is not None else 1
    high = field.max_items if field.max_items is not None else 100
    if not low <= count <= high:
        return [report(path, code, field.label, min=low, max=high)]
    return []


def check_multi_choice(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return [report(path, "type", field.label)]
    known = {o.value for o in field.options}
    if any(v not in known for v in value):
        return [report(path, "choice.unknown", field.label)]
    if len(set(value)) != len(value):
        return [report(path, "choice.duplicate", field.label)]
    return count_problem(field, len(value), path, "choice.count")


def check_address(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, dict):
        return [report(path, "type", field.label)]
    problems = []
    town, detail = value.get("town"), value.get("detail")
    if not isinstance(town, str) or town not in NANHAI_TOWNS:
        problems.append(report(f"{path}.town", "address.town", field.label))
    if not isinstance(detail, str) or len(detail) > 200:
        problems.append(report(f"{path}.detail", "address.detail", field.label))
    else:
        code = check_detail(detail)
        if code:
            problems.append(report(f"{path}.detail", code, field.label))
    return problems


