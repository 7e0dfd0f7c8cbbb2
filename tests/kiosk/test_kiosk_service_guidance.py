"""Every service in forms/ tells a person who it is for, what they answer for, and what to bring."""

from __future__ import annotations

import re

import pytest

import forms
from kiosk.service_guidance import guidance


@pytest.mark.parametrize("service", forms.services(), ids=lambda s: s.id)
@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_each_service_has_guidance_in_both_languages(service, locale):
    found = guidance(service.id, locale)
    assert found is not None, f"{service.id} has no entry in kiosk/service_guidance.toml"
    assert found.for_whom and found.liability and found.bring
    chinese = bool(re.search(r"[\u4e00-\u9fff]", found.for_whom + found.liability + "".join(found.bring)))
    assert chinese == (locale == "zh_CN")
    assert any("ID card" in item or "身份证" in item for item in found.bring)


def test_liability_cites_its_article():
    for service in forms.services():
        assert re.search(r"第.+条", guidance(service.id, "zh_CN").liability)
        assert re.search(r"arts?\. \d", guidance(service.id, "en_US").liability)


def test_a_service_without_an_entry_has_none():
    assert guidance("no_such_service", "zh_CN") is None
