"""The web channel walked end to end over HTTP against a live server (SQLite and PostgreSQL):
every service, an add-on, the error summary, Back, CSRF, headers, privacy, expiry, and the
come-back look-up at a terminal."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

import httpx
import pytest

import forms
from backend.clock import Clock
from backend.models import ApplicationRecord
from tests.backend.web.pages import answers_for_page, csrf_of, form, parse
from wire import application_number

SERVICES = [s.id for s in forms.services()]


def start_draft(client: httpx.Client, service_id: str, lang: str = "zh") -> str:
    """Open the service list, press Start; returns the first question page's path."""
    listing = client.get(f"/apply/?lang={lang}")
    assert listing.status_code == 200
    token = csrf_of(parse(listing.text))
    reply = client.post("/apply/start", data={"csrf": token, "service": service_id, "lang": lang})
    assert reply.status_code == 303, reply.text
    return reply.headers["location"]


def walk(client: httpx.Client, app: forms.Application, visited: list[str]) -> str:
    """Answer every page with the sample's answers until the check page; returns its path."""
    path = start_draft(client, app.service)
    for _ in range(20):
        visited.append(path)
        if path.endswith("/check"):
            return path
        page = client.get(path)
        assert page.status_code == 200, page.text
        csrf = csrf_of(parse(page.text))
        page_id = path.rsplit("/", 1)[1]
        reply = client.post(path, data=form([("csrf", csrf), *answers_for_page(app, page_id)]))
        assert reply.status_code == 303, (page_id, parse(reply.text).summary_links, reply.text[:3000])
        path = reply.headers["location"]
    raise AssertionError("never reached the check page")


def submit(client: httpx.Client, check_path: str) -> str:
    check = client.get(check_path)
    assert check.status_code == 200
    page = parse(check.text)
    assert not page.summary_links, "the check page shows problems for a valid sample"
    assert any("?return=check" in link for link in page.links), "no Change links"
    reply = client.post(check_path.replace("/check", "/submit"), data={"csrf": csrf_of(page)})
    assert reply.status_code == 303
    return reply.headers["location"]


@pytest.fixture
def web(backend) -> httpx.Client:
    with httpx.Client(base_url=backend.url, timeout=30) as client:
        yield client


CASES = [(s, ()) for s in SERVICES] + [("individual_business", ("food_business",)),
                                       ("limited_company", ("class2_device_filing",))]


@pytest.mark.parametrize(("service_id", "addons"), CASES)
def test_every_service_and_an_addon_through_the_web_form(backend, web, service_id, addons):
    app = forms.samples.valid_application(service_id, addons=addons)
    visited: list[str] = []
    done_path = submit(web, walk(web, app, visited))
    done = web.get(done_path)
    assert done.status_code == 200
    page = parse(done.text)
    draft_base = done_path.rsplit("/", 1)[0]
    assert f"{draft_base}/qr.svg" in page.images
    qr = web.get(f"{draft_base}/qr.svg")
    assert qr.headers["content-type"].startswith("image/svg+xml") and b"<svg" in qr.content
    # The application number shown is the stored application's; it came in through the web.
    with backend.session() as session:
        from sqlalchemy import select

        rows = session.scalars(
            select(ApplicationRecord).where(ApplicationRecord.channel == "web")
        ).all()
        mine = [r for r in rows if application_number(r.id) in done.text]
        assert len(mine) == 1
        record = mine[0]
        assert record.identity_checked is False and record.kiosk_id == "web"
        assert sorted(a.addon_id for a in record.addons) == sorted(addons)
        stored = forms.Application.from_json(json.loads(record.body))
        assert stored.answers == app.answers and set(stored.addons) == set(addons)
    assert "终端" in done.text and "身份证" in done.text  # the print-at-a-terminal rule, zh
    # A second submit (double click) replays: still one application.
    again = web.post(done_path.replace("/done", "/submit"), data={"csrf": "x"})
    assert again.status_code in (303, 403)


def test_web_application_is_found_by_the_come_back_lookup(backend, web, kiosk):
    app = forms.samples.valid_application("sole_proprietorship")
    done = web.get(submit(web, walk(web, app, [])))
    application_id = next(r for r in _web_ids(backend) if application_number(r) in done.text)
    number = application_number(application_id)  # what the page shows and its QR holds
    tail = app.answers["investor_id"][-6:]
    body = json.dumps({"application_id": number, "id_number_tail": tail}).encode()
    reply = kiosk.send("POST", "/v1/applications/lookup", body)
    assert reply.status_code == 200, reply.text
    assert reply.json()["id"] == application_id
    wrong = json.dumps({"application_id": number, "id_number_tail": "000000"}).encode()
    assert kiosk.send("POST", "/v1/applications/lookup", wrong).status_code == 404
    # A terminal cannot read it without the proof.
    assert kiosk.send("GET", f"/v1/applications/{application_id}").status_code == 404


def _web_ids(backend) -> list[str]:
    with backend.session() as session:
        from sqlalchemy import select

        return list(session.scalars(
            select(ApplicationRecord.id).where(ApplicationRecord.channel == "web")))


