"""The composition root: the one place that builds and wires the terminal.

Order matters for start-up time: nothing here imports SQLAlchemy, httpx, reportlab or forms'
catalogue; forms is loaded right after the attract screen's first frame (`_after_first_frame`),
when the citizen cannot notice the ~70 ms it costs.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.config import KioskConfig

if TYPE_CHECKING:  # the real imports happen inside build_terminal, after QT_IM_MODULE is set
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow

    from kiosk.counter.opening import OpenCounter
    from kiosk.crash import CrashContainment
    from kiosk.i18n import Translations
    from kiosk.idle import IdleWatch
    from kiosk.keyboard import OnScreenKeyboard
    from kiosk.session import Session
    from kiosk.ui.viewmodels import (
        Appearance,
        Collect,
        Handover,
        IdleCountdown,
        Journey,
        LanguageSwitch,
        ScopeFinder,
        ServiceList,
    )

log = logging.getLogger("kiosk.app")

QML_LOAD_FAILED_EXIT = 4
RESTART_EXIT = 10  # the service mode's "restart": kiosk.__main__ starts the same command again
HOUSEKEEPING_MS = 3_600_000


def _ignore(_result: object, _error: BaseException | None) -> None:
    """A background chore's answer: the chore logs what matters itself."""


class QmlLoadError(RuntimeError):
    """The window's QML did not load: the terminal exits non-zero so systemd restarts it."""


@dataclass
class Terminal:
    """Everything `build_terminal` made, for `run`, the screenshot command and the tests."""

    cfg: KioskConfig
    app: QGuiApplication
    engine: QQmlApplicationEngine
    window: QQuickWindow
    session: Session
    journey: Journey
    language: LanguageSwitch
    services: ServiceList
    scope_finder: ScopeFinder
    idle_watch: IdleWatch
    idle_countdown: IdleCountdown
    keyboard: OnScreenKeyboard | None  # set up just after the first frame (see _warm_up)
    crash: CrashContainment
    translations: Translations
    appearance: Appearance
    handover: Handover
    collect: Collect
    worker: object  # kiosk.ui.viewmodels.worker.CounterWorker
    ready: bool = False  # True once _warm_up has run: the keyboard is configured
    with_counter: bool = True  # open the store, printers and backend after the first frame
    counter: OpenCounter | None = None  # set once they are open (see _open_counter)
    counter_error: str | None = None  # why they could not open, for the log and diagnostics
    relay_signals: object = None
    identity: object = None  # kiosk.ui.viewmodels.identity_devices.IdentityDevices
    device_worker: object = None  # the card reader's and scanner's own thread
    readers: object = None  # kiosk.readers.OpenReaders once open
    service_mode: object = None  # kiosk.ui.viewmodels.service_mode.ServiceMode
    diag_socket: object = None  # kiosk.diagnostics.local.DiagnosticsSocket once the counter is open
    counter_timers: list = None  # the timers that watch the open counter (stopped on a reload)

    def devices(self):
        """What this terminal has open now, for the diagnostics (any thread: plain reads)."""
        from kiosk.diagnostics.devices import Devices

        counter, readers, keyboard = self.counter, self.readers, self.keyboard
        return Devices(receipt=counter.printers.receipt if counter else None,
                       licence=counter.printers.licence if counter else None,
                       card_reader=readers.card_reader if readers else None,
                       scanner=readers.scanner if readers else None,
                       keyboard_locales=keyboard.available if keyboard is not None else None)

    def restart(self) -> None:
        """Leave the event loop with RESTART_EXIT: `run` closes everything in order and
        kiosk.__main__ starts the same command line again."""
        log.warning("restart asked from the service mode")
        self.app.exit(RESTART_EXIT)

    def end_session(self, reason: str) -> None:
        """Wipe everything of the person who was here: one call, whatever ended the visit."""
        self.idle_watch.disarm()
        self.session.wipe()
        self.identity.forget()
        if self.keyboard is not None:
            self.keyboard.forget()
            self.keyboard.show_layout_for(str(self.session.get("locale")))
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.inputMethod().hide()
        log.info("session ended (%s); session data wiped", reason)

    def close(self) -> None:
        """Undo what start-up installed (tests build several terminals in one process)."""
        import shiboken6
        from PySide6.QtCore import QCoreApplication

        self.identity.stop()
        for worker in (self.worker, self.device_worker):
            worker.wait_idle()
        QCoreApplication.processEvents()  # what opened meanwhile is handed over, then closed
        if self.diag_socket is not None:
            self.diag_socket.stop()
            self.diag_socket = None
        if self.counter is not None:
            self.counter.close()
            self.counter = None
        if self.readers is not None:
            self.readers.close()
            self.readers = None
        self.worker.shutdown()
        self.device_worker.shutdown()

        self.crash.uninstall()
        QCoreApplication.instance().removeEventFilter(self.idle_watch)
        self.idle_watch.disarm()
        if self.keyboard is not None:
            self.keyboard.stop()
        self.translations.uninstall()
        self.window.close()
        # The engine (and the window it owns) goes first, synchronously: its bindings still
        # point at the view-models, which Python frees when this Terminal is dropped.
        shiboken6.delete(self.engine)


