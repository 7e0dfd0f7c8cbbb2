"""Read the TOML definitions in services/ and addons/ and check them before anything uses them.

A definition error names the file, the place in it and the problem, and stops the load: a broken
definition must fail the technician's check, never reach a citizen's screen.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from .errors import DefinitionError
from .model import (
    FIELD_TYPES,
    AddOn,
    Condition,
    Declaration,
    Field,
    LicenceFields,
    Option,
    Service,
    Step,
)
from .rules.address import NANHAI_TOWNS
from .text import Text

T = TypeVar("T")
CHARSETS = ("han", "han_alnum", "printable")
NAME_RULES = ("enterprise", "individual_business", "sole_proprietorship", "limited_company")
SERVICE_KEYS = {"id", "order", "entity_category", "title", "description", "entity_type", "licence",
                "steps", "declarations"}
ADDON_KEYS = {"id", "order", "services", "title", "description", "reason", "steps", "declarations"}
STEP_KEYS = {"id", "title", "rules", "fields"}
FIELD_KEYS = {
    "id", "type", "label", "help", "required", "options", "min_length", "max_length", "charset",
    "min", "max", "min_items", "max_items", "min_days", "max_days", "max_years", "visible_when",
    "name_rules",
    "adult_role", "allow_companies", "with_contribution", "roles",
}


class _Reader:
    """Checks one file's tables, remembering the file for every error it raises."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> DefinitionError:
        return DefinitionError(self.path, where, problem)

    def known_keys(self, table: object, allowed: set[str], where: str) -> None:
        """A misspelt key (`requried = false`) would silently keep its default: refuse it."""
        if not isinstance(table, dict):
            raise self.fail(where, "must be a table")
        unknown = set(table) - allowed
        if unknown:
            raise self.fail(where, f"unknown keys {sorted(unknown)}")

    def text(self, table: dict, key: str, where: str, optional: bool = False) -> Text:
        value = table.get(key)
        if value is None and optional:
            return Text("", "")
        if not isinstance(value, dict) or set(value) != {"zh", "en"}:
            raise self.fail(f"{where}.{key}", "needs exactly zh and en")
        if not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise self.fail(f"{where}.{key}", "zh and en must both be non-empty strings")
        return Text(value["zh"], value["en"])

    def ident(self, table: dict, where: str) -> str:
        value = table.get("id")
        if not isinstance(value, str) or not value.replace("_", "").isalnum() or not value.isascii():
            raise self.fail(where, "id must be a non-empty ASCII word (letters, digits, _)")
        return value

    def options(self, raw: object, where: str) -> tuple[Option, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise self.fail(where, "must be a list of {value, zh, en}")
        result = []
        for i, entry in enumerate(raw):
            if not isinstance(entry, dict) or not isinstance(entry.get("value"), str):
                raise self.fail(f"{where}[{i}]", "needs a string value")
            label = self.text({"label": {k: entry.get(k) for k in ("zh", "en")}}, "label",
                              f"{where}[{i}]")
            result.append(Option(entry["value"], label))
        if len({o.value for o in result}) != len(result):
            raise self.fail(where, "option values repeat")
        return tuple(result)

    def number(self, raw: object, where: str) -> Decimal | None:
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int | str | float):
            raise self.fail(where, "must be a number or a numeric string")
        try:
            return Decimal(str(raw))
        except InvalidOperation:
            raise self.fail(where, "is not a number") from None

    def integer(self, table: dict, key: str, where: str) -> int | None:
        value = table.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(f"{where}.{key}", "must be an integer")
        return value

    def field(self, raw: object, where: str, earlier: dict[str, Field]) -> Field:
        if not isinstance(raw, dict):
            raise self.fail(where, "a field must be a table")
        field_id = self.ident(raw, where)
        where = f"{where} ({field_id})"
        self.known_keys(raw, FIELD_KEYS, where)
        kind = raw.get("type")
        if kind not in FIELD_TYPES:
            raise self.fail(where, f"type must be one of {FIELD_TYPES}")
        options = self.options(raw.get("options"), f"{where}.options")
        if kind == "address":
            if options:
                raise self.fail(where, "an address field offers the Nanhai towns; no options")
            # The screen offers the towns as a choice; the value stored is the town's code.
            options = tuple(Option(code, name) for code, name in NANHAI_TOWNS.items())
        if kind in ("choice", "multi_choice") and not options:
            raise self.fail(where, f"a {kind} field needs options")
        if raw.get("charset") is not None and raw["charset"] not in CHARSETS:
            raise self.fail(where, f"charset must be one of {CHARSETS}")
        if raw.get("name_rules") is not None and raw["name_rules"] not in NAME_RULES:
            raise self.fail(where, f"name_rules must be one of {NAME_RULES}")
        condition = self.condition(raw["visible_when"], where, earlier) \
            if "visible_when" in raw else None
        field = Field(
            id=field_id, type=kind, label=self.text(raw, "label", where),
            help=self.text(raw, "help", where, optional=True),
            required=bool(raw.get("required", True)), options=options,
            min_length=self.integer(raw, "min_length", where),
            max_length=self.integer(raw, "max_length", where),
            charset=raw.get("charset"),
            minimum=self.number(raw.get("min"), f"{where}.min"),
            maximum=self.number(raw.get("max"), f"{where}.max"),
            min_items=self.integer(raw, "min_items", where),
            max_items=self.integer(raw, "max_items", where),
            min_days=self.integer(raw, "min_days", where),
            max_days=self.integer(raw, "max_days", where),
            max_years=self.integer(raw, "max_years", where),
            visible_when=condition, name_rules=raw.get("name_rules"),
            adult_role=self.text(raw, "adult_role", where) if "adult_role" in raw else None,
            allow_companies=bool(raw.get("allow_companies", False)),
            with_contribution=bool(raw.get("with_contribution", False)),
            roles=self.options(raw.get("roles"), f"{where}.roles"),
        )
        self._check_bounds(field, where)
        return field

    def condition(self, cond: object, where: str, earlier: dict[str, Field]) -> Condition:
        """A visibility condition may only look back at an earlier choice field's options."""
        if (not isinstance(cond, dict) or set(cond) != {"field", "in"}
                or not isinstance(cond["in"], list) or not isinstance(cond["field"], str)):
            raise self.fail(where, "visible_when needs {field, in = [values]}")
        source = earlier.get(cond["field"])
        if source is None or source.type != "choice":
            raise self.fail(where, "visible_when must name an earlier choice field")
        known = {o.value for o in source.options}
        if not all(isinstance(v, str) and v in known for v in cond["in"]):
            raise self.fail(where, f"visible_when values must be options of {source.id}")
        return Condition(cond["field"], tuple(cond["in"]))

    def _check_bounds(self, field: Field, where: str) -> None:
        for low, high, what in ((field.min_length, field.max_length, "length"),
                                (field.minimum, field.maximum, "min/max"),
                                (field.min_items, field.max_items, "items"),
                                (field.min_days, field.max_days, "days")):
            if low is not None and high is not None and low > high:
                raise self.fail(where, f"{what}: the lower bound exceeds the upper bound")
        if field.max_days is not None and field.max_years is not None:
            raise self.fail(where, "give max_days or max_years, not both")
        if field.type == "text" and field.max_length is None:
            raise self.fail(where, "a text field needs max_length")
        if field.name_rules and (field.min_length is not None or field.charset is not None):
            raise self.fail(where, "name_rules set their own length and characters")

    def steps(self, data: dict, rules: Mapping[str, tuple[str, ...]]) -> tuple[Step, ...]:
        raw_steps = data.get("steps")
        if not isinstance(raw_steps, list) or not raw_steps:
            raise self.fail("steps", "at least one step is needed")
        steps, fields, step_ids = [], {}, set()
        for i, raw in enumerate(raw_steps):
            where = f"steps[{i}]"
            self.known_keys(raw, STEP_KEYS, where)
            step_id = self.ident(raw, where)
            if step_id in step_ids:
                raise self.fail(where, f"step id {step_id!r} repeats")
            step_ids.add(step_id)
            step_fields = []
            for j, raw_field in enumerate(raw.get("fields", [])):
                field = self.field(raw_field, f"{where}.fields[{j}]", fields)
                if field.id in fields:
                    raise self.fail(f"{where}.fields[{j}]", f"field id {field.id!r} repeats")
                fields[field.id] = field
                step_fields.append(field)
            if not step_fields:
                raise self.fail(where, "a step needs at least one field")
            named = self.step_rules(raw.get("rules", []), f"{where}.rules", rules, fields)
            steps.append(Step(step_id, self.text(raw, "title", where), tuple(step_fields), named))
        return tuple(steps)

    def step_rules(self, named: object, where: str, rules: Mapping[str, tuple[str, ...]],
                   fields: dict[str, Field]) -> tuple[str, ...]:
        """Rule names a step runs: known rules whose fields exist by this step."""
        if not isinstance(named, list) or not all(isinstance(r, str) for r in named):
            raise self.fail(where, "must be a list of rule names")
        for rule in named:
            if rule not in rules:
                raise self.fail(where, f"unknown rule {rule!r}; known: {sorted(rules)}")
            missing = [f for f in rules[rule] if f not in fields]
            if missing:
                raise self.fail(where, f"rule {rule!r} reads {missing}, not defined by this step")
        return tuple(named)

    def declarations(self, data: dict) -> tuple[Declaration, ...]:
        result = []
        for i, raw in enumerate(data.get("declarations", [])):
            where = f"declarations[{i}]"
            self.known_keys(raw, {"id", "text"}, where)
            decl_id = raw.get("id")
            if not isinstance(decl_id, str) or not decl_id:
                raise self.fail(where, "needs an id")
            if decl_id in {d.id for d in result}:
                raise self.fail(where, f"declaration id {decl_id!r} repeats")
            result.append(Declaration(decl_id, self.text(raw, "text", where)))
        if not result:
            raise self.fail("declarations", "at least one declaration is needed")
        return tuple(result)


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DefinitionError(path, "file", f"cannot be read: {exc}") from None


