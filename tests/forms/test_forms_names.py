"""Business names: structure, forbidden and approval-only words, organisation forms."""

from __future__ import annotations

import pytest

import forms


def codes(service, value):
    return [p.code for p in forms.validate_field(service, "name", value, {})]


@pytest.mark.parametrize("name", [
    "佛山市南海区明德餐饮有限公司",
    "佛山市南海区明德餐饮有限责任公司",
    "明德（佛山市南海区）餐饮有限公司",
    "佛山市明德科技有限公司",
])
def test_good_company_names(name):
    assert codes("limited_company", name) == []


@pytest.mark.parametrize("name, code", [
    ("南海区明德餐饮有限公司", "name.district_without_city"),
    ("明德餐饮有限公司", "name.no_division"),
    ("佛山市南海区明德餐饮店", "name.form"),
    ("佛山市南海区明餐饮有限公司", "name.trade_name"),          # one-character trade name
    ("中国明德餐饮有限公司", "name.needs_approval"),
    ("国家明德科技有限公司", "name.needs_approval"),
    ("佛山市南海区美国餐饮有限公司", "name.forbidden_word"),
    ("佛山市南海区博彩科技有限公司", "name.forbidden_word"),
    ("佛山市南海区ABC科技有限公司", "name.bad_chars"),
    ("佛山市南海区明德1号有限公司", "name.bad_chars"),
])
def test_bad_company_names(name, code):
    assert code in codes("limited_company", name)


def test_sole_proprietorship_may_not_be_called_a_company():
    found = codes("sole_proprietorship", "佛山市南海区明记五金有限公司")
    assert "name.form_forbidden" in found
    assert codes("sole_proprietorship", "佛山市南海区明记五金店") == []


def test_individual_business_name_is_optional():
    assert codes("individual_business", "") == []
    assert codes("individual_business", None) == []
    assert codes("individual_business", "佛山市南海区桂城阿明餐饮店") == []


@pytest.mark.parametrize("name, code", [
    ("佛山市南海区阿明餐饮公司", "name.form_forbidden"),
    ("佛山市南海区国际阿明餐饮店", "name.form_forbidden"),
    ("中国阿明餐饮店", "name.form_forbidden"),
    ("佛山市南海区AMing餐饮店", "name.bad_chars"),
    ("佛山市南海区阿明餐饮店。", "name.bad_chars"),
    ("佛山市南海区（阿明）餐饮店", "name.bad_chars"),          # no brackets in these names
])
def test_bad_individual_business_names(name, code):
    assert code in codes("individual_business", name)


def test_name_messages_say_what_to_do_in_both_languages():
    problem = forms.validate_field("limited_company", "name", "南海区明德餐饮有限公司", {})[0]
    assert "佛山市南海区" in problem.zh and "佛山市南海区" in problem.en
    assert problem.field == "name"