def build_terminal(cfg: KioskConfig, *, entry: tuple[str, str] = ("Kiosk.Shell", "Main"),
                   apology_seconds: float | None = None,
                   on_first_frame: Callable[[], None] | None = None,
                   with_counter: bool = True, service_hold_ms: int = 5000) -> Terminal:
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    # The kiosk keyboard style (kiosk/ui/qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml):
    # key and candidate sizes from Appearance, so they meet the physical minimums.
    os.environ.setdefault("QT_VIRTUALKEYBOARD_STYLE", "kiosk")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 (so the root comes back typed)

    from kiosk.crash import CrashContainment
    from kiosk.i18n import Translations
    from kiosk.idle import IdlePolicy, IdleWatch
    from kiosk.keyboard import remove_stale_pinyin_dictionary
    from kiosk.session import Session
    from kiosk.ui import QML_DIR
    from kiosk.ui import viewmodels as vm

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from kiosk.fonts import apply_ui_font

    apply_ui_font(app)  # Noto Sans CJK SC: a real bold for Chinese headings (kiosk/fonts.py)
    remove_stale_pinyin_dictionary()
    crash = CrashContainment()
    crash.install()

    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_DIR))
    session = Session(cfg.locales.default)
    translations = Translations(engine)
    appearance = engine.singletonInstance("Kiosk.ViewModels", "Appearance")
    appearance.bind(session, cfg.screen.width, cfg.screen.height, cfg.screen.orientation,
                    cfg.screen.diagonal_inches)

    journey = vm.Journey(apology_seconds=apology_seconds or vm.journey.APOLOGY_SECONDS)
    language = vm.LanguageSwitch(session, translations, cfg.locales.available)
    services = vm.ServiceList(session)
    scope_finder = vm.ScopeFinder(session)
    form = vm.ApplicationForm(session)
    journey.form = form
    form.changed.connect(journey.form_changed)
    form.finished.connect(journey.finish)
    idle_watch = IdleWatch(IdlePolicy(cfg.session.idle_seconds, cfg.session.warning_seconds))
    idle_countdown = vm.IdleCountdown(idle_watch)
    from kiosk.ui.viewmodels.worker import CounterWorker

    worker = CounterWorker()
    handover = vm.Handover(session, worker, cfg.counter.decision_wait_seconds)
    collect = vm.Collect(session, worker)
    device_worker = CounterWorker()
    from kiosk.diagnostics.access import ServiceAccess

    service_mode = vm.ServiceMode(cfg, ServiceAccess(cfg.data_dir, cfg.technician.pin_hash), device_worker)

    engine.setInitialProperties({
        "journey": journey, "language": language, "serviceList": services,
        "scopeFinder": scope_finder, "form": form, "idle": idle_countdown,
        "handover": handover, "collect": collect, "serviceMode": service_mode,
        "serviceHoldMs": service_hold_ms,
        "siteName": cfg.terminal.site_name, "siteNameEn": cfg.terminal.site_name_en,
        "alternative": f"{cfg.diagnostics.alternative}\n{cfg.diagnostics.alternative_en}",
        "fullscreen": cfg.screen.fullscreen, "width": cfg.screen.width, "height": cfg.screen.height,
    })
    engine.loadFromModule(*entry)
    if not engine.rootObjects():
        crash.uninstall()
        raise QmlLoadError(f"QML module {entry[0]}.{entry[1]} did not load (see the log above)")
    window = engine.rootObjects()[0]
    from kiosk.ui.viewmodels.identity_devices import IdentityDevices

    identity = IdentityDevices(journey, form, collect, device_worker)
    terminal = Terminal(cfg, app, engine, window, session, journey, language, services,
                        scope_finder, idle_watch, idle_countdown, None, crash, translations,
                        appearance, handover, collect, worker, with_counter=with_counter,
                        identity=identity, device_worker=device_worker, service_mode=service_mode)
    service_mode.attach(terminal.devices, lambda done: reload_configuration(terminal, done),
                        terminal.restart)
    _wire(terminal)
    _after_first_frame(terminal, on_first_frame)
    return terminal


