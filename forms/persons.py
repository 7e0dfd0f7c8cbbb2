"""Lists of persons: shareholders, family members, officers.

Each entry is {"kind": "person"|"company", "name", "id_number", "contribution"?, "role"?}; a
company is identified by its unified social credit code, a person by the resident ID number.
"""

from __future__ import annotations

from .messages import report
from .model import Field
from .rules import ids
from .rules.han import is_han
from .rules.person_names import check_person_name_text
from .text import Problem, Text
from .values import MAX_TOKEN, Context, adult_problems, count_problem, parse_amount

ENTRY_KEYS = frozenset({"kind", "name", "id_number", "contribution", "role"})
NAME = Text("姓名或名称", "name")
PERSON_ID = Text("身份证号码", "ID number")
COMPANY_ID = Text("统一社会信用代码", "unified social credit code")
CONTRIBUTION = Text("认缴出资额（元）", "subscribed contribution (yuan)")
ROLE = Text("职务", "position")


def persons_problems(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    if not isinstance(value, list):
        return [report(path, "type", field.label)]
    problems = count_problem(field, len(value), path, "persons.count")
    if problems and len(value) > (field.max_items or 100):
        return problems
    seen: set[str] = set()
    for i, entry in enumerate(value):
        entry_path = f"{path}[{i}]"
        entry_problems = entry_problems_of(field, entry, entry_path, ctx)
        problems += entry_problems
        number = entry.get("id_number") if isinstance(entry, dict) else None
        if not entry_problems and isinstance(number, str):
            # One officer may hold two posts (执行董事兼经理), so with roles a repeat is the
            # same person in the same post; without roles, the same person at all.
            key = ids.compact(number) + "|" + str(entry.get("role", ""))
            if key in seen:
                problems.append(report(f"{entry_path}.id_number", "persons.duplicate", field.label))
            seen.add(key)
    return problems


def entry_problems_of(field: Field, entry: object, path: str, ctx: Context) -> list[Problem]:
    """Problems with one person or company in the list."""
    if not isinstance(entry, dict) or not set(entry) <= ENTRY_KEYS:
        return [report(path, "type", field.label)]
    kind = entry.get("kind", "person")
    if kind not in ("person", "company"):
        return [report(f"{path}.kind", "type", field.label)]
    if kind == "company" and not field.allow_companies:
        return [report(f"{path}.kind", "persons.kind", field.label)]
    problems = name_problems(entry.get("name"), kind, f"{path}.name")
    problems += id_problems(field, entry.get("id_number"), kind, f"{path}.id_number", ctx)
    if field.with_contribution:
        given = entry.get("contribution")
        amount = parse_amount(given)
        if given is not None and (isinstance(given, bool)
                                  or not isinstance(given, str | int | float)):
            problems.append(report(f"{path}.contribution", "type", CONTRIBUTION))
        elif amount is None or amount <= 0:
            problems.append(report(f"{path}.contribution", "money.format", CONTRIBUTION))
    elif "contribution" in entry:
        problems.append(report(f"{path}.contribution", "type", CONTRIBUTION))
    if field.roles:
        role = entry.get("role")
        if role is not None and not isinstance(role, str):
            problems.append(report(f"{path}.role", "type", ROLE))
        elif not isinstance(role, str) or role not in {o.value for o in field.roles}:
            problems.append(report(f"{path}.role", "persons.role", ROLE))
    elif "role" in entry:
        problems.append(report(f"{path}.role", "type", ROLE))
    return problems


def name_problems(name: object, kind: str, path: str) -> list[Problem]:
    if name is not None and not isinstance(name, str):
        return [report(path, "type", NAME)]      # a number or a list is not a missing name
    if name is None or not name.strip():
        return [report(path, "required", NAME)]
    text = name.strip()
    if kind == "company":
        # A company's registered name: Chinese characters and brackets, at most 50 characters
        # (the same terminal limit as the enterprise names it registers).
        if len(text) > 50 or not all(is_han(c) or c in "（）()" for c in text):
            return [report(path, "name.bad_chars", NAME, allowed=Text("汉字和括号",
                                                                       "Chinese and brackets"))]
        return []
    code = check_person_name_text(name)
    return [report(path, code, NAME)] if code else []


def id_problems(field: Field, number: object, kind: str, path: str, ctx: Context) -> list[Problem]:
    label = COMPANY_ID if kind == "company" else PERSON_ID
    if number is not None and not isinstance(number, str):
        return [report(path, "type", label)]
    if number is None or not number.strip():
        return [report(path, "required", label)]
    if kind == "company":
        code = "uscc.format" if len(number) > MAX_TOKEN else ids.check_uscc(number)
        return [report(path, code, label)] if code else []
    code = "ric.format" if len(number) > MAX_TOKEN else ids.check_ric(number, ctx.today)
    if code:
        return [report(path, code, label)]
    return adult_problems(field, number, path, ctx.today)
