"""Personal data at rest: sealed under the terminal key, purged on time, absent from the audit log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_fakes import TERMINAL, FakePrinter

from forms.samples import fictional_name, valid_application
from kiosk.store import FieldSealer, JobKind, SealingError, Store


def people_in(app) -> list[str]:
    """Every name and ID number an application carries (the operator and the add-on's people)."""
    found: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and (
            (len(value) == 18 and value[:17].isdigit()) or value in {fictional_name(n) for n in range(60)}
            or (len(value) == 11 and value.startswith("1") and value.isdigit())
        ):
            found.append(value)

    walk(app.to_json())
    return found


def raw_bytes(store: Store) -> bytes:
    """The database and its WAL as a thief with the disk would read them."""
    return b"".join(p.read_bytes() for p in store.path.parent.iterdir() if p.is_file())


def forms_of(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("gb18030")]


def test_the_raw_file_holds_no_name_id_number_or_mobile(store):
    apps = [valid_application("individual_business", addons=("food_business",)),
            valid_application("limited_company", shareholders=4)]
    people = [p for app in apps for p in people_in(app)]
    assert len(people) >= 8  # the search really looks for something
    for app in apps:
        confirmed = store.confirm(app, {"operator": [[[1, 2], [3, 4]]]})
        store.jobs.print(confirmed.receipt_job_id, FakePrinter())
        store.mark_parked(app.id, 422, "invalid-application",
                          f'{{"problems": ["{people[0]}"]}}'.encode())
    raw = raw_bytes(store)
    assert len(raw) > 10_000
    for text in people:
        for encoded in forms_of(text):
            assert encoded not in raw, text


def test_the_key_is_not_in_the_database_and_another_key_opens_nothing(tmp_path, key_file, store):
    app = valid_application("individual_business")
    store.confirm(app, {})
    assert key_file.read_bytes() not in raw_bytes(store)
    store.close()
    other = tmp_path / "other.key"
    other.write_bytes(b"x" * 64)
    stranger = Store.open(tmp_path / "data", other, terminal_id=TERMINAL)
    with pytest.raises(SealingError):
        stranger.payload(app.id)
    # A replaced key file stalls nothing: the entry is parked, its receipt job flagged.
    assert stranger.due() == []
    assert stranger.view(app.id).outbox_state == "parked"
    (job_id,) = stranger.jobs.queued()
    assert stranger.jobs.print(job_id, FakePrinter()).value == "flagged"
    assert [a.reason for a in stranger.attention()] == [
        "sealed-data-unreadable", "receipt: sealed data unreadable"]
    stranger.close()


def test_a_sealed_value_moved_to_another_row_does_not_open(store):
    a, b = valid_application("individual_business"), valid_application("sole_proprietorship")
    store.confirm(a, {})
    store.confirm(b, {})
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE applications SET sealed = (SELECT sealed FROM applications WHERE id = ?)"
                   " WHERE id = ?", (a.id, b.id))
    with pytest.raises(SealingError):
        store.payload(b.id)


def test_a_missing_or_short_key_file_is_refused_in_both_languages(tmp_path):
    with pytest.raises(SealingError, match="终端密钥文件.*key file"):
        FieldSealer.from_key_file(tmp_path / "absent.key")
    short = tmp_path / "short.key"
    short.write_bytes(b"0123")
    with pytest.raises(SealingError, match="过短.*too short"):
        FieldSealer.from_key_file(short)


def deliver_and_print_licence(store: Store, app, clock, printer=None) -> None:
    confirmed = store.confirm(app, {"operator": [[[1, 2], [3, 4]]]})
    store.jobs.print(confirmed.receipt_job_id, printer or FakePrinter())
    store.mark_delivered(app.id, 201, b'{"status": "approved", "representative": "x"}', "approved")
    store.jobs.print(store.jobs.queue(app.id, JobKind.LICENCE), printer or FakePrinter())


def test_purge_waits_for_delivery_licence_and_the_retention_period(store, clock):
    done = valid_application("individual_business")
    deliver_and_print_licence(store, done, clock)
    undelivered = valid_application("sole_proprietorship")
    store.jobs.print(store.confirm(undelivered, {}).receipt_job_id, FakePrinter())
    no_licence = valid_application("limited_company")
    store.confirm(no_licence, {})
    store.mark_delivered(no_licence.id, 201, None, "in-review")

    clock[0] += 29 * 86_400
    assert store.purge_due() == []
    clock[0] += 1 * 86_400 + 1
    assert store.purge_due() == [done.id]
    assert store.view(done.id).purged and store.decision(done.id) is None
    with pytest.raises(LookupError):
        store.payload(done.id)
    for other in (undelivered, no_licence):
        assert store.payload(other.id)[0] == other.to_json()
    # Ids, number and states stay for the technician and the statistics.
    assert store.view(done.id).jobs == (("receipt", "printed"), ("licence", "printed"))
    assert store.purge_due() == []


def test_an_application_without_a_licence_here_is_purged_after_the_retention_period(store, clock):
    """Returned, refused, in review or collected elsewhere: the backend keeps it, the terminal
    does not keep a person's data for ever."""
    returned = valid_application("individual_business")
    store.jobs.print(store.confirm(returned, {}).receipt_job_id, FakePrinter())
    store.mark_delivered(returned.id, 201, None, "returned")
    queued = valid_application("sole_proprietorship")
    store.confirm(queued, {})  # its receipt never printed: a job is still open
    store.mark_delivered(queued.id, 201, None, "in-review")
    clock[0] += 30 * 86_400 - 1
    assert store.purge_due() == []
    clock[0] += 2
    assert store.purge_due() == [returned.id]
    assert store.payload(queued.id)[0] == queued.to_json()


def test_purged_ciphertext_leaves_the_file(store, clock):
    app = valid_application("individual_business")
    deliver_and_print_licence(store, app, clock)
    with sqlite3.connect(store.path) as db:
        sealed = db.execute("SELECT sealed FROM applications").fetchone()[0]
    assert sealed in raw_bytes(store)
    clock[0] += 31 * 86_400
    assert store.purge_due() == [app.id]
    assert sealed[13:60] not in raw_bytes(store)


def test_the_audit_log_holds_ids_not_people(store, clock):
    app = valid_application("individual_business", addons=("food_business",))
    deliver_and_print_licence(store, app, clock)
    with sqlite3.connect(store.path) as db:
        rows = db.execute("SELECT kind, application_id, job_id, detail FROM audit_events").fetchall()
    text = repr(rows)
    assert app.id in text
    for person in people_in(app):
        assert person not in text


def test_a_store_without_a_key_file_does_not_open(tmp_path: Path):
    with pytest.raises(SealingError):
        Store.open(tmp_path / "data", tmp_path / "nope.key", terminal_id=TERMINAL)
