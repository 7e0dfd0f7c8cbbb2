"""The registration journey on the real QML, by taps and typing, as a citizen would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest

import forms

pytestmark = pytest.mark.ui


def begin(d, service_id: str) -> None:  # noqa: ANN001
    d.tap("startButton")
    d.wait_screen("services")
    d.tap(f"service_{service_id}")
    d.wait_screen("service")
    d.tap("startApplicationButton")
    d.wait_screen("form")


def type_into(d, name: str, text: str) -> None:  # noqa: ANN001
    """Focus a field by tapping it, clear it, and type (hardware keys; pinyin has its own test)."""
    try:
        field = d.focus(name)
    except Exception:
        d.screenshot(Path("/tmp/fail.png"))
        raise
    field.setProperty("text", "")
    event = QInputMethodEvent()
    event.setCommitString(text)
    QGuiApplication.sendEvent(field, event)
    d.hide_keyboard()


def fill_stage(d, sample: forms.Application) -> None:  # noqa: ANN001, C901, PLR0912
    form = d.t.journey.form
    kind = form.stageKind
    if kind == "identify":
        rep = [f for f in d.t.journey.form.journey.draft.service.steps for f in f.fields]
        names = [f for f in rep if f.type == "person_name"]
        ids = [f for f in rep if f.type == "resident_id"]
        type_into(d, "field_name", str(sample.answers[names[0].id if names[0].id in sample.answers else "legal_rep_name"]))
        number = sample.answers.get(ids[0].id) or sample.answers.get("legal_rep_id")
        type_into(d, "field_id_number", str(number))
        type_into(d, "field_mobile", "13800000000")
        return
    if kind in ("step", "addon_step"):
        answers = sample.answers if kind == "step" else sample.addons[form.journey.stage.addon_id]
        # An answer can show further questions (prescription drugs -> the pharmacist): a person
        # reads the step again after answering, and so does this walk.
        for _ in range(3):
            if not fill_rows(d, form, answers):
                break
    elif kind == "scope":
        for item_id in sample.answers["scope"]:
            item = forms.scope_item(item_id)
            type_into(d, "scopeSearch", item.text)
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


def fill_rows(d, form, answers: dict) -> bool:  # noqa: ANN001, C901
    """Answer every shown question of the stage that is not yet as the sample has it."""
    changed = False
    for row in form.fields.rows():
        fid, value = row["fieldId"], answers.get(row["fieldId"])
        if value is None or row["value"] == value:
            continue
        changed = True
        if row["kind"] in ("choice",):
            d.tap(f"option_{fid}_{value}")
        elif row["kind"] == "multi_choice":
            for v in value:
                d.tap(f"option_{fid}_{v}")
        elif row["kind"] == "address":
            d.tap(f"town_{fid}_{value['town']}")
            type_into(d, f"field_{fid}_detail", value["detail"])
        elif row["kind"] == "date":
            target = value
            for _ in range(400):
                current = form.fields.rows()[[r["fieldId"] for r in form.fields.rows()].index(fid)]["value"]
                if current == target:
                    break
                part = 0 if (current or "")[:4] != target[:4] else 1 if current[5:7] != target[5:7] else 2
                d.tap(f"date_{fid}_{'plus' if (current or '') < target else 'minus'}_{part}")
        elif row["kind"] == "persons":
            for i, person in enumerate(value):
                d.tap(f"add_{fid}")
                type_into(d, f"person_{fid}_{i}_name", person["name"])
                type_into(d, f"person_{fid}_{i}_idNumber", person["id_number"])
                if "contribution" in person:
                    type_into(d, f"person_{fid}_{i}_contribution", person["contribution"])
                if "role" in person:
                    d.tap(f"role_{fid}_{i}_{person['role']}")
        else:
            type_into(d, f"field_{fid}", str(value))
    return changed


def sign(d) -> None:  # noqa: ANN001
    pad = d.item("signaturePad")
    origin = pad.mapToScene(pad.boundingRect().topLeft())
    w, h = pad.width() * d.t.window.contentItem().childItems()[0].scale(), pad.height()
    scale = d.find("design").scale()
    import math

    points = [(0.1 + i * 0.02, 0.5 + 0.25 * math.sin(i / 2.5)) for i in range(40)]
    first = origin + type(origin)(points[0][0] * pad.width() * scale, points[0][1] * pad.height() * scale)
    QTest.mousePress(d.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first.toPoint())
    for x, y in points[1:]:
        p = origin + type(origin)(x * pad.width() * scale, y * pad.height() * scale)
        QTest.mouseMove(d.window, p.toPoint(), 5)
    QTest.mouseRelease(d.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p.toPoint())
    del w, h


def walk(d, sample, until: str = "confirm", shots=None) -> list[str]:  # noqa: ANN001
    form = d.t.journey.form
    seen = []
    for _ in range(40):
        seen.append(form.stageKey)
        if shots is not None:
            shots(form)
        if form.stageKind == until:
            return seen
        fill_stage(d, sample)
        key = form.stageKey
        d.tap("nextButton")
        d.qtbot.waitUntil(lambda k=key: form.stageKey != k or bool(form.message), timeout=3000)
        assert form.stageKey != key, (key, form.message, form.journey.problems.get(key))
    raise AssertionError(seen)


def test_an_individual_business_with_a_food_permit_by_taps(start_terminal) -> None:
    d = start_terminal()
    sample = forms.samples.valid_application("individual_business", addons=("food_business",))
    begin(d, "individual_business")
    seen = walk(d, sample)
    assert "offer" in seen and seen[-2:] == ["review", "confirm"]
    app = d.t.session.data.draft.to_application()
    assert forms.validate_application(app) == []
    assert "cannot submit" in d.item("cannotSubmit").property("text")


@pytest.mark.parametrize(("service_id", "addons"), [
    ("sole_proprietorship", ("prepackaged_food_filing", "class2_device_filing")),
    ("limited_company", ("drug_retail", "class3_device_permit")),
])
def test_every_service_with_addons_by_taps(start_terminal, service_id, addons) -> None:
    d = start_terminal()
    sample = forms.samples.valid_application(service_id, addons=addons, shareholders=2)
    begin(d, service_id)
    seen = walk(d, sample)
    for addon_id in addons:
        assert any(k.startswith(f"addons.{addon_id}.") for k in seen)
    app = d.t.session.data.draft.to_application()
    assert forms.validate_application(app) == [] and app.addons == sample.addons
    d.tap("finishButton")
    d.wait_screen("attract")
    assert d.t.session.data.draft is None


def test_the_business_name_typed_in_pinyin_on_the_drawn_keys(start_terminal) -> None:
    d = start_terminal()
    sample = forms.samples.valid_application("individual_business")
    begin(d, "individual_business")
    walk(d, sample, until="step")
    fill_stage(d, sample)
    d.tap("nextButton")
    d.qtbot.waitUntil(lambda: d.t.journey.form.stageKey == "step.business", timeout=3000)
    d.type_pinyin("field_name", "foshan", "佛山")
    d.hide_keyboard()
    assert d.t.session.data.draft.answers["name"] == "佛山"


def test_an_invalid_id_number_shows_its_message_and_blocks_next(start_terminal) -> None:
    d = start_terminal()
    begin(d, "individual_business")
    type_into(d, "field_name", "陈志明")
    type_into(d, "field_id_number", "44060519850314000")
    d.tap("xKey_id_number")                       # the last character X, from its own key
    assert d.t.session.data.draft.applicant.id_number == "44060519850314000X"
    type_into(d, "field_mobile", "13800000000")
    problem = d.item("problem_id_number").property("text")
    assert "身份证号码" in problem
    d.tap("nextButton")
    assert d.t.journey.form.stageKey == "identify"
    assert "请先更正" in d.item("formMessage").property("text")
    d.qtbot.waitUntil(lambda: d.find("field_id_number").hasActiveFocus(), timeout=2000)


def test_edit_from_review_and_return(start_terminal) -> None:
    d = start_terminal()
    sample = forms.samples.valid_application("individual_business")
    begin(d, "individual_business")
    walk(d, sample, until="review")
    d.tap("edit_operator_mobile")
    form = d.t.journey.form
    d.qtbot.waitUntil(lambda: form.stageKey == "step.operator", timeout=2000)
    d.tap("nextButton")
    d.qtbot.waitUntil(lambda: form.stageKey == "review", timeout=2000)


def test_cancel_asks_once_then_wipes(start_terminal) -> None:
    d = start_terminal()
    begin(d, "individual_business")
    type_into(d, "field_name", "陈志明")
    d.tap("cancelButton")
    d.item("cancelQuestion")
    d.tap("keepGoingButton")
    assert d.t.session.data.draft.applicant.name == "陈志明"
    d.tap("cancelButton")
    d.tap("confirmCancelButton")
    d.wait_screen("attract")
    assert d.t.session.data.draft is None and not d.t.journey.form.active


def test_idle_time_out_mid_form_leaves_nothing(start_terminal) -> None:
    d = start_terminal(idle=(3, 1))
    sample = forms.samples.valid_application("individual_business")
    begin(d, "individual_business")
    walk(d, sample, until="step")
    d.wait_screen("attract", timeout=8000)
    assert d.t.session.data.draft is None and d.t.session.is_pristine()
    assert d.t.journey.form.fields.rowCount() == 0


def test_the_service_screen_says_who_it_is_for_and_what_to_bring(start_terminal) -> None:
    d = start_terminal()
    d.tap("startButton")
    d.wait_screen("services")
    d.tap("service_limited_company")
    d.wait_screen("service")
    assert "股东" in d.item("serviceForWhom").property("text")
    assert "认缴的出资额为限" in d.item("serviceLiability").property("text")
