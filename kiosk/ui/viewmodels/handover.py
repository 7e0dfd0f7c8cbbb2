"""The done screen: the application is kept and sent, the receipt prints, and — when the backend
approves at once — the licence prints while the applicant is still here.

    saving ─▶ receipt ─▶ decision (waits up to [counter] decision_wait_seconds) ─▶ licence ─▶ approved
               │  ▲        └─▶ later (in review, or no answer yet) / returned / rejected
               ▼  │ printer ready again
           receipt-wait (out of paper, cover open: says so, retries by itself)
    receipt-check / licence-check: the printer could not confirm the paper; the citizen says
    whether it came out right, and a "no" prints it again as a recorded reprint.

Every slow step runs on the counter's worker thread; `busy` is true while the terminal works
for the person in front of it, and the composition root pauses the idle timer meanwhile.
"""

from __future__ import annotations

import enum
import logging
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from forms import Text
from kiosk.emit import emit

from .services import pick
from .session_bound import SessionBound

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.handover")

RETRY_SECONDS = 3  # a printer that was not ready is asked again this often


class Phase(enum.StrEnum):
    IDLE = "idle"
    SAVING = "saving"
    RECEIPT = "receipt"
    RECEIPT_WAIT = "receipt-wait"
    RECEIPT_CHECK = "receipt-check"
    DECISION = "decision"
    LICENCE = "licence"
    LICENCE_WAIT = "licence-wait"
    LICENCE_CHECK = "licence-check"
    APPROVED = "approved"
    LATER = "later"
    RETURNED = "returned"
    REJECTED = "rejected"
    NOT_SAVED = "not-saved"


WORKING = frozenset({Phase.SAVING, Phase.RECEIPT, Phase.DECISION, Phase.LICENCE})
ASKING = frozenset({Phase.RECEIPT_CHECK, Phase.LICENCE_CHECK})

HEADLINES: dict[Phase, Text] = {
    Phase.SAVING: Text("正在保存您的申请…", "Saving your application…"),
    Phase.RECEIPT: Text("申请已保存，正在打印回执…", "Application saved. Printing your receipt…"),
    Phase.RECEIPT_WAIT: Text("申请已保存，回执暂时无法打印", "Application saved. The receipt cannot print just now"),
    Phase.RECEIPT_CHECK: Text("请查看回执是否完整打印", "Please check your receipt"),
    Phase.DECISION: Text("回执已打印，正在等待审批结果…", "Receipt printed. Waiting for the decision…"),
    Phase.LICENCE: Text("已核准！正在打印营业执照…", "Approved! Printing your business licence…"),
    Phase.LICENCE_WAIT: Text("已核准，营业执照暂时无法打印", "Approved. The licence cannot print just now"),
    Phase.LICENCE_CHECK: Text("请查看营业执照是否打印正确", "Please check your business licence"),
    Phase.APPROVED: Text("办理完成，请取走营业执照和回执", "Done. Please take your licence and receipt"),
    Phase.LATER: Text("申请已提交，请保管好回执", "Application submitted. Please keep your receipt"),
    Phase.RETURNED: Text("申请需要修改", "Your application needs correcting"),
    Phase.REJECTED: Text("申请未予核准", "Your application was not approved"),
    Phase.NOT_SAVED: Text("申请未能保存", "Your application could not be saved"),
}

