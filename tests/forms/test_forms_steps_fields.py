"""Validating as the citizen types (one field) and on "next" (one step)."""

from __future__ import annotations

import forms
from forms import samples
from forms.samples import fictional_id


def codes(problems):
    return [(p.field, p.code) for p in problems]


def test_person_subfield_path_is_validated_in_context():
    answers = samples.valid_application("limited_company", shareholders=2).answers
    problems = forms.validate_field("limited_company", "shareholders[1].id_number", "123", answers)
    assert codes(problems) == [("shareholders[1].id_number", "ric.format")]
    good = forms.validate_field("limited_company", "shareholders[1].id_number", fictional_id(9),
                                answers)
    assert good == []


def test_person_subfield_of_a_company_shareholder_checks_a_credit_code():
    answers = {"shareholders": [{"kind": "company", "name": "某某投资有限公司"}]}
    problems = forms.validate_field("limited_company", "shareholders[0].id_number",
                                    fictional_id(1), answers)
    assert codes(problems) == [("shareholders[0].id_number", "uscc.checksum")]


def test_new_person_entry_path():
    problems = forms.validate_field("limited_company", "shareholders[3]",
                                    {"kind": "person", "name": "王", "id_number": "x"}, {})
    assert {c for _, c in codes(problems)} >= {"person_name.length", "ric.format",
                                                "money.format"}


def test_addon_field_path():
    problems = forms.validate_field("individual_business", "addons.food_business.premises_area",
                                    "-3", {})
    assert codes(problems) == [("addons.food_business.premises_area", "area.format")]


def test_hidden_field_is_not_checked():
    assert forms.validate_field("individual_business", "family_members", None,
                                {"organisation_form": "individual"}) == []
    problems = forms.validate_field("individual_business", "family_members", None,
                                    {"organisation_form": "family"})
    assert codes(problems) == [("family_members", "required")]


def test_unknown_paths_and_services():
    assert codes(forms.validate_field("bakery", "name", "x", {})) == [("service", "service.unknown")]
    assert codes(forms.validate_field("individual_business", "colour", "x", {}))[0][1] == \
        "unknown_field"
    assert codes(forms.validate_field("individual_business", "name[0]", "x", {}))[0][1] == \
        "unknown_field"
    assert codes(forms.validate_field("individual_business", "addons.casino.x", 1, {}))[0][1] == \
        "addon.unknown"
    long_path = "a" * 100_000
    problem = forms.validate_field("individual_business", long_path, 1, {})[0]
    assert len(problem.field) <= 80 and len(problem.zh) < 300


def test_validate_step_checks_only_that_screen():
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers["registered_capital"] = "1"
    app.answers["legal_rep_mobile"] = "1"
    assert forms.validate_step(app, "company") == []
    assert codes(forms.validate_step(app, "shareholders")) == [
        ("registered_capital", "capital.sum")]
    assert codes(forms.validate_step(app, "officers")) == [("legal_rep_mobile", "mobile.format")]


def test_cross_field_rules_wait_for_sound_fields():
    app = samples.valid_application("limited_company", shareholders=2)
    app.answers["registered_capital"] = "1"
    app.answers["shareholders"][0]["contribution"] = "x"
    assert codes(forms.validate_step(app, "shareholders")) == [
        ("shareholders[0].contribution", "money.format")]


def test_validate_step_for_addons_and_declarations():
    app = samples.valid_application("individual_business", addons=("drug_retail",))
    assert forms.validate_step(app, "addons.drug_retail") == []
    app.addons["drug_retail"]["premises_area"] = "1"
    assert codes(forms.validate_step(app, "addons.drug_retail")) == [
        ("addons.drug_retail.premises_area", "area.range")]
    app.declarations = []
    assert {c for _, c in codes(forms.validate_step(app, "declarations"))} == {
        "declaration.missing"}
    assert codes(forms.validate_step(app, "nowhere")) == [("step", "step.unknown")]


def test_declaration_message_quotes_the_declaration():
    app = samples.valid_application("individual_business")
    app.declarations = ["truthful"]
    problem = forms.validate_step(app, "declarations")[0]
    assert "经营场所合法使用" in problem.zh and "lawfully use the premises" in problem.en


def test_every_problem_leads_back_to_the_step_that_fixes_it():
    app = samples.valid_application("limited_company", shareholders=2,
                                    addons=("food_business",))
    app.answers["address"] = {"town": "x", "detail": "y"}
    app.answers["shareholders"][1]["id_number"] = "1"
    app.answers["legal_rep_mobile"] = "1"
    app.addons["food_business"]["premises_area"] = "0"
    app.declarations = []
    steps = {p.field: forms.step_of("limited_company", p.field)
             for p in forms.validate_application(app)}
    assert steps["address.town"] == "company"
    assert steps["shareholders[1].id_number"] == "shareholders"
    assert steps["legal_rep_mobile"] == "officers"
    assert steps["addons.food_business.premises_area"] == "addons.food_business"
    assert steps["declarations.truthful"] == "declarations"
    for step in set(steps.values()):
        assert forms.validate_step(app, step), step     # that step does report it
    assert forms.step_of("limited_company", "service") is None
    assert forms.step_of("bakery", "name") is None
    assert forms.step_of("limited_company", "addons.casino.x") is None
