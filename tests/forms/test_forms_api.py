"""The public API other packages rely on: services, samples, search, offers, licence wording."""

from __future__ import annotations

import pytest

import forms
from forms import samples

ALL_ADDONS = ("food_business", "prepackaged_food_filing", "drug_retail", "class2_device_filing",
              "class3_device_permit")


def test_services_are_listed_in_terminal_order():
    assert [s.id for s in forms.services()] == [
        "individual_business", "sole_proprietorship", "limited_company"]


def test_unknown_service_raises_value_error_not_key_error():
    with pytest.raises(forms.UnknownService):
        forms.service("bakery")
    with pytest.raises(ValueError):
        forms.addon("nope")


@pytest.mark.parametrize("service_id", ["individual_business", "sole_proprietorship",
                                        "limited_company"])
@pytest.mark.parametrize("addons", [(), ALL_ADDONS[:1], ALL_ADDONS[1:2], ALL_ADDONS[2:3],
                                    ALL_ADDONS[3:4], ALL_ADDONS[4:],
                                    ("food_business", "drug_retail", "class3_device_permit")])
def test_samples_are_valid(service_id, addons):
    app = samples.valid_application(service_id, shareholders=5, addons=addons)
    assert forms.validate_application(app) == []


def test_samples_round_trip_through_json():
    app = samples.valid_application("limited_company", shareholders=3, addons=ALL_ADDONS[:1])
    again = forms.Application.from_json(app.to_json())
    assert again == app
    assert app.to_json()["schema_version"] == forms.SCHEMA_VERSION


def test_search_by_pinyin_initials_and_chinese():
    assert forms.catalogue_search("cyfw")[0].text == "餐饮服务"
    assert forms.catalogue_search("餐饮")[0].text.startswith("餐饮")
    assert forms.catalogue_search("canyin")[0].id == "catering_services"
    assert forms.catalogue_search("") == []
    assert len(forms.catalogue_search("销售", limit=5)) == 5


def test_food_scope_offers_food_permit_with_a_reason():
    offers = forms.offered_addons("individual_business", ["catering_services", "daily_goods_sales"])
    assert [o.addon.id for o in offers] == ["food_business"]
    assert "餐饮服务" in offers[0].reason.zh and "Catering services" in offers[0].reason.en
    assert [i.id for i in offers[0].triggered_by] == ["catering_services"]


def test_general_scope_offers_nothing():
    assert forms.offered_addons("limited_company", ["daily_goods_sales", "tech_services"]) == []


def test_scope_wording_has_both_parts_with_standard_clauses():
    wording = forms.licence_scope_text(["daily_goods_sales", "catering_services", "hardware_retail"])
    assert wording.general == ("一般项目：日用百货销售；五金产品零售（除依法须经批准的项目外，"
                               "凭营业执照依法自主开展经营活动）")
    assert wording.licensed.startswith("许可项目：餐饮服务（依法须经批准的项目")
    assert wording.full == wording.general + wording.licensed
    with pytest.raises(forms.UnknownScopeItem):
        forms.licence_scope_text(["nope"])
    with pytest.raises(forms.UnknownScopeItem):
        forms.licence_scope_text([["catering_services"]])
    assert forms.licence_scope_text(["catering_services"] * 2).licensed.count("餐饮服务") == 1


def test_licence_particulars_for_individual_business():
    app = samples.valid_application("individual_business")
    lic = forms.licence_particulars(app)
    assert lic.entity_type.zh == "个体工商户" and lic.entity_category == 2
    assert lic.representative == app.answers["operator_name"]
    assert lic.registered_capital is None
    assert lic.address.startswith("佛山市南海区桂城街道")


def test_every_documented_problem_code_is_raised_somewhere():
    """A code in messages.py that no check produces is dead wording; a produced code that is not
    in messages.py would crash. money.* and area.* are built as f"{kind}.format"."""
    from pathlib import Path

    from forms.messages import MESSAGES

    package = Path(forms.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py")
                       if p.name != "messages.py")
    readme = (package / "README.md").read_text(encoding="utf-8")
    for code in MESSAGES:
        assert f'"{code}"' in source or code.split(".")[0] in ("money", "area"), code
        assert f"`{code}`" in readme, f"{code} is not documented in forms/README.md"


def test_address_fields_offer_the_seven_nanhai_towns():
    field = forms.service("limited_company").field("address")
    assert [o.value for o in field.options][:2] == ["440605011", "440605121"]
    assert {o.label.zh for o in field.options} >= {"桂城街道", "狮山镇", "里水镇"}
    assert len(field.options) == 7
