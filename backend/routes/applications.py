"""Terminal-facing application endpoints (signed requests)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse

import forms
from backend.context import Ctx, Signed
from backend.decision_view import decision_of
from backend.models import ApplicationRecord
from backend.refusals import not_found
from backend.submissions import InvalidApplication, submit
from backend.terminal_auth import authenticate
from forms.wire import HEADER_IDEMPOTENCY, ApplicationDecision, Message, ProblemReport

router = APIRouter(tags=["applications"])

# forms.Application.to_json(), version 1; forms.Application.from_json is the authority.
APPLICATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "forms.Application.to_json(); its id equals the Idempotency-Key header",
    "required": ["schema_version", "id", "service", "answers", "addons", "declarations"],
    "properties": {
        "schema_version": {"type": "integer", "enum": [1]},
        "id": {"type": "string", "format": "uuid"},
        "service": {"type": "string", "enum": sorted(s.id for s in forms.services())},
        "answers": {"type": "object"},
        "addons": {"type": "object", "additionalProperties": {"type": "object"}},
        "declarations": {"type": "array", "items": {"type": "string"}},
    },
}

REFUSALS: dict[int | str, dict[str, Any]] = {
    400: {"model": Message},
    401: {"model": Message},
    403: {"model": Message},
}


@router.post(
    "/v1/applications",
    status_code=201,
    response_model=ApplicationDecision,
    responses={
        **REFUSALS,
        200: {"model": ApplicationDecision, "description": "Idempotent replay: first result"},
        409: {"model": Message, "description": "Same Idempotency-Key, different body"},
        422: {"model": ProblemReport, "description": "forms' validation problems"},
    },
    # The body is read as the raw signed bytes, so it is documented here rather than parsed
    # by FastAPI (which would also cost a second JSON parse on the hot path).
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": APPLICATION_SCHEMA}},
        }
    },
)
def post_application(
    signed: Signed,
    ctx: Ctx,
    idempotency_key: Annotated[str | None, Header(alias=HEADER_IDEMPOTENCY)] = None,
) -> JSONResponse:
    """Submit an application. 201 first time, 200 with the first result on a replay."""
    try:
        accepted = submit(ctx, signed, idempotency_key)
    except InvalidApplication as invalid:
        return JSONResponse(invalid.report.model_dump(), status_code=422)
    return JSONResponse(
        accepted.decision.model_dump(mode="json"),
        status_code=201 if accepted.created else 200,
    )


@router.get(
    "/v1/applications/{application_id}",
    response_model=ApplicationDecision,
    responses={**REFUSALS, 404: {"model": Message}},
)
def get_application(
    application_id: str,
    signed: Signed,
    ctx: Ctx,
) -> ApplicationDecision:
    """Where an application stands; any registered terminal may ask (the receipt's QR code
    lets the applicant come back to any terminal)."""
    with ctx.transaction() as session:
        authenticate(session, signed, ctx.settings.max_clock_skew_seconds, ctx.pruner, ctx.now())
        record = session.get(ApplicationRecord, application_id)
        if record is None:
            raise not_found("申请", "application")
        return decision_of(record, ctx.settings)
