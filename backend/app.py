"""The FastAPI application factory."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend.clock import Clock
from backend.context import BackendContext
from backend.db import make_engine, migrate, session_factory
from backend.domain_errors import Conflict, DomainError, NotFound, OutOfReach, TooManyAttempts
from backend.logs import configure_logging, hide_draft_links
from backend.refusals import ApiRefusal
from backend.routes import applications, district, fleet, health, licences, review, web
from backend.settings import Settings
from backend.terminal_auth import NoncePruner
from backend.web.page import SECURITY_HEADERS, STATIC_DIR
from wire import Message, ProblemReport, WireProblem

log = logging.getLogger("backend")

# How each kind of domain refusal is answered.
DOMAIN_STATUS: dict[type[DomainError], int] = {
    Conflict: 409,
    OutOfReach: 403,
    NotFound: 404,
    TooManyAttempts: 429,
    DomainError: 400,
}

# Framework-level refusals (no route, wrong method, unparsable body) in both languages.
GENERIC_HTTP = {
    400: (
        "请求内容无法解析，请检查后重试。",
        "The request body cannot be parsed. Check it and retry.",
    ),
    404: ("没有这个地址。", "There is no such address."),
    405: ("该地址不支持此请求方法。", "This address does not accept that method."),
}


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Size the thread pool the synchronous handlers run in (see Settings.worker_threads)."""
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = app.state.backend.settings.worker_threads
    yield


def create_app(settings: Settings | None = None, *, clock: Clock | None = None) -> FastAPI:
    """Build the app: connect, migrate to the newest schema, mount the routes."""
    settings = settings or Settings()
    engine = make_engine(settings.resolved_database_url())
    migrate(engine)
    app = FastAPI(
        lifespan=_lifespan,
        title="Registration kiosk backend",
        version="1.0",
        description="The registration backend self-service terminals sync with (Nanhai pilot).",
    )
    app.state.backend = BackendContext(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        read_sessions=session_factory(engine, read_only=True),
        pruner=NoncePruner(settings.max_clock_skew_seconds),
        write_lock=threading.Lock() if engine.dialect.name == "sqlite" else nullcontext(),
        clock=clock or Clock(),
    )
    for module in (applications, review, fleet, licences, health, web, district):
        app.include_router(module.router)
    app.mount("/apply/static", StaticFiles(directory=STATIC_DIR), name="web-static")
    _install_security_headers(app)
    hide_draft_links()
    _install_error_handlers(app)
    # The URL, never credentials or personal data: a database URL may carry a password.
    log.info("backend ready on %s", engine.url.render_as_string(hide_password=True))
    return app


SETTINGS_ENVIRONMENT = "KIOSK_BACKEND_SETTINGS"
LOG_LEVEL_ENVIRONMENT = "KIOSK_BACKEND_LOG_LEVEL"


def app_from_environment() -> FastAPI:
    """The factory each `serve --workers N` process calls (uvicorn imports it by name)."""
    import os

    configure_logging(os.environ.get(LOG_LEVEL_ENVIRONMENT, "info"))
    return create_app(Settings.from_json(os.environ[SETTINGS_ENVIRONMENT]))


# Pages that show personal data (drafts, confirmations) or staff figures: never cached.
NO_STORE_PREFIXES = ("/apply/d/", "/apply/start", "/district")


def _install_security_headers(app: FastAPI) -> None:
    """Every answer carries the security headers (CSP, nosniff, no referrer, no framing);
    personal and staff pages also Cache-Control: no-store (issue 15)."""

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # noqa: ANN001, ANN202 - Starlette's shape
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        path = request.url.path
        if path.startswith(NO_STORE_PREFIXES) or path == "/apply/":
            response.headers["Cache-Control"] = "no-store"
        return response


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiRefusal)
    async def _refusal(_request: Request, exc: ApiRefusal) -> JSONResponse:
        return JSONResponse(exc.message.model_dump(), status_code=exc.status)

    @app.exception_handler(DomainError)
    async def _domain(_request: Request, exc: DomainError) -> JSONResponse:
        status = next(s for kind, s in DOMAIN_STATUS.items() if isinstance(exc, kind))
        return JSONResponse(exc.message.model_dump(), status_code=status)

    @app.exception_handler(Exception)
    async def _fault(_request: Request, exc: Exception) -> JSONResponse:
        # A bug, not a refusal: the class name only (a message can quote personal data). The
        # bilingual body keeps the promise that every answer is the documented JSON.
        log.error("internal error: %s", type(exc).__name__)
        body = Message(
            code="internal-error",
            zh="登记系统内部错误，请稍后重试；如一再出现，请联系技术人员。",
            en="Internal error in the registration system; retry later and tell a technician "
            "if it persists.",
        )
        return JSONResponse(body.model_dump(), status_code=500)

    @app.exception_handler(OperationalError)
    async def _database_down(_request: Request, exc: OperationalError) -> JSONResponse:
        # The class name only: the message may quote a statement. Nothing was committed, so
        # the terminal's retry (5xx = try again later) loses nothing.
        log.error("database unavailable: %s", type(exc.orig).__name__)
        body = Message(
            code="database-unavailable",
            zh="登记系统暂时无法访问数据库，请稍后重试。",
            en="The registration system cannot reach its database; try again shortly.",
        )
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "30"})

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        zh, en = GENERIC_HTTP.get(
            exc.status_code, ("请求无法处理。", "The request cannot be handled.")
        )
        body = Message(code=f"http-{exc.status_code}", zh=zh, en=en)
        return JSONResponse(body.model_dump(), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _malformed(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Pydantic's input echo ("input") may hold personal data; only locations and types go
        # back, and nothing of it is logged.
        problems = [
            WireProblem(
                field=".".join(str(p) for p in err.get("loc", ())),
                code=str(err.get("type", "invalid")),
                zh="格式不正确",
                en=str(err.get("msg", "invalid")),
            )
            for err in exc.errors()
        ]
        report = ProblemReport(
            code="invalid-request",
            zh="请求格式不正确，请检查后重试。",
            en="The request is malformed. Check it and try again.",
            problems=problems,
        )
        return JSONResponse(report.model_dump(), status_code=422)
