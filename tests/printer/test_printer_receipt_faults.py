"""Faults at the start of a job and in the middle of one, and the cable pulled and put back."""

from __future__ import annotations

import time

import pytest

from printer import ReceiptJob, ReceiptPrinter, build_receipt
from printer.emulator import VirtualReceiptPrinter
from printer.status import Outcome, State


@pytest.mark.parametrize(
    ("fault", "state"),
    [("paper-out", State.PAPER_OUT), ("cover-open", State.COVER_OPEN), ("offline", State.OFFLINE),
     ("error", State.ERROR), ("drop-bytes", State.DISCONNECTED)],
)
def test_a_fault_at_start_is_reported_and_nothing_is_printed(virtual_receipt, driver, summary,
                                                             fault, state):
    virtual_receipt.raise_fault(fault)
    assert driver.status().state is state
    result = driver.print(ReceiptJob(build_receipt(summary)))
    assert result.outcome is Outcome.FAILED
    assert result.status.state is state
    assert result.bytes_sent == 0
    time.sleep(0.2)
    assert virtual_receipt.jobs == []


def test_clearing_the_fault_makes_the_printer_ready_again(virtual_receipt, driver, summary):
    virtual_receipt.raise_fault("cover-open")
    assert driver.status().state is State.COVER_OPEN
    virtual_receipt.clear_fault("cover-open")
    assert driver.status().state is State.READY
    assert driver.print(ReceiptJob(build_receipt(summary))).outcome is Outcome.PRINTED


def test_paper_out_mid_job_on_a_model_without_a_clear_is_partly_printed_and_the_rest_follows(
        virtual_receipt, driver, summary):
    """DLE ENQ 2 is ignored at paper end (Epson, Citizen): the rest prints after the refill."""
    virtual_receipt.raise_fault("paper-out", after_bytes=600)  # the receipt is ~1.3 kB
    job = ReceiptJob(build_receipt(summary))
    result = driver.print(job)
    assert (result.outcome, result.status.state) == (Outcome.PARTLY_PRINTED, State.PAPER_OUT)
    assert result.job_id == job.job_id and "discard" in result.detail
    assert virtual_receipt.wait_for_jobs(1)
    first = virtual_receipt.jobs[0]
    assert first.partial and first.lines[0] == "佛山市南海区政务服务中心 桂城自助终端"
    virtual_receipt.clear_fault("paper-out")  # a new roll: the printer finishes the receipt
    assert virtual_receipt.wait_for_jobs(2)
    rest = virtual_receipt.jobs[1]
    assert not rest.partial and "请妥善保管本凭条 Please keep this receipt" in rest.lines
    assert virtual_receipt.counters.discarded_jobs == 0


def test_paper_out_mid_job_on_a_model_with_dle_dc4_8_is_discarded_and_failed(
        tmp_path, settings_for, summary):
    emu = VirtualReceiptPrinter(baud=115200, out_dir=tmp_path, profile="epson-tm-t88vi")
    with emu:
        printer = ReceiptPrinter(settings_for(emu.device_path, model="epson-tm-t88vi"))
        try:
            emu.raise_fault("paper-out", after_bytes=600)
            job = ReceiptJob(build_receipt(summary))
            result = printer.print(job)
            assert (result.outcome, result.status.state) == (Outcome.FAILED, State.PAPER_OUT)
            assert "DLE DC4 8" in result.detail
            assert emu.counters.discarded_jobs == 1
            assert emu.wait_for_jobs(1) and emu.jobs[0].partial  # the top half is on paper
            emu.clear_fault("paper-out")
            time.sleep(0.3)
            assert len(emu.jobs) == 1  # nothing more comes out by itself
            assert printer.print(job).outcome is Outcome.PRINTED  # the reprint is whole
            assert emu.wait_for_jobs(2) and not emu.jobs[1].partial
        finally:
            printer.close()


def test_a_stray_byte_while_out_of_paper_never_confirms_a_job(virtual_receipt, driver, summary):
    """One 0x00 on the return line looks like a GS r answer; it must not count as one."""
    import threading

    virtual_receipt.raise_fault("paper-out", after_bytes=600)
    job = ReceiptJob(build_receipt(summary))

    def stray_bytes() -> None:
        for _ in range(40):
            virtual_receipt.answer(b"\x00")
            time.sleep(0.05)

    threading.Thread(target=stray_bytes, daemon=True).start()
    result = driver.print(job)
    assert result.outcome is not Outcome.PRINTED
    assert result.status.state is State.PAPER_OUT


def test_dle_enq_2_at_paper_end_clears_nothing_on_the_twin(virtual_receipt, driver, summary):
    virtual_receipt.raise_fault("paper-out", after_bytes=600)
    driver.print(ReceiptJob(build_receipt(summary)))
    held = virtual_receipt.buffered
    assert held > 0
    driver.link.send_realtime(b"\x10\x05\x02")
    time.sleep(0.2)
    assert virtual_receipt.buffered >= held and virtual_receipt.counters.discarded_jobs == 0


def test_cover_opened_mid_job_reports_the_cover_as_cause(virtual_receipt, driver, summary):
    virtual_receipt.raise_fault("cover-open", after_bytes=300)
    result = driver.print(ReceiptJob(build_receipt(summary)))
    assert (result.outcome, result.status.state) == (Outcome.PARTLY_PRINTED, State.COVER_OPEN)


