"""The technician's hidden service mode: entered by holding the attract screen's top-left
corner for five seconds, then the PIN (kiosk.diagnostics.access). Never during a citizen's
visit: only the attract screen opens it. It ends after ten idle minutes.

    pin -> (change, when the shipped PIN is still set) -> overview
    overview: the checks (status words and marks, not colour alone), refresh, a test receipt,
              send parked applications again, export the readiness report, leave.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.emit import emit

from .field_models import PlainListModel
from .session_bound import SessionBound

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.service")

IDLE_MS = 10 * 60 * 1000
MARKS = {"ok": "✓ 正常 OK", "warning": "! 注意 WARNING", "failure": "✗ 故障 FAILURE"}


@QmlElement
class ServiceMode(SessionBound):
    changed = Signal()
    closed = Signal()

    def __init__(self, cfg: Any = None, access: Any = None, worker: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self._cfg, self._access, self._worker = cfg, access, worker
        self.counter: Any = None  # kiosk.counter.opening.OpenCounter, once open
        self._stage = "pin"
        self._message = ""
        self._busy = False
        self._checks = PlainListModel(("name", "level", "mark", "detail", "advice"), self)
        self._report_dir = str(cfg.data_dir / "reports") if cfg is not None else ""
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.leave)

    # --- what the screen shows ---------------------------------------------------------
    @Property(str, notify=changed)
    def stage(self) -> str:
        return self._stage

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(QObject, constant=True)
    def checks(self) -> PlainListModel:
        return self._checks

    @Property(str, notify=changed)
    def reportDirectory(self) -> str:  # noqa: N802
        return self._report_dir

    def _say(self, zh: str, en: str) -> None:
        self._message = f"{zh}\n{en}"
        emit(self.changed)

    def _touch(self) -> None:
        self._idle.start()

    # --- entry ---------------------------------------------------------------------------
    def open(self) -> None:
        self._stage, self._message = "pin", ""
        self._access.audit("service mode asked for")
        self._touch()
        emit(self.changed)

    @Slot(str)
    def enterPin(self, pin: str) -> None:  # noqa: N802
        from kiosk.diagnostics.access import Entry

        self._touch()
        attempt = self._access.try_pin(pin)
        if attempt.entry is Entry.OPEN:
            self._stage, self._message = "overview", ""
            emit(self.changed)
            self.refresh()
        elif attempt.entry is Entry.MUST_CHANGE:
            self._stage = "change"
            self._say("请先设置新的维护密码（至少 6 位数字）。", "Set a new technician PIN first (at least 6 digits).")
        elif attempt.entry is Entry.WRONG:
            self._say(f"密码不正确，还可再试 {attempt.remaining} 次。",
                      f"Wrong PIN; {attempt.remaining} tries left.")
        else:
            minutes = max(1, -(-attempt.locked_seconds // 60))  # rounded up: never "0 minutes"
            self._say(f"错误次数过多，请 {minutes} 分钟后再试。", f"Too many wrong PINs; try again in {minutes} minutes.")

    @Slot(str, str)
    def changePin(self, new: str, repeat: str) -> None:  # noqa: N802
        self._touch()
        if self._stage != "change":
            return
        problem = self._access.change_pin(new, repeat)
        if problem is not None:
            self._say(*problem)
            return
        self._stage = "overview"
        self._say("新密码已保存。", "The new PIN is saved.")
        self.refresh()

    # --- the overview --------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        if self._stage != "overview" or self._busy:
            return
        from kiosk.diagnostics.checks import run_checks

        self._touch()
        self._busy = True
        emit(self.changed)
        opened = self.counter

        def work():
            from kiosk.diagnostics.checks import check_printer_live

            results = run_checks(self._cfg)
            if opened is not None:  # the printers as the running terminal sees them now
                results += [check_printer_live("receipt-printer-now", opened.printers.receipt,
                                               ("回执打印机", "Receipt printer")),
                            check_printer_live("licence-printer-now", opened.printers.licence,
                                               ("执照打印机", "Licence printer"))]
            return results

        self._worker.run(work, self._checked)

    def _checked(self, results: Any, error: BaseException | None) -> None:
        self._busy = False
        self._results = results or []
        rows = [{"name": r.name, "level": r.level.value, "mark": MARKS[r.level.value],
                 "detail": f"{r.detail[0]}\n{r.detail[1]}",
                 "advice": "" if r.level.value == "ok" else f"{r.advice[0]}\n{r.advice[1]}"}
                for r in self._results]
        self._checks.sync(rows, "name")
        emit(self.changed)

    @Slot()
    def testReceipt(self) -> None:  # noqa: N802
        """A sample receipt on the receipt printer (printer.samples: invented data)."""
        if self._stage != "overview" or self.counter is None:
            return
        self._touch()
        self._access.audit("test receipt")
        driver = self.counter.printers.receipt

        def work():
            from printer import ReceiptJob, build_receipt
            from printer.samples import sample_receipt

            return driver.print(ReceiptJob(build_receipt(sample_receipt())))

        def done(result: Any, error: BaseException | None) -> None:
            if error is None and result.printed:
                self._say("测试回执已打印。", "The test receipt printed.")
            else:
                state = result.status.state.value if error is None else type(error).__name__
                self._say(f"测试回执未能打印（{state}）。", f"The test receipt did not print ({state}).")

        self._worker.run(work, done)

    @Slot()
    def retryParked(self) -> None:  # noqa: N802
        if self._stage != "overview" or self.counter is None:
            return
        self._touch()
        store, relay = self.counter.counter.store, self.counter.relay

        def work() -> int:
            ids = [a.application_id for a in store.attention() if a.kind == "parked"]
            for application_id in ids:
                store.requeue(application_id, "technician")
            relay.wake()
            return len(ids)

        def done(count: Any, error: BaseException | None) -> None:
            self._access.audit(f"sent {count} parked applications again")
            self._say(f"已重新发送 {count} 份申请。", f"{count} applications sent again.")
            self.refresh()

        self._worker.run(work, done)

    @Slot(str)
    def exportReport(self, directory: str) -> None:  # noqa: N802
        if self._stage != "overview":
            return
        self._touch()
        from kiosk.diagnostics.checks import run_checks
        from kiosk.diagnostics.report import write_report

        self._report_dir = directory
        target = Path(directory)

        def done(paths: Any, error: BaseException | None) -> None:
            if error is not None:
                self._say(f"报告未能写入 {directory}：{type(error).__name__}",
                          f"The report could not be written to {directory}: {type(error).__name__}")
                return
            self._access.audit(f"readiness report written to {directory}")
            self._say(f"报告已写入：{paths[0].name}、{paths[1].name}", f"Report written: {paths[0].name}, {paths[1].name}")

        self._worker.run(lambda: write_report(self._cfg, run_checks(self._cfg), target), done)

    @Slot()
    def leave(self) -> None:
        self._idle.stop()
        if self._access is not None:
            self._access.audit("left the service mode")
        self._stage, self._message = "pin", ""
        emit(self.changed)
        emit(self.closed)
