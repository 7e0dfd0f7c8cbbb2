"""The licence: PDF (both stocks, both entity types), the overprint on the virtual printer, reprints.

The virtual licence printer follows Epson's manual: ESC/P2 answers no status request, so a job
is never `printed`, and after paper runs out mid-sheet what the printer holds still prints.
"""

from __future__ import annotations

import re
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from licence_samples import CODE, COMPANY_LABELS, INDIVIDUAL_LABELS, make_individual, make_licence
from PIL import Image

from printer import (
    LayoutError,
    LicenceJob,
    LicencePrinter,
    Outcome,
    ReprintLedger,
    ReprintRequest,
    State,
    render_licence_pdf,
    yuan_in_capitals,
)
from printer.emulator import VirtualLicencePrinter
from printer.licence.layout import load_layout
from printer.settings import DEFAULT_LAYOUT_DIR


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("stock", ["A4", "A3"])
@pytest.mark.parametrize(("make", "labels"), [(make_licence, COMPANY_LABELS),
                                              (make_individual, INDIVIDUAL_LABELS)])
def test_pdf_is_landscape_with_the_entitys_labels_and_values_and_its_qr_decodes(tmp_path, stock,
                                                                              make, labels):
    licence = make()
    pdf = tmp_path / "licence.pdf"
    render_licence_pdf(licence, stock, out=pdf)
    text = squash(pdftotext(pdf))
    for label in labels:
        assert label in text, label
    for value in (licence.name, licence.credit_code, licence.representative, licence.authority):
        assert squash(value) in text
    assert "核对用副本" in text and "不是电子营业执照" in text  # never passes for the legal e-licence
    assert "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息" in text
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "page")], check=True)
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    assert page.width > page.height  # landscape, the duplicate too
    assert [b.text for b in zxingcpp.read_barcodes(page)] == [licence.verify_url]


def test_company_capital_is_written_in_capital_numerals(tmp_path):
    pdf = tmp_path / "c.pdf"
    render_licence_pdf(make_licence(), "A4", out=pdf)
    assert "壹佰万元整" in squash(pdftotext(pdf))


def test_pdf_embeds_the_cjk_font():
    assert b"/FontFile2" in render_licence_pdf(make_licence(), "A4")


def test_the_font_path_is_configurable_and_a_missing_font_says_so(tmp_path):
    with pytest.raises(OSError, match="missing.ttf"):
        render_licence_pdf(make_licence(), "A4", font_path=tmp_path / "missing.ttf")


def test_a_rare_character_in_the_name_is_drawn_not_lost(tmp_path):
    data = render_licence_pdf(make_licence(name="佛山市南海区㙟记餐饮有限公司"), "A4")
    assert b"/Subtype /Image" in data
    pdf = tmp_path / "rare.pdf"
    pdf.write_bytes(data)
    assert "?" not in pdftotext(pdf).split("http")[0]


