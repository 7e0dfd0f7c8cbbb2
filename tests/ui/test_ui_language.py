"""The zh/en switch changes every visible string at once, and a new session starts in zh_CN."""

import re

import pytest

pytestmark = pytest.mark.ui

HAN = re.compile(r"[\u4e00-\u9fff]")
# Shown in both languages on purpose: the bilingual title, the site name, and the language
# button, which names the other language in that language.
ALWAYS_BILINGUAL = {"营业执照 自助办理", "中文"}


def chinese_strings(ui):
    return [t for t in ui.visible_texts()
            if HAN.search(t) and t not in ALWAYS_BILINGUAL and "南海区人民医院" not in t]


def test_switching_to_english_changes_every_string_at_once(start_terminal):
    ui = start_terminal()
    before = set(ui.visible_texts())
    assert ui.item("startButton").property("text") == "开始办理"
    ui.tap("languageButton")
    # No waiting: retranslate() re-evaluates every binding before the tap returns.
    assert chinese_strings(ui) == []
    assert ui.item("startButton").property("text") == "Start"
    assert ui.item("languageButton").property("text") == "中文"
    changed = before - set(ui.visible_texts())
    assert len(changed) >= 5


def test_english_reaches_the_service_list_and_the_finder(start_terminal):
    ui = start_terminal()
    ui.tap("languageButton")
    ui.tap("startButton")
    ui.wait_screen("services")
    assert chinese_strings(ui) == []
    assert ui.item("service_limited_company").property("text") == "Register a limited company"
    ui.tap("scopeFinderButton")
    ui.wait_screen("scope")
    assert ui.item("scopeHeading").property("text") == "Find your business activity"
    ui.tap("languageButton")  # back to Chinese mid-visit, from the top bar
    assert ui.item("scopeHeading").property("text") == "查找经营范围"


def test_the_next_person_starts_in_chinese(start_terminal):
    ui = start_terminal()
    ui.tap("languageButton")
    ui.tap("startButton")
    ui.tap("cancelButton")
    ui.wait_screen("attract")
    assert ui.item("startButton").property("text") == "开始办理"
