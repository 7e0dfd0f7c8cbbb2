"""The web channel's pages under /apply/ (issue 15). HTML only, so none is in the OpenAPI schema.

Post/redirect/get: a valid page redirects (303) to the next; an invalid one is shown again with
the error summary (422). The draft's link token is the only thing in the URLs; answers travel
in POST bodies and are never logged.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

import forms
from backend.clock import beijing_date
from backend.context import Ctx
from backend.models import ApplicationRecord
from backend.submissions import InvalidApplication, submit_web
from backend.web import drafts
from backend.web.flow import (
    CHECK,
    PageSpec,
    apply_answers,
    declarations_of,
    offers,
    owner_fields,
    page_of_problem,
    page_problems,
    pages,
)
from backend.web.page import e, error_summary, html_id, layout
from backend.web.qr import qr_svg
from backend.web.text import LANGS, UI, pick, t
from backend.web.widgets import Rendered, display, render_field
from forms import Problem
from wire import application_number

router = APIRouter(include_in_schema=False)
log = logging.getLogger("backend.web")

START_COOKIE = "apply_csrf"
# A company page with 50 shareholders is about 10 kB of form; anything far larger is refused.
MAX_FORM_BYTES = 256 * 1024


async def posted(request: Request) -> dict[str, list[str]]:
    """The urlencoded form body as name -> every value (checkboxes repeat a name). Pages post
    application/x-www-form-urlencoded only (no uploads), so the stdlib parser suffices."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    return parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)


Posted = Annotated[dict[str, list[str]], Depends(posted)]


def _lang(value: str | None, default: str = "zh") -> str:
    return value if value in LANGS else default


def _other(lang: str) -> str:
    return "zh" if lang == "en" else "en"


def html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status)


def _base(token: str) -> str:
    return f"/apply/d/{token}"


def gone(ctx: Ctx, lang: str) -> HTMLResponse:
    hours = ctx.settings.web_draft_hours
    body = (
        f"<p>{e(t('expired_lead', lang, hours=hours))}</p>"
        f'<p><a class="button" href="/apply/?lang={lang}">{e(t("restart", lang))}</a></p>'
    )
    return html(layout(t("expired_title", lang), body, lang), 410)


def refused_csrf(lang: str) -> HTMLResponse:
    body = (
        f"<p>{e(t('csrf_lead', lang))}</p>"
        f'<p><a class="button" href="/apply/?lang={lang}">{e(t("restart", lang))}</a></p>'
    )
    return html(layout(t("csrf_title", lang), body, lang), 403)


# --- the list of services ------------------------------------------------------------------


@router.get("/apply/", response_class=HTMLResponse)
def service_list(request: Request, ctx: Ctx, lang: str | None = None) -> HTMLResponse:
    lang = _lang(lang)
    token = request.cookies.get(START_COOKIE) or secrets.token_urlsafe(32)
    items = ""
    for service in forms.services():
        items += (
            f'<li class="service"><h2>{e(pick(service.title, lang))}</h2>'
            f"<p>{e(pick(service.description, lang))}</p>"
            '<form method="post" action="/apply/start">'
            f'<input type="hidden" name="csrf" value="{e(token)}">'
            f'<input type="hidden" name="lang" value="{lang}">'
            f'<input type="hidden" name="service" value="{e(service.id)}">'
            f'<button type="submit" aria-label="{e(t("start", lang))}: '
            f'{e(pick(service.title, lang))}">{e(t("start", lang))}</button></form></li>'
        )
    body = (
        f'<p class="lead">{e(t("services_lead", lang, hours=ctx.settings.web_draft_hours))}</p>'
        f'<ul class="services">{items}</ul>'
    )
    response = html(layout(t("services_title", lang), body, lang,
                           toggle_href=f"/apply/?lang={_other(lang)}"))
    # Double-submit cookie for the start form (there is no draft, and so no draft token, yet).
    response.set_cookie(START_COOKIE, token, httponly=True, samesite="strict", path="/apply")
    return response


@router.post("/apply/start")
def start(request: Request, form: Posted, ctx: Ctx) -> Response:
    lang = _lang((form.get("lang") or [""])[0])
    sent = (form.get("csrf") or [""])[0]
    cookie = request.cookies.get(START_COOKIE, "")
    if not sent or not hmac.compare_digest(sent.encode(), cookie.encode()):
        return refused_csrf(lang)
    service_id = (form.get("service") or [""])[0]
    try:
        service = forms.service(service_id)
    except forms.UnknownService:
        return html(layout(t("expired_title", lang), "", lang), 404)
    with ctx.transaction() as session:
        token = drafts.start(session, service.id, lang, ctx.now(), ctx.settings.web_draft_hours)
    log.info("web draft started for %s", service.id)
    return RedirectResponse(f"{_base(token)}/{service.steps[0].id}", status_code=303)


