"""Fixtures for the backend tests: a database per backend (SQLite, PostgreSQL), a real uvicorn
server on a free loopback port, registered terminals and staff tokens, signed clients."""

from __future__ import annotations

import itertools
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy.orm import Session

import wire
from backend.app import create_app
from backend.clock import Clock, utcnow
from backend.models import ApplicationRecord, Kiosk, KioskPublicKey
from backend.settings import Settings
from backend.staff_auth import StaffRole, add_staff

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def postgres_reachable() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3
        ):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"PostgreSQL on 127.0.0.1:5432 is unreachable ({type(exc).__name__}: {exc})"


@dataclass
class TemporaryPostgres:
    """A uniquely named database, created for a test module and dropped after it."""

    name: str = field(default_factory=lambda: f"kiosk_test_{uuid.uuid4().hex[:12]}")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.name}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(sql)

    def create(self) -> None:
        self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """Skip (or fail under CI) without PostgreSQL; otherwise a new database, dropped afterwards."""
    require_postgres()
    database = TemporaryPostgres()
    database.create()
    try:
        yield database.url
    finally:
        database.drop()


def require_postgres() -> None:
    reason = postgres_reachable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the PostgreSQL tests must run")
    pytest.skip(reason)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'backend.sqlite3'}"
        return
    with fresh_postgres_database() as url:
        yield url


class LiveBackend:
    """create_app() served by a real uvicorn on 127.0.0.1, in a thread, on a free port."""

    def __init__(self, settings: Settings, clock: Clock | None = None) -> None:
        self.app = create_app(settings, clock=clock)
        self.settings = settings
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, log_level="warning", access_log=True)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
        self.app.state.backend.engine.dispose()

    def session(self) -> Session:
        return self.app.state.backend.sessions()

    def add_kiosk(self, kiosk_id: str | None = None, enabled: bool = True) -> wire.KioskKey:
        key = wire.KioskKey.generate(kiosk_id or f"K-{uuid.uuid4().hex[:8]}")
        with self.session() as session, session.begin():
            session.add(Kiosk(id=key.kiosk_id, enabled=enabled, created_at=utcnow()))
            session.flush()
            session.add(
                KioskPublicKey(
                    kiosk_id=key.kiosk_id,
                    key_id=key.key_id,
                    public_key=key.public_raw,
                    created_at=utcnow(),
                )
            )
        return key

    def insert_in_review(self, body: dict | None = None) -> str:
        """An application already waiting at the window (for ladder tests that need no
        forms round trip); returns its id."""
        record_id = (body or {}).get("id") or f"review-{uuid.uuid4().hex}"
        with self.session() as session, session.begin():
            session.add(
                ApplicationRecord(
                    id=record_id,
                    kiosk_id="K",
                    body_hash="0" * 64,
                    body=json.dumps(body or {}),
                    service_id="individual_business",
                    name=None,
                    status="in-review",
                    review_level="window",
                    rejection_proposed=False,
                    reasons=[],
                    received_at=utcnow(),
                )
            )
        return record_id

    def add_staff(self, role: StaffRole, name: str | None = None) -> str:
        with self.session() as session, session.begin():
            return add_staff(session, name or f"{role.value}-officer-{uuid.uuid4().hex[:6]}", role)


@pytest.fixture(scope="module")
def backend(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveBackend]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), database_url=database_url)
    live = LiveBackend(settings)
    live.start()
    try:
        yield live
    finally:
        live.stop()


class KioskClient:
    """What the terminal's sync relay does: sign every request with the key file's key."""

    def __init__(self, base_url: str, key: wire.KioskKey) -> None:
        self.key = key
        self.http = httpx.Client(base_url=base_url, timeout=30)

    def send(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        headers: dict | None = None,
        now: float | None = None,
        sign_as: wire.KioskKey | None = None,
    ) -> httpx.Response:
        request = self.http.build_request(
            method, path, content=body, headers={"Content-Type": "application/json"}
        )
        target = request.url.raw_path.decode("ascii")
        signer = sign_as or self.key
        request.headers.update(signer.sign(method, target, body, now=now))
        request.headers.update(headers or {})
        return self.http.send(request)

    def post_application(
        self, data: dict, key: str | None = None, now: float | None = None
    ) -> httpx.Response:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return self.send(
            "POST",
            "/v1/applications",
            body,
            headers={wire.HEADER_IDEMPOTENCY: key or data["id"]},
            now=now,
        )

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def start_backend(tmp_path: Path) -> Iterator:
    """start_backend(clock=None) -> a LiveBackend on its own SQLite file, stopped afterwards."""
    started: list[LiveBackend] = []

    def start(clock: Clock | None = None) -> LiveBackend:
        folder = tmp_path / f"live{len(started)}"
        settings = Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'b.sqlite3'}")
        started.append(LiveBackend(settings, clock=clock))
        started[-1].start()
        return started[-1]

    yield start
    for live in started:
        live.stop()


@pytest.fixture
def kiosk(backend: LiveBackend) -> Iterator[KioskClient]:
    client = KioskClient(backend.url, backend.add_kiosk())
    yield client
    client.close()


@pytest.fixture
def staff_client(backend: LiveBackend) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=backend.url, timeout=30) as client:
        yield client


@pytest.fixture
def kiosk_client(backend: LiveBackend) -> Iterator:
    """A factory: kiosk_client(key) -> KioskClient for that key, closed after the test."""
    made: list[KioskClient] = []

    def make(key: wire.KioskKey) -> KioskClient:
        made.append(KioskClient(backend.url, key))
        return made[-1]

    yield make
    for client in made:
        client.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# Trade-name characters that cannot form a reserved word (中国, 国家 ...) in any order.
TRADE_POOL = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊松柏桃李杏"
NAME_TEMPLATES = {
    "individual_business": "佛山市南海区桂城{}百货店",
    "sole_proprietorship": "佛山市南海区{}五金店",
    "limited_company": "佛山市南海区{}科技有限公司",
}
_trade_names = ("".join(combo) for combo in itertools.permutations(TRADE_POOL, 3))


def unique_trade_name() -> str:
    """A trade name no other test in this run uses (42,840 of them), so approvals do not
    collide in the name register unless a test wants them to."""
    return next(_trade_names)


@pytest.fixture
def make_application():
    """make_application(service, addons=(), name=None) -> the JSON a terminal would send,
    from forms.samples, with a name nobody else in the run has."""
    from forms import samples

    def make(
        service: str = "individual_business",
        addons: tuple[str, ...] = (),
        name: str | None = None,
        shareholders: int = 1,
    ) -> dict:
        application = samples.valid_application(service, addons=addons, shareholders=shareholders)
        application.answers["name"] = name or NAME_TEMPLATES[service].format(unique_trade_name())
        return application.to_json()

    return make


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test (skipped, or failed under CI, if unreachable)."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture
def kiosk_client_for() -> Iterator:
    """kiosk_client_for(live) -> a KioskClient of a newly registered terminal of that backend."""
    made: list[KioskClient] = []

    def make(live: LiveBackend) -> KioskClient:
        made.append(KioskClient(live.url, live.add_kiosk()))
        return made[-1]

    yield make
    for client in made:
        client.close()
