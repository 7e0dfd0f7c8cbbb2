"""The store's SQLite file: opened durable, migrated by its own Alembic history.

Durability. The commits that matter (a confirmed application, a print job's claim and result,
an outbox entry's delivery) must survive a power cut, not only a killed process. SQLite in WAL
mode with `synchronous=NORMAL` survives a process crash but "a transaction committed in WAL mode
with synchronous=NORMAL might roll back following a power loss or system crash"; with
`synchronous=FULL` "the WAL file is synchronized before each transaction commit", which makes
each commit durable (SQLite documentation, PRAGMA synchronous,
https://www.sqlite.org/pragma.html#pragma_synchronous, and "Write-Ahead Logging" §
"Performance Considerations", https://www.sqlite.org/wal.html). So: `journal_mode=WAL` (the relay
thread reads while the UI thread writes) and `synchronous=FULL` (one fsync of the WAL per commit,
about a millisecond on the terminal's SSD, a few commits per application).

Writers take the lock at BEGIN (`BEGIN IMMEDIATE`): two threads that both read then write
cannot deadlock into SQLITE_BUSY halfway through a transaction; the second waits up to
`busy_timeout` instead (https://www.sqlite.org/lang_transaction.html).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0002"
DATABASE_FILE = "kiosk-store.sqlite3"
BUSY_TIMEOUT_SECONDS = 30


def open_engine(path: Path) -> Engine:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS},
        hide_parameters=True,  # a failing statement's parameters may be personal (sealed or not)
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI objects
        dbapi_connection.isolation_level = None  # the "begin" hook below issues BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Purged values are overwritten with zeros, not left in free pages
        # (https://www.sqlite.org/pragma.html#pragma_secure_delete).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # noqa: ANN001
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def current_revision(path: Path) -> str | None:
    """The file's Alembic revision, read with plain sqlite3 (no Alembic import when current)."""
    if not path.exists():
        return None
    with sqlite3.connect(path) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


def migrate(engine: Engine, path: Path, revision: str = "head") -> None:
    """Bring the file to `revision` (default newest); a file already at head costs one query.

    Alembic is imported only when there is something to do: it adds ~0.15 s to a start."""
    if revision == "head" and current_revision(path) == HEAD:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