@router.get("/apply/scope-search")
def scope_search(q: str = "", service: str = "", lang: str = "zh") -> JSONResponse:
    """Catalogue items for the search-as-you-type script (catalogue words only, nothing
    personal): the same search the Search button runs on the server."""
    lang = _lang(lang)
    items = [
        {"id": item.id, "text": item.en if lang == "en" else item.text}
        for item in (forms.catalogue_search(q[:40], 20) if q.strip() else [])
        if service not in item.not_for
    ]
    return JSONResponse(items)


# --- question pages ------------------------------------------------------------------------


def _load(ctx: Ctx, token: str, lang: str | None) -> drafts.Draft | None:
    with ctx.transaction() as session:
        draft = drafts.load(session, token, ctx.now())
        if draft is not None and lang in LANGS and lang != draft.lang:
            draft.lang = lang  # the toggle's choice is kept in the draft, not in later URLs
            drafts.save(session, draft)
    return draft


def _spec(draft: drafts.Draft, page: str) -> tuple[PageSpec | None, PageSpec | None, PageSpec | None]:
    """(previous, this, next) page specs."""
    specs = pages(draft)
    for i, spec in enumerate(specs):
        if spec.id == page:
            return (specs[i - 1] if i else None, spec,
                    specs[i + 1] if i + 1 < len(specs) else None)
    return None, None, None


def _question_page(
    ctx: Ctx,
    token: str,
    draft: drafts.Draft,
    spec: PageSpec,
    previous: PageSpec | None,
    problems: list[Problem],
    *,
    search: str = "",
    more: str = "",
    back_to_check: bool = False,
) -> str:
    lang = draft.lang
    out = Rendered()
    if spec.kind in ("service", "addon"):
        answers = draft.answers if spec.addon is None else draft.addons.get(spec.addon.id, {})
        owner = owner_fields(spec)
        for step in spec.steps:
            if spec.kind == "addon" and len(spec.steps) > 1:
                out.html += f"<h2>{e(pick(step.title, lang))}</h2>"
            for fld in step.fields:
                render_field(fld, answers.get(fld.id), spec.prefix, problems, lang, owner, out,
                             search=search, extra_rows=1 if more == spec.prefix + fld.id else 0,
                             service_id=draft.service_id)
    elif spec.kind == "offer":
        out.html += f'<p class="lead">{e(t("addons_lead", lang))}</p>'
        boxes = ""
        for i, offer in enumerate(offers(draft)):
            oid = "f-addons" if i == 0 else f"f-addons-{i + 1}"
            checked = " checked" if offer.addon.id in draft.chosen else ""
            boxes += (
                f'<div class="option"><input id="{oid}" name="addons" type="checkbox"'
                f' value="{e(offer.addon.id)}"{checked} aria-describedby="{oid}-hint">'
                f'<label for="{oid}">{e(pick(offer.addon.title, lang))}</label>'
                f'<p class="hint" id="{oid}-hint">{e(pick(offer.reason, lang))}</p></div>'
            )
        out.add("addons", "f-addons")
        out.html += (f'<div class="group"><fieldset><legend>{e(t("addons_title", lang))}'
                     f"</legend>{boxes}</fieldset></div>")
    else:
        boxes = ""
        for d in declarations_of(draft):
            did = html_id(f"declarations.{d.id}")
            out.add(f"declarations.{d.id}", did)
            checked = " checked" if d.id in draft.declarations else ""
            mine = [p for p in problems if p.field == f"declarations.{d.id}"]
            err = "".join(
                f'<p class="error-message">{e(t("error_prefix", lang))}'
                f"{e(p.en if lang == 'en' else p.zh)}</p>" for p in mine
            )
            boxes += (
                f'<div class="option{" has-error" if mine else ""}">{err}<input id="{did}"'
                f' name="declarations" type="checkbox" value="{e(d.id)}"{checked}>'
                f'<label for="{did}">{e(pick(d.text, lang))}</label></div>'
            )
        out.add("declarations", next(iter(out.targets.values()), "main"))
        out.html += (f'<div class="group"><fieldset><legend>{e(t("declarations_title", lang))}'
                     f"</legend>{boxes}</fieldset></div>")
    action = f"{_base(token)}/{spec.id}" + ("?return=check" if back_to_check else "")
    form = (
        f'<form method="post" action="{e(action)}" novalidate>'
        f'<input type="hidden" name="csrf" value="{e(draft.csrf)}">{out.html}'
        f'<button type="submit" name="_action" value="next">{e(t("continue", lang))}</button>'
        "</form>"
    )
    service = forms.service(draft.service_id)
    back = f"{_base(token)}/{previous.id}" if previous else f"/apply/?lang={lang}"
    if back_to_check:
        back = f"{_base(token)}/{CHECK}"
    caption = f'<p class="caption">{e(pick(service.title, lang))}</p>'
    has_scope = any(f.type == "scope" for step in spec.steps for f in step.fields)
    return layout(
        pick(spec.title, lang), caption + form, lang,
        toggle_href=f"{_base(token)}/{spec.id}?lang={_other(lang)}",
        back_href=back, errors=error_summary(problems, lang, out.targets),
        scripts=("/apply/static/scope.js",) if has_scope else (),
    )


