"""The plain-Python journey, without Qt: stages from the definitions, Next/Back/Edit/Cancel,
whole applications for every service and add-on, checked by forms' own validate_application."""

from __future__ import annotations

import pytest
from journey_script import answer_stage, journey_for, scribble, walk_to

import forms
from kiosk.journey import COMPONENTS, ApplicationDraft, RegistrationJourney, StageKind

SERVICES = [s.id for s in forms.services()]
CASES = [(s, ()) for s in SERVICES] + [
    (s, (a.id,)) for s in SERVICES for a in forms.addons() if s in a.services]


def test_stages_follow_the_definition_with_scope_after_the_steps() -> None:
    for svc in forms.services():
        keys = [s.key for s in RegistrationJourney(ApplicationDraft(svc.id)).stages]
        steps = [f"step.{s.id}" for s in svc.steps]
        assert keys == ["identify", *steps, "scope", "declarations", "review", "confirm"]


def test_every_stage_kind_has_a_component() -> None:
    assert set(COMPONENTS) == set(StageKind)


@pytest.mark.parametrize(("service_id", "addons"), CASES)
def test_a_whole_application_for_every_service_and_addon(service_id: str,
                                                         addons: tuple[str, ...]) -> None:
    journey, sample = journey_for(service_id, addons, shareholders=2)
    visited = walk_to(journey, sample, StageKind.CONFIRM)
    assert visited[0] == "identify" and visited[-2:] == ["review", "confirm"]
    for addon_id in addons:
        assert "offer" in visited and any(k.startswith(f"addons.{addon_id}.") for k in visited)
    app = journey.draft.to_application()
    assert forms.validate_application(app) == [] and journey.ready() == []
    assert app.answers == sample.answers and app.addons == sample.addons
    assert sorted(app.declarations) == sorted(sample.declarations)


def test_every_natural_person_shareholder_signs_in_turn() -> None:
    journey, sample = journey_for("limited_company", shareholders=3)
    visited = walk_to(journey, sample, StageKind.REVIEW)
    signed = [k for k in visited if k.startswith("sign.")]
    holders = {h["id_number"] for h in sample.answers["shareholders"]}
    assert {k.removeprefix("sign.") for k in signed} >= holders
    assert len(signed) == len(set(signed)) == len(holders | {sample.answers["legal_rep_id"]})


def test_an_invalid_id_number_blocks_next_and_says_why() -> None:
    journey, _ = journey_for("individual_business")
    journey.set_applicant("name", "陈志明")
    journey.set_applicant("id_number", "440605198503140008")     # wrong check character
    journey.set_applicant("mobile", "13800000000")
    blocked = journey.next()
    assert blocked is not None and journey.stage.key == "identify"
    assert [p.field for p in blocked.problems] == ["applicant.id_number"]
    assert blocked.problems[0].zh and blocked.problems[0].en
    assert journey.field_problems(journey.stage, "id_number") == blocked.problems


def test_lower_case_x_in_an_id_number_is_accepted() -> None:
    journey, _ = journey_for("individual_business")
    number = forms.samples.fictional_id(7)
    while not number.endswith("X"):
        number = forms.samples.fictional_id(int(number[-4:-1]) + 1)
    journey.set_applicant("id_number", number.lower())
    assert journey.field_problems(journey.stage, "id_number") == []


def test_back_never_loses_answers() -> None:
    journey, sample = journey_for("sole_proprietorship", ("food_business",))
    walk_to(journey, sample, StageKind.DECLARATIONS)
    before = journey.draft.to_application()
    while journey.can_go_back():
        journey.back()
    assert journey.stage.key == "identify"
    assert journey.draft.to_application() == before
    assert journey.draft.applicant.name == sample.answers["investor_name"]


def test_declining_an_addon_keeps_its_answers_for_a_change_of_mind() -> None:
    journey, sample = journey_for("individual_business", ("food_business",))
    walk_to(journey, sample, StageKind.DECLARATIONS)
    journey.decide("food_business", False)
    assert journey.draft.to_application().addons == {}
    journey.decide("food_business", True)
    assert journey.draft.to_application().addons == sample.addons


