"""Engine, sessions and migrations, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, bindparam, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine tuned for many short write transactions from a thread pool.

    hide_parameters: a database error's message would otherwise quote the statement's values
    (names, ID numbers) into whatever log records the traceback.

    SQLite: every write transaction starts with BEGIN IMMEDIATE. A deferred transaction that
    reads and then writes can fail with SQLITE_BUSY at once (no busy wait) when another writer
    committed in between; taking the write lock up front turns that into an orderly queue,
    bounded by the 30 s busy timeout. Read transactions (session_factory(read_only=True):
    health, licence checks, signature checks) begin deferred and never take it.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # No pool_pre_ping: it costs a round trip on every request. After a database restart
        # the first use of each stale connection fails, SQLAlchemy discards the whole pool on
        # that disconnect, the request answers 503, and the terminal's retry gets a fresh one.
        return create_engine(url, pool_size=10, max_overflow=20, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        make_private(Path(parsed.database))
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
        # FULL: in WAL mode NORMAL survives a crash of the process but a power cut can lose the
        # last commits, so an application answered "accepted" could vanish. FULL syncs the WAL
        # on every commit: an acceptance is on disk before it is answered.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # noqa: ANN001
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def make_private(database: Path) -> None:
    """The database holds applications with ID numbers: its folder is created 0700 and the file
    0600 before SQLite opens it (SQLite gives its -wal and -shm files the database file's
    mode). A file left readable by an earlier release is tightened."""
    folder = database.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    os.close(os.open(database, os.O_RDWR | os.O_CREAT, 0o600))
    for path in (database, *folder.glob(f"{database.name}-*")):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; safe to run on every start.

    SQLite: batch migrations rebuild a table (copy, drop, rename). With foreign keys enforced
    the drop fails as soon as another table's rows point at it, so they are switched off for
    the migration (PRAGMA foreign_keys is ignored inside a transaction: it is set before) and
    on again after; the rebuilt tables keep their constraints."""
    run_alembic(engine, "upgrade", "head")


def run_alembic(engine: Engine, action: str, revision: str) -> None:
    """``alembic upgrade|downgrade REVISION`` on this engine (see migrate for SQLite)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                getattr(command, action)(config, revision)
        finally:
            if sqlite:
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


READ_ONLY = "kiosk_read_only"


def session_factory(engine: Engine, *, read_only: bool = False) -> sessionmaker[Session]:
    """Sessions for write transactions, or (read_only) for reads: on SQLite those begin with a
    plain deferred BEGIN instead of BEGIN IMMEDIATE, so they never take the write lock."""
    bind = engine.execution_options(**{READ_ONLY: True}) if read_only else engine
    return sessionmaker(bind, expire_on_commit=False)


def insert_if_absent(session: Session, model: type, **values: object) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when this call created the row.

    Plain statements on the hot path go through session.connection(): the ORM layer's
    execute would first flush pending objects and costs about 0.1 ms more per statement.

    The database's unique index decides, so two concurrent callers cannot both win, and the
    loser's transaction stays usable (no exception, no savepoint round trips).
    """
    connection = session.connection()
    statement = _insert_if_absent(connection.dialect.name, model, tuple(sorted(values)))
    return connection.execute(statement, values).first() is not None


@functools.cache
def _insert_if_absent(dialect: str, model: type, columns: tuple[str, ...]):  # noqa: ANN202
    """Built once per table and column set, with bound parameters: building the construct
    anew cost more than executing it (bench/backend.py)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # RETURNING, not rowcount: psycopg 3 reports rowcount -1 for this statement.
    key = model.__mapper__.primary_key[0]
    values = {column: bindparam(column) for column in columns}
    return insert(model).values(values).on_conflict_do_nothing().returning(key)
