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


@pytest.mark.parametrize(("committed", "preedit", "query"), [
    ("", "cyfw", "cyfw"),            # initials typed on the pinyin keyboard, not yet committed
    ("", "c'y'f'w", "cyfw"),         # the engine's syllable separators
    ("", "can yin", "canyin"),
    ("餐饮", "", "餐饮"),
    (" 餐饮 ", "fw", "餐饮fw"),
    ("", "", ""),
    ("", "'", ""),
])
def test_the_search_uses_the_pinyin_still_being_typed(committed, preedit, query):
    from kiosk.ui.viewmodels.scope_finder import effective_query

    assert effective_query(committed, preedit) == query


@pytest.mark.parametrize("diagonal", [15.6, 17.3, 18.5, 19, 21.5, 23.8, 27, 32])
@pytest.mark.parametrize("large", [False, True])
def test_every_font_keeps_4_8_mm_and_every_target_9_mm_at_that_diagonal(diagonal, large):
    from kiosk.ui.viewmodels.appearance import Appearance

    session = Session()
    appearance = Appearance()
    appearance.bind(session, 1080, 1920, "portrait", diagonal)
    session.set("large_text", large)
    mm = appearance.millimetres
    for size in (appearance.fontSmall, appearance.fontBody, appearance.minFont):
        assert mm(size * 0.7) >= 4.8
    assert mm(appearance.compactTargetSize) >= 9.0
    assert mm(appearance.minTarget) >= 9.0
    assert mm(appearance.targetSize) >= 9.0


def test_a_small_panel_grows_the_fonts_a_large_one_leaves_them():
    from kiosk.ui.viewmodels.appearance import Appearance

    small, large = Appearance(), Appearance()
    small.bind(Session(), 1080, 1920, "portrait", 15.6)
    large.bind(Session(), 1080, 1920, "portrait", 21.5)
    assert (large.fontSmall, large.fontBody, large.fontTitle) == (32, 40, 80)
    assert small.fontSmall == 39 and small.fontTitle > 80
