"""Terminal heartbeats in, the fleet view out."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter
from pydantic import ValidationError
from sqlalchemy import select

from backend.clock import as_utc
from backend.context import Authorization, Ctx, Signed
from backend.models import Kiosk
from backend.redaction import redact
from backend.refusals import ApiRefusal
from backend.routes.staff_actions import staff_action
from backend.staff_auth import StaffRole
from wire import FleetEntry, FleetView, HeartbeatSnapshot, Message

router = APIRouter(tags=["fleet"])

REFUSALS = {401: {"model": Message}, 403: {"model": Message}}


@router.post(
    "/v1/kiosks/{kiosk_id}/heartbeat",
    status_code=204,
    responses={**REFUSALS, 400: {"model": Message}, 413: {"model": Message}, 422: {"model": Message}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/HeartbeatSnapshot"}}
            },
        }
    },
)
def heartbeat(
    kiosk_id: str,
    signed: Signed,
    ctx: Ctx,
) -> None:
    """Store a terminal's latest health snapshot. Signed by that terminal."""
    with ctx.signed_transaction(signed) as (session, terminal):
        now = ctx.now()
        if terminal.id != kiosk_id:
            raise ApiRefusal(
                403,
                "other-kiosk",
                "终端只能报告自身状态。",
                "A terminal may only report its own health.",
            )
        try:
            snapshot = HeartbeatSnapshot.model_validate_json(signed.body)
        except ValidationError:
            raise ApiRefusal(
                422,
                "bad-heartbeat",
                "心跳数据格式不正确。",
                "The heartbeat snapshot is malformed.",
            ) from None
        kiosk = session.get(Kiosk, terminal.id)
        kiosk.last_seen_at = now
        # Redacted before it is stored: the fleet view is not a place for ID or phone numbers.
        snapshot.recent_errors = [redact(line) for line in snapshot.recent_errors]
        kiosk.last_snapshot = snapshot.model_dump_json()


@router.get("/v1/fleet", response_model=FleetView, responses=REFUSALS)
def fleet(
    ctx: Ctx,
    authorization: Authorization = None,
) -> FleetView:
    """Every terminal's latest snapshot; silent for more than 5 minutes = stale."""
    stale_after = timedelta(seconds=ctx.settings.stale_after_seconds)
    with staff_action(ctx, authorization, {StaffRole.FLEET}, "read-fleet") as act:
        session = act.session
        now = ctx.now()
        entries = [
            FleetEntry(
                kiosk_id=k.id,
                enabled=k.enabled,
                last_seen_at=as_utc(k.last_seen_at),
                stale=k.last_seen_at is None or now - k.last_seen_at > stale_after,
                snapshot=(
                    HeartbeatSnapshot.model_validate_json(k.last_snapshot)
                    if k.last_snapshot
                    else None
                ),
            )
            for k in session.scalars(select(Kiosk).order_by(Kiosk.id))
        ]
    return FleetView(
        generated_at=as_utc(now),
        stale_after_seconds=ctx.settings.stale_after_seconds,
        kiosks=entries,
    )
