"""The veto moved up: a rejection takes effect only at the final level; return ends review
at any level; every step records who, when and why."""

from __future__ import annotations

import pytest

from backend.staff_auth import StaffRole

LADDER = (StaffRole.WINDOW, StaffRole.SECTION, StaffRole.DEPARTMENT, StaffRole.DISTRICT)


@pytest.fixture(scope="module")
def officers(backend) -> dict[StaffRole, dict[str, str]]:
    return {
        role: {"Authorization": f"Bearer {backend.add_staff(role, name=f'{role.value} officer')}"}
        for role in LADDER
    }


def _act(client, officers, role, application_id, action, **body):
    body = body or {"reason": f"{role.value} says {action}"}
    return client.post(
        f"/v1/review/applications/{application_id}/{action}", json=body, headers=officers[role]
    )


def test_rejection_climbs_every_level_before_it_takes_effect(backend, staff_client, officers):
    case = backend.insert_in_review()
    for role, next_level in zip(LADDER[:-1], LADDER[1:], strict=True):
        response = _act(staff_client, officers, role, case, "reject")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["decision"]["status"] == "in-review"
        assert body["review_level"] == next_level.value
        assert body["rejection_proposed"] is True
    final = _act(staff_client, officers, StaffRole.DISTRICT, case, "reject").json()
    assert final["decision"]["status"] == "rejected"
    assert final["decision"]["reasons"][0]["zh"].startswith("申请不予登记")
    steps = [(s["level"], s["actor_name"], s["action"]) for s in final["steps"]]
    assert steps == [
        ("window", "window officer", "propose-rejection"),
        ("section", "section officer", "confirm-rejection-upwards"),
        ("department", "department officer", "confirm-rejection-upwards"),
        ("district", "district officer", "reject"),
    ]
    assert all(s["at"] and s["reason"] for s in final["steps"])


def test_lower_level_cannot_act_once_case_moved_up(backend, staff_client, officers):
    case = backend.insert_in_review()
    _act(staff_client, officers, StaffRole.WINDOW, case, "reject")
    refused = _act(staff_client, officers, StaffRole.WINDOW, case, "reject")
    assert refused.status_code == 403
    assert refused.json()["code"] == "level-too-low"


def test_queue_shows_cases_at_my_level_only(backend, staff_client, officers):
    case = backend.insert_in_review()
    window_queue = staff_client.get("/v1/review/queue", headers=officers[StaffRole.WINDOW]).json()
    assert case in [c["decision"]["id"] for c in window_queue["cases"]]
    _act(staff_client, officers, StaffRole.WINDOW, case, "reject")
    window_queue = staff_client.get("/v1/review/queue", headers=officers[StaffRole.WINDOW]).json()
    section_queue = staff_client.get("/v1/review/queue", headers=officers[StaffRole.SECTION]).json()
    assert case not in [c["decision"]["id"] for c in window_queue["cases"]]
    assert case in [c["decision"]["id"] for c in section_queue["cases"]]


def test_return_for_correction_ends_review_with_bilingual_reasons(backend, staff_client, officers):
    case = backend.insert_in_review()
    _act(staff_client, officers, StaffRole.WINDOW, case, "reject")
    reasons = [
        {"zh": "经营场所证明不清晰，请重新上传。", "en": "The premises proof is unreadable."}
    ]
    response = _act(staff_client, officers, StaffRole.SECTION, case, "return", reasons=reasons)
    assert response.status_code == 200, response.text
    decision = response.json()["decision"]
    assert decision["status"] == "returned"
    assert decision["reasons"][0]["zh"] == reasons[0]["zh"]
    assert decision["decided_at"]
    again = _act(staff_client, officers, StaffRole.DISTRICT, case, "reject")
    assert again.status_code == 409  # nothing left to decide


def test_empty_reason_is_refused(backend, staff_client, officers):
    case = backend.insert_in_review()
    response = _act(staff_client, officers, StaffRole.WINDOW, case, "reject", reason="")
    assert response.status_code == 422
    assert response.json()["zh"] and response.json()["en"]
    assert (
        _act(staff_client, officers, StaffRole.WINDOW, case, "return", reasons=[]).status_code
        == 422
    )


def test_unknown_application_is_404(backend, staff_client, officers):
    response = _act(staff_client, officers, StaffRole.WINDOW, "no-such", "reject")
    assert response.status_code == 404


def test_case_view_shows_answers_and_steps_to_reviewers_only(
    backend, kiosk, make_application, staff_client, officers
):
    data = make_application(addons=("drug_retail",))
    assert kiosk.post_application(data).json()["status"] == "in-review"
    path = f"/v1/review/applications/{data['id']}"
    case = staff_client.get(path, headers=officers[StaffRole.SECTION])
    assert case.status_code == 200
    body = case.json()
    assert body["application"] == data
    assert body["review_level"] == "window"
    assert [s["action"] for s in body["steps"]] == ["queue"]
    assert body["decision"]["reasons"][0]["code"] == "inspection-needed"
    assert staff_client.get(path).status_code == 401
    fleet = {"Authorization": f"Bearer {backend.add_staff(StaffRole.FLEET)}"}
    assert staff_client.get(path, headers=fleet).status_code == 403


def test_approving_answers_that_no_longer_pass_is_refused_not_crashed(
    backend, make_application, staff_client, officers
):
    data = make_application()
    data["answers"]["operator_mobile"] = "123"  # as if a rule had tightened since
    case = backend.insert_in_review(body=data)
    response = _act(staff_client, officers, StaffRole.WINDOW, case, "approve")
    assert response.status_code == 409
    assert response.json()["code"] == "no-longer-valid"
    assert "mobile.format" in response.json()["en"]


def test_approving_a_stored_body_of_the_wrong_shape_is_refused(backend, staff_client, officers):
    case = backend.insert_in_review()  # body {}: not an application at all
    response = _act(staff_client, officers, StaffRole.WINDOW, case, "approve")
    assert response.status_code == 409
    assert response.json()["code"] == "no-longer-valid"
