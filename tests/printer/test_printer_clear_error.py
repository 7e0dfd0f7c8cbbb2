"""clear_error(): what a technician's "clear" does on each printer, against the virtual twins.

Receipt (ESC/POS): DLE ENQ 2 only while a recoverable (autocutter) error is pending, which also
discards the rest of the stopped job; nothing at paper end or with the cover open; a broken line
is closed and reopened. Licence (ESC/P2): no recovery command exists; the line is reopened and
ESC @ sent, which resets settings but discards nothing.
"""

from __future__ import annotations

import time

import pytest
import serial
from waiting import wait_until

from printer import (
    FakePrinter,
    Printer,
    ReceiptJob,
    State,
    build_receipt,
)
from printer.status import Outcome

# -- receipt ---------------------------------------------------------------------------------

def test_a_recoverable_error_mid_job_is_cleared_and_the_rest_of_the_job_discarded(
        virtual_receipt, driver, summary):
    virtual_receipt.raise_fault("error", after_bytes=600)  # an autocutter error mid-receipt
    result = driver.print(ReceiptJob(build_receipt(summary)))
    assert result.outcome is Outcome.PARTLY_PRINTED and result.status.state is State.ERROR
    status = driver.status()
    assert status.state is State.ERROR and "autocutter" in status.detail
    assert virtual_receipt.buffered > 0
    cleared = driver.clear_error()
    assert cleared.state is State.READY, cleared
    assert virtual_receipt.counters.recover_requests == 1
    assert virtual_receipt.counters.discarded_jobs == 1
    # (the status requests after the clear pass through the buffer for a moment, then nothing)
    assert wait_until(lambda: virtual_receipt.buffered == 0)
    time.sleep(0.3)
    assert all(job.partial for job in virtual_receipt.jobs)  # the rest never came out
    assert driver.print(ReceiptJob(build_receipt(summary))).outcome is Outcome.PRINTED


@pytest.mark.parametrize(("fault", "state"), [("paper-out", State.PAPER_OUT),
                                              ("cover-open", State.COVER_OPEN)])
def test_at_paper_end_or_cover_open_clear_sends_nothing_and_says_why(virtual_receipt, driver,
                                                                    fault, state):
    virtual_receipt.raise_fault(fault)
    virtual_receipt.raise_fault("error")  # even with an error pending: DLE ENQ would do nothing
    assert driver.clear_error().state is state
    time.sleep(0.1)
    assert virtual_receipt.counters.recover_requests == 0


def test_a_pulled_cable_put_back_is_picked_up_by_clear(virtual_receipt, driver):
    assert driver.status().state is State.READY
    virtual_receipt.pull()
    assert wait_until(lambda: driver.status().state is State.DISCONNECTED)
    virtual_receipt.restore()
    assert driver.clear_error().state is State.READY
    assert virtual_receipt.counters.recover_requests == 0  # nothing to recover from


def test_the_receipt_twin_answers_dle_enq_1_by_printing_the_rest(virtual_receipt, driver, summary):
    """Epson "DLE ENQ n": n = 1 recovers and restarts printing where the error occurred."""
    virtual_receipt.raise_fault("error", after_bytes=600)
    driver.print(ReceiptJob(build_receipt(summary)))
    assert virtual_receipt.buffered > 0
    driver.link.send_realtime(b"\x10\x05\x01")
    assert virtual_receipt.wait_for_jobs(1)
    assert wait_until(lambda: any(not j.partial for j in virtual_receipt.jobs))
    whole = [j for j in virtual_receipt.jobs if not j.partial][-1]
    assert "请妥善保管本凭条 Please keep this receipt" in whole.lines
    assert virtual_receipt.counters.discarded_jobs == 0
    assert driver.status().state is State.READY


def test_the_receipt_twin_ignores_dle_enq_without_an_error(virtual_receipt, driver, summary):
    virtual_receipt.raise_fault("offline")
    driver.print(ReceiptJob(build_receipt(summary)))
    driver.link.send_realtime(b"\x10\x05\x02")
    time.sleep(0.2)
    assert virtual_receipt.counters.recover_requests == 1
    assert virtual_receipt.counters.discarded_jobs == 0 and virtual_receipt.stopped