def test_edit_from_review_goes_to_the_step_and_straight_back() -> None:
    journey, sample = journey_for("limited_company")
    walk_to(journey, sample, StageKind.REVIEW)
    assert journey.edit("shareholders[0].name")
    assert journey.stage.key == "step.shareholders" and journey.returning
    assert journey.next() is None and journey.stage.key == "review"
    assert journey.edit("legal_rep_mobile")
    journey.back()
    assert journey.stage.key == "review"


def test_a_changed_answer_voids_the_signatures_and_leads_through_them_to_review() -> None:
    journey, sample = journey_for("individual_business")
    walk_to(journey, sample, StageKind.REVIEW)
    assert journey.edit("employees")
    journey.answer(None, "employees", 3)
    assert journey.next() is None
    assert journey.stage.kind is StageKind.SIGNATURE and journey.returning
    scribble(journey, journey.stage.signer)
    assert journey.next() is None and journey.stage.key == "review"


def test_a_scope_edit_that_calls_for_a_permit_offers_it_before_review() -> None:
    journey, sample = journey_for("individual_business")
    walk_to(journey, sample, StageKind.REVIEW)
    with_food = forms.samples.valid_application("individual_business", addons=("food_business",))
    assert journey.edit("scope")
    assert journey.stage.kind is StageKind.SCOPE
    journey.answer(None, "scope", with_food.answers["scope"])
    assert journey.next() is None and journey.stage.key == "offer"
    assert journey.next() is not None          # undecided: says so
    journey.decide("food_business", True)
    assert journey.next() is None and journey.stage.kind is StageKind.ADDON_STEP
    answer_stage(journey, with_food)
    assert journey.next() is None and journey.stage.key == "declarations"   # its declaration


def test_a_rule_about_an_earlier_answer_points_to_its_stage() -> None:
    journey, sample = journey_for("limited_company")
    walk_to(journey, sample, StageKind.STEP)
    answer_stage(journey, sample)
    journey.answer(None, "registered_capital", "999")
    assert journey.next() is None                        # the company step itself is sound
    answer_stage(journey, sample)
    blocked = journey.next()
    assert blocked is not None and blocked.elsewhere == "step.company"
    assert blocked.problems[0].code == "capital.sum" and "公司信息" in blocked.message.zh
    journey.go_to("step.company")
    assert journey.stage.key == "step.company"
    assert [p.field for p in journey.problems["step.company"]] == ["registered_capital"]


def test_cancel_asks_only_when_there_is_something_to_lose() -> None:
    journey, _ = journey_for("individual_business")
    assert not journey.has_something_to_lose()
    journey.answer(None, "address", {"town": "", "detail": ""})
    assert not journey.has_something_to_lose()
    journey.set_applicant("name", "陈")
    assert journey.has_something_to_lose()


class RecordingSubmission:
    """A test double of kiosk.journey.Submission: keeps what it was handed."""

    available = True

    def __init__(self) -> None:
        self.handed: list = []

    def submit(self, application, signatures) -> str:
        self.handed.append((application, signatures))
        return "R-1"


def test_confirm_hands_application_and_signatures_to_the_submission() -> None:
    sample = forms.samples.valid_application("limited_company", shareholders=2)
    submission = RecordingSubmission()
    journey = RegistrationJourney(ApplicationDraft("limited_company"), submission)
    walk_to(journey, sample, StageKind.CONFIRM)
    assert journey.confirm() == "R-1"
    app, signatures = submission.handed[0]
    people = {h["id_number"] for h in sample.answers["shareholders"]} | {
        sample.answers["legal_rep_id"]}
    assert forms.validate_application(app) == [] and len(signatures) == len(people) == 2
    assert all(s.strokes and s.signer for s in signatures)


def test_without_a_submission_channel_confirm_sends_nothing() -> None:
    journey, sample = journey_for("individual_business")
    walk_to(journey, sample, StageKind.CONFIRM)
    assert not journey.submission.available and journey.confirm() is None
    assert "无法提交" in journey.submission.reason.zh and "cannot submit" in journey.submission.reason.en
