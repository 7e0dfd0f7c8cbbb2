"""Issue 9: confirm -> receipt -> delivered -> approved at once -> licence, with the real backend
over HTTP and both virtual printers on pseudo-terminals; the outputs checked with tools this
project did not write (zxing-cpp reads the receipt's QR, pdftotext reads the licence PDF)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import zxingcpp
from counter_samples import grocery
from PIL import Image

from forms.samples import valid_application
from kiosk.counter import Found
from kiosk.store import JobState
from printer.status import Outcome
from wire import application_number


def _outputs(cfg, kind: str):
    return sorted((cfg.data_dir / "virtual-prints").glob(f"{kind}-*.png"))


def _wait_for(predicate, timeout=10.0):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_a_food_stall_is_registered_and_leaves_with_receipt_and_licence(terminal_config, open_counters):
    cfg = terminal_config()
    opened = open_counters(cfg)
    counter = opened.counter
    app = grocery()
    confirmed = counter.submit(app, [])
    assert confirmed.number == application_number(app.id)

    receipt = counter.print_job(confirmed.receipt_job_id)
    assert receipt.state is JobState.PRINTED, receipt
    twin = opened.printers.twins[0]
    assert twin.wait_for_jobs(1)
    image = Image.open(_outputs(cfg, "receipt")[0]).convert("L")
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [confirmed.number]

    assert opened.relay.send_due().delivered == 1
    view = counter.store.view(confirmed.id)
    assert view.outbox_state == "delivered" and view.decision_status == "approved", view
    job = counter.licence_for(confirmed.id)
    assert job is not None and counter.licence_for(confirmed.id) == job  # one licence job
    printed = counter.print_job(job)
    # ESC/P2 documents no status reply (ESC/P Reference Manual): the citizen is asked.
    assert printed.state is JobState.UNCONFIRMED
    assert counter.came_out(job, True) is None
    assert counter.store.jobs.state(job) is JobState.PRINTED
    assert opened.printers.twins[1].wait_for_jobs(1)
    pdf = cfg.data_dir / "licences" / f"{confirmed.id}.pdf"
    assert pdf.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        decision = counter.store.decision(confirmed.id)
        assert decision["licence"]["credit_code"] in text
        assert "食品销售" in text.replace(" ", "")


def test_a_reprint_asked_by_the_citizen_is_a_new_job_that_says_so(terminal_config, open_counters):
    cfg = terminal_config()
    counter = open_counters(cfg).counter
    confirmed = counter.submit(grocery(), [])
    counter.print_job(confirmed.receipt_job_id)
    counter.relay.send_due()
    job = counter.licence_for(confirmed.id)
    assert counter.print_job(job).state is JobState.UNCONFIRMED
    again = counter.came_out(job, False)
    assert again is not None and again != job
    assert counter.store.jobs.state(job) is JobState.REPRINTED
    assert counter.print_job(again).state is JobState.UNCONFIRMED
    assert counter.licence_for(confirmed.id) == again


def test_come_back_at_another_terminal_with_the_number_and_id_tail(terminal_config, open_counters):
    first = open_counters(terminal_config()).counter
    app = grocery()
    confirmed = first.submit(app, [])
    first.relay.send_due()
    other_cfg = terminal_config()
    other = open_counters(other_cfg).counter
    tail = app.answers["operator_id"][-6:]

    wrong = other.look_up(confirmed.number, "000000")
    assert wrong.found is Found.NO_MATCH and "不正确" in wrong.message.zh and wrong.message.en
    assert other.look_up("not a number", tail).found is Found.BAD_NUMBER
    assert other.look_up(confirmed.number, "12").found is Found.BAD_TAIL
    # As people type it: lower case, no dashes, full-width digits in the tail.
    full_width_tail = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in tail)
    found = other.look_up(confirmed.number.lower().replace("-", ""), full_width_tail)
    assert found.found is Found.APPROVED and found.decision.id == app.id
    collected = other.collect(found)
    assert collected.outcome is Outcome.UNCONFIRMED
    # The same terminal again: its ledger knows, so it goes out as a recorded reprint.
    assert other.collect(other.look_up(confirmed.number, tail)).outcome is Outcome.UNCONFIRMED
    entries = other.licences.driver.ledger.previous(found.decision.licence.credit_code, "A4")
    assert [e.reprint_reason for e in entries] == [None, "collected again by the applicant"]
    assert (other_cfg.data_dir / "licences" / f"{app.id}.pdf").exists()


def test_an_application_not_yet_delivered_is_not_found_and_the_backend_down_is_said(
        terminal_config, open_counters, backend):
    counter = open_counters(terminal_config()).counter
    app = valid_application("individual_business")
    confirmed = counter.submit(app, [])
    assert counter.look_up(confirmed.number, app.answers["operator_id"][-6:]).found is Found.NO_MATCH
    from kiosk.counter import Collection
    from kiosk.counter.embedded import free_port
    from kiosk.sync import KeyFileSigner

    away = Collection(f"http://127.0.0.1:{free_port()}", KeyFileSigner(backend.key_file), 2.0)
    down = away.look_up(confirmed.number, app.answers["operator_id"][-6:])
    away.close()
    assert down.found is Found.UNREACHABLE and "不受影响" in down.message.zh


@pytest.mark.parametrize("fault", ["paper-out"])
def test_out_of_paper_before_the_receipt_keeps_it_queued_until_paper_is_loaded(
        terminal_config, open_counters, fault):
    cfg = terminal_config()
    opened = open_counters(cfg)
    counter, twin = opened.counter, opened.printers.twins[0]
    twin.raise_fault(fault)
    confirmed = counter.submit(valid_application("individual_business"), [])
    step = counter.print_job(confirmed.receipt_job_id)
    assert step.state is JobState.QUEUED and step.printer_state == "paper-out"
    twin.clear_fault(fault)
    assert counter.print_job(confirmed.receipt_job_id).state is JobState.PRINTED
    assert twin.wait_for_jobs(1) and not twin.jobs[0].partial


def test_out_of_paper_mid_receipt_is_asked_about_after_paper_is_loaded(terminal_config, open_counters):
    """The printer stops part-way: the job is flagged (what came out is unknown), the rest
    prints once paper is loaded, and the citizen says whether the receipt is whole; "no"
    prints a recorded reprint."""
    cfg = terminal_config()
    opened = open_counters(cfg)
    counter, twin = opened.counter, opened.printers.twins[0]
    twin.raise_fault("paper-out", after_bytes=200)
    confirmed = counter.submit(valid_application("individual_business"), [])
    step = counter.print_job(confirmed.receipt_job_id)
    assert step.state is JobState.FLAGGED and step.report.outcome.value == "partly-printed"
    assert step.printer_state == "paper-out"
    assert counter.store.attention()[0].job_id == confirmed.receipt_job_id
    twin.clear_fault("paper-out")
    assert _wait_for(lambda: any(not j.partial for j in twin.jobs) or len(twin.jobs) >= 2)
    again = counter.came_out(confirmed.receipt_job_id, False)
    assert counter.print_job(again).state is JobState.PRINTED
    assert counter.store.view(confirmed.id).jobs[-1] == ("receipt", "printed")