def test_error_summary_links_to_each_field_and_back_keeps_answers(web):
    first = start_draft(web, "individual_business", "en")
    page = parse(web.get(first).text)
    reply = web.post(first, data={"csrf": csrf_of(page), "operator_name": "张三",
                                  "operator_id": "12345", "operator_mobile": "123"})
    assert reply.status_code == 422
    shown = parse(reply.text)
    assert shown.title.startswith("Error:")
    assert len(shown.summary_links) >= 3
    for href in shown.summary_links:
        assert href.startswith("#") and href[1:] in shown.ids, href
    assert "#f-operator_id" in shown.summary_links and "#f-organisation_form" in shown.summary_links
    # Fix it, go on, then Back: the answers are still there.
    app = forms.samples.valid_application("individual_business")
    ok = web.post(first, data=form([("csrf", csrf_of(page)), *answers_for_page(app, "operator")]))
    assert ok.status_code == 303
    following = parse(web.get(ok.headers["location"]).text)
    back = next(link for link in following.links if link.endswith("/operator"))
    again = web.get(back).text
    assert f'value="{app.answers["operator_id"]}"' in again
    assert 'value="individual" checked' in again


def test_csrf_is_refused(web):
    first = start_draft(web, "individual_business")
    assert web.post(first, data={"csrf": "forged", "operator_name": "张三"}).status_code == 403
    assert web.post(first, data={"operator_name": "张三"}).status_code == 403
    listing = web.get("/apply/")
    with httpx.Client(base_url=str(web.base_url)) as stranger:  # no cookie: double submit fails
        token = csrf_of(parse(listing.text))
        reply = stranger.post("/apply/start", data={"csrf": token, "service": "individual_business"})
        assert reply.status_code == 403


def test_security_headers_on_every_page(web):
    first = start_draft(web, "limited_company")
    for path in ("/apply/", first, "/district/", "/apply/static/site.css"):
        reply = web.get(path)
        csp = reply.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["referrer-policy"] == "no-referrer"
        if path != "/apply/static/site.css":
            assert reply.headers["cache-control"] == "no-store"
            assert parse(reply.text).inline_script_or_style == 0


def test_nothing_personal_in_urls_or_logs(backend, web, caplog):
    app = forms.samples.valid_application("individual_business", addons=("food_business",))
    visited: list[str] = []
    with caplog.at_level(logging.DEBUG):
        done = submit(web, walk(web, app, visited))
        visited.append(done)
    personal = [app.answers["operator_id"], app.answers["operator_id"][-6:],
                app.answers["operator_name"], app.answers["operator_mobile"]]
    everything = " ".join(visited) + caplog.text
    for value in personal:
        assert value not in everything
    # The draft's token opens the answers: uvicorn's access log shows the link without it.
    token = done.split("/")[3]
    record = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:1", "GET", done, "1.1", 200), None)
    for handler_filter in logging.getLogger("uvicorn.access").filters:
        handler_filter.filter(record)
    assert token not in record.getMessage() and "/apply/d/…/done" in record.getMessage()


def test_draft_expires(start_backend):
    moments = [datetime(2026, 12, 3, 2, 0)]
    live = start_backend(Clock(lambda: moments[0]))
    with httpx.Client(base_url=live.url) as client:
        first = start_draft(client, "individual_business")
        assert client.get(first).status_code == 200
        moments[0] += timedelta(hours=live.settings.web_draft_hours) - timedelta(seconds=1)
        assert client.get(first).status_code == 200
        moments[0] += timedelta(seconds=1)
        assert client.get(first).status_code == 410
        assert client.get(first).status_code == 410  # and it is gone from the table
    from sqlalchemy import func, select

    from backend.models import WebDraft

    with live.session() as session:
        assert session.scalar(select(func.count()).select_from(WebDraft)) == 0


def test_every_page_weighs_at_most_100_kb_with_its_stylesheet(web):
    css = len(web.get("/apply/static/site.css").content)
    app = forms.samples.valid_application("limited_company", addons=("class3_device_permit",))
    visited: list[str] = []
    done = submit(web, walk(web, app, visited))
    for path in ["/apply/", *visited, done]:
        body = web.get(path).content
        assert len(body) + css <= 100_000, (path, len(body))
        assert parse(body.decode()).inline_script_or_style == 0


def test_a_scope_without_the_trigger_drops_the_chosen_addon(web):
    """Change the scope from the check page so the food permit is no longer needed: the add-on
    pages go, and the application is complete without them."""
    app = forms.samples.valid_application("individual_business", addons=("food_business",))
    check_path = walk(web, app, [])
    assert "addon-food_business" in web.get(check_path).text
    business = check_path.replace("/check", "/business?return=check")
    page = parse(web.get(business).text)
    plain = forms.samples.valid_application("individual_business")
    reply = web.post(business, data=form([("csrf", csrf_of(page)),
                                          *answers_for_page(plain, "business")]))
    assert reply.status_code == 303 and reply.headers["location"].endswith("/check")
    check = web.get(check_path)
    assert "addon-food_business" not in check.text
    assert not parse(check.text).summary_links