def test_a_line_that_drops_bytes_mid_job_gives_unconfirmed_never_printed(
        virtual_receipt, driver, summary):
    virtual_receipt.raise_fault("drop-bytes", after_bytes=1000)
    result = driver.print(ReceiptJob(build_receipt(summary)))
    assert result.outcome is Outcome.UNCONFIRMED
    assert result.status.state is State.DISCONNECTED
    assert virtual_receipt.counters.lost > 0


def test_slow_printer_with_a_small_buffer_uses_xoff_and_loses_nothing(tmp_path, settings_for,
                                                                     summary):
    emu = VirtualReceiptPrinter(baud=115200, out_dir=tmp_path, buffer_bytes=1024,
                                slow_bytes_per_s=1000)
    with emu:
        emu.raise_fault("slow")
        printer = ReceiptPrinter(settings_for(emu.device_path, write_timeout_s=3.0,
                                              confirm_margin_s=5.0))
        try:
            result = printer.print(ReceiptJob(build_receipt(summary)))
        finally:
            printer.close()
        assert result.outcome is Outcome.PRINTED
        assert emu.counters.xoff_sent > 0
        assert emu.counters.lost == 0
        assert emu.wait_for_jobs(1)
        assert "请妥善保管本凭条 Please keep this receipt" in emu.jobs[0].lines


def test_without_flow_control_a_full_buffer_loses_data(tmp_path, settings_for, summary):
    """Why flow control matters: the same slow printer with flow control off drops bytes."""
    emu = VirtualReceiptPrinter(baud=115200, out_dir=tmp_path, buffer_bytes=1024,
                                slow_bytes_per_s=1000, flow="none")
    with emu:
        emu.raise_fault("slow")
        printer = ReceiptPrinter(settings_for(emu.device_path, confirm_margin_s=1.0))
        try:
            printer.print(ReceiptJob(build_receipt(summary)))
        finally:
            printer.close()
        assert emu.counters.lost > 0


def test_a_printer_that_never_confirms_gives_unconfirmed(virtual_receipt, settings_for, summary):
    virtual_receipt.raise_fault("slow")
    printer = ReceiptPrinter(settings_for(virtual_receipt.device_path, confirm_margin_s=0.2))
    virtual_receipt.slow_bytes_per_s = 200  # ~7 s to print: longer than the driver waits
    try:
        result = printer.print(ReceiptJob(build_receipt(summary)))
    finally:
        printer.close()
    assert result.outcome is Outcome.UNCONFIRMED
    assert result.status.state is State.READY


def test_pulling_and_restoring_the_link_recovers(virtual_receipt, driver, summary):
    assert driver.print(ReceiptJob(build_receipt(summary))).outcome is Outcome.PRINTED
    virtual_receipt.pull()
    assert driver.status().state is State.DISCONNECTED
    failed = driver.print(ReceiptJob(build_receipt(summary)))
    assert (failed.outcome, failed.status.state) == (Outcome.FAILED, State.DISCONNECTED)
    virtual_receipt.restore()
    assert driver.status().state is State.READY
    assert driver.print(ReceiptJob(build_receipt(summary))).outcome is Outcome.PRINTED
    assert virtual_receipt.wait_for_jobs(2)


def test_pulled_mid_job_is_partly_printed_never_printed(virtual_receipt, settings_for,
                                                             summary):
    printer = ReceiptPrinter(settings_for(virtual_receipt.device_path, baud=9600))
    job = ReceiptJob(build_receipt(summary))
    try:
        import threading

        threading.Timer(0.5, virtual_receipt.pull).start()  # ~1.4 s of wire time at 9600
        result = printer.print(job)
    finally:
        printer.close()
    assert result.outcome is Outcome.PARTLY_PRINTED  # the printer has the first part
    assert result.status.state is State.DISCONNECTED


def test_a_port_that_does_not_exist_is_disconnected_not_an_exception(settings_for, summary):
    printer = ReceiptPrinter(settings_for("/dev/ttyNOSUCH0"))
    assert printer.status().state is State.DISCONNECTED
    result = printer.print(ReceiptJob(build_receipt(summary)))
    assert (result.outcome, result.status.state) == (Outcome.FAILED, State.DISCONNECTED)


def test_a_silent_device_is_not_reported_as_ready(settings_for):
    """loop:// answers nothing a printer would: python-escpos would call this 'paper OK'."""
    printer = ReceiptPrinter(settings_for("loop://"))
    try:
        status = printer.status()
    finally:
        printer.close()
    assert status.state is State.DISCONNECTED
    assert "no reply" in status.detail


def test_automatic_status_back_blocks_do_not_confuse_the_driver(virtual_receipt, driver, summary):
    """With ASB on (GS a), 4-byte blocks arrive unasked on every change, among the replies."""
    from printer.replies import ReplyKind

    assert driver.link.ensure_open()
    driver.link.send_job(b"\x1da\x0f")
    first = driver.link.await_reply(ReplyKind.ASB, 1.0)
    assert first is not None and first.data == b"\x10\x00\x00\x00"
    virtual_receipt.raise_fault("paper-near-end")
    near_end = driver.link.await_reply(ReplyKind.ASB, 1.0)
    assert near_end is not None and near_end.data[2] & 0x03
    result = driver.print(ReceiptJob(build_receipt(summary)))
    assert result.outcome is Outcome.PRINTED and State.PAPER_NEAR_END in result.warnings
    virtual_receipt.raise_fault("cover-open")
    assert driver.status().state is State.COVER_OPEN