def _order(data: dict, reader: _Reader) -> int:
    order = data.get("order")
    if isinstance(order, bool) or not isinstance(order, int):
        raise reader.fail("order", "must be an integer (position in the list)")
    return order


def _guarded(load: Callable[..., T]) -> Callable[..., T]:
    """Turn a shape the checks did not foresee (a list where a string belongs, say) into a
    DefinitionError naming the file, instead of a bare TypeError from deep inside."""

    def wrapper(path: Path, *args: object) -> T:
        try:
            return load(path, *args)
        except DefinitionError:
            raise
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise DefinitionError(path, "structure", f"unexpected shape: {exc}") from None

    return wrapper


@_guarded
def load_service(path: Path, rules: Mapping[str, tuple[str, ...]]) -> Service:
    data, reader = _read(path), _Reader(path)
    reader.known_keys(data, SERVICE_KEYS, "top level")
    # Service declaration ids have no dot; add-on ones are "<addon>.<id>": no two can collide.
    if any("." in str(d.get("id")) for d in data.get("declarations", []) if isinstance(d, dict)):
        raise reader.fail("declarations", "a service's declaration ids may not contain '.'")
    category = data.get("entity_category")
    if category not in (1, 2):
        raise reader.fail("entity_category", "must be 1 (enterprise) or 2 (individual business)")
    steps = reader.steps(data, rules)
    return Service(
        id=reader.ident(data, "id"), title=reader.text(data, "title", "service"),
        description=reader.text(data, "description", "service"),
        steps=steps, declarations=reader.declarations(data),
        entity_type=reader.text(data, "entity_type", "service"), entity_category=category,
        order=_order(data, reader), licence=_licence_fields(data, steps, reader),
    )


