"""What one citizen has answered so far, typed, owned by the session and wiped with it.

Answers are kept even when they stop counting (a declined add-on, a field hidden by another
answer, an add-on no longer offered after the scope changed): Back never loses anything, and
`to_application()` sends only what the definition asks for now.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import forms

from .signature import Signature


@dataclass
class Applicant:
    """The person at the terminal; they sign first and their details prefill the service's
    representative (operator, investor or legal representative) when those are still empty."""

    name: str = ""
    id_number: str = ""
    mobile: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.id_number or self.mobile)


@dataclass
class ApplicationDraft:
    """An application being filled in. `answers` and `addon_answers` are keyed by the field ids
    of the forms/ definitions (data, not code); everything else is an attribute."""

    service_id: str
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    applicant: Applicant = field(default_factory=Applicant)
    answers: dict[str, object] = field(default_factory=dict)
    addon_answers: dict[str, dict[str, object]] = field(default_factory=dict)
    addon_decisions: dict[str, bool] = field(default_factory=dict)   # add-on id -> accepted
    declarations: set[str] = field(default_factory=set)
    signatures: dict[str, Signature] = field(default_factory=dict)   # signer key -> strokes

    @property
    def service(self) -> forms.Service:
        return forms.service(self.service_id)

    def has_something_to_lose(self) -> bool:
        """True once the citizen has given any answer, decision, tick or stroke."""
        return bool(not self.applicant.is_empty() or any(_given(v) for v in self.answers.values())
                    or any(_given(v) for a in self.addon_answers.values() for v in a.values())
                    or self.addon_decisions or self.declarations or self.signatures)

    def answers_for(self, addon_id: str | None) -> dict[str, object]:
        """The live answer dict of the service (None) or of one add-on."""
        if addon_id is None:
            return self.answers
        return self.addon_answers.setdefault(addon_id, {})

    def set_answer(self, addon_id: str | None, field_id: str, value: object) -> bool:
        """Store one answer; True if it changed. A changed answer voids the signatures: a
        signature attests what was on the form when it was given."""
        answers = self.answers_for(addon_id)
        if answers.get(field_id) == value:
            return False
        answers[field_id] = value
        self.signatures.clear()
        return True

    def scope_ids(self) -> list[str]:
        scope = next((self.answers.get(f.id) for s in self.service.steps for f in s.fields
                      if f.type == "scope"), None)
        return [i for i in scope if isinstance(i, str)] if isinstance(scope, list) else []

    def offers(self) -> list[forms.AddOnOffer]:
        return forms.offered_addons(self.service_id, self.scope_ids())

    def accepted_addons(self) -> list[forms.AddOn]:
        """Add-ons offered by the current scope and accepted, in add-on order."""
        return [o.addon for o in self.offers() if self.addon_decisions.get(o.addon.id)]

    def to_application(self) -> forms.Application:
        """The application as forms/ validates it: only visible fields' answers, only accepted
        add-ons still offered, the needed declarations in definition order."""
        svc = self.service
        chosen = self.accepted_addons()
        needed = [d.id for d in svc.declarations] + [d.id for a in chosen for d in a.declarations]
        return forms.Application(
            id=self.id, service=svc.id, answers=_visible(svc, self.answers),
            addons={a.id: _visible(a, self.addon_answers.get(a.id, {})) for a in chosen},
            declarations=[d for d in needed if d in self.declarations],
        )


def _given(value: object) -> bool:
    if isinstance(value, dict):
        return any(_given(v) for v in value.values())
    return value not in (None, "", [], {})


def _visible(definition: forms.Service | forms.AddOn, answers: dict[str, object]) -> dict:
    out: dict[str, object] = {}
    for step in definition.steps:
        for f in step.fields:
            if f.id in answers and f.visible(answers) and _given(answers[f.id]):
                out[f.id] = answers[f.id]
    return out
