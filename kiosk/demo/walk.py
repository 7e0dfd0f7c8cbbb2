"""A citizen's walk through a service, by taps and typing, answering as a sample application
does: the demo's script and the UI tests' (tests/ui/test_ui_journey.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

import forms

from .driver import TapDriver


def begin(d: TapDriver, service_id: str) -> None:
    """Attract -> the service list -> the service -> its form."""
    d.tap("startButton")
    d.wait_screen("services")
    d.tap(f"service_{service_id}")
    d.wait_screen("service")
    d.tap("startApplicationButton")
    d.wait_screen("form")


def fill_stage(d: TapDriver, sample: forms.Application, by_card: bool = False) -> None:  # noqa: C901, PLR0912
    form = d.t.journey.form
    kind = form.stageKind
    if kind == "identify" and by_card:
        # The card on the reader fills the name and the ID number; only the mobile is typed.
        d.wait_until(lambda: bool(form.journey.draft.applicant.id_number), timeout=10_000)
        d.type_into("field_mobile", "13800000000")
        return
    if kind == "identify":
        fields = [f for step in form.journey.draft.service.steps for f in step.fields]
        names = [f for f in fields if f.type == "person_name"]
        ids = [f for f in fields if f.type == "resident_id"]
        name_id = names[0].id if names[0].id in sample.answers else "legal_rep_name"
        d.type_into("field_name", str(sample.answers[name_id]))
        d.type_into("field_id_number", str(sample.answers.get(ids[0].id) or sample.answers.get("legal_rep_id")))
        d.type_into("field_mobile", "13800000000")
        return
    if kind in ("step", "addon_step"):
        answers = sample.answers if kind == "step" else sample.addons[form.journey.stage.addon_id]
        # An answer can show further questions (prescription drugs -> the pharmacist): a person
        # reads the step again after answering, and so does this walk.
        for _ in range(3):
            if not fill_rows(d, answers):
                break
    elif kind == "scope":
        for item_id in sample.answers["scope"]:
            d.type_into("scopeSearch", forms.scope_item(item_id).text)
            d.tap(f"scopeItem_{item_id}")
    elif kind == "addon_offer":
        for row in form.offers.rows():
            d.tap(("accept_" if row["addonId"] in sample.addons else "decline_") + row["addonId"])
    elif kind == "declarations":
        for row in form.declarations.rows():
            if not row["confirmed"]:
                d.tap("declaration_" + row["declarationId"])
    elif kind == "signature":
        sign(d)


def fill_rows(d: TapDriver, answers: dict) -> bool:  # noqa: C901
    """Answer every shown question of the stage that is not yet as the sample has it."""
    form = d.t.journey.form
    changed = False
    for row in form.fields.rows():
        fid, value = row["fieldId"], answers.get(row["fieldId"])
        if value is None or row["value"] == value:
            continue
        changed = True
        if row["kind"] == "choice":
            d.tap(f"option_{fid}_{value}")
        elif row["kind"] == "multi_choice":
            for v in value:
                d.tap(f"option_{fid}_{v}")
        elif row["kind"] == "address":
            d.tap(f"town_{fid}_{value['town']}")
            d.type_into(f"field_{fid}_detail", value["detail"])
        elif row["kind"] == "date":
            _set_date(d, fid, value)
        elif row["kind"] == "persons":
            for i, person in enumerate(value):
                d.tap(f"add_{fid}")
                d.type_into(f"person_{fid}_{i}_name", person["name"])
                d.type_into(f"person_{fid}_{i}_idNumber", person["id_number"])
                if "contribution" in person:
                    d.type_into(f"person_{fid}_{i}_contribution", person["contribution"])
                if "role" in person:
                    d.tap(f"role_{fid}_{i}_{person['role']}")
        else:
            d.type_into(f"field_{fid}", str(value))
    return changed


def _set_date(d: TapDriver, fid: str, target: str) -> None:
    """The date editor's plus and minus buttons, year first, as a person taps them."""
    form = d.t.journey.form
    for _ in range(400):
        current = {r["fieldId"]: r["value"] for r in form.fields.rows()}[fid] or ""
        if current == target:
            return
        part = 0 if current[:4] != target[:4] else 1 if current[5:7] != target[5:7] else 2
        d.tap(f"date_{fid}_{'plus' if current < target else 'minus'}_{part}")


def sign(d: TapDriver) -> None:
    """A wavy stroke across the signature pad, finger down, forty moves, finger up."""
    pad = d.item("signaturePad")
    origin = pad.mapToScene(pad.boundingRect().topLeft())
    scale = d.find("design").scale()
    points = [(0.1 + i * 0.02, 0.5 + 0.25 * math.sin(i / 2.5)) for i in range(40)]

    def at(x: float, y: float) -> QPointF:
        return origin + QPointF(x * pad.width() * scale, y * pad.height() * scale)

    QTest.mousePress(d.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(*points[0]).toPoint())
    for x, y in points[1:]:
        QTest.mouseMove(d.window, at(x, y).toPoint(), 5)
    QTest.mouseRelease(d.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       at(*points[-1]).toPoint())


def walk(d: TapDriver, sample: forms.Application, until: str = "confirm",
         shots: Callable | None = None, by_card: bool = False) -> list[str]:
    """Answer and tap Next stage after stage until the stage of kind `until`."""
    form = d.t.journey.form
    seen = []
    for _ in range(40):
        seen.append(form.stageKey)
        if shots is not None:
            shots(form)
        if form.stageKind == until:
            return seen
        fill_stage(d, sample, by_card)
        key = form.stageKey
        d.tap("nextButton")
        d.wait_until(lambda k=key: form.stageKey != k or bool(form.message), timeout=3000)
        if form.stageKey == key:
            raise AssertionError(f"stuck at {key}: {form.message} {form.journey.problems.get(key)}")
    raise AssertionError(seen)