def _licence_fields(data: dict, steps: tuple[Step, ...], reader: _Reader) -> LicenceFields:
    raw = data.get("licence")
    types = {f.id: f.type for s in steps for f in s.fields}
    wanted = {"representative": ("person_name",), "capital": ("money",),
              "shareholders": ("persons",)}
    if not isinstance(raw, dict) or "representative" not in raw or not set(raw) <= set(wanted):
        raise reader.fail("licence", "needs representative (and optionally capital, shareholders)")
    for key, value in raw.items():
        if types.get(value) not in wanted[key]:
            raise reader.fail(f"licence.{key}", f"must name a {wanted[key][0]} field")
    return LicenceFields(raw["representative"], raw.get("capital"), raw.get("shareholders"))


@_guarded
def load_addon(path: Path, rules: Mapping[str, tuple[str, ...]],
               service_ids: frozenset[str]) -> AddOn:
    data, reader = _read(path), _Reader(path)
    reader.known_keys(data, ADDON_KEYS, "top level")
    services = data.get("services")
    if not isinstance(services, list) or not services or not set(services) <= service_ids:
        raise reader.fail("services", f"must list known services {sorted(service_ids)}")
    reason = reader.text(data, "reason", "addon")
    if "{items}" not in reason.zh or "{items}" not in reason.en:
        raise reader.fail("reason", "must mention {items} in both languages")
    addon = AddOn(
        id=reader.ident(data, "id"), title=reader.text(data, "title", "addon"),
        description=reader.text(data, "description", "addon"),
        steps=reader.steps(data, rules), declarations=reader.declarations(data),
        reason=reason, services=tuple(services), order=_order(data, reader),
    )
    for decl in addon.declarations:
        if not decl.id.startswith(addon.id + "."):
            raise reader.fail(f"declarations ({decl.id})", f"id must start with '{addon.id}.'")
    return addon
