"""Unauthenticated liveness for terminals' diagnostics and for whoever starts the server."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from backend.clock import as_utc
from backend.context import Ctx
from wire import BackendHealth

router = APIRouter(tags=["public"])


@router.get("/v1/health", response_model=BackendHealth)
def health(ctx: Ctx) -> BackendHealth:
    """Up, database reachable, and the server's clock: a terminal compares it with its own
    before its signed requests start failing with clock-skew (limit 300 s)."""
    with ctx.reading() as session:
        session.connection().execute(text("SELECT 1"))
    return BackendHealth(
        status="ok",
        database=ctx.engine.dialect.name,
        server_time=as_utc(ctx.now()),
        max_clock_skew_seconds=ctx.settings.max_clock_skew_seconds,
    )
