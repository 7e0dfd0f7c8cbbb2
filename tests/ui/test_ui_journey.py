"""The registration journey on the real QML, by taps and typing, as a citizen would."""

from __future__ import annotations

import pytest

import forms
from kiosk.demo.walk import begin, fill_stage, sign, walk  # noqa: F401 (the citizen's walk)

pytestmark = pytest.mark.ui


def type_into(d, name: str, text: str) -> None:  # noqa: ANN001
    d.type_into(name, text)


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
