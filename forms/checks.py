"""Which check runs for which field type, and the one entry point that applies it."""

from __future__ import annotations

from collections.abc import Callable

from . import values
from .messages import report
from .model import Field
from .persons import persons_problems
from .scope import scope_problems
from .text import Problem
from .values import Context

Check = Callable[[Field, object, str, Context], list[Problem]]

CHECKS: dict[str, Check] = {
    "text": values.check_text, "person_name": values.check_person_name,
    "resident_id": values.check_resident_id, "mobile": values.check_mobile,
    "credit_code": values.check_credit_code, "money": values.check_money,
    "integer": values.check_integer, "area": values.check_area, "date": values.check_date,
    "choice": values.check_choice, "multi_choice": values.check_multi_choice,
    "address": values.check_address, "scope": scope_problems, "persons": persons_problems,
}


def check_value(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    """Problems with one answer to `field`; [] when it is acceptable (or blank and optional)."""
    if values.is_blank(value):
        return [report(path, "required", field.label)] if field.required else []
    return CHECKS[field.type](field, value, path, ctx)
