"""Each service's valid path and each of its rules' refusals, on whole applications."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import forms
from forms import samples
from forms.samples import fictional_id, fictional_name


def found(app):
    return {(p.field, p.code) for p in forms.validate_application(app)}


def test_every_problem_names_a_path_and_both_languages():
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers.update(name="", registered_capital="abc", scope=["nope"])
    problems = forms.validate_application(app)
    assert problems
    for p in problems:
        assert p.field and p.code and p.zh and p.en and p.zh != p.en


# --- individual business ---

def test_individual_business_required_fields():
    app = samples.valid_application("individual_business")
    del app.answers["operator_id"]
    app.answers["address"] = {}
    assert ("operator_id", "required") in found(app)
    assert ("address", "required") in found(app)


def test_family_members_are_asked_only_for_a_family_business():
    app = samples.valid_application("individual_business")
    app.answers["organisation_form"] = "family"
    assert ("family_members", "required") in found(app)
    app.answers["family_members"] = [{"kind": "person", "name": fictional_name(5),
                                      "id_number": fictional_id(5)}]
    assert found(app) == set()
    app.answers["organisation_form"] = "individual"       # hidden again: no longer checked
    app.answers["family_members"] = "garbage"
    assert found(app) == set()


def test_operator_is_not_listed_as_a_family_member():
    app = samples.valid_application("individual_business")
    app.answers["organisation_form"] = "family"
    app.answers["family_members"] = [{"kind": "person", "name": app.answers["operator_name"],
                                      "id_number": app.answers["operator_id"]}]
    assert found(app) == {("family_members[0].id_number", "family.operator_listed")}


def test_family_members_cannot_be_companies():
    app = samples.valid_application("individual_business")
    app.answers["organisation_form"] = "family"
    app.answers["family_members"] = [{"kind": "company", "name": "某公司",
                                      "id_number": "91110000600037341L"}]
    assert ("family_members[0].kind", "persons.kind") in found(app)


@pytest.mark.parametrize("funds, code", [("0", "money.range"), ("12.345", "money.format"),
                                         ("-5", "money.format"), (True, "money.format"),
                                         ("1e5", "money.format")])
def test_funds_must_be_a_positive_amount_in_yuan(funds, code):
    app = samples.valid_application("individual_business")
    app.answers["funds"] = funds
    assert found(app) == {("funds", code)}


def test_employees_must_be_a_whole_number_in_range():
    app = samples.valid_application("individual_business")
    app.answers["employees"] = 2.5
    assert found(app) == {("employees", "integer.format")}
    app.answers["employees"] = 0
    assert found(app) == {("employees", "integer.range")}


@pytest.mark.parametrize("address, path, code", [
    ({"town": "440604011", "detail": "南海大道北88号"}, "address.town", "address.town"),
    ({"town": "440605011", "detail": "88号"}, "address.detail", "address.detail"),
    ({"town": "440605011", "detail": "禅城区祖庙路1号"}, "address.detail", "address.outside"),
    ({"town": "440605011", "detail": "南海大道\u202e88号"}, "address.detail", "address.detail"),
    ("桂城街道南海大道", "address", "type"),
])
def test_address_must_be_inside_nanhai(address, path, code):
    app = samples.valid_application("individual_business")
    app.answers["address"] = address
    assert found(app) == {(path, code)}


@pytest.mark.parametrize("scope, path, code", [
    ([], "scope", "required"),
    (["daily_goods_sales", "no_such_item"], "scope[1]", "scope.unknown"),
    (["daily_goods_sales", "daily_goods_sales"], "scope[1]", "scope.duplicate"),
    (["food_sales", "prepackaged_food_sales"], "scope[1]", "scope.overlap"),
    (["drug_wholesale"], "scope[0]", "scope.not_for_entity"),
    (["daily_goods_sales"] * 21, "scope", "scope.too_many"),
    ("daily_goods_sales", "scope", "type"),
])
def test_scope_coherence(scope, path, code):
    app = samples.valid_application("individual_business")
    app.answers["scope"] = scope
    assert (path, code) in found(app)


def test_declarations_must_all_be_confirmed():
    app = samples.valid_application("individual_business")
    app.declarations.remove("premises_lawful")
    assert found(app) == {("declarations.premises_lawful", "declaration.missing")}
    app.declarations += ["premises_lawful", "made_up"]
    assert found(app) == {("declarations", "declaration.unknown")}


def test_unknown_answers_and_services_are_refused():
    app = samples.valid_application("individual_business")
    app.answers["favourite_colour"] = "blue"
    assert found(app) == {("favourite_colour", "unknown_field")}
    app.service = "bakery"
    assert found(app) == {("service", "service.unknown")}


# --- sole proprietorship ---

def test_sole_proprietorship_investor_must_be_adult():
    app = samples.valid_application("sole_proprietorship")
    young = fictional_id(0, born=date.today() - timedelta(days=17 * 365))
    app.answers["investor_id"] = young
    assert found(app) == {("investor_id", "ric.underage")}


def test_sole_proprietorship_name_is_required():
    app = samples.valid_application("sole_proprietorship")
    app.answers["name"] = "  "
    assert found(app) == {("name", "required")}


@pytest.mark.parametrize("key, value, code", [
    ("investment", "0.5", "money.range"), ("investment", "1000000001", "money.range"),
    ("contribution_form", "borrowed", "choice.unknown"), ("employees", 5001, "integer.range"),
    ("investor_mobile", "1380013800", "mobile.format"),
])
def test_sole_proprietorship_field_rules(key, value, code):
    app = samples.valid_application("sole_proprietorship")
    app.answers[key] = value
    assert found(app) == {(key, code)}


def test_sole_proprietorship_licence_shows_the_investment():
    lic = forms.licence_particulars(samples.valid_application("sole_proprietorship"))
    assert lic.entity_type.zh == "个人独资企业" and str(lic.registered_capital) == "200000.00"


# --- limited company ---

def test_capital_must_equal_the_contributions():
    app = samples.valid_application("limited_company", shareholders=3)
    app.answers["registered_capital"] = "250000"
    problems = [p for p in forms.validate_application(app) if p.code == "capital.sum"]
    assert [p.field for p in problems] == ["registered_capital"]
    assert "300000.00" in problems[0].zh and "250000.00" in problems[0].en


def test_company_shareholder_by_credit_code():
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers["shareholders"][1] = {"kind": "company", "name": "佛山市南海区某某投资有限公司",
                                      "id_number": "91110000600037341L",
                                      "contribution": "100000.00"}
    assert found(app) == set()
    app.answers["shareholders"][1]["id_number"] = "91110000600037341M"
    assert found(app) == {("shareholders[1].id_number", "uscc.checksum")}


def test_one_to_fifty_shareholders():
    assert found(samples.valid_application("limited_company", shareholders=50)) == set()
    app = samples.valid_application("limited_company", shareholders=50)
    app.answers["shareholders"].append({"kind": "person", "name": fictional_name(60),
                                        "id_number": fictional_id(60), "contribution": "1"})
    assert ("shareholders", "persons.count") in found(app)


def test_the_same_shareholder_twice_is_refused():
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers["shareholders"][1]["id_number"] = app.answers["shareholders"][0]["id_number"]
    assert found(app) == {("shareholders[1].id_number", "persons.duplicate")}


def test_shareholder_needs_a_positive_contribution():
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers["shareholders"][0]["contribution"] = "0"
    assert found(app) == {("shareholders[0].contribution", "money.format")}


def test_legal_representative_must_be_a_director_or_the_manager():
    app = samples.valid_application("limited_company")
    supervisor = app.answers["officers"][1]
    app.answers["legal_rep_name"] = supervisor["name"]
    app.answers["legal_rep_id"] = supervisor["id_number"]
    assert found(app) == {("legal_rep_id", "legal_rep.not_officer")}


@pytest.mark.parametrize("roles, code", [
    (["supervisor", "manager"], "officers.no_director"),
    (["director", "manager", "manager"], "officers.too_many_managers"),
])
def test_officer_structure(roles, code):
    app = samples.valid_application("limited_company")
    app.answers["officers"] = [
        {"kind": "person", "name": fictional_name(i), "id_number": fictional_id(i), "role": role}
        for i, role in enumerate(roles)]
    assert ("officers", code) in found(app)


def test_director_cannot_also_be_supervisor():
    app = samples.valid_application("limited_company")
    app.answers["officers"].append(dict(app.answers["officers"][0], role="supervisor"))
    assert ("officers", "officers.supervisor_conflict") in found(app)


def test_officers_must_be_adults():
    app = samples.valid_application("limited_company")
    young = fictional_id(7, born=date.today() - timedelta(days=16 * 365))
    app.answers["officers"][1]["id_number"] = young
    assert found(app) == {("officers[1].id_number", "ric.underage")}


def test_minor_may_be_a_shareholder():
    app = samples.valid_application("limited_company", shareholders=2)
    young = fictional_id(7, born=date.today() - timedelta(days=10 * 365))
    app.answers["shareholders"][1]["id_number"] = young
    assert found(app) == set()


def test_licence_particulars_of_a_company():
    app = samples.valid_application("limited_company", shareholders=1)
    lic = forms.licence_particulars(app)
    assert lic.entity_type.zh == "有限责任公司（自然人独资）"
    assert str(lic.registered_capital) == "100000.00"
    assert lic.representative == app.answers["legal_rep_name"]
    app.answers["registered_capital"] = "1"
    with pytest.raises(forms.InvalidApplication):
        forms.licence_particulars(app)


def test_director_may_also_be_the_manager():
    app = samples.valid_application("limited_company")
    app.answers["officers"].append(dict(app.answers["officers"][0], role="manager"))
    assert found(app) == set()
    app.answers["officers"].append(dict(app.answers["officers"][0], role="manager"))
    assert ("officers[3].id_number", "persons.duplicate") in found(app)


def test_legal_representative_name_matches_the_officer_listed():
    app = samples.valid_application("limited_company")
    app.answers["legal_rep_name"] = fictional_name(3)
    assert found(app) == {("legal_rep_name", "legal_rep.name_mismatch")}


@pytest.mark.parametrize("service_id", ["individual_business", "sole_proprietorship",
                                        "limited_company"])
@pytest.mark.parametrize("garbage", [{"x": True}, [["nested"]], 0.001, -1, 10**20, "\u202e\x00"])
def test_garbage_in_any_answer_is_refused_at_that_answer(service_id, garbage):
    base = samples.valid_application(service_id, shareholders=2,
                                     addons=("food_business", "drug_retail"))
    targets = [("", k) for k in base.answers] + [
        (f"addons.{a}.", k) for a in base.addons for k in base.addons[a]]
    for prefix, key in targets:
        app = samples.valid_application(service_id, shareholders=2,
                                        addons=("food_business", "drug_retail"))
        answers = app.answers if not prefix else app.addons[prefix.split(".")[1]]
        answers[key] = garbage
        paths = [p.field for p in forms.validate_application(app)]
        assert any(p == prefix + key or p.startswith(prefix + key + ".")
                   or p.startswith(prefix + key + "[") for p in paths), (key, garbage, paths)
