"""Come back and print ("print my licence" on the attract screen).

The citizen gives the application number from the receipt (typed, or read by the code scanner
where one is fitted) and the last 6 characters of the applicant's ID number; the counter asks
the backend (kiosk.counter.collection). Approved: the licence prints here, whichever terminal or
channel the application came from; otherwise the screen says where it stands. Both inputs are
checked here first so a typing slip is answered at once, without spending one of the five
proofs the backend allows per number and hour.
"""

from __future__ import annotations

import enum
import logging
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement

from forms import Text
from kiosk.emit import emit

from .services import pick
from .session_bound import SessionBound

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.collect")


class Step(enum.StrEnum):
    ENTER = "enter"
    LOOKING = "looking"
    PRINTING = "printing"
    CHECK = "check"
    PRINTED = "printed"
    NOT_PRINTED = "not-printed"
    ANSWERED = "answered"  # not approved (yet): the message says where it stands


HEADLINES: dict[Step, Text] = {
    Step.LOOKING: Text("正在查询…", "Looking up your application…"),
    Step.PRINTING: Text("已核准，正在打印营业执照…", "Approved: printing your business licence…"),
    Step.CHECK: Text("请查看营业执照是否打印正确", "Please check your business licence"),
    Step.PRINTED: Text("营业执照已打印，请取走", "Your licence has been printed. Please take it"),
    Step.NOT_PRINTED: Text("营业执照暂时无法打印", "The licence cannot print just now"),
}
CHECK_DETAIL = Text("这台打印机不回报打印结果。营业执照上的文字是否完整、位置正确？",
                    "This printer does not report its result. Is all the text on the licence "
                    "complete and in the right boxes?")
CARD_READ = Text("已读取身份证。", "Your ID card was read.")
NOT_PRINTED_DETAIL = Text("{printer}。请通知工作人员，或到另一台终端打印。您的执照不受影响。",
                          "{printer}. Please tell staff, or print it at another kiosk. Your "
                          "licence is not affected.")


