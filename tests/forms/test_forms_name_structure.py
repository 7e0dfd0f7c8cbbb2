"""Names parsed by structure: each row cites the article it follows. 规定 = 企业名称登记管理规定
(2020); 办法 = 企业名称登记管理规定实施办法 (2023); 个体 = 个体工商户名称登记管理办法."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import forms
from forms.rules import vocab
from forms.rules.names import parse


def codes(service, value):
    return [p.code for p in forms.validate_field(service, "name", value, {})]


ACCEPTED = [
    # (service, name, article)
    ("limited_company", "佛山市南海区明德餐饮管理有限公司", "规定 6: industry of two words"),
    ("limited_company", "佛山市南海区恒信五金建材有限公司", "规定 9: GB/T 4754 words"),
    ("limited_company", "佛山市南海区精英国际贸易有限公司", "规定 11: 英国 is not a word here"),
    ("limited_company", "佛山市南海区完美国际化妆品有限公司", "规定 11: 美国 is not a word here"),
    ("limited_company", "佛山市南海区安泰国际物流有限公司", "规定 11: 泰国 is not a word here"),
    ("limited_company", "佛山市南海区伟人大厦物业管理有限公司", "规定 11: 人大 is not a word here"),
    ("limited_company", "佛山市南海区品德国学教育咨询有限公司", "规定 11: 德国 is not a word here"),
    ("limited_company", "佛山市南海区安全国际货运代理有限公司", "规定 12: 全国 is not a word here"),
    ("limited_company", "佛山市南海区明德中国餐饮有限公司", "规定 12: 中国 qualifies the industry"),
    ("limited_company", "明德（佛山市南海区）餐饮有限公司", "办法: bracketed after the trade name"),
    ("limited_company", "明德（佛山市南海区）有限公司", "规定 6: cross-industry, no industry"),
    ("limited_company", "佛山市南海区东方电子科技有限公司", "规定 8: 东方 has another meaning"),
    ("limited_company", "佛山市南海区金辉陶瓷有限公司", "规定 9"),
    ("limited_company", "佛山市南海区鸿运汽车维修有限公司", "规定 9"),
    ("limited_company", "佛山市明德软件开发有限公司", "规定 7: the city alone"),
    ("sole_proprietorship", "佛山市南海区明记五金店", "个人独资企业登记管理办法 6"),
    ("sole_proprietorship", "佛山市南海区明记设计工作室", "个人独资企业登记管理办法 6"),
    ("individual_business", "佛山市南海区桂城阿明餐饮店", "个体 7: town after the division"),
    ("individual_business", "佛山市南海区阿明摄影工作室", "个体 10: 工作室 is an allowed form"),
    ("individual_business", "佛山市南海区西樵镇陈记烧腊店", "个体 7"),
    ("individual_business", "佛山市南海区陈记美甲馆", "个体 10"),
]


@pytest.mark.parametrize("service, name, article", ACCEPTED)
def test_accepted(service, name, article):
    assert codes(service, name) == [], article


REFUSED = [
    # (service, name, code, article)
    ("limited_company", "佛山市南海区科技有限公司", "name.no_trade_name", "规定 6, 8"),
    ("limited_company", "佛山市南海区餐饮管理有限公司", "name.no_trade_name", "规定 8"),
    ("limited_company", "佛山市南海区明餐饮有限公司", "name.trade_name", "规定 8: ≥ 2"),
    ("limited_company", "佛山市南海区广州餐饮有限公司", "name.trade_name_place", "规定 8"),
    ("limited_company", "佛山市南海区南海餐饮有限公司", "name.trade_name_place", "规定 8"),
    ("limited_company", "佛山市南海区广东科技有限公司", "name.trade_name_place", "规定 8"),
    ("limited_company", "佛山市南海区明德股份有限公司", "name.form_forbidden", "公司法 7"),
    ("limited_company", "佛山市南海区明德餐饮合伙企业", "name.form_forbidden", "规定 10"),
    ("limited_company", "明德餐饮（佛山市南海区）有限公司", "name.division_place", "办法"),
    ("limited_company", "明德（佛山市南海区）华美餐饮有限公司", "name.division_place", "办法"),
    ("limited_company", "佛山市南海区明德（佛山市南海区）餐饮有限公司", "name.division_place",
     "办法: once"),
    ("limited_company", "明德佛山市餐饮有限公司", "name.no_division", "规定 6"),
    ("limited_company", "佛山市南海区明德佛山市餐饮有限公司", "name.division_place", "办法"),
    ("limited_company", "南海区明德餐饮有限公司", "name.district_without_city", "规定 7"),
    ("limited_company", "明德（南海区）餐饮有限公司", "name.district_without_city", "规定 7"),
    ("limited_company", "佛山市南海区中国明德餐饮有限公司", "name.national_word", "规定 12"),
    ("limited_company", "佛山市南海区明德全国有限公司", "name.national_word", "规定 12"),
    ("limited_company", "中华明德餐饮有限公司", "name.needs_approval", "规定 12"),
    ("limited_company", "中央明德餐饮有限公司", "name.needs_approval", "规定 12"),
    ("limited_company", "佛山市南海区美国餐饮有限公司", "name.forbidden_word", "规定 11(4)"),
    ("limited_company", "佛山市南海区明德联合国贸易有限公司", "name.forbidden_word", "规定 11(4)"),
    ("limited_company", "佛山市南海区明德公安科技有限公司", "name.forbidden_word", "规定 11(3)"),
    ("limited_company", "佛山市南海区明德博彩科技有限公司", "name.forbidden_word", "规定 11(5)"),
    ("limited_company", "佛山市南海區明德餐饮有限公司", "name.not_standard", "规定 5"),
    ("limited_company", "佛山市南海区鴻運餐饮有限公司", "name.not_standard", "规定 5"),
    ("limited_company", "佛山市南海区明德\uf9a8餐饮有限公司", "name.not_standard",
     "规定 5: compatibility ideograph"),
    ("sole_proprietorship", "佛山市南海区明记五金有限公司", "name.form_forbidden",
     "个人独资企业登记管理办法 6"),
    ("individual_business", "佛山市南海区阿明餐饮公司", "name.form_forbidden", "个体 10"),
    ("individual_business", "佛山市南海区阿明餐饮有限店", "name.form_forbidden", "个体 10"),
    ("individual_business", "佛山市南海区阿明国际餐饮店", "name.form_forbidden", "个体 11(6)"),
    ("individual_business", "佛山市南海区阿明中华餐饮店", "name.form_forbidden", "个体 11(6)"),
    ("individual_business", "佛山市南海区陈记大排档", "name.form", "个体 10"),
    ("individual_business", "佛山市南海区阿明（佛山）餐饮店", "name.bad_chars", "个体 11(7)"),
    # Real names registered elsewhere, refused here for the reason a registrar would give.
    ("limited_company", "佛山市顺德区美的电热电器制造有限公司", "name.no_division",
     "规定 7: another district of the city"),
    ("limited_company", "佛山市海天调味食品股份有限公司", "name.form_forbidden",
     "公司法 7: a joint-stock company"),
    ("limited_company", "佛山市南海区广州市明德餐饮有限公司", "name.division_place",
     "规定 7, 8: a second place"),
]


@pytest.mark.parametrize("service, name, code, article", REFUSED)
def test_refused(service, name, code, article):
    assert code in codes(service, name), article


def test_refusal_names_the_word_and_the_article():
    problem = forms.validate_field("limited_company", "name", "佛山市南海区美国餐饮有限公司", {})[0]
    assert "美国" in problem.zh and "第十一条第四项" in problem.zh
    assert "美国" in problem.en and "art. 11(4)" in problem.en


def test_traditional_character_is_offered_its_simplified_form():
    problem = forms.validate_field("limited_company", "name", "佛山市南海区鴻運餐饮有限公司", {})[0]
    assert "鸿" in problem.zh and "运" in problem.zh and "鸿" in problem.en


def test_compatibility_ideograph_is_offered_its_simplified_form():
    problem = forms.validate_field("limited_company", "name", "佛山市南海区明德\uf9a8餐饮有限公司",
                                   {})[0]
    assert "令" in problem.zh


def test_no_trade_name_message_says_why():
    problem = forms.validate_field("limited_company", "name", "佛山市南海区科技有限公司", {})[0]
    assert "科技" in problem.zh and "第八条" in problem.zh and "art. 8" in problem.en


def test_data_files_are_what_they_say():
    assert len(vocab.standard_chars()) == 8105
    assert "广" in vocab.standard_chars() and "廣" not in vocab.standard_chars()
    assert vocab.division_names()["佛山"] == "佛山市"
    assert {"餐饮", "五金", "软件开发", "稻谷"} <= vocab.industry_words()


def test_parse_gives_the_four_parts():
    parsed, problems = parse("佛山市南海区明德餐饮管理有限公司", "limited_company")
    assert problems == []
    assert (parsed.division, parsed.trade_name, parsed.industry, parsed.form) == (
        "佛山市南海区", "明德", "餐饮管理", "有限公司")


TRADE = st.text(alphabet=st.sampled_from("明德鸿运恒信金辉嘉华永泰"), min_size=2, max_size=4)
INDUSTRY = st.sampled_from(sorted(vocab.industry_words() & {"餐饮", "五金", "物流", "软件开发",
                                                            "汽车维修", "陶瓷", "服装"}))


@settings(max_examples=80, deadline=None)
@given(TRADE, INDUSTRY)
def test_any_trade_name_of_ordinary_characters_is_found(trade, industry):
    name = f"佛山市南海区{trade}{industry}有限公司"
    parsed, problems = parse(name, "limited_company")
    assert problems == [] and parsed.trade_name == trade and parsed.industry == industry


@settings(max_examples=80, deadline=None)
@given(TRADE, INDUSTRY)
def test_bracketed_and_leading_division_read_the_same(trade, industry):
    first = parse(f"佛山市南海区{trade}{industry}有限公司", "limited_company")[0]
    after = parse(f"{trade}（佛山市南海区）{industry}有限公司", "limited_company")[0]
    assert (first.trade_name, first.industry) == (after.trade_name, after.industry)


@settings(max_examples=60, deadline=None)
@given(INDUSTRY)
def test_industry_alone_is_never_a_trade_name(industry):
    assert "name.no_trade_name" in codes("limited_company", f"佛山市南海区{industry}有限公司")


ANY_NAME = st.text(alphabet=st.sampled_from("佛山市南海区明德美国中华精英国际贸易餐饮有限公司（）店部"
                                            "廣鴻\uf9a8A1 "), max_size=40)


@settings(max_examples=300, deadline=None)
@given(ANY_NAME, st.sampled_from(["limited_company", "sole_proprietorship",
                                  "individual_business"]))
def test_any_name_gets_an_answer_in_both_languages(name, service):
    for problem in forms.validate_field(service, "name", name, {}):
        assert problem.zh and problem.en and problem.field == "name"


COUNTRY = st.sampled_from(["美国", "日本", "德国", "联合国", "解放军", "赌博"])


@settings(max_examples=60, deadline=None)
@given(TRADE, COUNTRY, INDUSTRY)
def test_a_restricted_word_standing_alone_is_always_found(trade, word, industry):
    name = f"佛山市南海区{trade}{word}{industry}有限公司"
    problems = forms.validate_field("limited_company", "name", name, {})
    assert any(p.code == "name.forbidden_word" and word in p.zh for p in problems), name


def test_prepare_loads_everything_and_may_run_twice():
    import threading

    threads = [threading.Thread(target=forms.prepare) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    forms.prepare()
    assert codes("limited_company", "佛山市南海区精英国际贸易有限公司") == []
