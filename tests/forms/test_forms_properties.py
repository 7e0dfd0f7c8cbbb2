"""No input crashes validation, and every problem speaks both languages (hypothesis)."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import forms
from forms import samples
from forms.messages import MESSAGES

# Any code point, including lone surrogates, controls, RTL overrides and emoji.
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=40) | st.sampled_from([
    "\u202e\u202d", "\ud800", "😀" * 3, "\x00\x1b[2J", "11010519491231002X", "91110000600037341L",
    "440605011", "13800138000", "100000.00", "2027-02-30", "catering_services"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=12,
)
SERVICES = ["individual_business", "sole_proprietorship", "limited_company"]
ADDONS = ["food_business", "prepackaged_food_filing", "drug_retail", "class2_device_filing",
          "class3_device_permit"]
FIELD_IDS = sorted({f.id for s in forms.services() for st_ in s.steps for f in st_.fields}
                   | {f.id for a in forms.addons() for st_ in a.steps for f in st_.fields})
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_bilingual(problems):
    assert isinstance(problems, list)
    for p in problems:
        assert isinstance(p, forms.Problem)
        assert p.code in MESSAGES
        assert p.zh.strip() and p.en.strip()
        assert isinstance(p.field, str) and len(p.field) <= 200
        (p.field + p.zh + p.en).encode("utf-8")      # printable anywhere: no lone surrogates


@FAST
@given(service=st.sampled_from(SERVICES) | ANY_TEXT,
       answers=st.dictionaries(st.sampled_from(FIELD_IDS) | ANY_TEXT, JSON, max_size=8) | JSON,
       addons=st.dictionaries(st.sampled_from(ADDONS) | ANY_TEXT, JSON, max_size=3) | JSON,
       declarations=st.lists(ANY_TEXT, max_size=4) | JSON,
       version=st.integers() | JSON)
def test_any_application_validates_without_raising(service, answers, addons, declarations,
                                                   version):
    app = forms.Application(id="x", service=service, answers=answers, addons=addons,
                            declarations=declarations, schema_version=version)
    assert_bilingual(forms.validate_application(app))
    for step in ("company", "operator", "addons.food_business", "declarations", "nope"):
        assert_bilingual(forms.validate_step(app, step))


@FAST
@given(service=st.sampled_from(SERVICES), addon_choice=st.sets(st.sampled_from(ADDONS), max_size=3),
       data=st.data())
def test_one_wild_answer_in_a_valid_application(service, addon_choice, data):
    app = samples.valid_application(service, shareholders=2, addons=tuple(sorted(addon_choice)))
    target = data.draw(st.sampled_from(["service"] + sorted(app.addons)))
    answers = app.answers if target == "service" else app.addons[target]
    key = data.draw(st.sampled_from(sorted(answers)))
    answers[key] = data.draw(JSON)
    assert_bilingual(forms.validate_application(app))


@FAST
@given(service=st.sampled_from(SERVICES), data=st.data())
def test_wild_person_entries(service, data):
    app = samples.valid_application("limited_company", shareholders=2)
    entry = app.answers["shareholders"][0]
    entry[data.draw(st.sampled_from(sorted(entry) + ["role", "x"]))] = data.draw(JSON)
    assert_bilingual(forms.validate_application(app))


@FAST
@given(service=st.sampled_from(SERVICES) | ANY_TEXT,
       path=st.sampled_from(FIELD_IDS + ["shareholders[0].name", "officers[99].role",
                                         "addons.food_business.premises_area"]) | ANY_TEXT,
       value=JSON, answers=JSON)
def test_any_field_validates_without_raising(service, path, value, answers):
    assert_bilingual(forms.validate_field(service, path, value, answers))


@FAST
@given(data=JSON)
def test_from_json_accepts_or_refuses_bilingually(data):
    try:
        app = forms.Application.from_json(data)
    except forms.ApplicationFormatError as exc:
        assert exc.zh and exc.en
    else:
        assert_bilingual(forms.validate_application(app))


@FAST
@given(service=st.sampled_from(SERVICES), key=st.sampled_from(
    ["id", "service", "answers", "addons", "declarations", "schema_version"]), value=JSON)
def test_from_json_with_one_wild_top_level_value(service, key, value):
    data = samples.valid_application(service).to_json()
    data[key] = value
    try:
        app = forms.Application.from_json(data)
    except forms.ApplicationFormatError:
        return
    assert_bilingual(forms.validate_application(app))


@FAST
@given(text=ANY_TEXT | JSON, limit=st.integers(-5, 50) | JSON)
def test_catalogue_search_never_raises(text, limit):
    result = forms.catalogue_search(text, limit)
    assert isinstance(result, list)
    assert len(result) <= (limit if isinstance(limit, int) and limit > 0 else 0)


def test_ten_megabyte_strings_in_every_field():
    huge = "佛" * (10 * 1024 * 1024)
    for service in SERVICES:
        app = samples.valid_application(service, shareholders=2, addons=("food_business",))
        for key in list(app.answers):
            wild = copy.deepcopy(app)
            wild.answers[key] = huge
            assert_bilingual(forms.validate_application(wild))
        wild = copy.deepcopy(app)
        wild.answers["address"] = {"town": huge, "detail": huge}
        wild.answers["scope"] = [huge]
        wild.answers[huge] = huge
        for holder in wild.answers.get("shareholders", []):
            holder.update(name=huge, id_number=huge, contribution=huge)
        wild.addons["food_business"]["premises_area"] = huge
        wild.declarations.append(huge)
        problems = forms.validate_application(wild)
        assert_bilingual(problems)
        assert all(len(p.zh) < 1000 for p in problems)    # input is never echoed back


def test_problem_messages_never_repeat_the_id_number_typed():
    app = samples.valid_application("individual_business")
    app.answers["operator_id"] = "440605198503140008"      # wrong check character
    problems = forms.validate_application(app)
    assert problems and all("440605198503140008" not in p.zh + p.en for p in problems)


# Python objects no JSON parser produces, as a hand-built Application may hold them.
ODD = st.builds(object) | st.decimals() | st.dates() | st.binary(max_size=8) | st.frozensets(
    st.integers(), max_size=2) | st.tuples(st.integers())
ODD_KEYS = st.integers() | st.none() | st.tuples(st.integers()) | ANY_TEXT
WILDER = st.recursive(JSON | ODD, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(ODD_KEYS, inner, max_size=3), max_leaves=8)


@FAST
@given(service=st.sampled_from(SERVICES), answers=st.dictionaries(ODD_KEYS, WILDER, max_size=5),
       addons=st.dictionaries(ODD_KEYS, WILDER, max_size=3), declarations=WILDER,
       data=st.data())
def test_python_objects_that_are_not_json(service, answers, addons, declarations, data):
    app = samples.valid_application(service, shareholders=2, addons=("drug_retail",))
    own_keys = sorted(app.answers)
    app.answers.update(answers)
    app.addons.update(addons)
    key = data.draw(st.sampled_from(own_keys))
    app.answers[key] = data.draw(WILDER)
    assert_bilingual(forms.validate_application(app))
    assert_bilingual(forms.validate_step(app, "addons.drug_retail"))
    try:
        again = forms.Application.from_json(app.to_json())
    except forms.ApplicationFormatError as exc:
        assert exc.zh and exc.en
    else:
        assert again.answers == app.answers and again.addons == app.addons
    app.declarations = declarations
    assert_bilingual(forms.validate_application(app))
    assert_bilingual(forms.validate_field(service, key, data.draw(WILDER), app.answers))