DETAILS: dict[Phase, Text] = {
    Phase.SAVING: Text("请稍候，不要离开。", "Please wait; do not leave yet."),
    Phase.RECEIPT: Text("回执从下方出纸口打出。", "The receipt comes out of the slot below."),
    Phase.RECEIPT_WAIT: Text(
        "{printer}。您的申请已保存，不会丢失；打印机恢复后回执会自动打出。请记下申请编号。",
        "{printer}. Your application is saved and will not be lost; the receipt prints by itself "
        "once the printer is ready. Please note your application number."),
    Phase.RECEIPT_CHECK: Text(
        "打印机无法确认回执是否完整打出（{printer}）。回执上的申请编号是否完整清晰？",
        "The printer could not confirm the receipt ({printer}). Is the application number on it "
        "complete and readable?"),
    Phase.DECISION: Text("还需约 {seconds} 秒。符合条件的申请当场核准。",
                         "About {seconds} seconds. Applications that meet every condition are "
                         "approved on the spot."),
    Phase.LICENCE: Text("营业执照从下方执照打印机打出，请稍候。",
                        "The licence comes out of the licence printer below; please wait."),
    Phase.LICENCE_WAIT: Text(
        "{printer}。执照不会丢失：打印机恢复后可在本机或任一终端凭申请编号打印。",
        "{printer}. Nothing is lost: once the printer is ready, print it here or at any kiosk "
        "with your application number."),
    Phase.LICENCE_CHECK: Text(
        "这台打印机不回报打印结果。营业执照上的文字是否完整、位置正确？",
        "This printer does not report its result. Is all the text on the licence complete and in "
        "the right boxes?"),
    Phase.APPROVED: Text("营业执照已打印。", "Your licence has been printed."),
    Phase.LATER: Text(
        "审核结果将以短信通知。核准后，凭回执上的申请编号和身份证件号码后6位，"
        "可在任一自助终端点击「打印我的执照」。",
        "You will get a text message with the decision. Once approved, print your licence at any "
        "kiosk: tap \"Print my licence\" and enter the application number on your receipt and the "
        "last 6 characters of your ID number."),
    Phase.RETURNED: Text("原因如下。请按原因修改后重新申请。",
                         "The reasons are below. Please correct the application and apply again."),
    Phase.REJECTED: Text("原因如下。如有疑问请咨询窗口工作人员。",
                         "The reasons are below. Ask at the counter if anything is unclear."),
    Phase.NOT_SAVED: Text("本机出现故障，申请没有提交。请到服务窗口办理，或稍后再试。",
                          "This terminal has a fault and the application was not submitted. Please "
                          "go to the service counter, or try again later."),
}

# What the backend decided about each permit added (wire.AddOnOutcomeKind), said with the licence.
ADDON_OUTCOMES: dict[str, Text] = {
    "permit-issued": Text("{title}已核发，编号 {number}。", "{title} issued, number {number}."),
    "filed": Text("{title}已备案，编号 {number}。", "{title} filed, number {number}."),
    "pending": Text("{title}另行审核，结果以短信通知。", "{title} is reviewed separately; you will get a text message."),
    "refused": Text("{title}未予核发，请咨询窗口。", "{title} was not granted; please ask at the counter."),
    "returned": Text("{title}随申请退回。", "{title} was returned with the application."),
}

OFFLINE_NOTE = Text("（本机暂时未连上登记系统，申请已保存，联网后自动发送。）",
                    "(This terminal is offline just now; your application is saved and is sent "
                    "automatically when the connection is back.)")


