"""Issue 13, terminals and their keys: posting and reading are per terminal; another terminal
reads an application only with the applicant's proof; the data files are private."""

from __future__ import annotations

import json
import stat

from backend.__main__ import main
from backend.db import make_engine, migrate


def test_another_terminal_cannot_replay_or_read_an_application(backend, kiosk, kiosk_client, make_application):
    data = make_application()
    assert kiosk.post_application(data).status_code == 201
    other = kiosk_client(backend.add_kiosk())
    replay = other.post_application(data)
    assert replay.status_code == 409 and replay.json()["code"] == "idempotency-conflict"
    assert "licence" not in replay.text
    read = other.send("GET", f"/v1/applications/{data['id']}")
    assert read.status_code == 404 and read.json()["zh"]


def _lookup(client, application_id: str, tail: str):
    body = json.dumps({"application_id": application_id, "id_number_tail": tail}).encode()
    return client.send("POST", "/v1/applications/lookup", body)


def test_come_back_and_print_at_another_terminal_with_the_proof(
    backend, kiosk, kiosk_client, make_application
):
    data = make_application()
    decision = kiosk.post_application(data).json()
    other = kiosk_client(backend.add_kiosk())
    tail = data["answers"]["operator_id"][-6:]
    found = _lookup(other, data["id"], tail)
    assert found.status_code == 200, found.text
    assert found.json() == decision
    # Habits: full-width digits, a lower-case x, spaces around are the same proof.
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in tail)
    assert _lookup(other, data["id"], full_width).status_code == 200
    wrong = _lookup(other, data["id"], "000000")
    unknown = _lookup(other, "no-such-application", tail)
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()  # which numbers exist is not told
    assert _lookup(other, data["id"], "12").status_code == 422


def test_wrong_proofs_lock_the_number_for_an_hour(backend, kiosk, kiosk_client, make_application):
    data = make_application()
    kiosk.post_application(data)
    other = kiosk_client(backend.add_kiosk())
    for _ in range(5):
        assert _lookup(other, data["id"], "999999").status_code == 404
    tail = data["answers"]["operator_id"][-6:]
    locked = _lookup(other, data["id"], tail)
    assert locked.status_code == 429 and locked.json()["code"] == "too-many-attempts"


def test_the_receipt_number_finds_the_application_as_people_type_it(
    backend, kiosk, kiosk_client, make_application
):
    """The receipt shows wire.application_number(id) (12 hex digits); any terminal finds the
    application by it, typed in lower case, full width or without dashes."""
    from wire import application_number

    data = make_application()
    decision = kiosk.post_application(data).json()
    other = kiosk_client(backend.add_kiosk())
    tail = data["answers"]["operator_id"][-6:]
    number = application_number(data["id"])
    for typed in (number, number.lower(), number.replace("-", ""), f" {number.replace('-', ' ')} ",
                  "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in number)):
        found = _lookup(other, typed, tail)
        assert found.status_code == 200, (typed, found.text)
        assert found.json() == decision
    assert _lookup(other, number, "000000").status_code == 404
    assert _lookup(other, number[:-1], tail).status_code == 404


def test_two_applications_sharing_a_number_are_told_apart_by_the_proof(
    backend, kiosk, make_application
):
    """48 random bits rarely collide, but when they do each applicant still finds their own."""
    from stdnum.cn import ric

    from wire import application_number

    first, second = make_application(), make_application()
    body = "44060519900101123"  # another (invented) applicant: python-stdnum gives the check digit
    second["answers"]["operator_id"] = body + ric.calc_check_digit(body + "?")  # ignores the 18th
    second["id"] = first["id"][:14] + second["id"][14:]
    assert application_number(first["id"]) == application_number(second["id"])
    assert first["answers"]["operator_id"][-6:] != second["answers"]["operator_id"][-6:]
    assert kiosk.post_application(first).status_code == 201
    posted = kiosk.post_application(second)
    assert posted.status_code == 201, posted.text
    for data in (first, second):
        found = _lookup(kiosk, application_number(data["id"]), data["answers"]["operator_id"][-6:])
        assert found.status_code == 200 and found.json()["id"] == data["id"]


def test_data_files_are_created_private(tmp_path):
    data_dir = tmp_path / "data"
    assert main(["add-kiosk", "K-PRIVATE", "--data-dir", str(data_dir)]) == 0
    database = data_dir / "backend.sqlite3"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for extra in data_dir.glob("backend.sqlite3-*"):  # WAL and shared-memory files
        assert stat.S_IMODE(extra.stat().st_mode) == 0o600, extra


def test_sqlite_commits_are_durable_before_they_are_answered(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    migrate(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_public_and_refused_requests_do_not_take_the_write_lock(
    backend, kiosk, staff_client, kiosk_client
):
    """While a writer holds SQLite's write lock (here: another process's BEGIN IMMEDIATE on the
    same file, and this process's own writer lock), health, licence checks and refused signed
    requests still answer at once."""
    import sqlite3

    import wire

    url = backend.settings.database_url
    if not url.startswith("sqlite"):
        return  # PostgreSQL has no database-wide write lock
    holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    lock = backend.app.state.backend.write_lock
    lock.acquire()
    try:
        assert staff_client.get("/v1/health", timeout=5).status_code == 200
        assert staff_client.get("/v1/licences/91440605MA00000000/verify", timeout=5).status_code == 404
        stranger = kiosk_client(wire.KioskKey.generate(kiosk.key.kiosk_id))
        stranger.http.timeout = 5
        path = f"/v1/kiosks/{kiosk.key.kiosk_id}/heartbeat"
        assert stranger.send("POST", path, b'{"outbox_depth": 0}').status_code == 401
    finally:
        lock.release()
        holder.execute("ROLLBACK")
        holder.close()
