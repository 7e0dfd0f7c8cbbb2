"""The licence: PDF with every field, ESC/P2 overprint on the virtual printer, reprints."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
import zxingcpp
from PIL import Image
from stdnum.cn import uscc

from printer import (
    LayoutError,
    LicenceData,
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
from printer.licence.placement import place
from printer.settings import DEFAULT_LAYOUT_DIR

CODE = "91440605MA4X0000" + "1"
CODE = CODE + uscc.calc_check_digit(CODE)


def make_licence(**changes) -> LicenceData:
    fields = dict(
        credit_code=CODE,
        name="佛山市南海区桂香餐饮有限公司",
        entity_type="有限责任公司（自然人独资）",
        representative="张小三",
        scope_general=("餐饮管理", "食品销售（仅销售预包装食品）", "第二类医疗器械销售"),
        scope_licensed=("餐饮服务", "食品销售", "第三类医疗器械经营"),
        registered_capital=Decimal("1000000"),
        established=date(2026, 11, 29),
        address="广东省佛山市南海区桂城街道南海大道北1号金融高新区A座1201室",
        authority="佛山市南海区市场监督管理局",
        issued=date(2026, 11, 29),
        verify_url=f"https://gsxt.example.gov.cn/v/{CODE}",
    )
    fields.update(changes)
    return LicenceData(**fields)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("stock", ["A4", "A3"])
def test_pdf_text_contains_every_field_and_its_qr_decodes(tmp_path, stock):
    licence = make_licence()
    pdf = tmp_path / "licence.pdf"
    render_licence_pdf(licence, stock, out=pdf)
    layout = load_layout(stock, DEFAULT_LAYOUT_DIR)
    pt = 72 / 25.4
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        text = squash(page.extract_text())
        for name, value in licence.field_values().items():
            box = layout.fields[name]  # each field is found inside its own box on the sheet
            area = page.crop(((box.x - 1) * pt, (box.y - 1) * pt, (box.x + box.w + 1) * pt,
                              (box.y + box.h + 1) * pt))
            assert squash(value) in squash(area.extract_text()), name
    assert "壹佰万元整" in text
    assert "营业执照" in text  # the stock's fixed parts are drawn too
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    assert [b.text for b in zxingcpp.read_barcodes(page)] == [licence.verify_url]


def test_pdf_embeds_the_cjk_font(tmp_path):
    data = render_licence_pdf(make_licence(), "A4")
    assert b"/FontFile2" in data  # an embedded TrueType program: readable without fonts installed


def test_the_font_path_is_configurable_and_a_missing_font_says_so(tmp_path):
    with pytest.raises(OSError, match="missing.ttf"):
        render_licence_pdf(make_licence(), "A4", font_path=tmp_path / "missing.ttf")


def test_a_rare_character_in_the_name_is_drawn_not_lost(tmp_path):
    data = render_licence_pdf(make_licence(name="佛山市南海区㙟记餐饮有限公司"), "A4")
    assert b"/Subtype /Image" in data
    pdf = tmp_path / "rare.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "?" not in text.split("https")[0]


@pytest.mark.parametrize(("amount", "words"), [
    ("1000000", "壹佰万元整"), ("10050.5", "壹万零伍拾元伍角"), ("100010000", "壹亿零壹万元整"),
    ("30000.07", "叁万元零柒分"), ("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    ("0", "零元整"), ("10000001", "壹仟万零壹元整"),
])
def test_capital_in_chinese_capital_numerals(amount, words):
    assert yuan_in_capitals(Decimal(amount)) == words


def test_individual_business_shows_no_capital_numerals():
    licence = make_licence(company=False, entity_type="个体工商户", representative_role="经营者",
                           capital_label="资金数额", registered_capital=Decimal("50000"))
    assert licence.field_values()["registered_capital"] == "人民币5万元"


def test_a_long_scope_is_shrunk_to_fit_and_an_impossible_one_is_flagged():
    layout = load_layout("A4", DEFAULT_LAYOUT_DIR)
    long_scope = tuple(f"第{i}项经营活动的规范表述" for i in range(40))
    placement = place(make_licence(scope_general=long_scope), layout)
    sizes = {run.size_pt for run in placement.runs if run.field == "scope"}
    assert max(sizes) < layout.fields["scope"].size_pt and not placement.overflowing
    huge = place(make_licence(scope_general=long_scope * 6), layout)
    assert huge.overflowing == ("scope",)


def test_a_layout_missing_a_field_is_a_clear_error(tmp_path):
    text = (DEFAULT_LAYOUT_DIR / "A4.toml").read_text(encoding="utf-8")
    (tmp_path / "A4.toml").write_text(text.replace("[fields.issued]", "[fields.unused]"),
                                      encoding="utf-8")
    with pytest.raises(LayoutError, match="issued"):
        load_layout("A4", tmp_path)
    with pytest.raises(LayoutError, match="not found"):
        load_layout("B5", tmp_path)


# -- the licence printer over a pseudo-terminal -------------------------------------------------

@pytest.fixture
def virtual_licence(tmp_path):
    printer = VirtualLicencePrinter(baud=115200, out_dir=tmp_path / "out")
    printer.start()
    yield printer
    printer.stop()


@pytest.fixture
def licence_printer(virtual_licence, settings_for, tmp_path):
    printer = LicencePrinter(settings_for(virtual_licence.device_path,
                                          ledger_path=tmp_path / "ledger.sqlite3"))
    yield printer
    printer.close()


def test_overprint_puts_every_field_on_the_sheet_and_the_qr_reads(virtual_licence,
                                                                 licence_printer):
    licence = make_licence()
    result = licence_printer.print(licence, "A4")
    assert result.outcome is Outcome.PRINTED, result.detail
    assert virtual_licence.wait_for_jobs(1)
    job = virtual_licence.jobs[0]
    printed = squash("".join(job.lines))
    for name, value in licence.field_values().items():
        assert squash(value) in printed, name
    assert "统一社会信用代码" not in printed and "登记机关" not in printed  # labels: on the stock
    assert [b.text for b in zxingcpp.read_barcodes(job.image.convert("L"))] == [licence.verify_url]
    assert job.image.size == (1488, 2104)  # A4 at 180 dpi: the printer was told the sheet size


def test_the_same_licence_is_not_printed_twice_without_a_recorded_reprint(
        virtual_licence, licence_printer, settings_for, tmp_path):
    licence = make_licence()
    first = licence_printer.print(licence, "A4")
    assert first.outcome is Outcome.PRINTED
    again = licence_printer.print(licence, "A4")
    assert again.outcome is Outcome.REFUSED and first.job_id in again.detail
    licence_printer.close()
    # A restart must not forget: a new driver on the same ledger file refuses as well.
    restarted = LicencePrinter(settings_for(virtual_licence.device_path,
                                            ledger_path=tmp_path / "ledger.sqlite3"))
    try:
        assert restarted.print(licence, "A4").outcome is Outcome.REFUSED
        reprint = restarted.print(licence, "A4", ReprintRequest("paper jam", "tech-007"))
        assert reprint.outcome is Outcome.PRINTED
        assert restarted.print(licence, "A3").outcome is Outcome.PRINTED  # the original is separate
        history = restarted.ledger.history(licence.credit_code)
    finally:
        restarted.close()
    assert [(h.stock, h.outcome, h.reprint_reason) for h in history] == [
        ("A4", "printed", None), ("A4", "printed", "paper jam"), ("A3", "printed", None)]
    assert virtual_licence.wait_for_jobs(3)
    assert len(virtual_licence.jobs) == 3


def test_an_attempt_cut_short_by_a_crash_counts_as_possibly_printed(tmp_path, licence_printer):
    ledger = ReprintLedger(tmp_path / "ledger.sqlite3")
    ledger.begin("L-crashed", CODE, "A4")  # power lost mid-print: never finished
    ledger.close()
    assert licence_printer.print(make_licence(), "A4").outcome is Outcome.REFUSED


@pytest.mark.parametrize(("fault", "state"), [("paper-out", State.PAPER_OUT),
                                              ("cover-open", State.COVER_OPEN),
                                              ("offline", State.OFFLINE),
                                              ("drop-bytes", State.DISCONNECTED)])
def test_a_fault_before_the_job_sends_nothing_and_allows_a_normal_print_later(
        virtual_licence, licence_printer, fault, state):
    virtual_licence.raise_fault(fault)
    result = licence_printer.print(make_licence(), "A4")
    assert (result.outcome, result.status.state) == (Outcome.FAILED, state)
    assert result.bytes_sent == 0
    virtual_licence.clear_fault()
    assert licence_printer.print(make_licence(), "A4").outcome is Outcome.PRINTED


def test_paper_out_mid_page_is_failed_not_printed(virtual_licence, licence_printer):
    virtual_licence.raise_fault("paper-out", after_bytes=3000)
    result = licence_printer.print(make_licence(), "A4")
    assert (result.outcome, result.status.state) == (Outcome.FAILED, State.PAPER_OUT)
    virtual_licence.clear_fault()
    assert virtual_licence.wait_for_jobs(1, timeout_s=0.5) is False
    assert licence_printer.ledger.history(CODE)[-1].outcome == "failed"
    assert licence_printer.print(make_licence(), "A4").outcome is Outcome.PRINTED


def test_licence_printer_recovers_after_the_link_is_pulled(tmp_path, settings_for):
    emu = VirtualLicencePrinter(baud=115200, out_dir=tmp_path, link_path=tmp_path / "lic.tty")
    with emu:
        printer = LicencePrinter(settings_for(emu.device_path, ledger_path=tmp_path / "l.sqlite3"))
        try:
            assert printer.status().state is State.READY
            emu.pull()
            assert printer.status().state is State.DISCONNECTED
            emu.restore()
            assert printer.status().state is State.READY
            assert printer.print(make_licence(), "A3").outcome is Outcome.PRINTED
        finally:
            printer.close()


def test_unknown_stock_fails_with_the_reason(licence_printer):
    result = licence_printer.print(make_licence(), "B5")
    assert result.outcome is Outcome.FAILED and "B5" in result.detail


def test_text_that_cannot_fit_is_refused_before_anything_is_sent(licence_printer):
    long_scope = tuple(f"第{i}项经营活动的规范表述" for i in range(240))
    result = licence_printer.print(make_licence(scope_general=long_scope), "A4")
    assert result.outcome is Outcome.FAILED and "scope" in result.detail
    assert result.bytes_sent == 0 and licence_printer.ledger.history(CODE) == []


def test_the_layout_files_exist_for_both_stocks():
    for stock in ("A4", "A3"):
        assert Path(DEFAULT_LAYOUT_DIR / f"{stock}.toml").exists()
        assert load_layout(stock, DEFAULT_LAYOUT_DIR).name == stock
