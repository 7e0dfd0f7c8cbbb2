"""Issue 13, wrong data: organisation codes identify one entity; business dates are Beijing's.

The organisation code (positions 9-17 of a credit code, GB 32100-2015 §4.4, itself a GB 11714
code) names one entity whatever its category, so one sequence per issuing authority serves every
category. Dates on the licence and permits are the Beijing calendar date (Asia/Shanghai), checked
here at the hours where UTC and Beijing disagree, with the server's clock under the test's control.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from backend.clock import Clock
from backend.credit_codes import issue_credit_code, org_check_char
from backend.db import make_engine, migrate


def test_thousands_of_mixed_issues_never_repeat_an_organisation_code(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'codes.sqlite3'}")
    migrate(engine)
    rng = random.Random(13)
    codes = []
    with Session(engine) as session, session.begin():
        for _ in range(3000):
            codes.append(issue_credit_code(session, rng.choice((1, 2)), "440605"))
    engine.dispose()
    organisation_codes = [code[8:17] for code in codes]
    assert len(set(organisation_codes)) == len(codes)
    assert {code[1] for code in codes} == {"1", "2"}
    for code in codes:
        assert uscc.is_valid(code), code  # python-stdnum, written apart from this project
        assert code[16] == org_check_char(code[8:16])


# (UTC instant the server sees, the Beijing date a licence and permit must carry)
BEIJING_HOURS = [
    (datetime(2026, 6, 14, 16, 0, tzinfo=UTC), date(2026, 6, 15)),  # 00:00 Beijing
    (datetime(2026, 6, 14, 19, 45, tzinfo=UTC), date(2026, 6, 15)),  # 03:45
    (datetime(2026, 6, 14, 23, 59, tzinfo=UTC), date(2026, 6, 15)),  # 07:59
    (datetime(2026, 12, 31, 16, 30, tzinfo=UTC), date(2027, 1, 1)),  # New Year, 00:30
    (datetime(2026, 12, 31, 15, 59, tzinfo=UTC), date(2026, 12, 31)),  # 23:59 on 31 December
]


@pytest.mark.parametrize(("instant", "beijing_day"), BEIJING_HOURS)
def test_licence_and_permit_dates_are_beijing_dates(
    instant, beijing_day, start_backend, kiosk_client_for, make_application
):
    live = start_backend(clock=Clock(lambda: instant))
    client = kiosk_client_for(live)
    data = make_application("individual_business", addons=("class2_device_filing",))
    response = client.post_application(data, now=instant.timestamp())
    assert response.status_code == 201, response.text
    decision = response.json()
    assert decision["status"] == "approved", decision
    assert decision["licence"]["established_on"] == beijing_day.isoformat()
    (filing,) = decision["addons"]
    assert f"械经营备{beijing_day.year}" in filing["number"]
