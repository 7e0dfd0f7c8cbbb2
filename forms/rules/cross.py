"""Cross-field rules a definition names in a step's `rules` list.

Each rule reads the answers of one service or add-on (already known to be well-formed field by
field, or it skips what does not parse: the field check reports those) and returns problems whose
paths start with `prefix` ("" for the service, "addons.<id>." for an add-on).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..messages import report
from ..text import Problem, Text
from ..values import Context, parse_amount
from .ids import compact

Rule = Callable[[dict, str, Context], list[Problem]]


def _norm(number: object) -> str | None:
    return compact(number) if isinstance(number, str) and len(number) <= 64 else None


def family_excludes_operator(answers: dict, prefix: str, ctx: Context) -> list[Problem]:
    """The operator is the household head, not one of the family members listed beside them."""
    operator = _norm(answers.get("operator_id"))
    members = answers.get("family_members")
    if answers.get("organisation_form") != "family" or not isinstance(members, list):
        return []
    return [report(f"{prefix}family_members[{i}].id_number", "family.operator_listed",
                   Text("家庭成员", "family members"))
            for i, member in enumerate(members)
            if isinstance(member, dict) and operator and _norm(member.get("id_number")) == operator]


def capital_matches_contributions(answers: dict, prefix: str, ctx: Context) -> list[Problem]:
    """Registered capital equals the sum of subscribed contributions (Company Law 2023 art. 47)."""
    capital = parse_amount(answers.get("registered_capital"))
    holders = answers.get("shareholders")
    if capital is None or not isinstance(holders, list) or not holders:
        return []
    total = Decimal(0)
    for holder in holders:
        amount = parse_amount(holder.get("contribution")) if isinstance(holder, dict) else None
        if amount is None:
            return []
        total += amount
    if total != capital:
        return [report(f"{prefix}registered_capital", "capital.sum", None, total=f"{total:.2f}",
                       capital=f"{capital:.2f}")]
    return []


def officers_structure(answers: dict, prefix: str, ctx: Context) -> list[Problem]:
    """The officers a limited company may have under Company Law 2023: a board of three or more
    directors (art. 68) or a single director (art. 75); a board of three or more supervisors
    (art. 76), a single supervisor, or none (art. 83: a small company with all shareholders
    agreeing; art. 69: an audit committee of the board instead); one manager at most (art. 74);
    and no director or senior manager as supervisor (art. 76)."""
    officers = answers.get("officers")
    if not isinstance(officers, list):
        return []
    roles: dict[str, set[str]] = {}
    for officer in officers:
        if isinstance(officer, dict) and isinstance(officer.get("role"), str):
            number = _norm(officer.get("id_number")) or ""
            roles.setdefault(officer["role"], set()).add(number)
    label = Text("董事、监事、经理", "officers")
    problems = []
    directors, supervisors = len(roles.get("director", ())), len(roles.get("supervisor", ()))
    if not directors:
        problems.append(report(f"{prefix}officers", "officers.no_director", label))
    elif directors == 2:
        problems.append(report(f"{prefix}officers", "officers.board_size", label))
    if supervisors == 2:
        problems.append(report(f"{prefix}officers", "officers.supervisor_board_size", label))
    if len(roles.get("manager", ())) > 1:
        problems.append(report(f"{prefix}officers", "officers.too_many_managers", label))
    running = roles.get("director", set()) | roles.get("manager", set())
    if roles.get("supervisor", set()) & running:
        problems.append(report(f"{prefix}officers", "officers.supervisor_conflict", label))
    return problems


def legal_rep_is_officer(answers: dict, prefix: str, ctx: Context) -> list[Problem]:
    """The legal representative is a director or the manager (Company Law 2023 art. 10)."""
    rep = _norm(answers.get("legal_rep_id"))
    officers = answers.get("officers")
    if not rep or not isinstance(officers, list):
        return []
    for officer in officers:
        if (isinstance(officer, dict) and _norm(officer.get("id_number")) == rep
                and officer.get("role") in ("director", "manager")):
            name, listed = answers.get("legal_rep_name"), officer.get("name")
            if isinstance(name, str) and isinstance(listed, str) and name.strip() != listed.strip():
                return [report(f"{prefix}legal_rep_name", "legal_rep.name_mismatch", None)]
            return []
    return [report(f"{prefix}legal_rep_id", "legal_rep.not_officer", None)]


def pharmacist_for_prescriptions(answers: dict, prefix: str, ctx: Context) -> list[Problem]:
    """Prescription and class A OTC drugs are sold only with a licensed pharmacist on the staff
    (处方药与非处方药流通管理暂行规定, 1999); class B OTC drugs need none."""
    if answers.get("prescription_drugs") not in ("yes", "otc_a"):
        return []
    missing = [key for key in ("pharmacist_name", "pharmacist_id", "pharmacist_certificate")
               if not answers.get(key)]
    return [report(f"{prefix}{key}", "pharmacy.pharmacist_needed", None) for key in missing]


FOOD_SALE_ITEMS = ("prepackaged", "bulk", "special")
FOOD_CATERING_ITEMS = ("hot_food", "cold_food", "raw_food", "pastry", "drinks")


def food_format_items(answers: dict, prefix: str, ctx: Context) -> list[Problem]:
    """A seller sells, a caterer or canteen prepares: the items must fit the main format."""
    fmt, items = answers.get("business_format"), answers.get("business_items")
    if not isinstance(items, list):
        return []
    if fmt == "seller" and not any(i in FOOD_SALE_ITEMS for i in items):
        return [report(f"{prefix}business_items", "food.items_mismatch", None,
                       format=Text("食品销售经营者", "food seller"),
                       need=Text("至少一项食品销售", "at least one kind of food sale"))]
    if fmt in ("caterer", "canteen") and not any(i in FOOD_CATERING_ITEMS for i in items):
        return [report(f"{prefix}business_items", "food.items_mismatch", None,
                       format=Text("餐饮服务经营者或单位食堂", "caterer or canteen"),
                       need=Text("至少一项食品制售", "at least one kind of food preparation"))]
    return []


RULES: dict[str, Rule] = {
    "family_excludes_operator": family_excludes_operator,
    "capital_matches_contributions": capital_matches_contributions,
    "officers_structure": officers_structure,
    "legal_rep_is_officer": legal_rep_is_officer,
    "pharmacist_for_prescriptions": pharmacist_for_prescriptions,
    "food_format_items": food_format_items,
}

# The answers each rule reads, by field id. The loader refuses a definition that names a rule
# without defining these fields by that step: the rule would otherwise pass silently.
RULE_FIELDS: dict[str, tuple[str, ...]] = {
    "family_excludes_operator": ("organisation_form", "operator_id", "family_members"),
    "capital_matches_contributions": ("registered_capital", "shareholders"),
    "officers_structure": ("officers",),
    "legal_rep_is_officer": ("legal_rep_id", "legal_rep_name", "officers"),
    "pharmacist_for_prescriptions": ("prescription_drugs", "pharmacist_name", "pharmacist_id",
                                     "pharmacist_certificate"),
    "food_format_items": ("business_format", "business_items"),
}
