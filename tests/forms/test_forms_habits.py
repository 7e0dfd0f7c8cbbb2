"""People's habits at the terminal and at a technician's desk: traditional characters and
full-width letters in a search, a file saved with a BOM, stray keys by the thousand, a number
where a name belongs."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import forms
from forms import samples
from forms.__main__ import main
from forms.validation import MAX_LISTED


@pytest.mark.parametrize("typed, expected", [
    ("餐饮", "餐饮服务"), ("餐飲", "餐饮服务"), ("餐飲服務", "餐饮服务"), ("ｃｙｆｗ", "餐饮服务"),
    ("ＣＹＦＷ", "餐饮服务"), ("\u3000餐饮\u3000", "餐饮服务"), ("食品銷售", "食品销售"),
    ("CanYin", "餐饮服务"),
])
def test_catalogue_search_as_typed(typed, expected):
    assert expected in [item.text for item in forms.catalogue_search(typed)]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_catalogue_search_never_fails(text):
    assert len(forms.catalogue_search(text, limit=5)) <= 5


def test_cli_reads_a_file_saved_with_a_bom(tmp_path, capsys):
    app = samples.valid_application("individual_business")
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(app.to_json(), ensure_ascii=False).encode())
    assert main(["check", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == {"valid": True, "problems": []}


def test_thousands_of_unknown_keys_give_a_bounded_summary(tmp_path, capsys):
    data = samples.valid_application("individual_business").to_json()
    data["answers"].update({f"stray{i}": "x" * 100 for i in range(20000)})
    data["addons"].update({f"addon{i}": {} for i in range(5000)})
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    problems = json.loads(out)["problems"]
    assert len(problems) == 2 * (MAX_LISTED + 1)
    assert len(out) < 20_000
    more = [p for p in problems if p["code"] == "unknown_field.more"]
    assert {p["field"] for p in more} == {"answers", "addons"}
    assert "19990" in more[0]["zh"] and "19990" in more[0]["en"]


@pytest.mark.parametrize("key, value", [("name", 42), ("name", ["陈志明"]), ("id_number", 4406),
                                        ("id_number", {"n": 1}), ("contribution", ["1"]),
                                        ("role", 3)])
def test_wrong_type_inside_a_person_list_is_a_type_problem(key, value):
    app = samples.valid_application("limited_company")
    field = "shareholders" if key != "role" else "officers"
    app.answers[field][0][key] = value
    found = {(p.field, p.code) for p in forms.validate_application(app)}
    assert (f"{field}[0].{key}", "type") in found
    assert not any(code == "required" for _, code in found)


def test_missing_name_in_a_person_list_is_still_required():
    app = samples.valid_application("limited_company")
    del app.answers["shareholders"][0]["name"]
    found = {(p.field, p.code) for p in forms.validate_application(app)}
    assert ("shareholders[0].name", "required") in found


@pytest.mark.parametrize("name", ["李〇", "王\U0002EBF0", "\U0002EE5D明", "陈𠮷", "刘䶮"])
def test_person_names_keep_the_wider_set(name):
    assert forms.validate_field("individual_business", "operator_name", name, {}) == []