def _wire(t: Terminal) -> None:
    """Who tells whom: every way a visit ends leads to the one `end_session`."""
    from kiosk.ui.viewmodels.journey import Screen

    t.journey.began.connect(t.idle_watch.arm)
    t.journey.ended.connect(t.end_session)
    t.idle_countdown.endNow.connect(lambda: _end_by_idle(t, "cancel"))
    t.idle_watch.expired.connect(lambda: _end_by_idle(t, "idle"))

    # A choice made on the attract screen (language, large text) is already personal: the
    # idle watch starts so that it is wiped if the person walks away without pressing Start.
    def on_change(_name: str) -> None:
        if t.journey.screen == Screen.ATTRACT.value and not t.session.is_pristine():
            t.idle_watch.arm()

    t.session.changed.connect(on_change)

    def on_language(name: str) -> None:
        # The keyboard opens in the layout of the UI language (kiosk.keyboard.layout_for).
        if name == "locale" and t.keyboard is not None:
            t.keyboard.show_layout_for(str(t.session.get("locale")))

    t.session.changed.connect(on_language)

    def on_idle_phase() -> None:
        from PySide6.QtGui import QGuiApplication

        from kiosk.idle import IdlePhase

        if t.idle_watch.phase is IdlePhase.WARNING:
            QGuiApplication.inputMethod().hide()  # the countdown must not sit under the keyboard

    t.idle_watch.phase_changed.connect(on_idle_phase)

    def on_crash(_description: str) -> None:
        t.end_session("crash")
        t.journey.show_apology()

    t.crash.crashed.connect(on_crash)

    # Submit: the done screen takes over, and the counter keeps, sends and prints.
    def on_submitted(prepared: tuple) -> None:
        application, signatures = prepared
        t.handover.start(application, signatures)
        t.journey.show_handover()

    t.journey.form.submitted.connect(on_submitted)

    # The technician's service mode: opened from the attract screen's corner, left by its own
    # button, the top bar's Cancel or ten idle minutes.
    t.journey.serviceModeOpened.connect(t.service_mode.open)
    t.journey.serviceModeLeft.connect(t.service_mode.leave)
    t.service_mode.closed.connect(t.journey.close_service_mode)

    # The idle timer pauses while the terminal works for the person in front of it (saving,
    # printing, waiting for an at-once decision): nobody is timed out by a slow printer.
    def on_busy() -> None:
        if t.handover.busy or t.collect.busy:
            t.idle_watch.disarm()
        elif t.journey.inSession and not t.idle_watch.armed:
            t.idle_watch.arm()

    t.handover.busyChanged.connect(on_busy)
    t.collect.busyChanged.connect(on_busy)


def _end_by_idle(t: Terminal, reason: str) -> None:
    if t.journey.inSession:
        if reason == "idle":
            t.journey.time_out()
        else:
            t.journey.cancel()
    else:
        t.end_session(reason)


def _after_first_frame(t: Terminal, on_first_frame: Callable[[], None] | None) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    from kiosk.emit import disconnect

    def first_frame() -> None:
        disconnect(t.window.frameSwapped, first_frame)
        # Nobody can touch what is not yet shown: the filter (and the Python call it costs
        # per event) starts with the first frame.
        QCoreApplication.instance().installEventFilter(t.idle_watch)
        if on_first_frame is not None:
            on_first_frame()
        QTimer.singleShot(0, lambda: _warm_up(t))

    t.window.frameSwapped.connect(first_frame)


