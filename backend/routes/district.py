"""The district view (issue 15): GET /v1/district/figures (JSON, staff bearer token) and the
/district/ page (the same token typed into a login form, kept in an HttpOnly cookie)."""

from __future__ import annotations

import hmac
import secrets
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

import forms
from backend.clock import beijing_date
from backend.context import Authorization, Ctx
from backend.district import Figures, figures, per_day_by_channel
from backend.refusals import ApiRefusal
from backend.review_levels import LEVEL_NAMES_ZH, ReviewLevel
from backend.routes.staff_actions import staff_action
from backend.routes.web import Posted
from backend.staff_auth import StaffRole
from backend.web.charts import bar_chart
from backend.web.page import e, layout
from backend.web.text import LANGS
from wire import Message

router = APIRouter(tags=["district"])

VIEWERS = {StaffRole.DISTRICT, StaffRole.DEPARTMENT, StaffRole.FLEET}
COOKIE = "staff_token"
LOGIN_CSRF = "district_csrf"
MAX_DAYS = 366
# Beyond these no application can exist, and date.max + 1 day would overflow.
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)
REFUSALS = {401: {"model": Message}, 403: {"model": Message}, 422: {"model": Message}}


def _range(ctx: Ctx, first: date | None, last: date | None) -> tuple[date, date]:
    today = beijing_date(ctx.now())
    last = last or today
    first = first or last - timedelta(days=6)
    if first > last or (last - first).days >= MAX_DAYS or first < EARLIEST or last > LATEST:
        raise ApiRefusal(
            422, "bad-range",
            f"日期范围无效：起始日不得晚于结束日，且不超过 {MAX_DAYS} 天。",
            f"Bad date range: from must not be after to, and at most {MAX_DAYS} days.",
        )
    return first, last


def _figures(ctx: Ctx, authorization: str | None, first: date, last: date) -> Figures:
    stale = timedelta(seconds=ctx.settings.stale_after_seconds)
    with staff_action(ctx, authorization, VIEWERS, "read-district-figures") as act:
        return figures(act.session, first, last, ctx.now(), stale)


@router.get("/v1/district/figures", responses=REFUSALS)
def district_figures(
    ctx: Ctx,
    authorization: Authorization = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
) -> JSONResponse:
    """Applications per day by channel and service, share approved at once, return and refusal
    rates by review level, median and p90 seconds to a decision, add-ons issued, terminals."""
    first, last = _range(ctx, date_from, date_to)
    return JSONResponse(_figures(ctx, authorization, first, last).to_json())


# --- the page ------------------------------------------------------------------------------

WORDS = {
    "title": ("区级办理情况", "District figures"),
    "login": ("工作人员登录", "Staff sign-in"),
    "token": ("工作人员令牌", "Staff token"),
    "sign_in": ("登录", "Sign in"),
    "sign_out": ("退出", "Sign out"),
    "bad": ("令牌无效或无权查看。", "The token is unknown or may not see these figures."),
    "range": ("日期范围", "Dates"),
    "from": ("起始日", "From"),
    "to": ("结束日", "To"),
    "show": ("查看", "Show"),
    "per_day": ("每日申请数（按渠道）", "Applications per day, by channel"),
    "per_service": ("各业务申请数", "Applications by service"),
    "at_once": ("秒批（自动核准）比例", "Approved at once (秒批)"),
    "levels": ("各审核层级退回率与不予登记率", "Return and refusal rates by review level"),
    "level": ("层级", "Level"),
    "decisions": ("决定数", "Decisions"),
    "returns": ("退回", "Returns"),
    "refusals": ("不予登记（含上报）", "Refusals (incl. proposed)"),
    "timing": ("办结用时", "Time to a decision"),
    "median": ("中位数", "Median"),
    "p90": ("第 90 百分位", "90th percentile"),
    "addons": ("许可证和备案办结数", "Permits issued and filings made"),
    "terminals": ("自助终端", "Terminals"),
    "online": ("在线", "Reporting"),
    "stale": ("失联", "Silent"),
    "terminal": ("自助终端", "Terminal"),
    "web": ("网上", "Web"),
    "total": ("合计", "Total"),
    "day": ("日期", "Day"),
    "channel": ("渠道", "Channel"),
    "service": ("业务", "Service"),
    "none": ("无", "none"),
}


