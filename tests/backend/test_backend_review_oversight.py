"""Issue 13, the review ladder with nothing hidden (否决权上移): a return is seen and can be
undone by the level above, repeated returns climb, held-back approvals carry their reference,
add-ons follow the decision, and every read and action is audited under a stable staff id."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from stdnum.cn import ric

from backend.__main__ import main
from backend.models import AuditEvent
from backend.staff_auth import StaffRole

LADDER = (StaffRole.WINDOW, StaffRole.SECTION, StaffRole.DEPARTMENT, StaffRole.DISTRICT)
RETURN_REASONS = [{"zh": "经营场所证明不清晰，请重新上传。", "en": "The premises proof is unreadable."}]


@pytest.fixture(scope="module")
def officers(backend) -> dict[StaffRole, dict[str, str]]:
    return {
        role: {"Authorization": f"Bearer {backend.add_staff(role, name=f'{role.value} oversight')}"}
        for role in LADDER
    }


def _act(client, officers, role, application_id, action, **body):
    body = body or {"reason": f"{role.value} says {action}"}
    return client.post(
        f"/v1/review/applications/{application_id}/{action}", json=body, headers=officers[role]
    )


def _queue_ids(client, officers, role) -> list[str]:
    queue = client.get("/v1/review/queue", headers=officers[role]).json()
    return [c["decision"]["id"] for c in queue["cases"]]


_serial = iter(range(100000, 999999, 7))


def fresh_resident_id() -> str:
    """A valid 18-character resident ID number (GB 11643) nobody else in the run uses."""
    body = f"44060519{next(_serial) % 60 + 30:02d}0101{next(_serial) % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum wants a placeholder check digit


def _application(make_application, resident_id: str, addons=("drug_retail",)) -> dict:
    data = make_application("individual_business", addons=addons)
    data["answers"]["operator_id"] = resident_id
    return data


def test_a_return_is_visible_to_the_level_above_which_can_undo_it(
    backend, staff_client, officers
):
    case = backend.insert_in_review()
    assert _act(staff_client, officers, StaffRole.WINDOW, case, "return", reasons=RETURN_REASONS)
    assert case in _queue_ids(staff_client, officers, StaffRole.SECTION)
    assert case not in _queue_ids(staff_client, officers, StaffRole.WINDOW)
    reopened = _act(staff_client, officers, StaffRole.SECTION, case, "reopen")
    assert reopened.status_code == 200, reopened.text
    body = reopened.json()
    assert body["decision"]["status"] == "in-review" and body["review_level"] == "section"
    assert [s["action"] for s in body["steps"]] == ["return", "reopen"]
    # The window cannot act on it any more; the section can decide it.
    assert _act(staff_client, officers, StaffRole.WINDOW, case, "approve").status_code == 403


def test_the_level_above_may_confirm_a_return(backend, staff_client, officers):
    case = backend.insert_in_review()
    _act(staff_client, officers, StaffRole.WINDOW, case, "return", reasons=RETURN_REASONS)
    confirmed = _act(staff_client, officers, StaffRole.SECTION, case, "confirm-return")
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["decision"]["status"] == "returned"
    assert case not in _queue_ids(staff_client, officers, StaffRole.SECTION)


def test_repeated_returns_escalate_the_resubmission(
    backend, kiosk, make_application, staff_client, officers
):
    resident_id = fresh_resident_id()
    first = _application(make_application, resident_id)
    assert kiosk.post_application(first).json()["status"] == "in-review"
    _act(staff_client, officers, StaffRole.WINDOW, first["id"], "return", reasons=RETURN_REASONS)
    second = _application(make_application, resident_id)
    assert kiosk.post_application(second).json()["status"] == "in-review"
    assert second["id"] in _queue_ids(staff_client, officers, StaffRole.SECTION)
    assert second["id"] not in _queue_ids(staff_client, officers, StaffRole.WINDOW)
    _act(staff_client, officers, StaffRole.SECTION, second["id"], "return", reasons=RETURN_REASONS)
    third = _application(make_application, resident_id)
    kiosk.post_application(third)
    assert third["id"] in _queue_ids(staff_client, officers, StaffRole.DEPARTMENT)


def test_approving_what_automation_held_back_needs_the_reference(
    backend, kiosk, make_application, staff_client, officers
):
    data = _application(make_application, fresh_resident_id())
    assert kiosk.post_application(data).json()["status"] == "in-review"
    bare = _act(staff_client, officers, StaffRole.WINDOW, data["id"], "approve")
    assert bare.status_code == 409 and bare.json()["code"] == "reference-required"
    assert bare.json()["zh"] and bare.json()["en"]
    with_reference = _act(
        staff_client,
        officers,
        StaffRole.WINDOW,
        data["id"],
        "approve",
        reason="inspected, GSP met",
        reference="南海药监核查〔2026〕118号",
    )
    assert with_reference.status_code == 200, with_reference.text
    step = with_reference.json()["steps"][-1]
    assert step["action"] == "approve" and step["reference"] == "南海药监核查〔2026〕118号"
    (addon,) = with_reference.json()["decision"]["addons"]
    assert addon["outcome"] == "permit-issued"


@pytest.mark.parametrize(("action", "outcome"), [("return", "returned"), ("reject", "refused")])
def test_addons_follow_a_return_or_a_final_refusal(
    backend, kiosk, make_application, staff_client, officers, action, outcome
):
    data = _application(make_application, fresh_resident_id())
    kiosk.post_application(data)
    if action == "return":
        response = _act(
            staff_client, officers, StaffRole.WINDOW, data["id"], "return", reasons=RETURN_REASONS
        )
    else:
        response = _act(staff_client, officers, StaffRole.DISTRICT, data["id"], "reject")
    (addon,) = response.json()["decision"]["addons"]
    assert addon["outcome"] == outcome


def test_every_read_action_and_refusal_is_audited_under_a_stable_staff_id(
    backend, staff_client, officers
):
    case = backend.insert_in_review()
    staff_client.get(f"/v1/review/applications/{case}", headers=officers[StaffRole.WINDOW])
    _act(staff_client, officers, StaffRole.SECTION, case, "reject")
    refused = _act(staff_client, officers, StaffRole.WINDOW, case, "approve")
    assert refused.status_code == 403
    with backend.session() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.target == case).order_by(AuditEvent.id)
        ).all()
    assert [(e.action, e.outcome) for e in events] == [
        ("read-case", "ok"),
        ("reject", "ok"),
        ("approve", "level-too-low"),
    ]
    actors = {e.actor for e in events}
    assert len(actors) == 2 and all(a.startswith("staff:") for a in actors)
    steps = staff_client.get(
        f"/v1/review/applications/{case}", headers=officers[StaffRole.SECTION]
    ).json()["steps"]
    assert steps[0]["actor"].startswith("staff:") and steps[0]["actor_name"] == "section oversight"


def test_cli_actions_are_audited_and_disable_staff_stops_a_token(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path)]
    assert main(["add-staff", "王丽", "--role", "window", *data]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["add-staff", "王丽", "--role", "section", *data]) == 1  # names are unique
    assert main(["add-kiosk", "K-AUDIT", *data]) == 0
    assert main(["disable-kiosk", "K-AUDIT", *data]) == 0
    assert main(["disable-staff", "王丽", *data]) == 0
    from sqlalchemy.orm import Session

    from backend.db import make_engine
    from backend.settings import Settings
    from backend.staff_auth import staff_member

    engine = make_engine(Settings(data_dir=tmp_path).resolved_database_url())
    with Session(engine) as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        assert actions == ["add-staff", "add-kiosk", "disable-kiosk", "disable-staff"]
        assert all(
            e.actor.startswith("cli:") for e in session.scalars(select(AuditEvent))
        )
        with pytest.raises(Exception) as refused:
            staff_member(session, f"Bearer {token}")
        assert str(refused.value) == "bad-token"
    engine.dispose()
