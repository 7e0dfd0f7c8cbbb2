"""The Qt adapter over the journey: one row changes at a time, cancel asks once, wipe forgets."""

from __future__ import annotations

import forms
from kiosk.session import Session
from kiosk.ui.viewmodels import ApplicationForm, Journey


class Counts:
    """Counts a model's signals: a rebuilt list would show up as resets or many rows."""

    def __init__(self, model) -> None:
        self.changed: list[int] = []
        self.inserted = self.removed = self.resets = 0
        model.dataChanged.connect(lambda a, b, roles: self.changed.append(a.row()))
        model.rowsInserted.connect(lambda *a: self._add("inserted"))
        model.rowsRemoved.connect(lambda *a: self._add("removed"))
        model.modelReset.connect(lambda *a: self._add("resets"))

    def _add(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)


def started(service_id: str) -> tuple[Session, Journey, ApplicationForm]:
    session = Session("zh_CN")
    form = ApplicationForm(session)
    journey = Journey()
    journey.form = form
    journey.start()
    session.set("service_id", service_id)
    journey.showForm()
    return session, journey, form


def values(form: ApplicationForm) -> dict[str, object]:
    return {r["fieldId"]: r["value"] for r in form.fields.rows()}


def test_typing_changes_one_row_and_nothing_else(qapp) -> None:
    session, journey, form = started("individual_business")
    assert journey.screen == "form" and form.stageKind == "identify"
    assert form.component == "FieldsStage" and form.count == 7 and form.position == 1
    counts = Counts(form.fields)
    form.setValue("name", "陈志明")
    assert counts.changed == [0] and counts.inserted == counts.removed == counts.resets == 0
    assert session.data.draft.applicant.name == "陈志明"


def test_leaving_a_field_shows_its_problem_and_next_focuses_the_first(qapp) -> None:
    _, _, form = started("individual_business")
    focused: list[str] = []
    form.focusProblem.connect(focused.append)
    form.setValue("id_number", "440605198503140008")
    form.leave("id_number")
    rows = {r["fieldId"]: r for r in form.fields.rows()}
    assert rows["id_number"]["problem"].startswith("「您的身份证号码」")
    assert rows["name"]["problem"] == ""          # not left yet: no problem shown
    assert not form.next()
    assert focused == ["name"] and form.stageKind == "identify"
    assert form.message.startswith("请先更正")


def test_a_choice_that_shows_a_field_inserts_one_row(qapp) -> None:
    sample = forms.samples.valid_application("individual_business")
    _, _, form = started("individual_business")
    form.setValue("name", sample.answers["operator_name"])
    form.setValue("id_number", sample.answers["operator_id"])
    form.setValue("mobile", "13800000000")
    assert form.next() and form.stageKey == "step.operator"
    counts = Counts(form.fields)
    before = [r["fieldId"] for r in form.fields.rows()]
    form.setValue("organisation_form", "family")
    after = [r["fieldId"] for r in form.fields.rows()]
    assert after == [*before, "family_members"]
    assert counts.inserted == 1 and counts.resets == counts.removed == 0
    assert values(form)["operator_name"] == sample.answers["operator_name"]   # prefilled


def test_editing_one_shareholder_changes_only_that_card(qapp) -> None:
    _, _, form = started("limited_company")
    people = form.persons("name")       # a non-persons id gives an empty model, not an error
    assert people.rowCount() == 0
    session = form._session
    session.data.draft.applicant.name = "陈志明"
    form._journey._key = "step.shareholders"
    form._refresh()
    cards = form.persons("shareholders")
    for _ in range(3):
        form.addPerson("shareholders")
    assert cards.rowCount() == 3
    counts = Counts(cards)
    form.setPerson("shareholders", 1, "name", "李秀英")
    assert counts.changed == [1] and counts.inserted == counts.removed == counts.resets == 0
    form.removePerson("shareholders", 2)
    assert cards.rowCount() == 2 and counts.removed == 1
    assert [c["name"] for c in cards.rows()] == ["", "李秀英"]


def test_cancel_asks_once_when_there_is_something_to_lose_then_wipes(qapp) -> None:
    session, journey, form = started("individual_business")
    ended: list[str] = []
    journey.ended.connect(ended.append)
    journey.cancel()
    assert ended == ["cancel"]                      # nothing typed: no question
    session.wipe()
    session2, journey, form = started("individual_business")
    journey.ended.connect(ended.append)
    form.setValue("name", "陈志明")
    journey.cancel()
    assert journey.cancelPending and journey.screen == "form"
    journey.keepGoing()
    assert not journey.cancelPending and session2.data.draft.applicant.name == "陈志明"
    journey.cancel()
    journey.cancel()
    assert ended[-1] == "cancel" and journey.screen == "attract"


def test_a_wipe_takes_the_draft_and_the_form_forgets(qapp) -> None:
    session, _, form = started("individual_business")
    form.setValue("name", "陈志明")
    session.wipe()
    assert session.data.draft is None and not form.active and form.fields.rowCount() == 0


def test_back_in_the_form_comes_before_the_screen_history(qapp) -> None:
    sample = forms.samples.valid_application("individual_business")
    _, journey, form = started("individual_business")
    form.setValue("name", sample.answers["operator_name"])
    form.setValue("id_number", sample.answers["operator_id"])
    form.setValue("mobile", "13800000000")
    assert form.next()
    assert journey.canGoBack
    journey.back()
    assert form.stageKey == "identify" and journey.screen == "form"
    assert values(form)["name"] == sample.answers["operator_name"]


def test_english_labels_follow_the_session_language(qapp) -> None:
    session, _, form = started("individual_business")
    session.set("locale", "en_US")
    assert form.title == "Who is applying"
    assert form.fields.rows()[0]["label"] == "Your name"
    assert "cannot submit" in form.cannotSubmit
