"""POST/GET /v1/applications end to end against a live server, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from sqlalchemy import func, select
from stdnum.cn import uscc

import forms
import wire
from backend.clock import Clock
from backend.credit_codes import is_valid_credit_code
from backend.models import ApplicationRecord, Licence, RegisteredName


def test_valid_individual_business_is_approved_at_once(backend, kiosk, make_application):
    data = make_application("individual_business")
    response = kiosk.post_application(data)
    assert response.status_code == 201, response.text
    decision = response.json()
    assert decision["status"] == "approved"
    licence = decision["licence"]
    code = licence["credit_code"]
    assert uscc.is_valid(code) and is_valid_credit_code(code)
    assert code.startswith("92440605")  # authority 9, individual business 2, Nanhai
    assert licence["name"] == data["answers"]["name"]
    assert licence["entity_type_zh"]
    assert licence["scope_general"] and "一般项目" not in licence["scope_general"][0]
    assert licence["authority_zh"] == "佛山市南海区市场监督管理局"
    assert licence["issued_on"] == licence["established_on"] and licence["term_until"] is None
    assert licence["established_on"] == Clock().today().isoformat()  # Beijing, not UTC
    assert decision["received_at"].endswith("Z")  # UTC, never mistaken for UTC+8 local time
    assert licence["verify_url"].endswith(f"/v1/licences/{code}/verify")
    # The sending terminal reads it back.
    again = kiosk.send("GET", f"/v1/applications/{data['id']}")
    assert again.status_code == 200 and again.json() == decision


def test_company_gets_an_enterprise_code(backend, kiosk, make_application):
    decision = kiosk.post_application(make_application("limited_company", shareholders=3)).json()
    assert decision["status"] == "approved"
    assert decision["licence"]["credit_code"].startswith("91440605")
    assert decision["licence"]["registered_capital"] == "300000.00"


def test_verify_page_shows_name_status_date_and_nothing_personal(
    backend, kiosk, make_application, staff_client
):
    data = make_application("sole_proprietorship")
    licence = kiosk.post_application(data).json()["licence"]
    page = staff_client.get(f"/v1/licences/{licence['credit_code']}/verify")
    assert page.status_code == 200
    assert page.json() == {
        "credit_code": licence["credit_code"],
        "name": data["answers"]["name"],
        "status": "valid",
        "established_on": licence["established_on"],
    }
    text = page.text
    assert data["answers"]["investor_name"] not in text
    assert data["answers"]["investor_id"] not in text
    html = staff_client.get(
        f"/v1/licences/{licence['credit_code']}/verify", headers={"Accept": "text/html"}
    )
    assert html.headers["content-type"].startswith("text/html")
    assert data["answers"]["name"] in html.text and "有效" in html.text
    assert data["answers"]["investor_name"] not in html.text
    missing = staff_client.get("/v1/licences/91440605MA0000007Y/verify")
    assert missing.status_code == 404 and missing.json()["zh"] and missing.json()["en"]


def test_replay_with_the_same_body_returns_the_first_result(backend, kiosk, make_application):
    data = make_application()
    first = kiosk.post_application(data)
    # Same content, different key order and spacing: still the same body.
    reordered = dict(reversed(list(copy.deepcopy(data).items())))
    body = json.dumps(reordered, indent=2, ensure_ascii=False).encode()
    again = kiosk.send(
        "POST", "/v1/applications", body, headers={wire.HEADER_IDEMPOTENCY: data["id"]}
    )
    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == first.json()


def test_same_key_different_body_is_409(backend, kiosk, make_application):
    data = make_application()
    assert kiosk.post_application(data).status_code == 201
    changed = copy.deepcopy(data)
    changed["answers"]["employees"] = 3
    response = kiosk.post_application(changed)
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency-conflict"
    assert response.json()["zh"] and response.json()["en"]


def test_idempotency_key_must_be_present_and_match(backend, kiosk, make_application):
    data = make_application()
    body = json.dumps(data).encode()
    missing = kiosk.send("POST", "/v1/applications", body)
    assert missing.status_code == 400 and missing.json()["code"] == "idempotency-key"
    wrong = kiosk.post_application(data, key="not-the-id")
    assert wrong.status_code == 400
    with backend.session() as session:
        assert session.get(ApplicationRecord, data["id"]) is None


def test_not_json_is_400(backend, kiosk):
    response = kiosk.send(
        "POST", "/v1/applications", b"\xff not json", headers={wire.HEADER_IDEMPOTENCY: "x"}
    )
    assert response.status_code in (400, 422)
    assert response.json()["zh"] and response.json()["en"]


def _mutations(make_application) -> list[dict]:
    """Applications that break different rules, each as a terminal might send it."""
    bad_id = make_application()
    bad_id["answers"]["operator_id"] = bad_id["answers"]["operator_id"][:-1] + (
        "0" if bad_id["answers"]["operator_id"][-1] != "0" else "1"
    )
    no_name = make_application("sole_proprietorship")
    del no_name["answers"]["name"]
    bad_scope = make_application()
    bad_scope["answers"]["scope"] = ["no_such_item"]
    reserved = make_application("limited_company", name="中国甲乙科技有限公司")
    bad_mobile = make_application()
    bad_mobile["answers"]["operator_mobile"] = "12345"
    unknown_service = make_application()
    unknown_service["service"] = "no_such_service"
    return [bad_id, no_name, bad_scope, reserved, bad_mobile, unknown_service]


def test_problems_are_exactly_those_forms_reports(backend, kiosk, make_application):
    for data in _mutations(make_application):
        expected = forms.validate_application(forms.Application.from_json(copy.deepcopy(data)))
        assert expected, "each mutation must break a rule"
        response = kiosk.post_application(data)
        assert response.status_code == 422, response.text
        report = response.json()
        assert report["zh"] and report["en"]
        assert report["problems"] == [p.to_json() for p in expected]
    with backend.session() as session:
        ids = [d["id"] for d in _mutations(make_application)]
        assert session.scalar(select(func.count()).where(ApplicationRecord.id.in_(ids))) == 0


def test_wrong_shape_is_422_with_forms_message(backend, kiosk, make_application):
    data = make_application()
    data["unexpected"] = 1
    response = kiosk.post_application(data)
    assert response.status_code == 422
    problem = response.json()["problems"][0]
    assert problem["code"] == "format" and "申请数据格式错误" in problem["zh"]


def test_taken_name_goes_to_review(backend, kiosk, make_application):
    first = make_application()
    assert kiosk.post_application(first).json()["status"] == "approved"
    second = make_application(name=first["answers"]["name"])
    decision = kiosk.post_application(second).json()
    assert decision["status"] == "in-review"
    assert [r["code"] for r in decision["reasons"]] == ["name-taken"]
    assert decision["licence"] is None


def test_name_in_imported_register_goes_to_review(backend, kiosk, make_application):
    data = make_application()
    from backend.clock import utcnow

    with backend.session() as session, session.begin():
        session.add(RegisteredName(name=data["answers"]["name"], registered_at=utcnow()))
    assert kiosk.post_application(data).json()["status"] == "in-review"


def test_word_needing_approval_goes_to_review(backend, kiosk, make_application):
    data = make_application("limited_company", name="佛山市南海区甲乙拍卖有限公司")
    assert forms.validate_application(forms.Application.from_json(copy.deepcopy(data))) == []
    decision = kiosk.post_application(data).json()
    assert decision["status"] == "in-review"
    assert decision["reasons"][0]["code"] == "name-needs-approval"
    assert "商务部门" in decision["reasons"][0]["zh"]


def test_filings_are_issued_at_once(backend, kiosk, make_application):
    data = make_application(addons=("prepackaged_food_filing", "class2_device_filing"))
    decision = kiosk.post_application(data).json()
    assert decision["status"] == "approved", decision
    outcomes = {a["addon_id"]: a for a in decision["addons"]}
    food = outcomes["prepackaged_food_filing"]
    assert food["outcome"] == "filed" and food["number"].startswith("YB1440605")
    assert len(food["number"]) == 16 and food["valid_until"] is None
    device = outcomes["class2_device_filing"]
    assert device["outcome"] == "filed" and "械经营备" in device["number"]


def test_permit_needing_inspection_waits_for_a_reviewer(
    backend, kiosk, make_application, staff_client
):
    from backend.staff_auth import StaffRole

    data = make_application("limited_company", addons=("drug_retail", "class3_device_permit"))
    decision = kiosk.post_application(data).json()
    assert decision["status"] == "in-review"
    assert {r["code"] for r in decision["reasons"]} == {"inspection-needed"}
    assert {a["outcome"] for a in decision["addons"]} == {"pending"}
    token = backend.add_staff(StaffRole.WINDOW, name="窗口 王")
    approved = staff_client.post(
        f"/v1/review/applications/{data['id']}/approve",
        json={"reason": "现场核查合格 / on-site inspection passed", "reference": "核查〔2026〕7号"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert approved.status_code == 200, approved.text
    after = kiosk.send("GET", f"/v1/applications/{data['id']}").json()
    assert after["status"] == "approved"
    assert is_valid_credit_code(after["licence"]["credit_code"])
    permits = {a["addon_id"]: a for a in after["addons"]}
    assert permits["drug_retail"]["outcome"] == "permit-issued"
    valid_until = date.fromisoformat(permits["drug_retail"]["valid_until"])
    assert valid_until.year == date.today().year + 5
    assert "械经营许" in permits["class3_device_permit"]["number"]
    steps = approved.json()["steps"]
    assert [s["action"] for s in steps] == ["queue", "approve"]
    assert steps[-1]["actor_name"] == "窗口 王" and steps[-1]["actor"].startswith("staff:")
    # A terminal that never heard the first answer posts again: nothing new, current state.
    replay = kiosk.post_application(data)
    assert replay.status_code == 200
    assert replay.json() == after


def test_catering_food_permit_needs_inspection(backend, kiosk, make_application):
    decision = kiosk.post_application(make_application(addons=("food_business",))).json()
    assert decision["status"] == "in-review"
    assert decision["reasons"][0]["code"] == "inspection-needed"


def test_twenty_concurrent_identical_posts_create_one_application(
    backend, kiosk_client, make_application
):
    data = make_application(addons=("prepackaged_food_filing",))
    body = json.dumps(data, ensure_ascii=False).encode()
    key = backend.add_kiosk()

    def post(_: int):
        client = kiosk_client(key)
        return client.send(
            "POST", "/v1/applications", body, headers={wire.HEADER_IDEMPOTENCY: data["id"]}
        )

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(post, range(20)))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 19 + [201], [r.text for r in responses if r.status_code >= 300]
    assert len({json.dumps(r.json(), sort_keys=True) for r in responses}) == 1
    with backend.session() as session:
        assert session.scalar(select(func.count()).where(ApplicationRecord.id == data["id"])) == 1
        assert session.scalar(select(func.count()).where(Licence.application_id == data["id"])) == 1


def test_concurrent_applications_for_one_name_approve_only_one(
    backend, kiosk_client, make_application
):
    name = make_application()["answers"]["name"]
    applications = [make_application(name=name) for _ in range(8)]
    key = backend.add_kiosk()

    def post(data: dict):
        return kiosk_client(key).post_application(data).json()["status"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(post, applications))
    assert sorted(statuses) == ["approved"] + ["in-review"] * 7