@QmlElement
class Collect(SessionBound):
    changed = Signal()
    busyChanged = Signal()  # noqa: N815
    watches = frozenset({"locale"})

    def __init__(self, session=None, worker=None, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.counter: Any = None
        self._worker = worker
        self._number = ""
        self._tail = ""
        self._step = Step.ENTER
        self._message: Text | None = None
        self._reasons: list[Text] = []
        self._found: Any = None
        self._printer: tuple[str, str] = ("", "")
        self._generation = 0
        self._scanner_fitted = False
        self._card_reader = False
        if session is not None:
            session.wiped.connect(self.reset)

    def _t(self, text: Text) -> str:
        return pick(text, str(self._session.get("locale")) if self._session else "zh_CN")

    @Property(str, notify=changed)
    def step(self) -> str:
        return self._step.value

    @Property(bool, notify=busyChanged)
    def busy(self) -> bool:
        return self._step in (Step.LOOKING, Step.PRINTING)

    @Property(bool, notify=changed)
    def scannerFitted(self) -> bool:  # noqa: N802
        """Only a terminal with a code scanner invites the citizen to scan the receipt."""
        return self._scanner_fitted

    def set_scanner_fitted(self, fitted: bool) -> None:
        self._scanner_fitted = fitted
        emit(self.changed)

    @Property(bool, notify=changed)
    def cardReader(self) -> bool:  # noqa: N802
        return self._card_reader

    def set_card_reader(self, fitted: bool) -> None:
        self._card_reader = fitted
        emit(self.changed)

    @Property(str, notify=changed)
    def number(self) -> str:
        return self._number

    @Property(str, notify=changed)
    def tail(self) -> str:
        return self._tail

    @Property(str, notify=changed)
    def headline(self) -> str:
        return self._t(HEADLINES[self._step]) if self._step in HEADLINES else ""

    @Property(str, notify=changed)
    def message(self) -> str:
        if self._step is Step.CHECK:
            return self._t(CHECK_DETAIL)
        if self._step is Step.NOT_PRINTED:
            zh, en = self._printer
            chinese = not self._session or str(self._session.get("locale")) == "zh_CN"
            return self._t(NOT_PRINTED_DETAIL.format(printer=zh if chinese else en))
        return self._t(self._message) if self._message is not None else ""

    @Property(list, notify=changed)
    def reasons(self) -> list[str]:
        return [self._t(r) for r in self._reasons]

    @Slot(str)
    def setNumber(self, text: str) -> None:  # noqa: N802
        self._number = text
        self._message = None
        emit(self.changed)

    @Slot(str)
    def setTail(self, text: str) -> None:  # noqa: N802
        self._tail = text
        self._message = None
        emit(self.changed)

    def scanned(self, text: str) -> bool:
        """A code read by the scanner: fills the number when it is one (and on this screen)."""
        from wire import parse_number

        number = parse_number(text)
        if number is None or self._step is not Step.ENTER:
            return False
        self.setNumber(number)
        return True

    def card_read(self, id_number: str) -> None:
        """An ID card laid on the reader: its number's last 6 characters are the proof."""
        if self._step is not Step.ENTER:
            return
        self._tail = id_number[-6:]
        self._message = None
        if self._number:
            self.find()  # the number is there: the card completes the proof
        else:
            self._message = CARD_READ
            emit(self.changed)

    @Slot()
    def find(self) -> None:
        from kiosk.counter import Found, id_tail
        from kiosk.counter.collection import MESSAGES
        from wire import parse_number

        if self._step is not Step.ENTER:
            return
        if parse_number(self._number) is None:
            self._message = MESSAGES[Found.BAD_NUMBER]
        elif id_tail(self._tail) is None:
            self._message = MESSAGES[Found.BAD_TAIL]
        if self._message is not None or self.counter is None:
            emit(self.changed)
            return
        self._set(Step.LOOKING)
        generation, number, tail = self._generation, self._number, self._tail
        self._worker.run(lambda: self.counter.look_up(number, tail),
                         lambda found, error: self._looked_up(generation, found, error))

    def _looked_up(self, generation: int, found: Any, error: BaseException | None) -> None:
        from kiosk.counter import Found
        from kiosk.counter.collection import MESSAGES

        if generation != self._generation:
            return
        if error is not None or found is None:
            self._message = MESSAGES[Found.UNREACHABLE]
            self._set(Step.ENTER)
            return
        self._found = found
        if found.found is Found.APPROVED:
            self._print(lambda: self.counter.collect(found))
            return
        self._message, self._reasons = found.message, list(found.reasons)
        if found.found in (Found.NOT_YET, Found.RETURNED, Found.REJECTED):
            self._set(Step.ANSWERED)
        else:  # a wrong proof, a locked number, no connection: correct and try again
            self._set(Step.ENTER)

    def _print(self, call) -> None:
        self._set(Step.PRINTING)
        generation = self._generation
        self._worker.run(call, lambda result, error: self._printed(generation, result, error))

    def _printed(self, generation: int, result: Any, error: BaseException | None) -> None:
        from printer.status import STATE_TEXT, Outcome, State

        if generation != self._generation:
            return
        if error is None and result.outcome is Outcome.PRINTED:
            self._set(Step.PRINTED)
        elif error is None and result.outcome is Outcome.UNCONFIRMED:
            self._set(Step.CHECK)
        else:
            state = State(result.printer_state) if error is None else State.ERROR
            self._printer = STATE_TEXT.get(state, STATE_TEXT[State.ERROR])
            self._set(Step.NOT_PRINTED)

    @Slot(bool)
    def answer(self, came_out_right: bool) -> None:
        if self._step is not Step.CHECK:
            return
        if came_out_right:
            self._set(Step.PRINTED)
        else:
            found = self._found
            self._print(lambda: self.counter.collect_again(found))

    @Slot()
    def again(self) -> None:
        """Back to the entry (to correct a typing slip or look up another number)."""
        self._step, self._found, self._reasons = Step.ENTER, None, []
        emit(self.changed)
        emit(self.busyChanged)

    @Slot()
    def reset(self) -> None:
        self._generation += 1
        self._number = self._tail = ""
        self._message, self._found, self._reasons = None, None, []
        self._set(Step.ENTER)

    def _set(self, step: Step) -> None:
        was_busy = self.busy
        self._step = step
        log.info("collect %s", step.value)
        emit(self.changed)
        if was_busy != self.busy:
            emit(self.busyChanged)
