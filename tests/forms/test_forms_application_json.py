"""Application.from_json: the one gate for outside data, with bilingual refusals."""

from __future__ import annotations

import json

import pytest

import forms
from forms import samples


def good():
    return samples.valid_application("individual_business", addons=("food_business",)).to_json()


def test_round_trip_through_json_text():
    data = good()
    again = forms.Application.from_json(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again.to_json() == data


@pytest.mark.parametrize("change", [
    lambda d: d.pop("declarations"),
    lambda d: d.update(extra=1),
    lambda d: d.update(id="not-a-uuid"),
    lambda d: d.update(id=str(d["id"]).upper()),
    lambda d: d.update(schema_version=2),
    lambda d: d.update(schema_version=True),
    lambda d: d.update(service=""),
    lambda d: d.update(answers=[]),
    lambda d: d.update(addons={"food_business": []}),
    lambda d: d.update(declarations="truthful"),
    lambda d: d["answers"].update(funds=float("nan")),
    lambda d: d["answers"].update(deep=[[[[[[[[[[1]]]]]]]]]]),
])
def test_bad_shapes_are_refused_bilingually(change):
    data = good()
    change(data)
    with pytest.raises(forms.ApplicationFormatError) as caught:
        forms.Application.from_json(data)
    assert caught.value.zh.startswith("申请数据格式错误")
    assert caught.value.en.startswith("Malformed application")


def test_not_a_dict():
    with pytest.raises(ValueError):
        forms.Application.from_json("[]")


def test_from_json_copies_so_later_edits_do_not_leak():
    data = good()
    app = forms.Application.from_json(data)
    data["answers"]["scope"].append("x")
    assert "x" not in app.answers["scope"]


@pytest.mark.parametrize("version", [pytest.param(10**5000, id="huge"), -1, "1", None, 2.0])
def test_wrong_schema_version_on_a_hand_built_application(version):
    app = samples.valid_application("individual_business")
    app.schema_version = version
    problems = forms.validate_application(app)
    assert [p.code for p in problems] == ["schema.version"]
    assert str(forms.SCHEMA_VERSION) in problems[0].en
