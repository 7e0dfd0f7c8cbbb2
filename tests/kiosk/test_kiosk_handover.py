"""The done screen's decisions (kiosk.ui.viewmodels.handover) with a scripted counter: every
path a print or a decision can take, in both languages, without a screen or a printer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kiosk.counter.counter import PrintStep
from kiosk.counter.printing import PrinterReport
from kiosk.session import Session
from kiosk.store import JobState, PrintOutcome
from kiosk.ui.viewmodels.handover import Handover
from kiosk.ui.viewmodels.worker import CounterWorker


@dataclass
class Confirmed:
    id: str = "app-1"
    number: str = "9F1C-2B7E-4D0A"
    receipt_job_id: int = 1


class ScriptedCounter:
    """Answers print_job from a script of (state, printer state) per call."""

    def __init__(self, prints, decision=None, fail_submit=False):
        self.prints = list(prints)
        self.calls = []
        self._decision = decision
        self.fail_submit = fail_submit
        self.store = self

    def submit(self, application, signatures):
        if self.fail_submit:
            raise OSError("disk full")
        return Confirmed()

    def print_job(self, job_id):
        state, printer = self.prints.pop(0)
        self.calls.append(("print", job_id))
        outcome = {JobState.PRINTED: PrintOutcome.PRINTED, JobState.QUEUED: PrintOutcome.REFUSED,
                   JobState.UNCONFIRMED: PrintOutcome.UNCONFIRMED}.get(state, PrintOutcome.PARTLY_PRINTED)
        return PrintStep(job_id, state, PrinterReport(outcome, printer, "", 0))

    def came_out(self, job_id, right):
        self.calls.append(("came_out", job_id, right))
        return None if right else job_id + 100

    def licence_for(self, application_id):
        return 7

    def decision(self, application_id):  # the store's: the decision as stored
        return self._decision

    def view(self, application_id):
        @dataclass
        class View:
            outbox_state: str = "pending"

        return View()


@pytest.fixture
def make(qapp, qtbot):
    def make(prints, decision_status=None, reasons=(), wait=1, **kwargs):
        session = Session()
        worker = CounterWorker()
        handover = Handover(session, worker, decision_wait_seconds=wait)
        counter = ScriptedCounter(prints, {"status": decision_status, "reasons": list(reasons)}, **kwargs)
        handover.counter = counter
        return handover, counter, session, qtbot

    return make


def wait_phase(qtbot, handover, *phases, timeout=8000):
    qtbot.waitUntil(lambda: handover.phase in phases, timeout=timeout)


def test_receipt_then_approval_prints_the_licence_and_asks_about_it(make):
    handover, counter, session, qtbot = make([(JobState.PRINTED, "ready"), (JobState.UNCONFIRMED, "unknown")])
    handover.start(object(), [])
    handover.on_decided("app-1", "approved")  # the answer to the POST can come before the receipt
    wait_phase(qtbot, handover, "licence-check")
    assert handover.asking and not handover.busy and handover.number == "9F1C-2B7E-4D0A"
    handover.answer(True)
    wait_phase(qtbot, handover, "approved")
    assert counter.calls == [("print", 1), ("print", 7), ("came_out", 7, True)]
    assert "营业执照" in handover.headline
    session.set("locale", "en_US")
    assert "licence" in handover.headline


def test_a_printer_out_of_paper_is_said_and_retried_until_it_prints(make):
    handover, counter, session, qtbot = make([(JobState.QUEUED, "paper-out"), (JobState.QUEUED, "paper-out"),
                                              (JobState.PRINTED, "ready")])
    handover._retry.setInterval(50)
    handover.start(object(), [])
    wait_phase(qtbot, handover, "receipt-wait")
    assert "打印纸已用完" in handover.detail and "不会丢失" in handover.detail
    session.set("locale", "en_US")
    assert "out of paper" in handover.detail and "will not be lost" in handover.detail
    assert not handover.busy  # the idle timer runs: a citizen who walks away is not kept
    wait_phase(qtbot, handover, "decision", "later")
    assert [c for c in counter.calls if c[0] == "print"] == [("print", 1)] * 3


def test_a_receipt_that_stopped_part_way_is_reprinted_when_the_citizen_says_no(make):
    handover, counter, _session, qtbot = make([(JobState.FLAGGED, "paper-out"), (JobState.PRINTED, "ready")])
    handover.start(object(), [])
    wait_phase(qtbot, handover, "receipt-check")
    assert "打印纸已用完" in handover.detail
    handover.answer(False)
    wait_phase(qtbot, handover, "decision", "later")
    assert ("came_out", 1, False) in counter.calls and ("print", 101) in counter.calls


@pytest.mark.parametrize(("status", "phase", "words"), [
    ("returned", "returned", "修改"), ("rejected", "rejected", "未予核准"), ("in-review", "later", "短信"),
])
def test_a_decision_other_than_approval_says_what_happens_next(make, status, phase, words):
    reasons = [{"code": "name-taken", "zh": "名称已被登记", "en": "The name is taken"}]
    handover, _counter, session, qtbot = make([(JobState.PRINTED, "ready")], decision_status=status,
                                              reasons=reasons)
    handover.start(object(), [])
    handover.on_decided("app-1", status)
    wait_phase(qtbot, handover, phase)
    assert words in handover.headline + handover.detail
    if phase != "later":
        assert handover.reasons == ["名称已被登记"]
        session.set("locale", "en_US")
        assert handover.reasons == ["The name is taken"]


def test_no_decision_in_time_says_it_is_saved_and_will_be_sent(make):
    handover, _counter, session, qtbot = make([(JobState.PRINTED, "ready")], wait=1)
    handover.start(object(), [])
    wait_phase(qtbot, handover, "later", timeout=5000)
    assert "联网后自动发送" in handover.detail  # the outbox still holds it
    assert handover.number in ("9F1C-2B7E-4D0A",)


def test_a_store_that_cannot_save_says_so_and_submits_nothing(make):
    handover, counter, _session, qtbot = make([], fail_submit=True)
    handover.start(object(), [])
    wait_phase(qtbot, handover, "not-saved")
    assert "服务窗口" in handover.detail and counter.calls == []


def test_a_visit_that_ends_drops_late_answers(make):
    handover, _counter, session, qtbot = make([(JobState.PRINTED, "ready")], wait=30)
    handover.start(object(), [])
    wait_phase(qtbot, handover, "decision")
    session.wipe()
    assert handover.phase == "idle" and handover.number == ""
    handover.on_decided("app-1", "approved")
    assert handover.phase == "idle"


def test_the_approved_screen_says_what_became_of_each_permit(make):
    handover, _counter, session, qtbot = make([(JobState.PRINTED, "ready"), (JobState.PRINTED, "ready")],
                                              decision_status="approved")
    handover.counter._decision["addons"] = [
        {"addon_id": "food_business", "outcome": "permit-issued", "number": "JY14406050000001"},
        {"addon_id": "class2_device_filing", "outcome": "pending"},
    ]
    handover.start(object(), [])
    handover.on_decided("app-1", "approved")
    wait_phase(qtbot, handover, "approved")
    assert "食品经营许可已核发，编号 JY14406050000001" in handover.detail
    assert "另行审核" in handover.detail
    session.set("locale", "en_US")
    assert "Food business permit issued, number JY14406050000001" in handover.detail