@pytest.mark.parametrize(("amount", "words"), [
    ("1000000", "壹佰万元整"), ("10050.5", "壹万零伍拾元伍角"), ("100010000", "壹亿零壹万元整"),
    ("30000.07", "叁万元零柒分"), ("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    ("0", "零元整"), ("10000001", "壹仟万零壹元整"),
])
def test_capital_in_chinese_capital_numerals(amount, words):
    assert yuan_in_capitals(Decimal(amount)) == words


def test_a_layout_missing_a_part_is_a_clear_error(tmp_path):
    text = (DEFAULT_LAYOUT_DIR / "A4.toml").read_text(encoding="utf-8")
    (tmp_path / "A4.toml").write_text(text.replace("[authority]", "[unused]"), encoding="utf-8")
    with pytest.raises(LayoutError, match="authority"):
        load_layout("A4", tmp_path)
    with pytest.raises(LayoutError, match="not found"):
        load_layout("B5", tmp_path)


# -- the licence printer over a pseudo-terminal -------------------------------------------------



@pytest.mark.parametrize("stock", ["A4", "A3"])
def test_overprint_lands_every_value_with_no_breach_and_is_never_called_printed(
        virtual_licence, licence_printer, stock):
    licence = make_licence()
    assert licence_printer.status().state is State.UNKNOWN  # ESC/P2 has no status request
    result = licence_printer.print(LicenceJob(licence, stock))
    assert result.outcome is Outcome.UNCONFIRMED, result.detail
    assert virtual_licence.wait_for_jobs(1)
    job = virtual_licence.jobs[0]
    breaches = virtual_licence.breaches[0]
    assert (breaches.upward_moves_ignored, breaches.right_of_width_ignored,
            breaches.unknown_commands, breaches.unlisted_point_sizes) == (0, 0, [], [])
    printed = squash("".join(job.lines))
    for label, value in licence.rows()[0] + licence.rows()[1]:
        # a wrapped value's lines come interleaved with the other column's (top to bottom)
        own = "".join(squash(line) for line in job.lines if squash(line) and squash(line) in squash(value))
        assert squash(label) in printed and squash(value) in own, label
    layout = load_layout(stock, DEFAULT_LAYOUT_DIR)
    assert job.image.size == (round(layout.width_mm / 25.4 * 180), round(layout.height_mm / 25.4 * 180))
    assert [b.text for b in zxingcpp.read_barcodes(job.image.convert("L"))] == [licence.verify_url]


def test_the_virtual_printer_ignores_an_upward_move_as_a_real_one_does(virtual_licence, tmp_path):
    import serial

    # ESC ( U 1/360; print at 1 inch down; graphics; then try to go back up 0.25 inch.
    job = (b"\x1b@\x1b(U\x01\x00\x0a\x1b(C\x02\x00" + (2976).to_bytes(2, "little")
           + b"\x1b(V\x02\x00\x68\x01\x1b$\x00\x00\x1b*\x27\x01\x00\xff\xff\xff"
           + b"\x1b(V\x02\x00\x0e\x01AB\x0c")
    with serial.Serial(virtual_licence.device_path, 115200, timeout=1) as port:
        port.write(job)
    assert virtual_licence.wait_for_jobs(1)
    assert virtual_licence.breaches[0].upward_moves_ignored == 1


def test_the_same_licence_is_not_printed_twice_without_a_recorded_reprint(
        virtual_licence, licence_printer, settings_for, tmp_path):
    licence = make_licence()
    first = licence_printer.print(LicenceJob(licence, "A4"))
    assert first.outcome is Outcome.UNCONFIRMED
    again = licence_printer.print(LicenceJob(licence, "A4"))
    assert again.outcome is Outcome.REFUSED and first.job_id in again.detail
    licence_printer.close()
    restarted = LicencePrinter(settings_for(virtual_licence.device_path,
                                            ledger_path=tmp_path / "ledger.sqlite3"))
    try:
        assert restarted.print(LicenceJob(licence, "A4")).outcome is Outcome.REFUSED
        reprint = restarted.print(LicenceJob(licence, "A4", ReprintRequest("paper jam", "tech-007")))
        assert reprint.outcome is Outcome.UNCONFIRMED
        assert restarted.print(LicenceJob(licence, "A3")).outcome is Outcome.UNCONFIRMED
        history = restarted.ledger.history(licence.credit_code)
    finally:
        restarted.close()
    assert [(h.stock, h.outcome, h.reprint_reason) for h in history] == [
        ("A4", "unconfirmed", None), ("A4", "unconfirmed", "paper jam"), ("A3", "unconfirmed", None)]
    assert virtual_licence.wait_for_jobs(3)


def test_an_attempt_cut_short_by_a_crash_counts_as_possibly_printed(tmp_path, licence_printer):
    ledger = ReprintLedger(tmp_path / "ledger.sqlite3")
    ledger.begin("L-crashed", CODE, "A4")
    ledger.close()
    assert licence_printer.print(LicenceJob(make_licence(), "A4")).outcome is Outcome.REFUSED


def test_paper_out_mid_sheet_is_partly_printed_and_the_rest_prints_after_the_refill(
        virtual_licence, licence_printer):
    virtual_licence.raise_fault("paper-out", after_bytes=1500)
    result = licence_printer.print(LicenceJob(make_licence(), "A4"))
    assert result.outcome is Outcome.PARTLY_PRINTED, result.detail
    assert 0 < result.bytes_sent < 9000
    assert virtual_licence.wait_for_jobs(1)
    assert virtual_licence.jobs[0].partial  # the top of the licence is on the first sheet
    assert virtual_licence.counters.xoff_sent >= 1 and virtual_licence.counters.lost == 0
    held = virtual_licence.buffered
    assert held > 0
    virtual_licence.clear_fault()  # the technician loads a sheet: ESC/P2 cannot discard the rest
    def only_a_cut_command_left() -> bool:
        return virtual_licence.buffered == virtual_licence.incomplete_command_bytes

    for _ in range(200):
        if only_a_cut_command_left():
            break
        time.sleep(0.02)
    # What it held printed on the new sheet; only a command cut off mid-way still waits.
    assert only_a_cut_command_left() and virtual_licence.canvas.inked
    assert licence_printer.ledger.history(CODE)[-1].outcome == "partly-printed"


def test_licence_printer_recovers_after_the_link_is_pulled(tmp_path, settings_for):
    emu = VirtualLicencePrinter(baud=115200, out_dir=tmp_path, link_path=tmp_path / "lic.tty")
    with emu:
        printer = LicencePrinter(settings_for(emu.device_path, ledger_path=tmp_path / "l.sqlite3"))
        try:
            assert printer.status().state is State.UNKNOWN
            emu.pull()
            # No status request exists: the loss shows when the operating system reports it.
            deadline = time.monotonic() + 2
            while printer.status().state is not State.DISCONNECTED and time.monotonic() < deadline:
                time.sleep(0.05)
            assert printer.status().state is State.DISCONNECTED
            emu.restore()
            assert printer.status().state is State.UNKNOWN
            assert printer.print(LicenceJob(make_individual(), "A3")).outcome is Outcome.UNCONFIRMED
        finally:
            printer.close()


def test_unknown_stock_is_refused_with_the_reason(licence_printer):
    result = licence_printer.print(LicenceJob(make_licence(), "B5"))
    assert result.outcome is Outcome.REFUSED and "B5" in result.detail


def test_text_that_cannot_fit_is_refused_before_anything_is_sent(licence_printer):
    long_scope = tuple(f"第{i}项经营活动的规范表述" for i in range(240))
    result = licence_printer.print(LicenceJob(make_licence(scope_general=long_scope), "A4"))
    assert result.outcome is Outcome.REFUSED and "经营范围" in result.detail
    assert result.bytes_sent == 0 and licence_printer.ledger.history(CODE) == []


def test_a_printer_narrower_than_the_stock_is_refused(virtual_licence, settings_for, tmp_path):
    printer = LicencePrinter(settings_for(virtual_licence.device_path, licence_profile="epson-lq-80",
                                          ledger_path=tmp_path / "n.sqlite3"))
    try:
        result = printer.print(LicenceJob(make_licence(), "A4"))
    finally:
        printer.close()
    assert result.outcome is Outcome.REFUSED and "epson-lq-80" in result.detail
