"""District figures for a day of mixed traffic, expected values worked out by hand below."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

import forms
from backend.clock import Clock
from backend.models import Kiosk
from backend.staff_auth import StaffRole
from tests.backend.conftest import KioskClient
from tests.backend.web.pages import csrf_of, parse
from tests.backend.web.test_web_apply import submit, walk

# 10:00 in Beijing on 3 December 2026.
TEN_AM = datetime(2026, 12, 3, 2, 0)


def test_figures_for_a_day_of_mixed_traffic(start_backend):
    moments = [TEN_AM - timedelta(hours=3)]  # 07:00 UTC-8h: 2 Dec 23:00 in Beijing
    live = start_backend(Clock(lambda: moments[0]))
    kiosk = KioskClient(live.url, live.add_kiosk("K-ONE"))
    other = live.add_kiosk("K-TWO")
    stamp = lambda: moments[0].replace(tzinfo=UTC).timestamp()  # noqa: E731
    reviewer = live.add_staff(StaffRole.WINDOW)
    viewer = live.add_staff(StaffRole.DISTRICT)
    staff = {"Authorization": f"Bearer {viewer}"}
    try:
        # The evening before (Beijing 2 December): one terminal application, not in the day.
        moments[0] = TEN_AM - timedelta(hours=11)  # 15:00 UTC on 2 Dec = 23:00 Beijing
        early = forms.samples.valid_application("limited_company")
        assert kiosk.post_application(early.to_json(), now=stamp()).json()["status"] == "approved"

        moments[0] = TEN_AM
        ib1 = forms.samples.valid_application("individual_business")
        ib2 = forms.samples.valid_application("individual_business")  # same name: held back
        ib2.answers["operator_id"] = forms.samples.fictional_id(7)
        sp_terminal = forms.samples.valid_application("sole_proprietorship")
        results = {}
        for label, app in (("ib1", ib1), ("ib2", ib2)):
            results[label] = kiosk.post_application(app.to_json(), now=stamp()).json()["status"]
        with httpx.Client(base_url=live.url) as web:
            sp_web = forms.samples.valid_application("sole_proprietorship")
            web.get(submit(web, walk(web, sp_web, [])))
        results["sp_terminal"] = kiosk.post_application(
            sp_terminal.to_json(), now=stamp()
        ).json()["status"]
        # The premise of the expected figures: first of each name approved at once, repeats held.
        assert results == {"ib1": "approved", "ib2": "in-review", "sp_terminal": "in-review"}

        with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {reviewer}"}) as r:
            moments[0] = TEN_AM + timedelta(minutes=30)
            back = {"reasons": [{"code": "name", "zh": "名称已被使用", "en": "Name taken"}]}
            assert r.post(f"/v1/review/applications/{ib2.id}/return", json=back).status_code == 200
            moments[0] = TEN_AM + timedelta(hours=1)
            no = {"reason": "名称已被使用 / name taken"}
            reply = r.post(f"/v1/review/applications/{sp_terminal.id}/reject", json=no)
            assert reply.status_code == 200, reply.text

        with live.session() as session, session.begin():
            session.get(Kiosk, "K-ONE").last_seen_at = moments[0] - timedelta(seconds=60)
            session.get(Kiosk, other.kiosk_id).last_seen_at = moments[0] - timedelta(hours=1)

        with httpx.Client(base_url=live.url, headers=staff) as client:
            got = client.get("/v1/district/figures?from=2026-12-03&to=2026-12-03").json()
            assert client.get("/v1/district/figures").status_code == 200
            bad = client.get("/v1/district/figures?from=2026-12-04&to=2026-12-03")
            assert bad.status_code == 422
            edge = client.get("/v1/district/figures?from=9999-12-31&to=9999-12-31")
            assert edge.status_code == 422
        # Counted by hand: 4 received on 3 Dec (3 at a terminal, 1 on the web); the
        # 23:00 one belongs to 2 Dec.
        assert got["total"] == 4
        assert got["by_day"] == {"2026-12-03": 4}
        assert got["by_channel"] == {"terminal": 3, "web": 1}
        assert got["by_service"] == {"individual_business": 2, "sole_proprietorship": 2}
        assert {"day": "2026-12-03", "channel": "web", "service": "sole_proprietorship",
                "count": 1} in got["per_day"]
        # ib1 and the web one at once: 2 of 4.
        assert got["approved_at_once"] == 2 and got["approved_at_once_share"] == 0.5
        # Decided: 0 s, 0 s, the return after 1800 s (the proposed rejection is not final).
        assert got["decided"] == 3
        assert got["median_seconds"] == 0 and got["p90_seconds"] == 1800
        window = next(lv for lv in got["levels"] if lv["level"] == "window")
        assert (window["decisions"], window["returns"], window["refusals"]) == (2, 1, 1)
        assert window["return_rate"] == 0.5 and window["refusal_rate"] == 0.5
        assert got["terminals_online"] == 1 and got["terminals_stale"] == 1
        # Without a token: 401; the web's page asks for the token instead.
        assert httpx.get(f"{live.url}/v1/district/figures").status_code == 401
        with httpx.Client(base_url=live.url) as browser:
            login = parse(browser.get("/district/").text)
            reply = browser.post("/district/login", data={"csrf": csrf_of(login), "token": viewer})
            assert reply.status_code == 303
            page = browser.get("/district/?from=2026-12-03&to=2026-12-03")
            assert "<svg" in page.text and "2 / 4" in page.text
            cookie = reply.headers["set-cookie"].lower()
            assert "httponly" in cookie and "samesite=strict" in cookie
    finally:
        kiosk.close()
