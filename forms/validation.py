"""Validate a whole application, one step, or one field, against its service definition.

Never raises: every function takes whatever it is given (an Application built by hand may hold
anything) and answers with a list of Problems, [] meaning valid. The kiosk calls validate_field as
the citizen types and validate_step on "next"; the backend calls validate_application.
"""

from __future__ import annotations

from datetime import date

from .application import SCHEMA_VERSION, Application
from .checks import check_value
from .definitions import Definitions, current
from .messages import report, shown
from .model import AddOn, Field, Service, Step
from .paths import FIELD_PATH
from .persons import entry_problems_of
from .rules.cross import RULES
from .text import Problem, Text
from .values import Context

MAX_KEY = 40          # unknown keys are echoed in paths; a key longer than this is cut
MAX_LISTED = 10       # unknown keys or add-ons named one by one; the rest are counted in one line
DECLARATIONS = Text("确认事项", "declarations")


def _ctx(service_id: str, today: date | None, defs: Definitions) -> Context:
    return Context(service_id, today or date.today(), defs.catalogue)


def _answers_of(value: object) -> dict[str, object] | None:
    return value if isinstance(value, dict) else None


def step_problems(step: Step, answers: dict, prefix: str, ctx: Context) -> list[Problem]:
    """Field problems of one step, then (only if the fields are sound) its cross-field rules,
    so the applicant first fixes what they typed and then how the answers fit together."""
    problems: list[Problem] = []
    for field in step.fields:
        if field.visible(answers):
            problems += check_value(field, answers.get(field.id), prefix + field.id, ctx)
    if not problems:
        for rule in step.rules:
            problems += RULES[rule](answers, prefix, ctx)
    return problems


def _unknown_keys(answers: dict, definition: Service | AddOn, prefix: str) -> list[Problem]:
    """One problem per unknown key up to MAX_LISTED, then one that counts the rest: a file with
    thousands of stray keys must not produce thousands of problems (or megabytes of output)."""
    known = {f.id for s in definition.steps for f in s.fields}
    unknown = [key for key in answers if key not in known]
    problems = []
    for key in unknown[:MAX_LISTED]:
        echo = shown(key, MAX_KEY)
        problems.append(report(prefix + echo, "unknown_field", Text(echo, echo)))
    if len(unknown) > MAX_LISTED:
        problems.append(report(prefix.rstrip(".") or "answers", "unknown_field.more",
                               count=len(unknown) - MAX_LISTED))
    return problems


def _scope_ids(svc: Service, answers: dict, defs: Definitions) -> list[str]:
    scope = next((answers.get(f.id) for s in svc.steps for f in s.fields if f.type == "scope"), None)
    if not isinstance(scope, list):
        return []
    return [i for i in scope if isinstance(i, str) and i in defs.catalogue.by_id]


def _addon_problems(app: Application, svc: Service, ctx: Context,
                    defs: Definitions) -> list[Problem]:
    if not isinstance(app.addons, dict):
        return [report("addons", "application.shape")]
    scope = _scope_ids(svc, app.answers, defs)
    triggered = {defs.catalogue.by_id[i].addon_id for i in scope}
    problems: list[Problem] = []
    unknown = 0
    for addon_id, answers in app.addons.items():
        prefix = f"addons.{shown(addon_id, MAX_KEY)}"
        found = defs.addon_by_id.get(addon_id) if isinstance(addon_id, str) else None
        if found is None or svc.id not in found.services:
            unknown += 1
            if unknown <= MAX_LISTED:
                problems.append(report(prefix, "addon.unknown"))
            continue
        if addon_id not in triggered:
            problems.append(report(prefix, "addon.not_offered", addon=found.title))
        problems += addon_answer_problems(found, answers, ctx)
    if unknown > MAX_LISTED:
        problems.append(report("addons", "unknown_field.more", count=unknown - MAX_LISTED))
    return problems


def addon_answer_problems(found: AddOn, answers: object, ctx: Context) -> list[Problem]:
    prefix = f"addons.{found.id}."
    if not isinstance(answers, dict):
        return [report(prefix[:-1], "application.shape")]
    problems = _unknown_keys(answers, found, prefix)
    for step in found.steps:
        problems += step_problems(step, answers, prefix, ctx)
    return problems


def _declaration_problems(app: Application, svc: Service, defs: Definitions) -> list[Problem]:
    if not isinstance(app.declarations, list):
        return [report("declarations", "application.shape")]
    chosen = [defs.addon_by_id[a] for a in (app.addons if isinstance(app.addons, dict) else {})
              if isinstance(a, str) and a in defs.addon_by_id]
    needed = list(svc.declarations) + [d for a in chosen for d in a.declarations]
    confirmed = {d for d in app.declarations if isinstance(d, str)}
    problems = [report(f"declarations.{d.id}", "declaration.missing", DECLARATIONS,
                       declaration=d.text) for d in needed if d.id not in confirmed]
    if confirmed - {d.id for d in needed} or len(confirmed) != len(app.declarations):
        problems.append(report("declarations", "declaration.unknown", DECLARATIONS))
    return problems


