"""The technician's hidden service mode: entered by holding the attract screen's top-left
corner for five seconds, then the PIN (kiosk.diagnostics.access). Never during a citizen's
visit: only the attract screen opens it. It ends after ten idle minutes.

    pin -> (change, when the shipped PIN is still set) -> overview <-> device page
    overview: the checks (status words and marks, not colour alone); a row with a page opens
              it; check again, export the readiness report, reload the configuration, restart
              the application, leave.
    device page (each printer, the card reader, the scanner, the backend, the outbox): its
              check with every fact behind it, and the actions that belong to that device
              (PAGES): test receipt, licence alignment page, clear a printer error, send parked
              applications again, check again.

Which page offers which action is decided here, not in QML. The composition root hands in what
it owns: the devices the terminal has open, and how to reload the configuration or restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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

ACTION_LABELS = {
    "test-receipt": "打印测试回执 · Print a test receipt",
    "alignment": "打印校准页（先放一张普通纸） · Alignment page (load a plain sheet first)",
    "clear-error": "清除故障 · Clear error",
    "retry-parked": "重发被退回的申请 · Send parked applications again",
    "check": "重新检查 · Check again",
}
# Each device's page: its title and the actions that make sense for it, in order.
PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "receipt-printer": ("回执打印机 · Receipt printer", ("test-receipt", "clear-error", "check")),
    "licence-printer": ("执照打印机 · Licence printer", ("alignment", "clear-error", "check")),
    "id-card-reader": ("身份证读卡器 · ID-card reader", ("check",)),
    "code-scanner": ("扫码器 · Code scanner", ("check",)),
    "backend": ("登记系统 · Backend", ("check",)),
    "outbox": ("发送队列 · Outbox", ("retry-parked", "check")),
}


@QmlElement
class ServiceMode(SessionBound):
    changed = Signal()
    closed = Signal()

    def __init__(self, cfg: Any = None, access: Any = None, worker: Any = None,
                 parent: QObject | None = None, *, devices: Callable[[], Any] | None = None,
                 reload: Callable[[Callable[[str, str], None]], None] | None = None,
                 restart: Callable[[], None] | None = None) -> None:
        super().__init__(None, parent)
        self._cfg, self._access, self._worker = cfg, access, worker
        self._devices = devices  # () -> kiosk.diagnostics.devices.Devices
        self._reload, self._restart = reload, restart
        self.counter: Any = None  # kiosk.counter.opening.OpenCounter, once open
        self._stage = "pin"
        self._message = ""
        self._busy = False
        self._page = ""
        self._results: list = []
        roles = ("name", "level", "mark", "detail", "advice", "hasPage")
        self._checks = PlainListModel(roles, self)
        self._page_rows = PlainListModel((*roles, "facts"), self)
        self._page_actions = PlainListModel(("action", "label"), self)
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
    def page(self) -> str:
        return self._page

    @Property(str, notify=changed)
    def pageTitle(self) -> str:  # noqa: N802
        return PAGES[self._page][0] if self._page in PAGES else ""

    @Property(QObject, constant=True)
    def pageRows(self) -> PlainListModel:  # noqa: N802
        return self._page_rows

    @Property(QObject, constant=True)
    def pageActions(self) -> PlainListModel:  # noqa: N802
        return self._page_actions

    def attach(self, devices: Callable[[], Any], reload: Callable[[Callable[[str, str], None]], None],
               restart: Callable[[], None]) -> None:
        """The composition root's part: what the terminal has open, reload and restart."""
        self._devices, self._reload, self._restart = devices, reload, restart

    def set_config(self, cfg: Any, access: Any) -> None:
        """After a reload: the new configuration and (its PIN hash) access."""
        self._cfg, self._access = cfg, access

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
        if self._stage not in ("overview", "device") or self._busy:
            return
        from kiosk.diagnostics.checks import run_checks

        self._touch()
        self._busy = True
        emit(self.changed)
        cfg, devices = self._cfg, self._devices

        def work():
            from kiosk.diagnostics.devices import live_checks

            # the devices as the running terminal holds them, asked on the devices' thread
            live = (lambda: live_checks(cfg, devices())) if devices is not None else None
            return run_checks(cfg, devices=live)

        self._worker.run(work, self._checked)

    def _checked(self, results: Any, error: BaseException | None) -> None:
        self._busy = False
        self._results = results or []
        self._checks.sync([self._row(r) for r in self._results], "name")
        self._show_page()
        emit(self.changed)

    @staticmethod
    def _row(r: Any) -> dict:
        return {"name": r.name, "level": r.level.value, "mark": MARKS[r.level.value],
                "detail": f"{r.detail[0]}\n{r.detail[1]}",
                "advice": "" if r.level.value == "ok" else f"{r.advice[0]}\n{r.advice[1]}",
                "hasPage": r.name in PAGES}

    # --- a device's page -----------------------------------------------------------------
    @Slot(str)
    def openPage(self, name: str) -> None:  # noqa: N802
        if self._stage not in ("overview", "device") or name not in PAGES:
            return
        self._touch()
        self._stage, self._page, self._message = "device", name, ""
        self._access.audit(f"page {name}")
        self._show_page()
        emit(self.changed)

    @Slot()
    def closePage(self) -> None:  # noqa: N802
        if self._stage == "device":
            self._touch()
            self._stage, self._page, self._message = "overview", "", ""
            emit(self.changed)

    def _show_page(self) -> None:
        from kiosk.diagnostics.checks import facts

        rows = [{**self._row(r), "facts": facts(r.data)} for r in self._results if r.name == self._page]
        self._page_rows.sync(rows, "name")
        actions = PAGES[self._page][1] if self._page in PAGES else ()
        self._page_actions.sync([{"action": a, "label": ACTION_LABELS[a]} for a in actions], "action")

    def actions_of(self, page: str) -> tuple[str, ...]:
        return PAGES[page][1] if page in PAGES else ()

    @Slot(str)
    def act(self, action: str) -> None:
        """One of the open page's actions (PAGES); anything else is ignored."""
        if self._stage != "device" or action not in self.actions_of(self._page) or self._busy:
            return
        {"test-receipt": self.testReceipt, "alignment": self.alignmentPage,
         "clear-error": self.clearError, "retry-parked": self.retryParked,
         "check": self.refresh}[action]()

    def _driver(self, which: str) -> Any:
        opened = self._devices() if self._devices is not None else None
        return getattr(opened, which, None) if opened is not None else None

    def _run_busy(self, work: Callable[[], Any], done: Callable[[Any, BaseException | None], None]) -> None:
        self._busy = True
        emit(self.changed)

        def finished(result: Any, error: BaseException | None) -> None:
            self._busy = False
            done(result, error)
            emit(self.changed)

        self._worker.run(work, finished)

    @Slot()
    def clearError(self) -> None:  # noqa: N802
        """The printer of the open page: a recoverable error recovered from (ESC/POS DLE ENQ 2),
        a lost line reopened (printer drivers' clear_error); then what the printer says now."""
        which = {"receipt-printer": "receipt", "licence-printer": "licence"}.get(self._page)
        driver = self._driver(which) if which else None
        if driver is None:
            return
        self._touch()
        self._access.audit(f"clear error on the {which} printer")

        def done(status: Any, error: BaseException | None) -> None:
            if error is not None:
                self._say(f"清除故障失败：{type(error).__name__}", f"Clearing failed: {type(error).__name__}")
                return
            from kiosk.diagnostics.devices import STATE_WORDS

            state = status.state.value
            zh, en = STATE_WORDS.get(state, (state, state))
            self._say(f"清除后打印机：{zh}。", f"After clearing, the printer is {en}.")
            self.refresh()

        self._run_busy(driver.clear_error, done)

    @Slot()
    def alignmentPage(self) -> None:  # noqa: N802
        """The licence printer's alignment page, on plain paper laid over a blank licence sheet
        against the light: its lines must fall on the sheet's printed frame."""
        driver = self._driver("licence")
        if driver is None:
            return
        self._touch()
        self._access.audit("licence alignment page")
        stock = self._cfg.printers.licence.stock

        def done(result: Any, error: BaseException | None) -> None:
            if error is None and result.outcome.value in ("unconfirmed", "printed"):
                self._say(f"校准页已发送（{stock}）。把它叠在空白执照纸上对着光看：线条应与执照纸上的框重合。",
                          f"The alignment page was sent ({stock}). Lay it on a blank licence sheet against "
                          "the light: its lines must fall on the sheet's frame.")
            else:
                why = result.detail if error is None else type(error).__name__
                self._say(f"校准页未能打印：{why}", f"The alignment page did not print: {why}")

        self._run_busy(lambda: driver.print_alignment(stock), done)

    @Slot()
    def testReceipt(self) -> None:  # noqa: N802
        """A sample receipt on the receipt printer (printer.samples: invented data)."""
        driver = self._driver("receipt")
        if self._stage not in ("overview", "device") or driver is None:
            return
        self._touch()
        self._access.audit("test receipt")

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

        self._run_busy(work, done)

    @Slot()
    def retryParked(self) -> None:  # noqa: N802
        if self._stage not in ("overview", "device") or self.counter is None:
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

        self._run_busy(work, done)

    @Slot(str)
    def exportReport(self, directory: str) -> None:  # noqa: N802
        if self._stage != "overview":
            return
        self._touch()
        from kiosk.diagnostics.report import write_report

        self._report_dir = directory
        target = Path(directory)
        results = list(self._results)  # what the screen shows, devices included

        def done(paths: Any, error: BaseException | None) -> None:
            if error is not None:
                self._say(f"报告未能写入 {directory}：{type(error).__name__}",
                          f"The report could not be written to {directory}: {type(error).__name__}")
                return
            self._access.audit(f"readiness report written to {directory}")
            self._say(f"报告已写入：{paths[0].name}、{paths[1].name}", f"Report written: {paths[0].name}, {paths[1].name}")

        self._run_busy(lambda: write_report(self._cfg, results, target), done)

    # --- the application ----------------------------------------------------------------
    @Slot()
    def reloadConfiguration(self) -> None:  # noqa: N802
        """Read the configuration file again. A file with a mistake changes nothing and says
        which setting; a sound one reopens the store, printers, readers and backend with it."""
        if self._stage != "overview" or self._reload is None or self._busy:
            return
        self._touch()
        self._access.audit("reload the configuration")
        self._busy = True
        emit(self.changed)

        def done(zh: str, en: str) -> None:
            self._busy = False
            self._say(zh, en)
            self.refresh()

        self._reload(done)

    @Slot()
    def restartApplication(self) -> None:  # noqa: N802
        """The whole terminal starts again (the same command line); it takes a few seconds."""
        if self._stage != "overview" or self._restart is None:
            return
        self._access.audit("restart the application")
        self._say("正在重新启动终端……", "Restarting the terminal…")
        self._restart()

    @Slot()
    def leave(self) -> None:
        self._idle.stop()
        if self._access is not None:
            self._access.audit("left the service mode")
        self._stage, self._message, self._page = "pin", "", ""
        emit(self.changed)
        emit(self.closed)
