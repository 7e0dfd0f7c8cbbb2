"""Issue 14 on the real screens: the ID card laid on the (virtual) reader fills the identify
stage; an expired card is refused with the reason; the reader is asked only while the identify
stage is on screen; a receipt scanned on "print my licence" fills the number."""

from __future__ import annotations

import time

import pytest

from kiosk.demo.walk import begin
from reader.emulator.cards import CARDS

pytestmark = pytest.mark.ui


def open_terminal(start_terminal):
    d = start_terminal(counter=True)
    d.wait_until(lambda: d.t.readers is not None and d.t.counter is not None, timeout=60_000)
    reader, scanner = d.t.readers.twins
    reader.remove()
    return d, reader, scanner


def texts(d) -> str:
    return "\n".join(d.visible_texts())


def test_a_card_laid_fills_the_name_and_id_number(start_terminal):
    d, reader, _ = open_terminal(start_terminal)
    begin(d, "individual_business")
    assert "请将身份证放在读卡器上" in texts(d)
    applicant = d.t.journey.form.journey.draft.applicant
    requests_before = len(reader.requests)
    reader.place(1)
    d.wait_until(lambda: applicant.id_number == CARDS[1].id_number, timeout=5000)
    assert applicant.name == "刘䶮"
    d.wait_until(lambda: "刘䶮" in texts(d) and CARDS[1].id_number in texts(d))
    assert "已读取身份证" in texts(d)
    assert len(reader.requests) > requests_before
    # The applicant corrects nothing, adds the mobile, and goes on: the reader falls silent.
    d.type_into("field_mobile", "13800000000")
    d.tap("nextButton")
    d.wait_until(lambda: d.t.journey.form.stageKind != "identify")
    d.settle()
    asked = len(reader.requests)
    time.sleep(1.2)
    d.settle()
    assert len(reader.requests) == asked  # not asked while another stage is on screen
    d.tap("cancelButton")
    d.tap("cancelButton")
    d.wait_screen("attract")
    assert applicant is not d.t.session.get("draft") and d.t.journey.form.cardMessage == ""


def test_an_expired_card_is_refused_with_the_reason(start_terminal):
    d, reader, _ = open_terminal(start_terminal)
    begin(d, "individual_business")
    reader.place(2)
    d.wait_until(lambda: "过有效期" in d.t.journey.form.cardMessage, timeout=5000)
    assert d.t.journey.form.journey.draft.applicant.id_number == ""
    d.t.session.set("locale", "en_US")
    d.wait_until(lambda: "expired" in texts(d))


def test_a_reader_pulled_out_says_type_instead(start_terminal):
    d, reader, _ = open_terminal(start_terminal)
    begin(d, "individual_business")
    reader.fault("unplug")
    d.wait_until(lambda: "未连接" in d.t.journey.form.cardMessage, timeout=5000)
    reader.fault("plug")
    reader.place(0)
    d.wait_until(lambda: d.t.journey.form.journey.draft.applicant.id_number == CARDS[0].id_number,
                 timeout=8000)


def test_a_scanned_receipt_fills_the_number_on_print_my_licence(start_terminal):
    d, _, scanner = open_terminal(start_terminal)
    assert "二维码对准扫码器" not in texts(d)
    d.tap("collectButton")
    d.wait_screen("collect")
    assert "二维码对准扫码器" in texts(d)
    scanner.garbage()
    scanner.scan("9f1c2b7e4d0a")
    d.wait_until(lambda: d.t.collect.number == "9F1C-2B7E-4D0A", timeout=5000)
    d.wait_until(lambda: "9F1C-2B7E-4D0A" in texts(d))


def test_on_print_my_licence_a_card_laid_is_the_proof(start_terminal):
    d, reader, _ = open_terminal(start_terminal)
    d.tap("collectButton")
    d.wait_screen("collect")
    assert "身份证放在读卡器上" in texts(d)
    d.type_into("collectNumber", "9F1C-2B7E-4D0A")
    reader.place(3)
    # The card's last 6 characters are the proof, and the lookup goes at once (this number is
    # nobody's, so the backend answers as for a wrong proof).
    d.wait_until(lambda: d.t.collect.tail == CARDS[3].id_number[-6:], timeout=5000)
    d.wait_until(lambda: "不正确" in d.t.collect.message, timeout=20_000)
