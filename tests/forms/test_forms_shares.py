"""Shares follow contributions and always add up to 100.00."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import forms
from forms import samples
from forms.shares import split_percent


def test_three_equal_shareholders_add_up_to_one_hundred():
    app = samples.valid_application("limited_company", shareholders=3)
    holdings = forms.shareholdings(app)
    assert [str(h.share) for h in holdings] == ["33.34", "33.33", "33.33"]
    assert sum(h.share for h in holdings) == Decimal("100.00")
    assert holdings[0].name == app.answers["shareholders"][0]["name"]
    assert holdings[0].contribution == Decimal("100000.00")


def test_unequal_contributions():
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers["shareholders"][0]["contribution"] = "300000"
    app.answers["registered_capital"] = "400000"
    assert [str(h.share) for h in forms.shareholdings(app)] == ["75.00", "25.00"]


def test_services_without_shareholders_and_invalid_applications():
    assert forms.shareholdings(samples.valid_application("individual_business")) == []
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers["registered_capital"] = "1"
    with pytest.raises(forms.InvalidApplication):
        forms.shareholdings(app)


@given(st.lists(st.decimals(min_value="0.01", max_value="9999999999.99", places=2),
                min_size=1, max_size=50))
def test_split_always_sums_to_exactly_one_hundred(amounts):
    shares = split_percent(amounts)
    assert sum(shares) == Decimal("100.00")
    exact = [a * 100 / sum(amounts) for a in amounts]
    assert all(abs(s - e) < Decimal("0.01") for s, e in zip(shares, exact, strict=True))
