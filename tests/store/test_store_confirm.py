"""Confirm is one durable transaction; the receipt job is a state machine a crash cannot fool."""

from __future__ import annotations

import sqlite3

import pytest
from store_fakes import TERMINAL, FakePrinter

from forms.errors import ApplicationFormatError
from forms.samples import valid_application
from kiosk.store import JobKind, JobState, PrintOutcome, Store
from wire import application_number


def test_confirm_writes_application_outbox_and_receipt_job_together(store):
    app = valid_application("individual_business", addons=("food_business",))
    confirmed = store.confirm(app, {"operator": [[[10, 10], [50, 60], [90, 20]]]})
    view = store.view(app.id)
    assert view.outbox_state == "pending" and view.attempts == 0
    assert view.jobs == (("receipt", "queued"),)
    assert confirmed.number == view.number == application_number(app.id)
    application, signatures = store.payload(app.id)
    assert application == app.to_json()
    assert signatures == {"operator": [[[10, 10], [50, 60], [90, 20]]]}
    assert store.jobs.queued(JobKind.RECEIPT) == [confirmed.receipt_job_id]


def test_the_number_is_the_ids_first_12_hex_digits_and_a_second_tap_does_not_confirm_twice(store):
    first_app = valid_application("individual_business")
    first = store.confirm(first_app, {})
    second_app = valid_application("sole_proprietorship")
    second = store.confirm(second_app, {})
    assert first.number == first_app.id.replace("-", "")[:12].upper()[:4] + "-" + \
        first_app.id.replace("-", "")[4:8].upper() + "-" + first_app.id.replace("-", "")[8:12].upper()
    assert first.number != second.number
    assert store.confirm(second_app, {}) == second
    assert store.outbox_counts() == {"pending": 2}


def test_a_malformed_application_is_refused_and_nothing_is_written(store):
    app = valid_application("individual_business")
    app.id = "not-a-uuid"
    with pytest.raises(ApplicationFormatError):
        store.confirm(app, {})
    assert store.application_ids() == []


def test_a_failure_inside_confirm_leaves_no_half(store, monkeypatch):
    app = valid_application("individual_business")

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store.jobs, "add", broken)
    with pytest.raises(RuntimeError):
        store.confirm(app, {})
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM applications").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM outbox").fetchone() == (0,)


