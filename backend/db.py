"""Engine, sessions and migrations, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine tuned for many short write transactions from a thread pool.

    hide_parameters: a database error's message would otherwise quote the statement's values
    (names, ID numbers) into whatever log records the traceback.

    SQLite: every transaction starts with BEGIN IMMEDIATE. A deferred transaction that reads
    and then writes can fail with SQLITE_BUSY at once (no busy wait) when another writer
    committed in between; taking the write lock up front turns that into an orderly queue,
    bounded by the 30 s busy timeout. Nearly every request writes (at least its nonce), so
    little concurrency is lost.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # No pool_pre_ping: it costs a round trip on every request. After a database restart
        # the first use of each stale connection fails, SQLAlchemy discards the whole pool on
        # that disconnect, the request answers 503, and the terminal's retry gets a fresh one.
        return create_engine(url, pool_size=10, max_overflow=20, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        hide_parameters=True,
        pool_size=20,
        max_overflow=20,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI objects
        dbapi_connection.isolation_level = None  # let the "begin" hook below issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL is still crash-safe
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # noqa: ANN001
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; safe to run on every start."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def insert_if_absent(session: Session, model: type, **values: object) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when this call created the row.

    Plain statements on the hot path go through session.connection(): the ORM layer's
    execute would first flush pending objects and costs about 0.1 ms more per statement.

    The database's unique index decides, so two concurrent callers cannot both win, and the
    loser's transaction stays usable (no exception, no savepoint round trips).
    """
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # RETURNING, not rowcount: psycopg 3 reports rowcount -1 for this statement.
    key = model.__mapper__.primary_key[0]
    statement = insert(model).values(**values).on_conflict_do_nothing().returning(key)
    return session.connection().execute(statement).first() is not None