# -- licence ---------------------------------------------------------------------------------



def small_job(x_units: int = 720) -> bytes:
    """ESC/P2 by hand: 1/360 inch, A4 page length, Hanzi mode, one line at 1 inch down."""
    return (b"\x1b@\x1b(U\x01\x00\x0a\x1b(C\x02\x00" + (2976).to_bytes(2, "little") + b"\x1c&"
            + b"\x1b(V\x02\x00\x68\x01\x1b$" + x_units.to_bytes(2, "little") + "测试".encode("gb18030"))


def test_licence_clear_after_the_cable_was_pulled_and_put_back_is_unknown_not_disconnected(
        virtual_licence, licence_printer):
    assert licence_printer.status().state is State.UNKNOWN
    virtual_licence.pull()
    assert wait_until(lambda: licence_printer.status().state is State.DISCONNECTED)
    virtual_licence.restore()
    assert licence_printer.clear_error().state is State.UNKNOWN


def test_licence_clear_sends_esc_at_which_discards_nothing_the_printer_holds(
        virtual_licence, licence_printer):
    virtual_licence.raise_fault("offline")  # stopped: what arrives stays in its buffer
    with serial.Serial(virtual_licence.device_path, 115200, timeout=1) as port:
        port.write(small_job() + b"\x0c")
    assert wait_until(lambda: virtual_licence.buffered > 0)
    assert licence_printer.clear_error().state is State.UNKNOWN
    assert wait_until(lambda: virtual_licence.counters.received >= len(small_job()) + 3)
    assert virtual_licence.jobs == []
    virtual_licence.clear_fault()  # the technician puts it on line: the held job prints
    assert virtual_licence.wait_for_jobs(1)
    assert "测试" in virtual_licence.jobs[0].lines
    assert virtual_licence.breaches[0].unknown_commands == []
    assert virtual_licence.counters.discarded_jobs == 0


def test_the_licence_twin_applies_esc_at_mid_stream(virtual_licence):
    """ESC @ mid-page: the unit goes back to its default (ESC $ in 1/60 inch), Hanzi mode off,
    and the sheet neither moves nor ejects: the line after it lands on the same page."""
    job = (small_job(x_units=60) + b"\x1b@" + b"\x1b$\x3c\x00" + b"AB" + b"\x0c")
    with serial.Serial(virtual_licence.device_path, 115200, timeout=1) as port:
        port.write(job)
    assert virtual_licence.wait_for_jobs(1)
    page = virtual_licence.jobs[0].image.convert("L")
    assert virtual_licence.jobs[0].lines == ["测试", "AB"]
    band = page.crop((0, 180, page.width, 180 + 24))  # both lines print 1 inch down
    inked = [x for x in range(band.width) if min(band.getpixel((x, y)) for y in range(24)) < 60]
    # 测试 from 60/360 inch (30 px), AB from 60/60 inch (180 px): the unit was reset
    assert 28 <= inked[0] <= 40
    assert any(175 <= x <= 200 for x in inked)
    assert not any(100 <= x < 175 for x in inked)
    assert virtual_licence.breaches[0].upward_moves_ignored == 0


# -- the in-memory printer -------------------------------------------------------------------

def test_fake_printer_clear_error_keeps_the_interface():
    receipt, licence = FakePrinter("receipt", state=State.ERROR), FakePrinter("licence", state=State.ERROR)
    assert isinstance(receipt, Printer)
    assert receipt.clear_error().state is State.READY and receipt.clears == 1
    assert licence.clear_error().state is State.UNKNOWN
    out_of_paper = FakePrinter("receipt", state=State.PAPER_OUT)
    assert out_of_paper.clear_error().state is State.PAPER_OUT
    scripted = FakePrinter("receipt", state=State.ERROR, cleared_state=State.ERROR)
    assert scripted.clear_error().state is State.ERROR
