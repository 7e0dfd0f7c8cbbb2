"""Print my licence (kiosk.ui.viewmodels.collect) with a scripted counter: typing slips are
answered before the backend is asked (a proof is precious: five wrong ones lock the number)."""

from __future__ import annotations

import pytest

from forms import Text
from kiosk.counter import Found, Lookup
from kiosk.counter.counter import Collected
from kiosk.session import Session
from kiosk.ui.viewmodels.collect import Collect
from kiosk.ui.viewmodels.worker import CounterWorker
from printer.status import Outcome


class ScriptedCounter:
    def __init__(self, found: Lookup, prints=()):
        self.found, self.prints, self.asked = found, list(prints), []

    def look_up(self, number, tail):
        self.asked.append((number, tail))
        return self.found

    def collect(self, found):
        return self.prints.pop(0)

    collect_again = collect


@pytest.fixture
def make(qapp, qtbot):
    def make(found, prints=()):
        session = Session()
        collect = Collect(session, CounterWorker())
        collect.counter = ScriptedCounter(found, prints)
        return collect, session, qtbot

    return make


APPROVED = Lookup(Found.APPROVED, decision=object())


@pytest.mark.parametrize(("number", "tail", "words"), [
    ("12345", "140009", "12 位"), ("9F1C-2B7E-4D0G", "140009", "12 位"),
    ("9F1C-2B7E-4D0A", "14000", "后 6 位"), ("9F1C-2B7E-4D0A", "1400Y9", "后 6 位"),
])
def test_slips_are_answered_without_asking_the_backend(make, number, tail, words):
    collect, session, _ = make(APPROVED)
    collect.setNumber(number)
    collect.setTail(tail)
    collect.find()
    assert words in collect.message and collect.step == "enter"
    assert collect.counter.asked == []
    session.set("locale", "en_US")
    assert collect.message.isascii() and collect.message


def test_as_people_type_it_the_backend_is_asked_and_the_licence_printed(make):
    collect, _session, qtbot = make(APPROVED, [Collected(Outcome.UNCONFIRMED, "unknown", ""),
                                               Collected(Outcome.UNCONFIRMED, "unknown", "")])
    collect.setNumber("９f1c 2b7e 4d0a")  # full width, lower case, spaces
    collect.setTail("14000x")
    collect.find()
    qtbot.waitUntil(lambda: collect.step == "check")
    assert collect.counter.asked == [("９f1c 2b7e 4d0a", "14000x")]
    collect.answer(False)  # did not come out right: printed again
    qtbot.waitUntil(lambda: collect.step == "check")
    collect.answer(True)
    assert collect.step == "printed" and "取走" in collect.headline


def test_a_scanned_receipt_fills_the_number(make):
    collect, _session, _ = make(APPROVED)
    assert not collect.scanned("https://example.com/not-a-number")
    assert collect.scanned("9f1c2b7e4d0a") and collect.number == "9F1C-2B7E-4D0A"


@pytest.mark.parametrize(("found", "step"), [
    (Lookup(Found.NOT_YET), "answered"), (Lookup(Found.NO_MATCH), "enter"),
    (Lookup(Found.LOCKED), "enter"), (Lookup(Found.UNREACHABLE), "enter"),
    (Lookup(Found.RETURNED, reasons=(Text("名称不合规", "The name is not allowed"),)), "answered"),
])
def test_each_answer_says_where_it_stands(make, found, step):
    collect, session, qtbot = make(found)
    collect.setNumber("9F1C-2B7E-4D0A")
    collect.setTail("140009")
    collect.find()
    qtbot.waitUntil(lambda: collect.step == step and not collect.busy)
    assert collect.message == found.message.zh
    session.set("locale", "en_US")
    assert collect.message == found.message.en
    assert collect.reasons == [r.en for r in found.reasons]


def test_a_printer_that_cannot_print_is_said(make):
    collect, _session, qtbot = make(APPROVED, [Collected(Outcome.FAILED, "paper-out", "not sent")])
    collect.setNumber("9F1C-2B7E-4D0A")
    collect.setTail("140009")
    collect.find()
    qtbot.waitUntil(lambda: collect.step == "not-printed")
    assert "打印纸已用完" in collect.message and "不受影响" in collect.message