def w(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return en if lang == "en" else zh


def _duration(seconds: float | None, lang: str) -> str:
    if seconds is None:
        return w("none", lang)
    if seconds < 120:
        return f"{seconds:g} s"
    hours = seconds / 3600
    return f"{hours:.1f} h" if hours >= 1 else f"{seconds / 60:.0f} min"


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _login_page(request: Request, lang: str, failed: bool) -> HTMLResponse:
    token = request.cookies.get(LOGIN_CSRF) or secrets.token_urlsafe(32)
    error = (
        '<div class="error-summary" role="alert"><h2>' + e(w("bad", lang)) + "</h2>"
        '<ul><li><a href="#token">' + e(w("token", lang)) + "</a></li></ul></div>"
        if failed else ""
    )
    body = (
        '<form method="post" action="/district/login">'
        f'<input type="hidden" name="csrf" value="{e(token)}">'
        f'<input type="hidden" name="lang" value="{lang}">'
        f'<div class="group"><label for="token">{e(w("token", lang))}</label>'
        '<input id="token" name="token" type="password" autocomplete="off"></div>'
        f'<button type="submit">{e(w("sign_in", lang))}</button></form>'
    )
    response = HTMLResponse(
        layout(w("login", lang), body, lang, errors=error,
               toggle_href=f"/district/?lang={'zh' if lang == 'en' else 'en'}"),
        status_code=401 if failed else 200,
    )
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", path="/district")
    return response


@router.post("/district/login", include_in_schema=False)
def login(request: Request, form: Posted, ctx: Ctx) -> Response:
    lang = (form.get("lang") or ["zh"])[0]
    lang = lang if lang in LANGS else "zh"
    sent = (form.get("csrf") or [""])[0]
    cookie = request.cookies.get(LOGIN_CSRF, "")
    token = (form.get("token") or [""])[0].strip()
    if not sent or not hmac.compare_digest(sent.encode(), cookie.encode()) or not token:
        return _login_page(request, lang, True)
    try:
        _figures(ctx, f"Bearer {token}", beijing_date(ctx.now()), beijing_date(ctx.now()))
    except ApiRefusal:
        return _login_page(request, lang, True)
    response = RedirectResponse(f"/district/?lang={lang}", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/district")
    return response


@router.post("/district/logout", include_in_schema=False)
def logout(request: Request, form: Posted) -> Response:
    sent = (form.get("csrf") or [""])[0]
    cookie = request.cookies.get(LOGIN_CSRF, "")
    response = RedirectResponse("/district/", status_code=303)
    if sent and hmac.compare_digest(sent.encode(), cookie.encode()):
        response.delete_cookie(COOKIE, path="/district")
    return response


@router.get("/district/", response_class=HTMLResponse, include_in_schema=False)
def page(
    request: Request,
    ctx: Ctx,
    lang: str = "zh",
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> HTMLResponse:
    lang = lang if lang in LANGS else "zh"
    token = request.cookies.get(COOKIE) or ""
    authorization = f"Bearer {token}" if token else request.headers.get("authorization")
    if not authorization:
        return _login_page(request, lang, False)
    try:
        first, last = _range(ctx, _day(date_from), _day(date_to))
        result = _figures(ctx, authorization, first, last)
    except ApiRefusal as refused:
        if refused.status == 422:
            first, last = _range(ctx, None, None)
            result = _figures(ctx, authorization, first, last)
        else:
            return _login_page(request, lang, True)
    return HTMLResponse(_figures_page(request, result, lang))


def _service_title(service_id: str, lang: str) -> str:
    try:
        title = forms.service(service_id).title
    except forms.UnknownService:
        return service_id
    return title.en if lang == "en" else title.zh


def _addon_title(addon_id: str, lang: str) -> str:
    try:
        title = forms.addon(addon_id).title
    except (forms.UnknownAddOn, KeyError):
        return addon_id
    return title.en if lang == "en" else title.zh


def _level_name(level: str, lang: str) -> str:
    try:
        found = ReviewLevel(level)
    except ValueError:
        return level
    return found.value if lang == "en" else LEVEL_NAMES_ZH[found]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _figures_page(request: Request, f: Figures, lang: str) -> str:
    channels = {"terminal": w("terminal", lang), "web": w("web", lang)}
    for channel in f.by_channel:
        channels.setdefault(channel, channel)
    days = per_day_by_channel(f)
    chart = bar_chart(w("per_day", lang), [(d[5:], v) for d, v in days.items()], channels)
    table_rows = "".join(
        f"<tr><td>{e(r['day'])}</td><td>{e(channels.get(r['channel'], r['channel']))}</td>"
        f"<td>{e(_service_title(r['service'], lang))}</td><td class=\"n\">{r['count']}</td></tr>"
        for r in f.per_day
    )
    services = bar_chart(
        w("per_service", lang),
        [(_service_title(s, lang), {"n": n}) for s, n in sorted(f.by_service.items())],
        {"n": w("total", lang)},
    )
    levels = "".join(
        f"<tr><td>{e(_level_name(lv.level, lang))}</td><td class=\"n\">{lv.decisions}</td>"
        f"<td class=\"n\">{lv.returns} ({_rate(lv.return_rate)})</td>"
        f"<td class=\"n\">{lv.refusals} ({_rate(lv.refusal_rate)})</td></tr>"
        for lv in f.levels
    )
    addons = "".join(
        f'<tr><td>{e(_addon_title(a, lang))}</td><td class="n">{n}</td></tr>'
        for a, n in f.addons_issued.items()
    ) or f'<tr><td colspan="2">{e(w("none", lang))}</td></tr>'
    csrf = request.cookies.get(LOGIN_CSRF, "")
    body = (
        '<form method="get" action="/district/">'
        f'<input type="hidden" name="lang" value="{lang}">'
        f'<fieldset><legend>{e(w("range", lang))}</legend>'
        f'<label for="from">{e(w("from", lang))}</label>'
        f'<input id="from" name="from" type="date" value="{f.date_from.isoformat()}">'
        f'<label for="to">{e(w("to", lang))}</label>'
        f'<input id="to" name="to" type="date" value="{f.date_to.isoformat()}"></fieldset>'
        f'<button type="submit">{e(w("show", lang))}</button></form>'
        f'<h2>{e(w("per_day", lang))}</h2>{chart}'
        f'<table class="figures"><thead><tr><th>{e(w("day", lang))}</th><th>'
        f'{e(w("channel", lang))}</th><th>{e(w("service", lang))}</th>'
        f'<th class="n">{e(w("total", lang))}</th></tr></thead><tbody>{table_rows}</tbody></table>'
        f'<h2>{e(w("per_service", lang))}</h2>{services}'
        f'<h2>{e(w("at_once", lang))}</h2><p class="lead">{f.approved_at_once} / {f.total}'
        f" = {_rate(f.approved_at_once_share)}</p>"
        f'<h2>{e(w("levels", lang))}</h2><table class="figures"><thead><tr>'
        f'<th>{e(w("level", lang))}</th><th class="n">{e(w("decisions", lang))}</th>'
        f'<th class="n">{e(w("returns", lang))}</th><th class="n">{e(w("refusals", lang))}</th>'
        "</tr></thead>"
        f"<tbody>{levels}</tbody></table>"
        f'<h2>{e(w("timing", lang))}</h2><dl class="summary">'
        f'<div><dt>{e(w("median", lang))}</dt><dd>{_duration(f.median_seconds, lang)}</dd></div>'
        f'<div><dt>{e(w("p90", lang))}</dt><dd>{_duration(f.p90_seconds, lang)}</dd></div></dl>'
        f'<h2>{e(w("addons", lang))}</h2><table class="figures"><tbody>{addons}</tbody></table>'
        f'<h2>{e(w("terminals", lang))}</h2><dl class="summary">'
        f'<div><dt>{e(w("online", lang))}</dt><dd>{f.terminals_online}</dd></div>'
        f'<div><dt>{e(w("stale", lang))}</dt><dd>{f.terminals_stale}</dd></div></dl>'
        '<form method="post" action="/district/logout">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        f'<button class="secondary" type="submit">{e(w("sign_out", lang))}</button></form>'
    )
    return layout(w("title", lang), body, lang,
                  toggle_href=f"/district/?lang={'zh' if lang == 'en' else 'en'}")
