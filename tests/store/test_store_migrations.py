"""The store's own Alembic history carries queued work through an upgrade."""

from __future__ import annotations

import json
import sqlite3

from store_fakes import TERMINAL, FakePrinter

from forms.samples import valid_application
from kiosk.store import FieldSealer, JobState, Store
from kiosk.store.database import HEAD, current_revision, migrate, open_engine


def test_rows_queued_at_revision_1_are_intact_and_workable_after_upgrade(tmp_path, key_file):
    data = tmp_path / "data"
    path = data / "kiosk-store.sqlite3"
    engine = open_engine(path)
    migrate(engine, path, "0001")
    engine.dispose()
    assert current_revision(path) == "0001"

    # Rows as a terminal on revision 1 wrote them: sealed under the terminal key.
    sealer = FieldSealer.from_key_file(key_file)
    apps = [valid_application("individual_business"), valid_application("limited_company")]
    with sqlite3.connect(path) as db:
        for n, app in enumerate(apps, 1):
            payload = json.dumps({"application": app.to_json(), "signatures": {}}).encode()
            db.execute("INSERT INTO applications (id, number, service, confirmed_at, sealed) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (app.id, f"{TERMINAL}-261201-{n:04d}", app.service, 1.0,
                        sealer.seal(payload, app.id, "sealed")))
            db.execute("INSERT INTO outbox (application_id, state, attempts, next_attempt_at, last_error)"
                       " VALUES (?, 'pending', 3, 0, 'timeout')", (app.id,))
            db.execute("INSERT INTO print_jobs (application_id, kind, state, attempts, created_at, "
                       "updated_at) VALUES (?, 'receipt', 'queued', 0, 1, 1)", (app.id,))

    store = Store(data, sealer, terminal_id=TERMINAL)  # upgrades on open
    assert current_revision(path) == HEAD
    due = store.due()
    assert [item.application_id for item in due] == [a.id for a in apps]
    assert [item.attempts for item in due] == [3, 3]
    assert [json.loads(item.body) for item in due] == [a.to_json() for a in apps]
    assert store.view(apps[0].id).last_error == "timeout"
    printer = FakePrinter()
    for job_id in store.jobs.queued():
        assert store.jobs.print(job_id, printer) is JobState.PRINTED
    assert sorted(job.application_id for job in printer.jobs) == sorted(a.id for a in apps)
    # Revision 2's decision columns work on the carried rows.
    store.mark_delivered(apps[0].id, 201, b'{"status": "received"}', "received")
    assert store.undecided(checked_before=float("inf")) == [apps[0].id]
    assert store.decision(apps[0].id) == {"status": "received"}
    store.close()


def test_models_match_the_migrations(tmp_path):
    """Autogenerate finds nothing to add: the ORM and the migration history agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kiosk.store.models import Base

    path = tmp_path / "s.sqlite3"
    engine = open_engine(path)
    migrate(engine, path)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_file_already_at_head_opens_without_running_alembic(tmp_path, key_file, monkeypatch):
    Store.open(tmp_path / "data", key_file, terminal_id=TERMINAL).close()
    import alembic.command

    def refuse(*_args, **_kwargs):
        raise AssertionError("alembic ran on a current file")

    monkeypatch.setattr(alembic.command, "upgrade", refuse)
    store = Store.open(tmp_path / "data", key_file, terminal_id=TERMINAL)
    assert current_revision(store.path) == HEAD
    store.close()