@router.get("/apply/d/{token}/done", response_class=HTMLResponse)
def done(token: str, ctx: Ctx, lang: str | None = None) -> HTMLResponse:
    draft = _load(ctx, token, lang)
    if draft is None:
        return gone(ctx, _lang(lang))
    if draft.submitted_at is None:
        return RedirectResponse(f"{_base(token)}/{CHECK}", status_code=303)
    lang = draft.lang
    with ctx.reading() as session:
        record = session.get(ApplicationRecord, draft.application_id)
        status = record.status if record is not None else "received"
        reasons = list(record.reasons or []) if record is not None else []
    reason_html = ""
    if reasons:
        reason_html = (
            f"<h2>{e(t('reasons', lang))}</h2><ul>"
            + "".join(f"<li>{e(r.get('en' if lang == 'en' else 'zh', ''))}</li>" for r in reasons)
            + "</ul>"
        )
    key = f"status_{status}"
    body = (
        '<div class="panel">'
        f'<p>{e(t("app_number", lang))}</p><p class="number">{e(application_number(draft.application_id))}</p></div>'
        f'<dl class="summary"><div><dt>{e(t("status", lang))}</dt>'
        f'<dd>{e(t(key, lang) if key in UI else status)}'
        f"</dd></div></dl>{reason_html}"
        f'<p class="notice">{e(t("print_rule", lang))}</p>'
        f'<img class="qr" src="{_base(token)}/qr.svg" alt="{e(t("qr_alt", lang))}"'
        ' width="220" height="220">'
    )
    return html(layout(t("done_title", lang), body, lang,
                       toggle_href=f"{_base(token)}/done?lang={_other(lang)}"))


@router.get("/apply/d/{token}/qr.svg")
def qr(token: str, ctx: Ctx) -> Response:
    draft = _load(ctx, token, None)
    if draft is None or draft.submitted_at is None:
        return Response(status_code=404)
    # The same number a terminal's receipt carries (wire.numbers): its scanner reads it back.
    return Response(qr_svg(application_number(draft.application_id)), media_type="image/svg+xml")


@router.get("/apply/d/{token}/check", response_class=HTMLResponse)
def check(token: str, ctx: Ctx, lang: str | None = None) -> HTMLResponse:
    draft = _load(ctx, token, lang)
    if draft is None:
        return gone(ctx, _lang(lang))
    if draft.submitted_at is not None:
        return RedirectResponse(f"{_base(token)}/done", status_code=303)
    problems = forms.validate_application(draft.application(), today=beijing_date(ctx.now()))
    return html(_check_page(token, draft, problems), 200)


def _check_page(token: str, draft: drafts.Draft, problems: list[Problem]) -> str:
    lang = draft.lang
    specs = pages(draft)
    sections = ""
    for spec in specs:
        rows = ""
        change = f"{_base(token)}/{spec.id}?return=check"
        if spec.kind in ("service", "addon"):
            answers = draft.answers if spec.addon is None else draft.addons.get(spec.addon.id, {})
            for step in spec.steps:
                for fld in step.fields:
                    if not fld.visible(answers):
                        continue
                    rows += _row(pick(fld.label, lang), display(fld, answers.get(fld.id), lang),
                                 f"{change}#{html_id(spec.prefix + fld.id)}", lang)
        elif spec.kind == "offer":
            chosen = [pick(forms.addon(a).title, lang) for a in draft.chosen]
            rows += _row(t("addons_title", lang), "、".join(chosen) or t("addon_none", lang),
                         change, lang)
        else:
            for d in declarations_of(draft):
                value = t("yes", lang) if d.id in draft.declarations else t("none", lang)
                rows += _row(pick(d.text, lang), value,
                             f"{change}#{html_id('declarations.' + d.id)}", lang)
        sections += f'<h2>{e(pick(spec.title, lang))}</h2><dl class="summary">{rows}</dl>'
    targets = {}
    for p in problems:
        page = page_of_problem(draft, p.field)
        if page is not None:
            anchor = p.field
            if anchor == "declarations" and declarations_of(draft):
                anchor = f"declarations.{declarations_of(draft)[0].id}"
            targets[p.field] = f"{_base(token)}/{page}?return=check#{html_id(anchor)}"
    summary = _check_summary(problems, lang, targets)
    form = (
        f'<form method="post" action="{_base(token)}/submit">'
        f'<input type="hidden" name="csrf" value="{e(draft.csrf)}">'
        f'<button type="submit">{e(t("submit", lang))}</button></form>'
    )
    last = specs[-1].id
    return layout(
        t("check_title", lang), f'<p class="lead">{e(t("check_lead", lang))}</p>{sections}{form}',
        lang, toggle_href=f"{_base(token)}/{CHECK}?lang={_other(lang)}",
        back_href=f"{_base(token)}/{last}", errors=summary,
    )