def test_the_file_is_wal_and_every_commit_syncs(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_confirmed_application_survives_reopening(tmp_path, key_file, store):
    app = valid_application("limited_company", shareholders=3)
    confirmed = store.confirm(app, {})
    store.close()
    again = Store.open(tmp_path / "data", key_file, terminal_id=TERMINAL)
    assert again.view(app.id).number == confirmed.number
    assert again.payload(app.id)[0] == app.to_json()
    again.close()


@pytest.mark.parametrize(("outcome", "state"), [
    (PrintOutcome.PRINTED, JobState.PRINTED),
    (PrintOutcome.UNCONFIRMED, JobState.UNCONFIRMED),
    (PrintOutcome.PARTLY_PRINTED, JobState.FLAGGED),
    (PrintOutcome.FAILED, JobState.FLAGGED),
    (PrintOutcome.REFUSED, JobState.QUEUED),
])
def test_each_printer_answer_leaves_the_job_where_it_belongs(store, outcome, state):
    confirmed = store.confirm(valid_application("individual_business"), {})
    printer = FakePrinter(outcome)
    assert store.jobs.print(confirmed.receipt_job_id, printer) is state
    assert store.jobs.state(confirmed.receipt_job_id) is state
    assert printer.jobs[0].number == confirmed.number and printer.jobs[0].kind is JobKind.RECEIPT


def test_a_refused_job_prints_once_the_printer_is_ready(store):
    confirmed = store.confirm(valid_application("individual_business"), {})
    printer = FakePrinter(PrintOutcome.REFUSED, PrintOutcome.REFUSED)
    for _ in range(3):
        store.jobs.print(confirmed.receipt_job_id, printer)
    assert store.jobs.state(confirmed.receipt_job_id) is JobState.PRINTED
    assert len(printer.jobs) == 3
    # A printed job is never handed to the printer again.
    assert store.jobs.print(confirmed.receipt_job_id, printer) is JobState.PRINTED
    assert len(printer.jobs) == 3


class CrashingPrinter:
    """Stands for the process dying while the bytes are on their way."""

    def print(self, job):
        raise SystemExit("killed")


def test_a_job_interrupted_mid_print_is_flagged_at_restart_not_printed_again(tmp_path, key_file, store):
    first = store.confirm(valid_application("individual_business"), {})
    second = store.confirm(valid_application("sole_proprietorship"), {})
    with pytest.raises(SystemExit):  # not an Exception: nothing records an outcome, as in a crash
        store.jobs.print(first.receipt_job_id, CrashingPrinter())
    assert store.jobs.state(first.receipt_job_id) is JobState.SENDING
    store.close()

    restarted = Store.open(tmp_path / "data", key_file, terminal_id=TERMINAL)
    assert restarted.jobs.recover() == [first.receipt_job_id]
    printer = FakePrinter()
    for job_id in restarted.jobs.queued():
        restarted.jobs.print(job_id, printer)
    assert [job.id for job in printer.jobs] == [second.receipt_job_id]  # resumed, not reprinted
    assert restarted.jobs.state(first.receipt_job_id) is JobState.FLAGGED
    assert restarted.jobs.state(second.receipt_job_id) is JobState.PRINTED
    restarted.close()


def test_an_unconfirmed_print_is_settled_by_the_citizen_or_reprinted_as_such(store):
    confirmed = store.confirm(valid_application("individual_business"), {})
    printer = FakePrinter(PrintOutcome.UNCONFIRMED, PrintOutcome.PRINTED)
    store.jobs.print(confirmed.receipt_job_id, printer)
    reprint = store.jobs.reprint(confirmed.receipt_job_id, by="citizen")
    assert store.jobs.state(confirmed.receipt_job_id) is JobState.REPRINTED
    assert store.jobs.print(reprint, printer) is JobState.PRINTED
    assert printer.jobs[1].reprint is True
    with pytest.raises(ValueError):
        store.jobs.reprint(reprint, by="citizen")  # a printed job is not reprinted by accident

    other = store.confirm(valid_application("sole_proprietorship"), {})
    store.jobs.print(other.receipt_job_id, FakePrinter(PrintOutcome.UNCONFIRMED))
    store.jobs.confirm_printed(other.receipt_job_id, by="citizen")
    assert store.jobs.state(other.receipt_job_id) is JobState.PRINTED


def test_an_unanswered_unconfirmed_job_is_flagged_at_restart(store):
    confirmed = store.confirm(valid_application("individual_business"), {})
    store.jobs.print(confirmed.receipt_job_id, FakePrinter(PrintOutcome.UNCONFIRMED))
    assert store.jobs.recover() == [confirmed.receipt_job_id]
    assert store.jobs.state(confirmed.receipt_job_id) is JobState.FLAGGED


def test_a_driver_exception_flags_the_job(store):
    confirmed = store.confirm(valid_application("individual_business"), {})

    class Broken:
        def print(self, job):
            raise OSError("port vanished")

    with pytest.raises(OSError):
        store.jobs.print(confirmed.receipt_job_id, Broken())
    assert store.jobs.state(confirmed.receipt_job_id) is JobState.FLAGGED


def test_audit_log_records_the_story_by_id(store):
    confirmed = store.confirm(valid_application("individual_business"), {})
    store.jobs.print(confirmed.receipt_job_id, FakePrinter())
    with sqlite3.connect(store.path) as db:
        kinds = [k for (k,) in db.execute("SELECT kind FROM audit_events ORDER BY id")]
    assert kinds == ["receipt-queued", "confirmed", "print-claimed", "print-printed"]


def test_the_technician_sees_parked_applications_and_flagged_jobs(store):
    parked = valid_application("individual_business")
    a = store.confirm(parked, {})
    store.mark_parked(parked.id, 422, "invalid-application", b"{}")
    flagged = store.confirm(valid_application("sole_proprietorship"), {})
    store.jobs.print(flagged.receipt_job_id, FakePrinter(PrintOutcome.PARTLY_PRINTED))
    store.jobs.print(a.receipt_job_id, FakePrinter())
    found = store.attention()
    assert [(x.kind, x.number, x.job_id, x.reason) for x in found] == [
        ("parked", a.number, None, "HTTP 422 invalid-application"),
        ("flagged", flagged.number, flagged.receipt_job_id, "receipt: partly-printed"),
    ]


def test_four_threads_confirming_at_once_each_get_their_own_application(store):
    import threading

    apps = [valid_application("individual_business") for _ in range(40)]
    numbers: list[str] = []
    lock = threading.Lock()

    def confirm_some(chunk):
        for app in chunk:
            number = store.confirm(app, {}).number
            with lock:
                numbers.append(number)

    threads = [threading.Thread(target=confirm_some, args=(apps[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == sorted(application_number(app.id) for app in apps)
    assert store.outbox_counts() == {"pending": 40}
