"""Terminal-facing application endpoints (signed requests)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse

import forms
from backend import audit
from backend.context import Ctx, Signed
from backend.decision_view import decision_of
from backend.domain_errors import DomainError, TooManyAttempts
from backend.lookup import lock_key, look_up
from backend.models import ApplicationRecord
from backend.refusals import not_found
from backend.submissions import InvalidApplication, submit
from wire import (
    HEADER_IDEMPOTENCY,
    ApplicationDecision,
    ApplicationLookup,
    Message,
    ProblemReport,
)

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
def get_application(application_id: str, signed: Signed, ctx: Ctx) -> ApplicationDecision:
    """Where an application this terminal sent stands. Another terminal's application is
    "not found" here: it is read with the applicant's proof (POST /v1/applications/lookup)."""
    with ctx.signed_transaction(signed) as (session, terminal):
        now = ctx.now()
        record = session.get(ApplicationRecord, application_id)
        outcome = "ok" if record is not None and record.kiosk_id == terminal.id else "not-found"
        audit.record(
            session,
            at=now,
            actor=f"kiosk:{terminal.id}",
            action="read-application",
            target=application_id,
            outcome=outcome,
        )
        if outcome != "ok":
            # Committed with the audit entry; the refusal is answered after the commit.
            return JSONResponse(not_found("申请", "application").message.model_dump(), 404)
        return decision_of(record, ctx.settings)


@router.post(
    "/v1/applications/lookup",
    response_model=ApplicationDecision,
    responses={
        **REFUSALS,
        404: {"model": Message, "description": "No such application, or the proof is wrong"},
        422: {"model": Message, "description": "The body is not an ApplicationLookup"},
        429: {"model": Message, "description": "Too many wrong proofs for this number"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": ApplicationLookup.model_json_schema()}
            },
        }
    },
)
def lookup_application(signed: Signed, ctx: Ctx) -> JSONResponse:
    """Come back and print, at any terminal: the application number from the receipt and the
    last 6 characters of the applicant's ID number (a wrong proof and an unknown number get the
    same 404; 5 wrong proofs for a number in an hour lock it for the rest of the hour)."""
    with ctx.signed_transaction(signed) as (session, terminal):
        now = ctx.now()
        try:
            proof = ApplicationLookup.model_validate_json(signed.body)
        except ValueError:
            return JSONResponse(BAD_LOOKUP.model_dump(), status_code=422)
        actor = f"kiosk:{terminal.id}"
        try:
            record = look_up(session, proof.application_id, proof.id_number_tail, now)
        except DomainError as refused:
            # Recorded in this (committed) transaction: wrong proofs count towards the lock.
            audit.record(
                session, at=now, actor=actor, action="lookup",
                target=lock_key(proof.application_id),
                outcome=refused.code,
            )
            status = 429 if isinstance(refused, TooManyAttempts) else 404
            return JSONResponse(refused.message.model_dump(), status_code=status)
        audit.record(session, at=now, actor=actor, action="lookup", target=record.id)
        return JSONResponse(decision_of(record, ctx.settings).model_dump(mode="json"))


BAD_LOOKUP = Message(
    code="bad-lookup",
    zh="请提供申请编号和身份证件号码后 6 位。",
    en="Send the application number and the last 6 characters of the ID number.",
)
