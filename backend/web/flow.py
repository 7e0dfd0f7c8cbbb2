"""The pages of one draft, in order, derived from the service definition and the answers so far:
the service's steps, the add-on offer (only when the scope triggers one), one page per chosen
add-on, the declarations, then check answers."""

from __future__ import annotations

from dataclasses import dataclass

import forms
from forms import AddOn, Declaration, Field, Service, Step, Text

from .drafts import Draft
from .widgets import parse_field

OFFER = "addons"
DECLARATIONS = "declarations"
CHECK = "check"


@dataclass(frozen=True)
class PageSpec:
    """One question page: its id (in the URL), title, the steps it asks and where answers go."""

    id: str
    title: Text
    steps: tuple[Step, ...] = ()
    addon: AddOn | None = None       # answers go to draft.addons[addon.id]
    kind: str = "service"            # "service", "addon", "offer", "declarations"

    @property
    def prefix(self) -> str:
        return f"addons.{self.addon.id}." if self.addon is not None else ""


def scope_of(service: Service, answers: dict) -> list[str]:
    for step in service.steps:
        for fld in step.fields:
            if fld.type == "scope":
                value = answers.get(fld.id)
                return [str(v) for v in value] if isinstance(value, list) else []
    return []


def offers(draft: Draft) -> list[forms.AddOnOffer]:
    service = forms.service(draft.service_id)
    return forms.offered_addons(service.id, scope_of(service, draft.answers))


def pages(draft: Draft) -> list[PageSpec]:
    service = forms.service(draft.service_id)
    result = [PageSpec(step.id, step.title, (step,)) for step in service.steps]
    offered = offers(draft)
    if offered:
        result.append(PageSpec(OFFER, Text("许可证和备案", "Permits and filings"), kind="offer"))
    offered_ids = {o.addon.id for o in offered}
    for addon_id in draft.chosen:
        if addon_id in offered_ids:
            addon = forms.addon(addon_id)
            result.append(PageSpec(f"addon-{addon.id}", addon.title, addon.steps, addon, "addon"))
    result.append(PageSpec(DECLARATIONS, Text("确认事项", "Declarations"), kind="declarations"))
    return result


def declarations_of(draft: Draft) -> list[Declaration]:
    service = forms.service(draft.service_id)
    chosen = [forms.addon(a) for a in draft.chosen]
    return list(service.declarations) + [d for a in chosen for d in a.declarations]


def owner_fields(spec: PageSpec) -> dict[str, Field]:
    return {f.id: f for step in spec.steps for f in step.fields}


def apply_answers(draft: Draft, spec: PageSpec, form: dict[str, list[str]]) -> None:
    """Store this page's posted answers in the draft (even invalid ones: Back keeps them)."""
    if spec.kind == "offer":
        offered = {o.addon.id for o in offers(draft)}
        draft.chosen = [a for a in dict.fromkeys(form.get("addons", [])) if a in offered]
        _keep_wanted_declarations(draft)
        return
    if spec.kind == "declarations":
        wanted = {d.id for d in declarations_of(draft)}
        draft.declarations = [d for d in dict.fromkeys(form.get("declarations", [])) if d in wanted]
        return
    target = draft.answers if spec.addon is None else draft.addons.setdefault(spec.addon.id, {})
    for step in spec.steps:
        for fld in step.fields:
            value = parse_field(fld, form, spec.prefix)
            if value is None:
                target.pop(fld.id, None)
            else:
                target[fld.id] = value
    # A conditional answer whose condition no longer holds is dropped, not kept unseen.
    for step in spec.steps:
        for fld in step.fields:
            if not fld.visible(target):
                target.pop(fld.id, None)
    # A changed scope may no longer call for an add-on chosen earlier: it is no longer applied for.
    if spec.addon is None:
        offered = {o.addon.id for o in offers(draft)}
        draft.chosen = [a for a in draft.chosen if a in offered]
        _keep_wanted_declarations(draft)


def _keep_wanted_declarations(draft: Draft) -> None:
    """Confirmations of a dropped add-on's declarations go with it."""
    wanted = {d.id for d in declarations_of(draft)}
    draft.declarations = [d for d in draft.declarations if d in wanted]


def page_problems(draft: Draft, spec: PageSpec, today) -> list[forms.Problem]:
    """forms' own check of this page (validate_step), nothing of our own beyond the offer."""
    application = draft.application()
    if spec.kind == "service":
        return forms.validate_step(application, spec.id, today=today)
    if spec.kind == "addon":
        return forms.validate_step(application, f"addons.{spec.addon.id}", today=today)
    if spec.kind == "declarations":
        return forms.validate_step(application, "declarations", today=today)
    return []


def page_of_problem(draft: Draft, path: str) -> str | None:
    """The page id where the answer at a problem's path is given."""
    step = forms.step_of(draft.service_id, path)
    if step is None:
        return None
    if step.startswith("addons."):
        return f"addon-{step[len('addons.'):]}"
    return step
