"""Issue 9 on the real screens: Submit -> receipt -> approval at once -> licence, the printer out
of paper with the citizen still there, the idle timer paused while the terminal works, and
"print my licence" at the attract screen. The real backend runs beside the terminal
(`[backend] url = "embedded"`) and both printers are the virtual ones on pseudo-terminals."""

from __future__ import annotations

import pytest

from kiosk.demo.run import demo_application
from kiosk.demo.walk import begin, walk

pytestmark = pytest.mark.ui

SETTLED = ("approved", "later", "returned", "rejected", "not-saved")


def open_terminal(start_terminal, **kwargs):
    d = start_terminal(counter=True, **kwargs)
    d.wait_until(lambda: d.t.counter is not None or d.t.counter_error, timeout=60_000)
    assert d.t.counter is not None, d.t.counter_error
    d.t.worker.wait_idle()
    return d


def fill_and_submit(d, sample) -> None:
    begin(d, sample.service)
    walk(d, sample)
    assert d.find("cannotSubmit") is None
    d.tap("submitButton")
    d.wait_screen("handover")


def test_submit_prints_the_receipt_then_the_licence_approved_at_once(start_terminal) -> None:
    d = open_terminal(start_terminal)
    sample = demo_application()
    fill_and_submit(d, sample)
    handover = d.t.handover
    d.wait_until(lambda: handover.phase == "licence-check", timeout=30_000)
    shown = "\n".join(d.visible_texts())
    assert handover.number in shown and "营业执照" in shown
    assert d.find("cancelButton") is None  # nothing to cancel once submitted
    d.tap("cameOutRight")
    d.wait_until(lambda: handover.phase == "approved", timeout=10_000)
    assert "请取走营业执照" in "\n".join(d.visible_texts())
    assert "食品经营许可已核发，编号 JY" in "\n".join(d.visible_texts())  # the permit, issued at once
    twins = d.t.counter.printers.twins
    assert twins[0].wait_for_jobs(1) and twins[1].wait_for_jobs(1)
    d.tap("handoverFinish")
    d.wait_screen("attract")
    assert d.t.session.is_pristine() and handover.number == ""


def test_out_of_paper_keeps_the_citizen_informed_and_prints_when_paper_is_loaded(start_terminal) -> None:
    d = open_terminal(start_terminal)
    receipt_printer = d.t.counter.printers.twins[0]
    sample = demo_application()
    begin(d, sample.service)
    walk(d, sample)
    receipt_printer.raise_fault("paper-out")  # the paper runs out while this citizen fills in
    d.tap("submitButton")
    d.wait_screen("handover")
    handover = d.t.handover
    d.wait_until(lambda: handover.phase == "receipt-wait", timeout=20_000)
    shown = "\n".join(d.visible_texts())
    assert "打印纸已用完" in shown and handover.number in shown and "不会丢失" in shown
    d.t.session.set("locale", "en_US")
    d.wait_until(lambda: "out of paper" in "\n".join(d.visible_texts()))
    assert d.t.journey.screen == "handover"  # the session is kept
    receipt_printer.clear_fault("paper-out")
    d.wait_until(lambda: handover.phase not in ("receipt-wait", "receipt"), timeout=20_000)
    assert receipt_printer.wait_for_jobs(1)
    assert d.t.counter.counter.store.view(d.t.handover._confirmed.id).jobs[0] == ("receipt", "printed")


def test_the_idle_timer_waits_while_the_terminal_works_for_the_citizen(start_terminal) -> None:
    d = open_terminal(start_terminal)
    fill_and_submit(d, demo_application())
    handover = d.t.handover
    d.wait_until(lambda: handover.busy)
    assert not d.t.idle_watch.armed
    d.wait_until(lambda: handover.phase in SETTLED or handover.asking, timeout=30_000)
    assert d.t.idle_watch.armed


def test_print_my_licence_with_a_wrong_tail_then_the_right_one(start_terminal) -> None:
    d = open_terminal(start_terminal)
    sample = demo_application()
    fill_and_submit(d, sample)
    handover = d.t.handover
    d.wait_until(lambda: handover.phase == "licence-check", timeout=30_000)
    number = handover.number
    d.tap("cameOutRight")
    d.wait_until(lambda: handover.phase == "approved")
    d.tap("handoverFinish")
    d.wait_screen("attract")

    d.tap("collectButton")
    d.wait_screen("collect")
    d.type_into("collectNumber", number.lower().replace("-", " "))
    d.type_into("collectTail", "12345")
    d.tap("collectFind")
    d.wait_until(lambda: "后 6 位" in d.t.collect.message or "6 characters" in d.t.collect.message)
    d.type_into("collectTail", "000000")
    d.tap("collectFind")
    d.wait_until(lambda: "不正确" in d.t.collect.message, timeout=20_000)
    d.type_into("collectTail", sample.answers["operator_id"][-6:])
    d.tap("collectFind")
    d.wait_until(lambda: d.t.collect.step == "check", timeout=30_000)
    d.tap("collectCameOutRight")
    d.wait_until(lambda: d.t.collect.step == "printed")
    d.tap("collectFinish")
    d.wait_screen("attract")
    assert d.t.collect.number == "" and d.t.collect.tail == ""


def test_out_of_service_while_the_receipt_printer_cannot_print_and_back_by_itself(start_terminal) -> None:
    d = open_terminal(start_terminal)
    receipt_printer = d.t.counter.printers.twins[0]
    receipt_printer.raise_fault("paper-out")
    d.wait_until(lambda: d.t.journey.outOfService, timeout=15_000)
    shown = "\n".join(d.visible_texts())
    assert "暂停服务" in shown and "out of service" in shown and "回执打印机" in shown
    assert "service counter" in shown  # where to go instead ([diagnostics] alternative_en)
    assert not d.item("startButton").isEnabled() and not d.item("collectButton").isEnabled()
    d.t.journey.start()
    assert d.t.journey.screen == "attract"  # nobody starts what cannot be finished
    receipt_printer.clear_fault("paper-out")
    d.wait_until(lambda: not d.t.journey.outOfService, timeout=15_000)
    assert d.item("startButton").isEnabled()
    d.tap("startButton")
    d.wait_screen("services")
