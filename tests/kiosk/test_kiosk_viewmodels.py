"""View-model decisions, without a screen: the journey, the finder's needs, the sizes."""

import pytest

import forms
from kiosk.session import Session
from kiosk.ui.viewmodels.appearance import mm_per_design_pixel
from kiosk.ui.viewmodels.journey import Journey
from kiosk.ui.viewmodels.scope_finder import Need, ScopeFinder, need_of
from kiosk.ui.viewmodels.services import ServiceList


@pytest.mark.parametrize(("kind", "addon", "need"), [
    ("general", None, Need.NOTHING), ("general", "prepackaged_food_filing", Need.FILING),
    ("licensed", "food_business", Need.PERMIT_HERE), ("licensed", None, Need.PERMIT_ELSEWHERE),
])
def test_need_of(kind, addon, need):
    assert need_of(kind, addon) is need


def test_the_finder_says_what_each_food_item_needs(qapp):
    session = Session()
    finder = ScopeFinder(session)
    finder.search("食品")
    rows = {row["text"]: row for row in finder.results}
    assert rows["食品销售"]["need"] == "permit_here"
    assert rows["食品销售"]["needTitle"] == forms.addon("food_business").title.zh
    assert rows["食品销售（仅销售预包装食品）"]["need"] == "filing"
    assert rows["食品生产"]["need"] == "permit_elsewhere"
    session.set("locale", "en_US")
    assert {row["gloss"] for row in finder.results} >= {"Food sales"}
    finder.search("x" * 500)  # absurd input: cut, no crash
    assert len(session.get("scope_query")) == 40


def test_an_unknown_service_is_refused_quietly(qapp):
    session = Session()
    services = ServiceList(session)
    services.choose("../../etc/passwd")
    assert services.chosen == {}
    services.choose("limited_company")
    assert services.chosen["steps"] == [s.title.zh for s in forms.service("limited_company").steps]


def test_journey_ends_once_and_back_follows_history(qapp):
    journey = Journey()
    ended = []
    journey.ended.connect(ended.append)
    journey.start()
    journey.showService()
    journey.showScopeFinder()
    journey.back()
    assert journey.screen == "service"
    journey.cancel()
    journey.cancel()
    assert ended == ["cancel"] and journey.screen == "attract"
    journey.finish()  # nothing to finish on the attract screen
    assert ended == ["cancel"]


def test_a_design_pixel_on_the_smallest_panel():
    assert mm_per_design_pixel(1080, 1920, "portrait") == pytest.approx(0.248, abs=0.001)
    # The same panel driven at 540x960 shows the same layout at the same physical size.
    assert mm_per_design_pixel(540, 960, "portrait") == pytest.approx(0.248, abs=0.001)
