"""What a service or a permit add-on asks, as immutable values built from its TOML definition.

The kiosk draws its screens from these and the backend re-checks answers against them, so they
cross package boundaries: frozen dataclasses with explicit fields, no dicts of unknown shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .text import Text

# Every field type a definition may use; the loader refuses anything else.
FIELD_TYPES = (
    "text", "person_name", "resident_id", "mobile", "credit_code", "money", "integer", "area",
    "date", "choice", "multi_choice", "address", "scope", "persons",
)


@dataclass(frozen=True)
class Option:
    """One answer a choice field offers; `value` is what the Application stores."""

    value: str
    label: Text


@dataclass(frozen=True)
class Condition:
    """Show a field only when another field's answer is one of `values`."""

    field: str
    values: tuple[str, ...]

    def holds(self, answers: dict[str, object]) -> bool:
        value = answers.get(self.field)
        return isinstance(value, str) and value in self.values


@dataclass(frozen=True)
class Field:
    """One question. Constraints that do not apply to `type` stay None.

    Answer shapes by type: text/person_name/resident_id/mobile/credit_code/choice/date -> str;
    money/area -> str ("12345.50") or int; integer -> int; multi_choice/scope -> list[str];
    address -> {"town": code, "detail": str}, the towns offered as `options`; persons -> list of
    {"kind": "person"|"company", "name", "id_number", "contribution"?, "role"?}.
    """

    id: str
    type: str
    label: Text
    help: Text
    required: bool = True
    options: tuple[Option, ...] = ()
    min_length: int | None = None
    max_length: int | None = None
    charset: str | None = None          # text: "han", "han_alnum", "any_printable"
    minimum: Decimal | None = None      # money, integer, area
    maximum: Decimal | None = None
    min_items: int | None = None        # multi_choice, scope, persons
    max_items: int | None = None
    min_days: int | None = None         # date: earliest, in days from today
    max_days: int | None = None         # date: latest, in days from today
    max_years: int | None = None        # date: latest, in calendar years from today
    visible_when: Condition | None = None
    name_rules: str | None = None       # text: "enterprise" or "individual_business"
    adult_role: Text | None = None      # resident_id / persons: the role that needs age >= 18
    allow_companies: bool = False       # persons: corporate members by credit code
    with_contribution: bool = False     # persons: each member subscribes capital
    roles: tuple[Option, ...] = ()      # persons: each member holds one of these positions

    def visible(self, answers: dict[str, object]) -> bool:
        return self.visible_when is None or self.visible_when.holds(answers)


@dataclass(frozen=True)
class Step:
    """One screen's worth of questions, plus the cross-field rules checked on leaving it."""

    id: str
    title: Text
    fields: tuple[Field, ...]
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Declaration:
    """A statement the applicant must read and confirm before the application is sent."""

    id: str
    text: Text


@dataclass(frozen=True)
class LicenceFields:
    """Which answers the licence prints: the person it names, and the capital if any."""

    representative: str                 # field id of the operator / investor / legal rep name
    capital: str | None = None          # field id of the registered capital or investment
    shareholders: str | None = None     # field id of the shareholders (company sub-type)


@dataclass(frozen=True)
class Service:
    """A registration the terminal offers (individual business, sole proprietorship, company)."""

    id: str
    title: Text
    description: Text
    steps: tuple[Step, ...]
    declarations: tuple[Declaration, ...]
    entity_type: Text = Text("", "")
    entity_category: int = 1            # GB 32100 digit 2: 1 enterprise, 2 individual business
    order: int = 0                      # position in the service list on the terminal
    licence: LicenceFields | None = None

    def field(self, field_id: str) -> Field | None:
        return _find_field(self.steps, field_id)


@dataclass(frozen=True)
class AddOn:
    """A permit or filing applied for together with the registration ("one licence covers all")."""

    id: str
    title: Text
    description: Text
    steps: tuple[Step, ...]
    declarations: tuple[Declaration, ...]
    reason: Text = Text("", "")         # "{items}" is replaced by the triggering scope items
    services: tuple[str, ...] = ()
    order: int = 0

    def field(self, field_id: str) -> Field | None:
        return _find_field(self.steps, field_id)


def _find_field(steps: tuple[Step, ...], field_id: str) -> Field | None:
    for step in steps:
        for field in step.fields:
            if field.id == field_id:
                return field
    return None