def _warm_up(t: Terminal) -> None:
    """While the attract screen waits for its first touch: the keyboard's settings (20 ms:
    the VirtualKeyboardSettings singleton), the log file, forms' definitions and catalogue,
    and the other screens' QML."""
    from PySide6.QtCore import QMetaObject

    import forms
    from kiosk.keyboard import OnScreenKeyboard
    from kiosk.logs import open_log_file

    t.keyboard = OnScreenKeyboard(t.engine.singletonInstance("QtQuick.VirtualKeyboard.Settings",
                                                             "VirtualKeyboardSettings"))
    t.keyboard.show_layout_for(str(t.session.get("locale")))
    open_log_file()
    from kiosk.fonts import check_ui_font

    check_ui_font()
    forms.services()
    forms.catalogue_search("餐饮")
    # The name rules' word segmenter (jieba) takes about 0.6 s to build its dictionary the first
    # time a name holds a restricted term's characters: build it now, off the UI thread, while
    # the attract screen waits, not while the first applicant waits after typing a name.
    threading.Thread(target=forms.prepare, name="forms-prepare", daemon=True).start()
    QMetaObject.invokeMethod(t.window, "preload")
    t.ready = True
    log.info("keyboard, forms definitions and screens loaded")
    if t.with_counter:
        _open_counter(t)
        _open_readers(t)


SERVICE_WATCH_MS = 5000


def _watch_service(t: Terminal, opened) -> None:
    """Every few seconds, on the devices' thread: can a new visit be finished? (The receipt
    printer's status and the outbox's oldest entry; kiosk/diagnostics/service_state.py.)"""
    from PySide6.QtCore import QTimer

    from kiosk.diagnostics.checks import check_outbox
    from kiosk.diagnostics.service_state import out_of_service

    def ask():
        state = opened.printers.receipt.status().state.value
        waited = check_outbox(t.cfg).data.get("oldest_pending_seconds", 0)
        return out_of_service(state, waited, t.cfg.diagnostics.offline_hours)

    def answered(reason, error: BaseException | None) -> None:
        if error is None:
            t.journey.set_out_of_service((reason.zh, reason.en) if reason else None)

    watch = QTimer(t.window)
    watch.setInterval(SERVICE_WATCH_MS)
    watch.timeout.connect(lambda: t.device_worker.run(ask, answered))
    watch.start()
    t.counter_timers.append(watch)
    t.device_worker.run(ask, answered)


def _open_readers(t: Terminal) -> None:
    """The ID-card reader and the code scanner, on their own thread (a reader waiting for a
    card must never hold up a receipt)."""
    from kiosk.readers import open_readers

    def opened(result, error: BaseException | None) -> None:
        if error is not None:
            log.error("card reader / scanner did not open: %s: %s", type(error).__name__, error)
            return
        t.readers = result
        t.identity.attach(result.card_reader, result.scanner)

    t.device_worker.run(lambda: open_readers(t.cfg), opened)


def _open_counter(t: Terminal) -> None:
    """Store, printers, relay and (in the demo) the backend, opened on the counter's thread;
    until they are, the confirm stage says the terminal cannot submit."""
    from kiosk.counter.opening import open_counter
    from kiosk.sync.signals import RelaySignals

    signals = RelaySignals()
    signals.decided.connect(t.handover.on_decided)
    t.relay_signals = signals
    t.counter_timers = []

    def opened(result, error: BaseException | None) -> None:
        if error is not None:
            t.counter_error = f"{type(error).__name__}: {error}"
            log.error("the counter did not open, so this terminal cannot submit: %s", t.counter_error)
            return
        t.counter = result
        t.service_mode.counter = result
        t.handover.counter = t.collect.counter = result.counter
        t.journey.form.set_submission(result.counter)
        result.relay.start()
        from kiosk.diagnostics.devices import live_checks
        from kiosk.diagnostics.heartbeat import device_states

        # the same device checks the service mode and `kiosk diag` show, printers and readers
        result.heartbeat.watch(lambda: device_states(live_checks(t.cfg, t.devices())))
        result.heartbeat.start()
        from PySide6.QtCore import QTimer

        _watch_service(t, result)

        housekeeping = QTimer(t.window)  # hourly: the retention period is counted in days
        housekeeping.setInterval(HOUSEKEEPING_MS)
        housekeeping.timeout.connect(lambda: t.worker.run(result.counter.housekeeping, _ignore))
        housekeeping.start()
        t.counter_timers.append(housekeeping)
        _open_diag_socket(t)
        t.worker.run(result.counter.resume, lambda flagged, _e: flagged and log.warning(
            "print jobs flagged for a technician after a restart: %s", flagged))

    t.worker.run(lambda: open_counter(t.cfg, on_decision=signals.on_decision,
                                      on_parked=signals.on_parked), opened)