def _check_summary(problems: list[Problem], lang: str, targets: dict[str, str]) -> str:
    if not problems:
        return ""
    items = "".join(
        f'<li><a href="{e(targets.get(p.field, "#main"))}">{e(p.en if lang == "en" else p.zh)}'
        "</a></li>" for p in problems
    )
    return (
        '<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-title">'
        f'<h2 id="error-title">{e(t("error_title", lang))}</h2><ul>{items}</ul></div>'
    )


def _row(key: str, value: str, href: str, lang: str) -> str:
    return (
        f"<div><dt>{e(key)}</dt><dd>{e(value)}</dd>"
        f'<dd class="action"><a href="{e(href)}">{e(t("change", lang))}'
        f'<span class="visually-hidden"> {e(key)}</span></a></dd></div>'
    )


@router.post("/apply/d/{token}/submit")
def submit(token: str, form: Posted, ctx: Ctx) -> Response:
    draft = _load(ctx, token, None)
    if draft is None:
        return gone(ctx, "zh")
    if not draft.csrf_ok((form.get("csrf") or [""])[0]):
        return refused_csrf(draft.lang)
    if draft.submitted_at is None:
        try:
            submit_web(ctx, draft.application().to_json())
        except InvalidApplication as exc:
            problems = [
                Problem(field=p.field, code=p.code, zh=p.zh, en=p.en) for p in exc.report.problems
            ]
            return html(_check_page(token, draft, problems), 422)
        with ctx.transaction() as session:
            draft.submitted_at = ctx.now()
            drafts.save(session, draft)
    return RedirectResponse(f"{_base(token)}/done", status_code=303)


@router.get("/apply/d/{token}/{page}", response_class=HTMLResponse)
def question(
    token: str, page: str, ctx: Ctx, request: Request, lang: str | None = None
) -> HTMLResponse:
    draft = _load(ctx, token, lang)
    if draft is None:
        return gone(ctx, _lang(lang))
    if draft.submitted_at is not None:
        return RedirectResponse(f"{_base(token)}/done", status_code=303)
    previous, spec, _ = _spec(draft, page)
    if spec is None:
        return RedirectResponse(f"{_base(token)}/{CHECK}", status_code=303)
    back_to_check = request.query_params.get("return") == CHECK
    return html(_question_page(ctx, token, draft, spec, previous, [],
                               back_to_check=back_to_check))


@router.post("/apply/d/{token}/{page}")
def answer(token: str, page: str, form: Posted, ctx: Ctx, request: Request) -> Response:
    draft = _load(ctx, token, None)
    if draft is None:
        return gone(ctx, "zh")
    if not draft.csrf_ok((form.get("csrf") or [""])[0]):
        return refused_csrf(draft.lang)
    if draft.submitted_at is not None:
        return RedirectResponse(f"{_base(token)}/done", status_code=303)
    previous, spec, following = _spec(draft, page)
    if spec is None:
        return RedirectResponse(f"{_base(token)}/{CHECK}", status_code=303)
    apply_answers(draft, spec, form)
    with ctx.transaction() as session:
        drafts.save(session, draft)
    back_to_check = request.query_params.get("return") == CHECK
    action = (form.get("_action") or ["next"])[0]
    if action == "search" or action.startswith("more:"):
        search = (form.get("_search") or [""])[0][:40]
        more = action[len("more:"):] if action.startswith("more:") else ""
        return html(_question_page(ctx, token, draft, spec, previous, [], search=search,
                                   more=more, back_to_check=back_to_check))
    problems = page_problems(draft, spec, beijing_date(ctx.now()))
    if problems:
        return html(_question_page(ctx, token, draft, spec, previous, problems,
                                   back_to_check=back_to_check), 422)
    # The pages after this one may have changed (a new scope offers an add-on): recompute.
    _, _, following = _spec(draft, page)
    target = CHECK if back_to_check or following is None else following.id
    return RedirectResponse(f"{_base(token)}/{target}", status_code=303)
