"""The public page a licence's QR code points to."""

from __future__ import annotations

from fastapi import APIRouter

from backend.context import Ctx
from backend.models import Licence
from backend.refusals import not_found
from forms.wire import LicenceVerification, Message

router = APIRouter(tags=["public"])


@router.get(
    "/v1/licences/{credit_code}/verify",
    response_model=LicenceVerification,
    responses={404: {"model": Message}},
)
def verify_licence(credit_code: str, ctx: Ctx) -> LicenceVerification:
    """Name, status and date of establishment: nothing personal (no representative, no address
    beyond what the licence face shows; the representative is deliberately left out)."""
    with ctx.transaction() as session:
        licence = session.get(Licence, credit_code.strip().upper()[:18])
        if licence is None:
            raise not_found("营业执照", "licence")
        return LicenceVerification(
            credit_code=licence.credit_code,
            name=licence.name,
            status=licence.status,
            established_on=licence.established_on,
        )