def _open_diag_socket(t: Terminal) -> None:
    """`kiosk diag` asks this terminal for its devices (kiosk/diagnostics/local.py)."""
    from kiosk.diagnostics.devices import live_checks
    from kiosk.diagnostics.local import DiagnosticsSocket, socket_path

    if t.diag_socket is not None:
        return
    server = DiagnosticsSocket(socket_path(t.cfg.data_dir), t.cfg.terminal.id,
                               lambda: live_checks(t.cfg, t.devices()))
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        log.error("diagnostics socket not opened: %s", exc)
        return
    t.diag_socket = server


# Settings that only take effect when the window and the keyboard are built again.
RESTART_SECTIONS = ("screen", "locales", "session", "terminal", "data_dir")


def reload_configuration(t: Terminal, done: Callable[[str, str], None]) -> None:
    """The service mode's "reload": read the file again; a mistake changes nothing and says
    which setting; a sound file closes the counter and the readers and opens them again with
    it. Sections the window was built from (RESTART_SECTIONS) are named: they need a restart."""
    from kiosk.config import ConfigError, load_config, printers_config
    from printer.opening import config_problems

    try:
        new = load_config(t.cfg.source)
    except ConfigError as exc:
        done(f"配置文件有误，未作任何更改：设置项 {exc.key} 的值 {exc.value!r} 不被接受；允许：{exc.allowed}",
             f"The configuration file has a mistake; nothing changed: {exc}")
        return
    problems = config_problems(printers_config(new))
    if problems:
        done("打印机配置有误，未作任何更改：" + "；".join(problems),
             "The printer settings are wrong; nothing changed: " + "; ".join(problems))
        return
    later = [name for name in RESTART_SECTIONS if getattr(new, name) != getattr(t.cfg, name)]
    log.warning("configuration reloaded from %s%s", new.source or "embedded defaults",
                f"; needs a restart for: {', '.join(later)}" if later else "")
    for timer in t.counter_timers or []:
        timer.stop()
    if t.diag_socket is not None:
        t.diag_socket.stop()
        t.diag_socket = None
    t.handover.counter = t.collect.counter = t.service_mode.counter = None
    from kiosk.journey.submission import SubmissionUnavailable

    t.journey.form.set_submission(SubmissionUnavailable())  # until the counter is open again
    t.identity.attach(None, None)
    old_counter, old_readers = t.counter, t.readers
    t.counter = t.readers = None

    def close_readers():
        if old_readers is not None:
            old_readers.close()

    def close_counter():
        if old_counter is not None:
            old_counter.close()

    def reopened(_result, _error) -> None:
        from kiosk.diagnostics.access import ServiceAccess

        t.cfg = new
        t.counter_error = None
        t.service_mode.set_config(new, ServiceAccess(new.data_dir, new.technician.pin_hash))
        t.journey.set_out_of_service(None)
        _open_counter(t)
        _open_readers(t)
        t.worker.run(lambda: None, lambda _r, _e: done(*_reload_message(t, later)))

    t.device_worker.run(close_readers, lambda _r, _e: t.worker.run(close_counter, reopened))


def _reload_message(t: Terminal, later: list[str]) -> tuple[str, str]:
    zh, en = "配置已重新载入，设备已重新打开。", "The configuration was reloaded and the devices reopened."
    if t.counter_error:
        zh += f"但柜台未能打开：{t.counter_error}"
        en += f" But the counter did not open: {t.counter_error}"
    if later:
        zh += f"以下设置需重启后生效：{', '.join(later)}。"
        en += f" These take effect after a restart: {', '.join(later)}."
    return zh, en


def run(cfg: KioskConfig, *, on_first_frame: Callable[[], None] | None = None,
        entry: tuple[str, str] = ("Kiosk.Shell", "Main"), with_counter: bool = True) -> int:
    """Start the terminal and serve until the window closes. Returns the process exit code."""
    from kiosk.logs import configure_logging, open_log_file, route_qt_messages

    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    configure_logging(cfg.log_dir, level=cfg.logging.level, max_bytes=cfg.logging.max_bytes,
                      backups=cfg.logging.backups, defer_file=True)
    route_qt_messages()
    log.info("terminal %s starting", cfg.terminal.id)
    try:
        terminal = build_terminal(cfg, on_first_frame=on_first_frame, entry=entry,
                                  with_counter=with_counter)
    except QmlLoadError as exc:
        log.critical("%s", exc)
        open_log_file()
        return QML_LOAD_FAILED_EXIT
    code = terminal.app.exec()
    terminal.end_session("shutdown")
    terminal.close()  # the engine goes while the application object still exists
    log.info("terminal %s stopped (%s)", cfg.terminal.id, code)
    return int(code)
