"""Every string a person sees in Chinese is Chinese: walking every item of every screen (the
open keyboard aside, whose letters are the layout's) in zh_CN finds no English source string
of the translation and no run of English words, except what is bilingual on purpose (marked
`bilingual` in QML: the attract screen's English title and site name, the apology screen) and
the language button, which names English in English."""

import pytest
from screen_checks import untranslated_texts, visit_every_screen

pytestmark = pytest.mark.ui


def english_on_purpose(ui) -> set[str]:  # noqa: ANN001
    return {"English"}


@pytest.mark.parametrize("large", [False, True])
def test_no_screen_shows_english_in_chinese(start_terminal, large):
    ui = start_terminal()
    ui.t.session.set("locale", "zh_CN")
    ui.t.session.set("large_text", large)
    allowed = english_on_purpose(ui)
    found = visit_every_screen(ui, lambda u: untranslated_texts(u, allowed))
    assert found == [], "\n".join(found)


def test_the_check_finds_an_untranslated_string(start_terminal):
    """It can fail: a label showing a source string that lost its translation is found."""
    ui = start_terminal()
    ui.t.session.set("locale", "zh_CN")
    ui.tap("startButton")
    ui.wait_screen("services")
    assert untranslated_texts(ui, english_on_purpose(ui)) == []
    heading = next(i for i in ui.items() if i.isVisible() and i.property("text") == "请选择业务")
    heading.setProperty("text", "Choose a service")
    assert any("Choose a service" in f for f in untranslated_texts(ui, english_on_purpose(ui)))
