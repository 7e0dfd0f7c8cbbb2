"""The receipt printer against the virtual printer over a real pseudo-terminal."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

from printer import Bilingual, ReceiptJob, ReceiptPrinter, build_receipt
from printer.status import Outcome, State


@pytest.fixture
def print_one(settings_for):
    def run(emu, summary, **settings):
        printer = ReceiptPrinter(settings_for(emu.device_path, **settings))
        try:
            return printer.print(ReceiptJob(build_receipt(summary)))
        finally:
            printer.close()

    return run


def test_chinese_text_arrives_intact(virtual_receipt, summary, print_one):
    result = print_one(virtual_receipt, summary)
    assert result.outcome is Outcome.PRINTED
    assert virtual_receipt.wait_for_jobs(1)
    text = "".join(virtual_receipt.jobs[0].lines)
    for expected in ("佛山市南海区政务服务中心 桂城自助终端", "个体工商户设立登记", "食品经营许可证",
                     "张*三", "审核结果将在1个工作日内以短信通知", "在自助终端扫码查询、打印执照"):
        assert expected in text
    assert "张小三" not in text  # the name is masked on paper
    assert "?" not in text


def test_the_png_is_written_and_its_qr_decodes_to_the_status_address(virtual_receipt, summary, print_one, status_url):
    print_one(virtual_receipt, summary)
    assert virtual_receipt.wait_for_jobs(1)
    job = virtual_receipt.jobs[0]
    assert job.png_path.exists() and job.bin_path.read_bytes() == job.raw
    decoded = [b.text for b in zxingcpp.read_barcodes(Image.open(job.png_path).convert("L"))]
    assert decoded == [status_url]


def test_raster_qr_fallback_also_decodes_and_costs_far_more_bytes(virtual_receipt, summary, print_one,
                                                                 status_url):
    native = print_one(virtual_receipt, summary)
    raster = print_one(virtual_receipt, summary, native_qr=False)
    assert raster.outcome is Outcome.PRINTED
    assert virtual_receipt.wait_for_jobs(2)
    job = virtual_receipt.jobs[1]
    assert job.qr_payloads == []  # no GS ( k reached the printer: the code came as an image
    decoded = [b.text for b in zxingcpp.read_barcodes(Image.open(job.png_path).convert("L"))]
    assert decoded == [status_url]
    assert raster.bytes_sent > native.bytes_sent + 3000
    assert "在自助终端扫码查询、打印执照" in "".join(job.lines)  # nothing after the image was lost
    assert virtual_receipt.counters.lost == 0


def test_a_character_outside_two_byte_gb18030_is_printed_as_an_image_not_a_question_mark(
        virtual_receipt, make_summary, print_one):
    summary = make_summary(name="王小㙟", site_name=Bilingual("南海区😀自助终端", "Nanhai kiosk"))
    result = print_one(virtual_receipt, summary)
    assert result.outcome is Outcome.PRINTED
    assert virtual_receipt.wait_for_jobs(1)
    job = virtual_receipt.jobs[0]
    text = "\n".join(job.lines)
    assert "?" not in text
    assert "王*" not in text  # that line went as a raster image: the printer never saw its text
    assert job.raw.count(b"\x1dv0") == 2  # name line and site line
    assert "㙟".encode("gb18030") not in job.raw


def test_paper_near_end_prints_with_a_warning(virtual_receipt, summary, print_one):
    virtual_receipt.raise_fault("paper-near-end")
    result = print_one(virtual_receipt, summary)
    assert result.outcome is Outcome.PRINTED
    assert State.PAPER_NEAR_END in result.warnings


@pytest.mark.parametrize("flow", ["rtscts", "dsrdtr", "xonxoff", "none"])
def test_every_flow_control_setting_opens_and_prints(virtual_receipt, summary, print_one, flow):
    """A pty has no modem lines: RTS/CTS and DSR/DTR must still open and print, not hang."""
    assert print_one(virtual_receipt, summary, flow_control=flow).outcome is Outcome.PRINTED


def test_nine_thousand_six_hundred_baud_prints_and_confirms(tmp_path, summary, settings_for):
    from printer.emulator import VirtualReceiptPrinter

    with VirtualReceiptPrinter(baud=9600, out_dir=tmp_path) as emu:
        printer = ReceiptPrinter(settings_for(emu.device_path, baud=9600))
        try:
            result = printer.print(ReceiptJob(build_receipt(summary)))
        finally:
            printer.close()
    assert result.outcome is Outcome.PRINTED
    assert result.seconds >= result.bytes_sent * 10 / 9600  # the emulator paces like the wire
