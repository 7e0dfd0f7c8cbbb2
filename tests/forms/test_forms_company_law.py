"""A limited company by the Company Law 2023, and identity numbers as people type them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

import forms
from forms import samples
from forms.rules import ids
from forms.samples import fictional_id, fictional_name
from forms.values import years_after


def found(app, today=None):
    return {(p.field, p.code) for p in forms.validate_application(app, today=today)}


def officer(n, role):
    return {"kind": "person", "name": fictional_name(n), "id_number": fictional_id(n), "role": role}


def with_officers(directors, supervisors, managers=0):
    app = samples.valid_application("limited_company")
    people = ([officer(i, "director") for i in range(directors)]
              + [officer(10 + i, "supervisor") for i in range(supervisors)]
              + [officer(20 + i, "manager") for i in range(managers)])
    app.answers["officers"] = people
    if directors:
        app.answers["legal_rep_name"] = people[0]["name"]
        app.answers["legal_rep_id"] = people[0]["id_number"]
    return app


@pytest.mark.parametrize("directors, supervisors, code, article", [
    (1, 1, None, "art. 75 single director, art. 83 single supervisor"),
    (1, 0, None, "art. 83: no supervisor with all shareholders agreeing"),
    (3, 3, None, "art. 68 board, art. 76 supervisory board"),
    (3, 0, None, "art. 69: audit committee instead of supervisors"),
    (5, 1, None, "art. 68"),
    (2, 1, "officers.board_size", "art. 68: a board has three or more"),
    (1, 2, "officers.supervisor_board_size", "art. 76: a supervisory board has three or more"),
    (0, 1, "officers.no_director", "art. 75: at least one director"),
])
def test_board_and_supervisors(directors, supervisors, code, article):
    app = with_officers(directors, supervisors, managers=1 if directors == 0 else 0)
    if directors == 0:
        app.answers["legal_rep_name"] = app.answers["officers"][-1]["name"]
        app.answers["legal_rep_id"] = app.answers["officers"][-1]["id_number"]
    codes = {c for _, c in found(app)}
    assert (codes == set()) if code is None else (code in codes), article


@pytest.mark.parametrize("today, last_ok", [
    (date(2024, 2, 29), date(2029, 2, 28)),      # no 29 Feb in 2029: the month's last day
    (date(2027, 2, 28), date(2032, 2, 28)),      # 2032 is a leap year: still the 28th
    (date(2027, 3, 1), date(2032, 3, 1)),
    (date(2026, 12, 2), date(2031, 12, 2)),
    (date(2028, 2, 29), date(2033, 2, 28)),
])
def test_paid_within_five_years_by_calendar_date(today, last_ok):
    """Company Law 2023 art. 47; Civil Code arts. 201–202 for the corresponding date."""
    app = samples.valid_application("limited_company")
    app.answers["paid_in_by"] = last_ok.isoformat()
    assert found(app, today) == set()
    app.answers["paid_in_by"] = date.fromordinal(last_ok.toordinal() + 1).isoformat()
    assert found(app, today) == {("paid_in_by", "date.range")}


@settings(max_examples=200)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_five_years_later_is_the_corresponding_date(day):
    later = years_after(day, 5)
    assert later.year == day.year + 5 and later.month == day.month
    assert later.day == day.day or (day.month, day.day, later.day) == (2, 29, 28)


def uscc_with(first16: str) -> str:
    first17 = first16 + ids.org_check_char(first16[8:16])
    return first17 + ids.uscc_check_char(first17)


def test_organisation_code_check_digit_of_published_codes():
    # GB 11714 worked example as stdnum's doctest carries it: 60003734-1
    assert ids.org_check_char("60003734") == "1"
    assert ids.check_uscc("91110000600037341L") is None


def test_credit_code_with_a_wrong_organisation_check_is_refused():
    # The overall GB 32100 check is right (stdnum accepts it) but position 17 is wrong.
    first17 = "9144060560003734" + "2"
    code = first17 + ids.uscc_check_char(first17)
    assert stdnum_uscc.is_valid(code)
    assert ids.check_uscc(code) == "uscc.org_checksum"
    problems = forms.validate_field("limited_company", "shareholders[0].id_number", code,
                                    {"shareholders": [{"kind": "company", "name": "佛山市明德有限公司",
                                                       "contribution": "1"}]})
    assert [p.code for p in problems] == ["uscc.org_checksum"]
    assert "9–17" in problems[0].zh and "9–17" in problems[0].en


ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@settings(max_examples=300)
@given(st.text(alphabet="0123456789", min_size=8, max_size=8),
       st.text(alphabet=ORG_CHARS, min_size=8, max_size=8))
def test_generated_codes_agree_with_stdnum(region, org):
    code = uscc_with("91" + region[:6] + org)
    if code[16] in ORG_CHARS:
        assert stdnum_uscc.is_valid(code)
        assert ids.check_uscc(code) is None


# --- as people type them ---

RIC = fictional_id(3, date(2004, 5, 6))     # 440605 exists since 2002, so stdnum agrees


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.mark.parametrize("typed", [
    RIC, fullwidth(RIC), f" {RIC}\n", f"\t{RIC}", f"\u3000{RIC}\u3000", f"\u00a0{RIC}",
    f"{RIC[:6]} {RIC[6:14]} {RIC[14:]}", RIC.lower(),
])
def test_resident_id_as_typed(typed):
    assert forms.validate_field("individual_business", "operator_id", typed, {}) == []
    assert stdnum_ric.is_valid(RIC)


def test_lower_case_x_is_accepted():
    first17 = "44060519850314" + "12"
    for last in "0123456789":
        number = first17[:16] + last
        if ids.ric_check_char(number) == "X":
            typed = number + "x"
            break
    assert forms.validate_field("individual_business", "operator_id", typed, {}) == []


@pytest.mark.parametrize("typed", ["13800138000", "１３８００１３８０００", "138 0013 8000\n",
                                   "+86 138-0013-8000", "\u300013800138000\t"])
def test_mobile_as_typed(typed):
    assert forms.validate_field("individual_business", "operator_mobile", typed, {}) == []


@pytest.mark.parametrize("typed", ["100000", "１００００００", " 100000.50\n", "1,000,000",
                                   "\u3000５００００\u3000"])
def test_amount_as_typed(typed):
    assert forms.validate_field("limited_company", "registered_capital", typed, {}) == []


def test_date_as_typed():
    today = date(2026, 12, 2)
    for typed in ("2027-06-30", "２０２７－０６－３０", " 2027-06-30\n", "\t2027-06-30"):
        assert forms.validate_field("limited_company", "paid_in_by", typed, {}, today=today) == []


def test_credit_code_as_typed():
    code = "91110000600037341L"
    for typed in (code.lower(), fullwidth(code), f" {code}\n", f"{code[:8]} {code[8:]}"):
        assert ids.check_uscc(typed) is None


SPACES = st.sampled_from(["", " ", "\t", "\n", "\u3000", "\u00a0", "\r\n"])


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 200), st.booleans(), st.booleans(), SPACES, SPACES)   # adults in 2026
def test_any_valid_id_typed_any_way_is_the_same_answer(n, wide, lower, before, after):
    number = fictional_id(n)
    typed = fullwidth(number) if wide else number
    typed = typed.lower() if lower else typed
    problems = forms.validate_field("individual_business", "operator_id", before + typed + after, {},
                                    today=date(2026, 12, 2))
    assert problems == []
    assert ids.compact(before + typed + after) == number
