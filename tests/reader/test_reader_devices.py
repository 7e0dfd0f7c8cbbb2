"""The drivers against the virtual devices over real pseudo-terminals, every fault included;
the sample cards' numbers checked by python-stdnum, not by this project's own rule."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date

import pytest
from stdnum.cn import ric

from reader import CardReader, CardStatus, CodeScanner, ScanStatus
from reader.card import TEXT_BYTES, parse_text
from reader.emulator.cards import CARDS, text_block

TODAY = date(2026, 12, 3)


def reader_for(device) -> CardReader:
    return CardReader(device.device_path, today=lambda: TODAY)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id_number[-4:])
def test_sample_numbers_pass_an_independent_check(card):
    # python-stdnum checks the region code was in force at the birth date, too.
    assert ric.is_valid(card.id_number)
    assert ric.calc_check_digit(card.id_number) == card.id_number[-1]
    assert ric.get_birth_date(card.id_number).strftime("%Y%m%d") == card.birth


def test_the_text_block_is_256_bytes_and_reads_back():
    for card in CARDS:
        block = text_block(card)
        assert len(block) == TEXT_BYTES
        parsed = parse_text(block)
        assert (parsed.name, parsed.id_number) == (card.name, card.id_number)
    assert parse_text(text_block(CARDS[1])).name == "刘䶮"  # U+4DAE, inside UCS-2
    assert parse_text(text_block(CARDS[3])).valid_to is None  # 长期


def test_a_card_laid_is_read_with_every_field(card_reader):
    card_reader.place(0)
    result = reader_for(card_reader).read_card()
    assert result.status is CardStatus.READ
    card = result.card
    assert (card.name, card.sex_text, card.nation_text) == ("陈志明", "男", "汉")
    assert card.birth_date == date(1985, 3, 14) and card.valid_to == date(2040, 6, 1)
    assert card.address.startswith("广东省佛山市南海区") and card.authority == "佛山市公安局南海分局"
    assert card.id_number not in repr(card) and card.name not in repr(result)


def test_no_card_then_a_card(card_reader):
    reader = reader_for(card_reader)
    assert reader.read_card().status is CardStatus.NO_CARD
    card_reader.place(3)
    assert reader.read_card().card.nation_text == "壮"


def test_an_expired_card_is_refused_with_the_reason(card_reader):
    card_reader.place(2)
    result = reader_for(card_reader).read_card()
    assert result.status is CardStatus.EXPIRED and result.card.valid_to == date(2025, 9, 10)
    assert "过有效期" in result.message[0] and "expired" in result.message[1]


def test_a_number_that_fails_the_check_is_refused(card_reader):
    card_reader.place(0)
    reader = CardReader(card_reader.device_path, today=lambda: TODAY,
                        check_number=lambda number, today: "ric.checksum")
    assert reader.read_card().status is CardStatus.INVALID_NUMBER


@pytest.mark.parametrize(("fault", "status"), [
    ("remove-mid-read", CardStatus.REMOVED),
    ("unauthorised", CardStatus.NOT_AUTHORISED),
    ("selftest-fail", CardStatus.SELF_TEST_FAILED),
])
def test_each_fault_is_a_value_with_a_message(card_reader, fault, status):
    card_reader.place(0)
    card_reader.fault(fault)
    result = reader_for(card_reader).read_card()
    assert result.status is status and result.card is None
    zh, en = result.message
    assert zh and en.isascii()


def test_one_corrupted_answer_is_asked_again_two_are_a_checksum_error(card_reader):
    card_reader.place(0)
    reader = reader_for(card_reader)
    card_reader.fault("corrupt")
    assert reader.read_card().status is CardStatus.READ  # asked again, read
    original = card_reader._send

    def always_corrupt(data):
        card_reader.faults.add("corrupt")
        original(data)

    card_reader._send = always_corrupt
    assert reader.read_card().status is CardStatus.CHECKSUM_ERROR


def test_unplugged_is_disconnected_and_plugging_back_recovers(card_reader):
    card_reader.place(1)
    reader = reader_for(card_reader)
    assert reader.read_card().status is CardStatus.READ
    card_reader.fault("unplug")
    assert reader.read_card().status is CardStatus.DISCONNECTED
    card_reader.fault("plug")
    assert reader.read_card().status is CardStatus.READ


def test_a_reader_that_does_not_answer(tmp_path):
    import os
    import tty

    master, slave = os.openpty()
    tty.setraw(master)
    try:
        reader = CardReader(os.ttyname(slave), timeout_s=0.3)
        assert reader.read_card().status is CardStatus.NO_ANSWER
        reader.close()
    finally:
        os.close(master)
        os.close(slave)


def wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.02)


def test_the_scanner_yields_codes_and_drops_garbage(scanner):
    driver = CodeScanner(scanner.device_path)
    assert driver.read(0.2).status is ScanStatus.NOTHING
    wait_for(lambda: driver.connected)  # a scan before the port is open is lost, as on hardware
    scanner.garbage()
    scanner.scan("9F1C-2B7E-4D0A")
    assert driver.read(2) .text == "9F1C-2B7E-4D0A"
    scanner.cut("ABCDEF")
    time.sleep(1.3)
    scanner.scan("X1")
    assert driver.read(2).text == "X1" and driver.dropped >= 2
    scanner.suffix = b"\r\n"
    scanner.scan("CRLF")
    assert driver.read(2).text == "CRLF" and driver.read(0.2).status is ScanStatus.NOTHING
    scanner.unplug()
    assert driver.read(2).status is ScanStatus.DISCONNECTED
    scanner.plug()
    driver.read(0.3)
    wait_for(lambda: driver.connected)
    scanner.scan("again")
    assert driver.read(2).text == "again"
    driver.close()


@pytest.mark.parametrize(("kind", "commands"), [("idcard", "remove\nplace 1\n"), ("scanner", "scan A\n")])
def test_the_emulator_prints_its_path_first(kind, commands):
    process = subprocess.Popen([sys.executable, "-m", "reader.emulator", "--kind", kind, "--card", "0"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        path = process.stdout.readline().strip()
        assert path.startswith("/dev/pts/")
        process.stdin.write(commands + "bogus\n")
        process.stdin.flush()
        answers = [process.stdout.readline().strip() for _ in commands.splitlines()]
        assert answers == ["ok"] * len(answers)
        assert process.stdout.readline().startswith("error:")
    finally:
        process.stdin.close()
        process.wait(10)


def test_damage_the_checksum_cannot_see_is_caught_by_reading_twice(card_reader):
    """Two bytes of the name changed by the same mask leave the XOR unchanged (GA 467-2013's
    checksum cannot see it): the first read says 李→杏-like nonsense, the second disagrees, the
    third agrees with the second, and the card comes out right."""
    card_reader.place(0)
    original, damaged = card_reader._send, []

    def cancelling_damage(data):
        if len(data) > 1000 and not damaged:
            data = bytearray(data)
            at = 5 + 2 + 3 + 4  # the first byte of the text: the name's first character
            data[at] ^= 0x01
            data[at + 2] ^= 0x01  # the second character, same mask: XOR unchanged
            damaged.append(True)
            data = bytes(data)
        original(data)

    card_reader._send = cancelling_damage
    result = reader_for(card_reader).read_card()
    assert damaged and result.status is CardStatus.READ and result.card.name == "陈志明"
