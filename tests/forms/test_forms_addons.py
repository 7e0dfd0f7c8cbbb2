"""Permit add-ons: offered from the scope, each one's valid path and its rules' refusals."""

from __future__ import annotations

import pytest

import forms
from forms import samples

ADDONS = ["food_business", "prepackaged_food_filing", "drug_retail", "class2_device_filing",
          "class3_device_permit"]


def found(app):
    return {(p.field, p.code) for p in forms.validate_application(app)}


def with_addon(addon_id, service="individual_business"):
    return samples.valid_application(service, addons=(addon_id,))


@pytest.mark.parametrize("addon_id", ADDONS)
def test_each_addon_is_triggered_by_a_scope_item_and_offered_with_a_reason(addon_id):
    app = with_addon(addon_id)
    offers = forms.offered_addons(app.service, app.answers["scope"])
    assert [o.addon.id for o in offers] == [addon_id]
    offer = offers[0]
    assert offer.triggered_by and offer.reason.zh and offer.reason.en
    assert all(item.text in offer.reason.zh for item in offer.triggered_by)
    assert "{items}" not in offer.reason.zh + offer.reason.en


@pytest.mark.parametrize("addon_id", ADDONS)
def test_each_addon_valid_path_and_required_fields(addon_id):
    app = with_addon(addon_id)
    assert found(app) == set()
    first = forms.addon(addon_id).steps[0].fields[0].id
    del app.addons[addon_id][first]
    assert found(app) == {(f"addons.{addon_id}.{first}", "required")}


@pytest.mark.parametrize("addon_id", ADDONS)
def test_each_addon_declaration_is_required(addon_id):
    app = with_addon(addon_id)
    decl = forms.addon(addon_id).declarations[0].id
    app.declarations.remove(decl)
    assert found(app) == {(f"declarations.{decl}", "declaration.missing")}


def test_addon_without_the_scope_that_needs_it_is_refused():
    app = with_addon("food_business")
    app.answers["scope"] = ["daily_goods_sales"]
    assert found(app) == {("addons.food_business", "addon.not_offered")}


def test_unknown_addon_is_refused():
    app = samples.valid_application("individual_business")
    app.addons["casino_permit"] = {}
    assert found(app) == {("addons.casino_permit", "addon.unknown")}


def test_applying_for_an_offered_addon_is_optional():
    app = with_addon("drug_retail")
    app.addons.clear()
    app.declarations = [d.id for d in forms.service(app.service).declarations]
    assert found(app) == set()


def test_food_seller_must_sell_food():
    app = with_addon("food_business")
    app.addons["food_business"]["business_format"] = "seller"
    assert found(app) == {("addons.food_business.business_items", "food.items_mismatch")}


def test_caterer_must_prepare_food():
    app = with_addon("food_business")
    app.addons["food_business"]["business_items"] = ["prepackaged"]
    assert found(app) == {("addons.food_business.business_items", "food.items_mismatch")}


def test_food_business_needs_all_four_safety_rules():
    app = with_addon("food_business")
    app.addons["food_business"]["safety_rules"] = ["staff_health", "purchase_check"]
    assert found(app) == {("addons.food_business.safety_rules", "choice.count")}


@pytest.mark.parametrize("area, code", [("0", "area.range"), ("abc", "area.format"),
                                        ("100001", "area.range"), ("12.345", "area.format")])
def test_premises_area(area, code):
    app = with_addon("food_business")
    app.addons["food_business"]["premises_area"] = area
    assert found(app) == {("addons.food_business.premises_area", code)}


def test_prescription_drugs_need_a_pharmacist():
    app = with_addon("drug_retail")
    for key in ("pharmacist_name", "pharmacist_id", "pharmacist_certificate"):
        del app.addons["drug_retail"][key]
    assert found(app) == {(f"addons.drug_retail.{k}", "pharmacy.pharmacist_needed")
                          for k in ("pharmacist_name", "pharmacist_id", "pharmacist_certificate")}
    app.addons["drug_retail"]["prescription_drugs"] = "no"
    assert found(app) == set()


def test_pharmacy_below_minimum_area():
    app = with_addon("drug_retail")
    app.addons["drug_retail"]["premises_area"] = "8"
    assert found(app) == {("addons.drug_retail.premises_area", "area.range")}