def _service_of(app: object, defs: Definitions) -> tuple[Service | None, list[Problem]]:
    if not isinstance(app, Application):
        return None, [report("", "application.shape")]
    if app.schema_version != SCHEMA_VERSION:
        got = app.schema_version
        echo = str(got) if isinstance(got, int) and not isinstance(got, bool) and abs(got) < 10**6 \
            else "?"      # str() of a huge int raises (4300-digit limit); show nothing instead
        return None, [report("schema_version", "schema.version", got=echo, want=SCHEMA_VERSION)]
    svc = defs.service_by_id.get(app.service) if isinstance(app.service, str) else None
    if svc is None:
        return None, [report("service", "service.unknown")]
    if _answers_of(app.answers) is None:
        return None, [report("answers", "application.shape")]
    return svc, []


def validate_application(app: Application, *, today: date | None = None) -> list[Problem]:
    """Every problem in the application; [] means the backend may accept it."""
    defs = current()
    svc, problems = _service_of(app, defs)
    if svc is None:
        return problems
    ctx = _ctx(svc.id, today, defs)
    problems = _unknown_keys(app.answers, svc, "")
    for step in svc.steps:
        problems += step_problems(step, app.answers, "", ctx)
    problems += _addon_problems(app, svc, ctx, defs)
    problems += _declaration_problems(app, svc, defs)
    return problems


def validate_step(app: Application, step_id: str, *, today: date | None = None) -> list[Problem]:
    """Problems of one screen: a service step id, "addons.<addon id>", or "declarations"."""
    defs = current()
    svc, problems = _service_of(app, defs)
    if svc is None:
        return problems
    ctx = _ctx(svc.id, today, defs)
    step = next((s for s in svc.steps if s.id == step_id), None)
    if step is not None:
        return step_problems(step, app.answers, "", ctx)
    if step_id == "declarations":
        return _declaration_problems(app, svc, defs)
    if isinstance(step_id, str) and step_id.startswith("addons."):
        found = defs.addon_by_id.get(step_id[len("addons."):])
        if found is not None and svc.id in found.services:
            addons = app.addons if isinstance(app.addons, dict) else {}
            return addon_answer_problems(found, addons.get(found.id, {}), ctx)
    return [report("step", "step.unknown")]


def validate_field(service_id: str, field_path: str, value: object, answers: dict,
                   *, today: date | None = None) -> list[Problem]:
    """Problems with `value` as the answer at `field_path`, given the other `answers` (of the
    service, or of the add-on for an "addons.<id>.<field>" path). [] for a hidden field."""
    defs = current()
    svc = defs.service_by_id.get(service_id) if isinstance(service_id, str) else None
    if svc is None:
        return [report("service", "service.unknown")]
    match = FIELD_PATH.fullmatch(field_path) if isinstance(field_path, str) else None
    if match is None:
        path = shown(field_path, MAX_KEY * 2)
        return [report(path, "unknown_field", Text(path, path))]
    path = match.group(0)
    addon_id, field_id, index, sub = match.groups()
    definition: Service | AddOn | None = svc
    if addon_id is not None:
        definition = defs.addon_by_id.get(addon_id)
        if definition is None or svc.id not in definition.services:
            return [report(path, "addon.unknown")]
    field = definition.field(field_id)
    if field is None or (index is not None and field.type != "persons"):
        return [report(path, "unknown_field", Text(path, path))]
    answers = _answers_of(answers) or {}
    if not field.visible(answers):
        return []
    ctx = _ctx(svc.id, today, defs)
    if index is None:
        return check_value(field, value, path, ctx)
    return _person_entry_problems(field, answers, int(index), sub, value, path, ctx)


def _person_entry_problems(field: Field, answers: dict, index: int, sub: str | None,
                           value: object, path: str, ctx: Context) -> list[Problem]:
    entry_path = path if sub is None else path[: path.rindex(".")]
    if sub is None:
        return entry_problems_of(field, value, entry_path, ctx)
    current_list = answers.get(field.id)
    entry = current_list[index] if isinstance(current_list, list) and index < len(
        current_list) else {}
    entry = dict(entry) if isinstance(entry, dict) else {}
    entry[sub] = value
    return [p for p in entry_problems_of(field, entry, entry_path, ctx)
            if p.field == path or p.field.startswith(path + ".")]
