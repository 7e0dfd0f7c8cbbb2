"""Identity numbers as the terminal checks them: resident ID, credit code, mobile."""

from __future__ import annotations

from datetime import date

import pytest
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

import forms
from forms.rules import ids
from forms.samples import fictional_id

TODAY = date(2026, 11, 29)


def codes(path, value, service="individual_business", answers=None):
    return [p.code for p in forms.validate_field(service, path, value, answers or {}, today=TODAY)]


def with_check(first17: str) -> str:
    return first17 + ids.ric_check_char(first17)


def test_published_example_is_valid():
    assert codes("operator_id", "11010519491231002X") == []
    assert codes("operator_id", "11010519491231002x") == []     # lower-case x is the same number


def test_number_whose_district_code_postdates_the_birth_is_accepted():
    # 440605 (Nanhai district) dates from 2002; someone born in 1985 may still hold it.
    number = fictional_id(0)
    with pytest.raises(Exception):  # noqa: B017 - stdnum refuses it, we must not
        stdnum_ric.validate(number)
    assert codes("operator_id", number) == []


@pytest.mark.parametrize("value, code", [
    ("11010519491231002", "ric.format"),           # 17 characters
    ("1101051949123100XX", "ric.format"),          # X before the last place
    ("11010519491231002Y", "ric.format"),
    ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "ric.format"),          # Arabic-Indic digits
    (with_check("99010519491231002"), "ric.region"),
    (with_check("11010519490231002"), "ric.birth_date"),   # 31 February... 1949-02-31
    (with_check("11010518991231002"), "ric.birth_date"),   # before 1900
    (with_check("11010520991231002"), "ric.birth_date"),   # in the future
    ("110105194912310021", "ric.checksum"),
])
def test_bad_resident_ids_are_refused_with_their_reason(value, code):
    assert codes("operator_id", value) == [code]


def test_operator_must_be_an_adult_on_the_day():
    seventeen = with_check("44060520091130001")      # 18 tomorrow
    eighteen = with_check("44060520081129001")       # 18 today
    assert codes("operator_id", seventeen) == ["ric.underage"]
    assert codes("operator_id", eighteen) == []
    problem = forms.validate_field("individual_business", "operator_id", seventeen, {},
                                   today=TODAY)[0]
    assert "18" in problem.zh and "18" in problem.en and "经营者" in problem.zh


def test_check_character_agrees_with_stdnum_for_many_numbers():
    for n in range(0, 3000, 7):
        first17 = f"{110101 + n:06d}{19500101 + n:08d}"[:14] + f"{n % 1000:03d}"
        ours = ids.ric_check_char(first17)
        assert stdnum_ric.calc_check_digit(first17 + ours) == ours


def test_credit_code_check_agrees_with_stdnum():
    for base in ("91440605MA4UJ0A1", "91110000600037341", "12100000400000624"):
        first17 = (base + "0" * 17)[:17]
        assert ids.uscc_check_char(first17) == stdnum_uscc.calc_check_digit(first17)


@pytest.mark.parametrize("value, expected", [
    ("91110000600037341L", None),
    ("91110000600037341l", None),
    ("91110000600037341M", "uscc.checksum"),
    ("9111000060003734IL", "uscc.format"),       # I is not in the alphabet
    ("911100006000373", "uscc.format"),
])
def test_credit_codes(value, expected):
    assert ids.check_uscc(value) == expected


@pytest.mark.parametrize("value", ["13800138000", "138 0013 8000", "+8613800138000",
                                   "19912345678", "138-0013-8000"])
def test_mobile_numbers_accepted_as_people_type_them(value):
    assert codes("operator_mobile", value) == []


@pytest.mark.parametrize("value", ["12800138000", "1380013800", "138001380001", "02088886666"])
def test_bad_mobile_numbers(value):
    assert codes("operator_mobile", value) == ["mobile.format"]


@pytest.mark.parametrize("name", ["刘䶮", "陈𬌗", "阿依古丽·买买提", "欧阳娜娜"])
def test_real_names_with_rare_characters_or_dots_are_accepted(name):
    assert codes("operator_name", name) == []


@pytest.mark.parametrize("name, code", [
    ("王", "person_name.length"), ("·王五", "person_name.bad_chars"),
    ("阿依··买买提", "person_name.bad_chars"), ("Wang Wu", "person_name.bad_chars"),
    ("王五😀", "person_name.bad_chars"), ("王\u202e五", "person_name.bad_chars"),
    ("王" * 31, "person_name.length"),
])
def test_bad_person_names(name, code):
    assert codes("operator_name", name) == [code]