@QmlElement
class Handover(SessionBound):
    changed = Signal()
    busyChanged = Signal()  # noqa: N815
    watches = frozenset({"locale"})

    def __init__(self, session=None, worker=None, decision_wait_seconds: int = 20,
                 parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.counter: Any = None  # kiosk.counter.Counter, set by the composition root
        self._worker = worker
        self._wait_seconds = decision_wait_seconds
        self._phase = Phase.IDLE
        self._confirmed: Any = None
        self._decision: str | None = None
        self._printer: tuple[str, str] = ("", "")
        self._job_id: int | None = None
        self._reasons: list[Text] = []
        self._seconds_left = 0
        self._generation = 0  # results of an earlier visit are dropped
        self._offline = False
        # Decisions heard before the store answered (the relay can be that quick): kept by id.
        self._heard: dict[str, str] = {}
        self._addons: list[Text] = []  # each added permit's outcome, from the decision
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_SECONDS * 1000)
        self._retry.timeout.connect(self._on_retry)
        if session is not None:
            session.wiped.connect(self.reset)

    # --- what the screen shows -------------------------------------------------------------

    def _t(self, text: Text) -> str:
        return pick(text, str(self._session.get("locale")) if self._session else "zh_CN")

    @Property(str, notify=changed)
    def phase(self) -> str:
        return self._phase.value

    @Property(str, notify=changed)
    def number(self) -> str:
        return self._confirmed.number if self._confirmed is not None else ""

    @Property(bool, notify=busyChanged)
    def busy(self) -> bool:
        return self._phase in WORKING

    @Property(bool, notify=changed)
    def asking(self) -> bool:
        return self._phase in ASKING

    @Property(str, notify=changed)
    def headline(self) -> str:
        return self._t(HEADLINES[self._phase]) if self._phase in HEADLINES else ""

    @Property(str, notify=changed)
    def detail(self) -> str:
        if self._phase not in DETAILS:
            return ""
        zh, en = self._printer
        text = DETAILS[self._phase].format(printer=zh if self._locale_zh() else en,
                                           seconds=self._seconds_left)
        shown = self._t(text)
        if self._phase is Phase.LATER and self._offline:
            shown += self._t(OFFLINE_NOTE)
        if self._phase is Phase.APPROVED:
            shown += "".join(self._t(line) for line in self._addons)
        return shown

    @Property(list, notify=changed)
    def reasons(self) -> list[str]:
        return [self._t(reason) for reason in self._reasons]

    @Property(int, notify=changed)
    def secondsLeft(self) -> int:  # noqa: N802
        return self._seconds_left

    def _locale_zh(self) -> bool:
        return not self._session or str(self._session.get("locale")) == "zh_CN"

    # --- the visit -------------------------------------------------------------------------

    def start(self, application: Any, signatures: list) -> None:
        """Keep and send the confirmed application, then print its receipt."""
        self._generation += 1
        self._confirmed, self._decision, self._reasons, self._offline = None, None, [], False
        self._set(Phase.SAVING)
        generation = self._generation
        self._worker.run(lambda: self.counter.submit(application, signatures),
                         lambda result, error: self._saved(generation, result, error))

    def _saved(self, generation: int, confirmed: Any, error: BaseException | None) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self._set(Phase.NOT_SAVED)
            return
        self._confirmed = confirmed
        self._decision = self._heard.pop(confirmed.id, None)
        self._job_id = confirmed.receipt_job_id
        self._print(Phase.RECEIPT)

    def _print(self, phase: Phase) -> None:
        self._set(phase)
        generation, job_id = self._generation, self._job_id
        self._worker.run(lambda: self.counter.print_job(job_id),
                         lambda step, error: self._printed(generation, phase, step, error))

    def _printed(self, generation: int, phase: Phase, step: Any, error: BaseException | None) -> None:
        if generation != self._generation:
            return
        from kiosk.store import JobState
        from printer.status import STATE_TEXT, State

        receipt = phase is Phase.RECEIPT
        state = step.state if step is not None else JobState.FLAGGED
        printer = step.printer_state if step is not None else "error"
        self._printer = STATE_TEXT.get(State(printer), STATE_TEXT[State.ERROR]) if printer else ("", "")
        if error is None and state is JobState.PRINTED:
            self._after_receipt() if receipt else self._set(Phase.APPROVED)
        elif error is None and state is JobState.QUEUED:  # the printer was not ready: nothing sent
            self._set(Phase.RECEIPT_WAIT if receipt else Phase.LICENCE_WAIT)
            self._retry.start()
        else:  # unconfirmed, or stopped part-way (flagged): the citizen looks at the paper
            self._set(Phase.RECEIPT_CHECK if receipt else Phase.LICENCE_CHECK)

    def _on_retry(self) -> None:
        if self._phase is Phase.RECEIPT_WAIT:
            self._print(Phase.RECEIPT)
        elif self._phase is Phase.LICENCE_WAIT:
            self._print(Phase.LICENCE)

    @Slot(bool)
    def answer(self, came_out_right: bool) -> None:
        """The citizen's answer to "did it come out right?"."""
        if self._phase not in ASKING or self._job_id is None:
            return
        receipt = self._phase is Phase.RECEIPT_CHECK
        generation, job_id = self._generation, self._job_id

        def answered(reprint: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if reprint is not None:
                self._job_id = reprint
                self._print(Phase.RECEIPT if receipt else Phase.LICENCE)
            elif receipt:
                self._after_receipt()
            else:
                self._set(Phase.APPROVED)

        self._worker.run(lambda: self.counter.came_out(job_id, came_out_right), answered)

    def _after_receipt(self) -> None:
        if self._decision is not None:
            self._decided()
            return
        self._seconds_left = self._wait_seconds
        self._set(Phase.DECISION)
        self._tick.start()

    def _on_tick(self) -> None:
        self._seconds_left = max(0, self._seconds_left - 1)
        if self._phase is not Phase.DECISION:
            self._tick.stop()
            return
        if self._seconds_left == 0:
            self._tick.stop()
            # Still in the outbox? Asked on the counter's thread: the store is not read here.
            generation, app_id, store = self._generation, self._confirmed.id, self.counter.store

            def answered(state: Any, error: BaseException | None) -> None:
                if generation == self._generation:
                    self._offline = error is not None or state == "pending"
                    self._set(Phase.LATER)

            self._worker.run(lambda: store.view(app_id).outbox_state, answered)
        else:
            emit(self.changed)

    def on_decided(self, application_id: str, status: str) -> None:
        """The relay heard the backend's decision (on the UI thread)."""
        if self._phase is Phase.SAVING:
            self._heard[application_id] = status
            return
        if self._confirmed is None or application_id != self._confirmed.id:
            return
        self._decision = status
        if self._phase is Phase.DECISION:
            self._tick.stop()
            self._decided()

    def _decided(self) -> None:
        status = self._decision
        if status == "approved":
            generation, app_id = self._generation, self._confirmed.id
            self._set(Phase.LICENCE)

            def queued(answer: Any, error: BaseException | None) -> None:
                if generation != self._generation:
                    return
                job_id, decision = answer if error is None else (None, None)
                self._addons = addon_lines(decision)
                if job_id is None:
                    self._set(Phase.LATER)
                    return
                self._job_id = job_id
                self._print(Phase.LICENCE)

            counter = self.counter
            self._worker.run(lambda: (counter.licence_for(app_id), counter.store.decision(app_id)), queued)
        elif status in ("returned", "rejected"):
            # The reasons are sealed in the store: opened on the counter's thread.
            generation, app_id, store = self._generation, self._confirmed.id, self.counter.store

            def opened(decision: Any, error: BaseException | None) -> None:
                if generation != self._generation:
                    return
                reasons = (decision or {}).get("reasons", []) if error is None else []
                self._reasons = [Text(r.get("zh", ""), r.get("en", "")) for r in reasons]
                self._set(Phase.RETURNED if status == "returned" else Phase.REJECTED)

            self._worker.run(lambda: store.decision(app_id), opened)
        else:
            self._set(Phase.LATER)

    @Slot()
    def reset(self) -> None:
        """The visit ended: forget it (a print still running finishes, its answer is dropped)."""
        self._generation += 1
        self._tick.stop()
        self._retry.stop()
        self._confirmed, self._decision, self._job_id, self._reasons = None, None, None, []
        self._addons = []
        self._heard.clear()
        self._set(Phase.IDLE)

    def _set(self, phase: Phase) -> None:
        was_busy = self.busy
        self._phase = phase
        log.info("handover %s", phase.value)
        emit(self.changed)
        if was_busy != self.busy:
            emit(self.busyChanged)


def addon_lines(decision: dict | None) -> list[Text]:
    """One sentence per permit added, in the decision's order (forms gives the title)."""
    import forms

    lines = []
    for outcome in (decision or {}).get("addons", []):
        wording = ADDON_OUTCOMES.get(outcome.get("outcome", ""))
        if wording is None:
            continue
        title = forms.addon(outcome["addon_id"]).title
        number = outcome.get("number") or "—"
        lines.append(Text(wording.zh.format(title=title.zh, number=number),
                          wording.en.format(title=title.en, number=number)))
    return lines
