"""What the business licence shows, derived from a valid application's answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .application import Application
from .definitions import current, service
from .errors import InvalidApplication, UnknownScopeItem
from .messages import shown
from .rules.address import full_address
from .text import Text
from .validation import validate_application
from .values import parse_amount

# The standard clauses of 经营范围规范表述目录 that close each part of the scope wording.
GENERAL_CLAUSE = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
LICENSED_CLAUSE = ("（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
                   "具体经营项目以相关部门批准文件或许可证件为准）")


@dataclass(frozen=True)
class ScopeWording:
    """The scope as printed: each part with its clause, and the two joined."""

    general: str
    licensed: str
    full: str


@dataclass(frozen=True)
class LicenceParticulars:
    """The variable fields of the licence, from the answers (the backend adds code and dates)."""

    name: str | None
    entity_type: Text
    entity_category: int
    representative: str
    registered_capital: Decimal | None
    address: str
    scope: ScopeWording


def licence_scope_text(item_ids: list[str]) -> ScopeWording:
    """一般项目：…（clause）许可项目：…（clause）, items in the order chosen, repeats dropped.
    An unknown id raises UnknownScopeItem: only validated scopes reach a licence."""
    by_id = current().catalogue.by_id
    general: list[str] = []
    licensed: list[str] = []
    seen: set[str] = set()
    for item_id in item_ids:
        item = by_id.get(item_id) if isinstance(item_id, str) else None
        if item is None:
            raise UnknownScopeItem(f"no scope item {shown(item_id)!r}")
        if item_id not in seen:
            seen.add(item_id)
            (licensed if item.kind == "licensed" else general).append(item.text)
    general_text = f"一般项目：{'；'.join(general)}{GENERAL_CLAUSE}" if general else ""
    licensed_text = f"许可项目：{'；'.join(licensed)}{LICENSED_CLAUSE}" if licensed else ""
    return ScopeWording(general_text, licensed_text, general_text + licensed_text)


def _company_type(shareholders: list[dict]) -> Text:
    """The sub-type a limited company's licence prints, from who holds it."""
    people = [s for s in shareholders if s.get("kind", "person") == "person"]
    if len(shareholders) == 1:
        if people:
            return Text("有限责任公司（自然人独资）", "Limited liability company (one natural person)")
        return Text("有限责任公司（非自然人投资或控股的法人独资）",
                    "Limited liability company (one legal-person owner)")
    personal = sum((parse_amount(s.get("contribution")) or Decimal(0)) for s in people)
    total = sum((parse_amount(s.get("contribution")) or Decimal(0)) for s in shareholders)
    if people and personal * 2 > total:
        return Text("有限责任公司（自然人投资或控股）",
                    "Limited liability company (natural-person invested or controlled)")
    return Text("其他有限责任公司", "Other limited liability company")


def licence_particulars(app: Application, *, today: date | None = None) -> LicenceParticulars:
    """Derive the licence's fields; InvalidApplication if the application does not validate."""
    problems = validate_application(app, today=today)
    if problems:
        raise InvalidApplication(problems)
    svc, answers = service(app.service), app.answers
    fields = svc.licence
    if fields is None:               # only a Service built by hand lacks it; the loader insists
        raise ValueError(f"service {svc.id!r} does not say what its licence prints")
    address = answers["address"]
    representative = answers[fields.representative]
    capital = parse_amount(answers.get(fields.capital)) if fields.capital else None
    entity_type = svc.entity_type
    if fields.shareholders:
        entity_type = _company_type(answers[fields.shareholders])
    name = answers.get("name")
    return LicenceParticulars(
        name=name.strip() if isinstance(name, str) and name.strip() else None,
        entity_type=entity_type, entity_category=svc.entity_category,
        representative=str(representative).strip(),
        registered_capital=capital.quantize(Decimal("0.01")) if capital is not None else None,
        address=full_address(address["town"], address["detail"]),
        scope=licence_scope_text(answers["scope"]),
    )
