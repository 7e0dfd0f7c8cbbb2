"""Nothing personal reaches a log: not the backend's, not SQLAlchemy's, not uvicorn's."""

from __future__ import annotations

import copy
import logging

import pytest

from backend.staff_auth import StaffRole


def _personal_values(data: dict) -> list[str]:
    answers = data["answers"]
    return [answers["operator_name"], answers["operator_id"], answers["operator_mobile"]]


class KeepAll(logging.Handler):
    """uvicorn's loggers do not propagate to the root, so caplog alone would miss them."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def server_logs():
    keep = KeepAll()
    loggers = [logging.getLogger(n) for n in ("uvicorn.access", "uvicorn.error", "uvicorn")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(keep)
        logger.setLevel(logging.DEBUG)
    yield keep
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(keep)
        logger.setLevel(level)


def test_a_whole_flow_logs_nothing_personal(
    backend, kiosk, make_application, staff_client, caplog, capfd, server_logs
):
    caplog.set_level(logging.DEBUG)
    approved = make_application(addons=("prepackaged_food_filing",))
    in_review = make_application(addons=("food_business",))
    invalid = copy.deepcopy(approved)
    invalid["id"] = make_application()["id"]
    invalid["answers"]["operator_mobile"] = "98765432101"  # 11 digits, not 13-19
    token = backend.add_staff(StaffRole.WINDOW)

    code = kiosk.post_application(approved).json()["licence"]["credit_code"]
    kiosk.post_application(approved)  # replay
    kiosk.post_application(in_review)
    assert kiosk.post_application(invalid).status_code == 422
    changed = copy.deepcopy(approved)
    changed["answers"]["employees"] = 9
    assert kiosk.post_application(changed).status_code == 409
    kiosk.send("GET", f"/v1/applications/{approved['id']}")
    staff_client.post(
        f"/v1/review/applications/{in_review['id']}/approve",
        json={"reason": "inspected"},
        headers={"Authorization": f"Bearer {token}"},
    )
    staff_client.get(f"/v1/licences/{code}/verify")

    logged = "\n".join([r.getMessage() for r in caplog.records] + server_logs.lines)
    captured = capfd.readouterr()
    everything = logged + captured.out + captured.err
    # The logs were captured at all: uvicorn's access lines and the backend's own.
    assert any("POST /v1/applications" in line for line in server_logs.lines), server_logs.lines
    assert any(r.name == "backend.applications" for r in caplog.records)
    for data in (approved, in_review, invalid):
        for value in _personal_values(data):
            at = everything.find(value)
            assert at < 0, (value, everything[max(0, at - 100) : at + 100])