def test_prepackaged_filing_storage_choices():
    app = with_addon("prepackaged_food_filing")
    app.addons["prepackaged_food_filing"]["storage"] = ["ambient", "ambient"]
    assert found(app) == {("addons.prepackaged_food_filing.storage", "choice.duplicate")}
    app.addons["prepackaged_food_filing"]["storage"] = ["hot"]
    assert found(app) == {("addons.prepackaged_food_filing.storage", "choice.unknown")}


def test_prepackaged_filing_contact_mobile():
    app = with_addon("prepackaged_food_filing")
    app.addons["prepackaged_food_filing"]["contact_mobile"] = "12345"
    assert found(app) == {("addons.prepackaged_food_filing.contact_mobile", "mobile.format")}


def test_class2_quality_manager_id_checked():
    app = with_addon("class2_device_filing")
    app.addons["class2_device_filing"]["quality_manager_id"] = "440605198503140008"
    assert found(app) == {("addons.class2_device_filing.quality_manager_id", "ric.checksum")}


def test_class3_warehouse_area_only_with_own_warehouse():
    app = with_addon("class3_device_permit", "limited_company")
    del app.addons["class3_device_permit"]["storage_area"]
    assert found(app) == {("addons.class3_device_permit.storage_area", "required")}
    app.addons["class3_device_permit"]["storage"] = "third_party"
    assert found(app) == set()


def test_class3_quality_manager_qualification():
    app = with_addon("class3_device_permit")
    app.addons["class3_device_permit"]["quality_manager_qualification"] = "none"
    assert found(app) == {("addons.class3_device_permit.quality_manager_qualification",
                           "choice.unknown")}


def test_unknown_addon_answer_is_refused():
    app = with_addon("class2_device_filing")
    app.addons["class2_device_filing"]["extra"] = 1
    assert found(app) == {("addons.class2_device_filing.extra", "unknown_field")}


def test_licence_marks_licensed_items_with_the_caveat():
    app = with_addon("drug_retail", "sole_proprietorship")
    wording = forms.licence_particulars(app).scope
    assert "许可项目：药品零售（依法须经批准的项目" in wording.full
    assert "药品零售" not in wording.general


def test_several_addons_offered_in_definition_order_with_every_trigger_named():
    scope = ["device_class3_business", "food_sales", "catering_services", "drug_retail",
             "catering_services", "no_such_item"]
    offers = forms.offered_addons("limited_company", scope)
    assert [o.addon.id for o in offers] == ["food_business", "drug_retail",
                                            "class3_device_permit"]
    assert [i.id for i in offers[0].triggered_by] == ["food_sales", "catering_services"]
    assert "食品销售、餐饮服务" in offers[0].reason.zh
    assert "Food sales, Catering services" in offers[0].reason.en


def test_offers_for_bad_input():
    assert forms.offered_addons("individual_business", "catering_services") == []
    with pytest.raises(forms.UnknownService):
        forms.offered_addons("bakery", ["catering_services"])


@pytest.mark.parametrize("choice, needed", [("yes", True), ("otc_a", True), ("no", False)])
def test_class_a_otc_drugs_need_a_pharmacist_too(choice, needed):
    """处方药与非处方药流通管理暂行规定 (1999): prescription and class A OTC drugs."""
    app = samples.valid_application("individual_business", addons=("drug_retail",))
    app.addons["drug_retail"]["prescription_drugs"] = choice
    for key in ("pharmacist_name", "pharmacist_id", "pharmacist_certificate"):
        del app.addons["drug_retail"][key]
    codes = {p.code for p in forms.validate_application(app)}
    assert ("pharmacy.pharmacist_needed" in codes) is needed


@pytest.mark.parametrize("item", ["health_food_sales", "infant_formula_sales",
                                  "special_medical_food_sales"])
def test_pre_packaged_special_foods_are_filed(item):
    """食品经营许可和备案管理办法 (2023) art. 2: selling only pre-packaged food is filed."""
    offers = forms.offered_addons("individual_business", [item])
    assert [o.addon.id for o in offers] == ["prepackaged_food_filing"]
