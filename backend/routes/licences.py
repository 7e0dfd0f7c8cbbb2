"""The public page a licence's QR code points to."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from backend.context import Ctx
from backend.models import Licence
from backend.refusals import not_found
from wire import LicenceVerification, Message

router = APIRouter(tags=["public"])

STATUS_WORDS = {"valid": ("有效", "valid"), "revoked": ("已吊销", "revoked")}


@router.get(
    "/v1/licences/{credit_code}/verify",
    response_model=LicenceVerification,
    responses={
        200: {"content": {"text/html": {}}, "description": "JSON, or a page for a browser"},
        404: {"model": Message},
    },
)
def verify_licence(credit_code: str, request: Request, ctx: Ctx):
    """Name, status and date of establishment: nothing personal (the representative is on the
    paper licence but deliberately not here). A phone that scanned the QR code asks for HTML
    and gets a small bilingual page; everything else gets JSON."""
    with ctx.reading() as session:
        licence = session.get(Licence, credit_code.strip().upper()[:18])
        if licence is None:
            raise not_found("营业执照", "licence")
        result = LicenceVerification(
            credit_code=licence.credit_code,
            name=licence.name,
            status=licence.status,
            established_on=licence.established_on,
        )
    if "text/html" in request.headers.get("accept", ""):
        return HTMLResponse(verification_page(result))
    return result


def verification_page(result: LicenceVerification) -> str:
    zh_status, en_status = STATUS_WORDS.get(result.status, (result.status, result.status))
    rows = [
        ("统一社会信用代码", "Unified social credit code", result.credit_code),
        ("名称", "Name", result.name or "—"),
        ("登记状态", "Status", f"{zh_status} / {en_status}"),
        ("成立日期", "Date of establishment", result.established_on.isoformat()),
    ]
    body = "".join(
        f"<tr><th>{escape(zh)}<br><small>{escape(en)}</small></th><td>{escape(value)}</td></tr>"
        for zh, en, value in rows
    )
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>营业执照核验 / Licence check</title></head><body>"
        "<h1>营业执照核验<br><small>Business licence check</small></h1>"
        f"<table>{body}</table></body></html>"
    )
