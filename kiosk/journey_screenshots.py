"""The journey's part of `python -m kiosk screenshots DIR`: every stage of every service.

Each service is walked from its first stage to confirm with one of forms' sample applications,
taking the add-ons so that all five appear across the three services, and every stage is
grabbed as it opens: DIR/journey-<service>-<NN>-<stage kind>-<locale>.png. A person
list and the review are also grabbed answered, in large text and in high contrast. Answers go in through
the same view-model slots the editors call (setValue, chooseScope, decide, tick, stroke), so
what is drawn is what a person's taps would have produced.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("kiosk.screenshots")

# Between them, every add-on forms/ defines today; a new add-on is caught by the test that
# checks every add-on appears in some walk.
WALKS = (
    ("individual_business", ("food_business",)),
    ("sole_proprietorship", ("prepackaged_food_filing", "class2_device_filing")),
    ("limited_company", ("drug_retail", "class3_device_permit")),
)
VARIANT_STAGES = ("step.shareholders", "review")  # grabbed again in large text and high contrast


def _answer(form, sample) -> None:  # noqa: ANN001, C901 (ApplicationForm, forms.Application)
    j = form.journey
    kind = form.stageKind
    if kind == "identify":
        fields = [f for step in j.draft.service.steps for f in step.fields]
        name = next(f.id for f in fields if f.type == "person_name")
        number = next(f.id for f in fields if f.type == "resident_id")
        form.setValue("name", str(sample.answers[name]))
        form.setValue("id_number", str(sample.answers[number]))
        form.setValue("mobile", "13800000000")
    elif kind in ("step", "addon_step"):
        answers = sample.answers if kind == "step" else sample.addons[j.stage.addon_id]
        for _ in range(3):  # an answer can reveal another question
            for row in form.fields.rows():
                fid, value = row["fieldId"], answers.get(row["fieldId"])
                if row["kind"] == "persons" and isinstance(value, list):
                    _add_people(form, fid, value)
                elif value is not None and row["value"] != value:
                    form.setValue(fid, value)
    elif kind == "scope":
        for item_id in sample.answers["scope"]:
            form.chooseScope(item_id, True)
    elif kind == "addon_offer":
        for row in form.offers.rows():
            form.decide(row["addonId"], row["addonId"] in sample.addons)
    elif kind == "declarations":
        for row in form.declarations.rows():
            form.tick(row["declarationId"], True)
    elif kind == "signature":
        for i in range(40):  # a written scrawl across the pad
            form.stroke(0.1 + i * 0.02, 0.5 + 0.25 * math.sin(i / 2.5), i == 0)


def _add_people(form, field_id: str, people: list[dict]) -> None:  # noqa: ANN001
    """As the person cards do: add a card, then fill it in, one person at a time."""
    keys = {"name": "name", "id_number": "idNumber", "kind": "kind",
            "contribution": "contribution", "role": "role"}
    if form.persons(field_id).rowCount() == len(people):
        return
    for index, person in enumerate(people):
        form.addPerson(field_id)
        for key, value in person.items():
            form.setPerson(field_id, index, keys[key], str(value))


def walk_journeys(t, grab: Callable[[str], Path | None], locale: str) -> list[Path]:  # noqa: ANN001
    """Grab every stage of every walk in `locale`; returns the files written."""
    import forms
    from kiosk.ui.viewmodels.journey import Screen

    written: list[Path] = []

    def shoot(name: str) -> None:
        path = grab(name)
        if path is not None:
            written.append(path)

    for service_id, addons in WALKS:
        sample = forms.samples.valid_application(service_id, addons=addons, shareholders=2)
        t.session.set("locale", locale)
        t.session.set("service_id", service_id)
        t.journey.go_to(Screen.SERVICE)
        t.journey.showForm()
        form = t.journey.form
        for number in range(60):
            stage = f"journey-{service_id}-{number:02d}-{form.stageKind}"
            shoot(stage)
            if form.stageKind == "confirm":
                break
            _answer(form, sample)
            if form.stageKey in VARIANT_STAGES:  # answered: the person cards are on screen
                shoot(f"{stage}-answered")
                for look in ("large_text", "high_contrast"):
                    t.session.set(look, True)
                    shoot(f"{stage}-answered-{look.replace('_', '-')}")
                    t.session.set(look, False)
            if not form.next():
                log.error("screenshots: %s stopped at %s: %s", service_id, form.stageKey, form.message)
                break
        t.end_session("screenshots")
        t.journey.go_to(Screen.ATTRACT)
    return written
