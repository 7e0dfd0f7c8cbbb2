"""Complete, valid applications with fictional people, for tests, benchmarks and the demo.

Other packages' tests build on these, so they must stay valid as rules grow; tests/forms proves
they do for every service and add-on. ID numbers are made up (district 440605, adult birth dates,
correct check characters) and belong to no one.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from .application import Application
from .definitions import addon, current, service
from .rules.ids import ric_check_char

# Fictional names; the surname list is long enough for 50 shareholders with distinct names.
SURNAMES = "陈李张黄梁何吴林罗郑谢冯邓曾彭萧蔡潘杜叶"
GIVEN = ("志明", "秀英", "家豪", "嘉欣", "伟强", "丽华", "国栋", "美玲", "子轩", "雨桐")


def fictional_id(n: int, born: date = date(1985, 3, 14)) -> str:
    """A well-formed resident ID for fictional person number n (distinct for n < 500)."""
    birth = born + timedelta(days=37 * n)
    first17 = f"440605{birth:%Y%m%d}{n % 1000:03d}"
    return first17 + ric_check_char(first17)


def fictional_name(n: int) -> str:
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES)) % len(GIVEN)]


def _person(n: int, **extra: object) -> dict[str, object]:
    return {"kind": "person", "name": fictional_name(n), "id_number": fictional_id(n), **extra}


def _trigger(addon_id: str, service_id: str) -> str:
    """A scope item that triggers the add-on without covering another (so no overlap)."""
    for item in current().catalogue.items:
        if item.addon_id == addon_id and not item.covers and service_id not in item.not_for:
            return item.id
    raise ValueError(f"no scope item triggers {addon_id!r}")


ADDON_ANSWERS: dict[str, dict[str, object]] = {
    "food_business": {
        "business_format": "caterer", "business_items": ["hot_food", "drinks"],
        "premises_area": "68.50", "safety_manager_name": fictional_name(30),
        "safety_manager_id": fictional_id(30),
        "safety_rules": ["staff_health", "purchase_check", "self_inspection", "incident_plan"],
    },
    "prepackaged_food_filing": {
        "storage": ["ambient", "chilled"], "premises_area": "25",
        "contact_name": fictional_name(31), "contact_mobile": "13800000031",
    },
    "drug_retail": {
        "pharmacy_type": "single", "prescription_drugs": "yes", "premises_area": "80",
        "quality_manager_name": fictional_name(32), "quality_manager_id": fictional_id(32),
        "pharmacist_name": fictional_name(33), "pharmacist_id": fictional_id(33),
        "pharmacist_certificate": "44060520190331",
    },
    "class2_device_filing": {
        "business_mode": "retail", "premises_area": "40",
        "quality_manager_name": fictional_name(34), "quality_manager_id": fictional_id(34),
    },
    "class3_device_permit": {
        "business_mode": "both", "premises_area": "120", "storage": "own", "storage_area": "60",
        "quality_manager_name": fictional_name(35), "quality_manager_id": fictional_id(35),
        "quality_manager_qualification": "degree",
    },
}
BASE_SCOPE = {
    "individual_business": ["daily_goods_sales"],
    "sole_proprietorship": ["hardware_retail", "daily_goods_sales"],
    "limited_company": ["tech_services", "daily_goods_sales"],
}
ADDRESS = {"town": "440605011", "detail": "南海大道北88号首层102铺"}


def _service_answers(service_id: str, shareholders: int, scope: list[str]) -> dict[str, object]:
    if service_id == "individual_business":
        return {"organisation_form": "individual", "operator_name": fictional_name(0),
                "operator_id": fictional_id(0), "operator_mobile": "13800000000",
                "name": "佛山市南海区桂城志明百货店", "address": dict(ADDRESS), "scope": scope,
                "funds": "50000", "employees": 2}
    if service_id == "sole_proprietorship":
        return {"investor_name": fictional_name(0), "investor_id": fictional_id(0),
                "investor_mobile": "13800000000", "contribution_form": "personal",
                "name": "佛山市南海区志明五金店", "investment": "200000.00",
                "address": dict(ADDRESS), "scope": scope, "employees": 5}
    holders = [_person(i, contribution="100000.00") for i in range(shareholders)]
    officers = [_person(0, role="director"), _person(40, role="supervisor")]
    return {"name": "佛山市南海区志明科技有限公司", "address": dict(ADDRESS), "scope": scope,
            "registered_capital": f"{Decimal(100000) * shareholders:.2f}",
            "paid_in_by": (date.today() + timedelta(days=3 * 365)).isoformat(),
            "shareholders": holders, "officers": officers,
            "legal_rep_name": fictional_name(0), "legal_rep_id": fictional_id(0),
            "legal_rep_mobile": "13800000000"}


def valid_application(service_id: str, *, shareholders: int = 1,
                      addons: tuple[str, ...] = ()) -> Application:
    """A complete valid application for `service_id` with the given add-ons (and the scope
    items that trigger them). `shareholders` (1–50) applies to the limited company."""
    svc = service(service_id)
    if not 1 <= shareholders <= 50:
        raise ValueError("shareholders must be between 1 and 50")
    chosen = [addon(a) for a in dict.fromkeys(addons)]
    scope = list(BASE_SCOPE[svc.id]) + [_trigger(a.id, svc.id) for a in chosen]
    declarations = [d.id for d in svc.declarations] + [d.id for a in chosen for d in a.declarations]
    return Application(
        id=str(uuid.uuid4()), service=svc.id,
        answers=_service_answers(svc.id, shareholders, list(dict.fromkeys(scope))),
        addons={a.id: dict(ADDON_ANSWERS[a.id]) for a in chosen},
        declarations=declarations,
    )
