"""Which screen the terminal shows, and the ways a visit ends.

Screens exist only where the real thing exists: the attract screen, the service list, what a
chosen service will ask (straight from its forms/ definition), the business-scope finder and
the apology after an unexpected error. A visit ends by Finish, Cancel, idle time-out or a
crash; each emits `ended(reason)` once and the composition root wipes the session.
"""

from __future__ import annotations

import enum
import logging
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.emit import emit

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.journey")

# Long enough to read two sentences in two languages, short enough that the next person does
# not find an apology on the screen.
APOLOGY_SECONDS = 12


class Screen(enum.StrEnum):
    ATTRACT = "attract"
    SERVICES = "services"
    SERVICE = "service"
    SCOPE = "scope"
    FORM = "form"
    HANDOVER = "handover"  # submitted: saving, receipt, decision, licence (Handover)
    COLLECT = "collect"  # come back and print my licence (Collect)
    SERVICE_MODE = "service-mode"  # the technician's (ServiceMode); never during a visit
    APOLOGY = "apology"


class EndReason(enum.StrEnum):
    FINISH = "finish"
    CANCEL = "cancel"
    IDLE = "idle"
    CRASH = "crash"


@QmlElement
class Journey(QObject):
    screenChanged = Signal()
    began = Signal()
    ended = Signal(str)

    cancelPendingChanged = Signal()  # noqa: N815 (QML name)
    serviceChanged = Signal()  # noqa: N815 (QML name): in or out of service
    serviceModeOpened = Signal()  # noqa: N815
    serviceModeLeft = Signal()  # noqa: N815
    navigationChanged = Signal()  # noqa: N815 (canGoBack, without reloading the screen)

    def __init__(self, parent: QObject | None = None, apology_seconds: float = APOLOGY_SECONDS) -> None:
        super().__init__(parent)
        self.form: Any = None           # ApplicationForm, set by the composition root
        self._cancel_pending = False
        self._out_of_service: tuple[str, str] | None = None
        self._screen = Screen.ATTRACT
        self._history: list[Screen] = []
        self._apology_timer = QTimer(self)
        self._apology_timer.setSingleShot(True)
        self._apology_timer.setInterval(int(apology_seconds * 1000))
        self._apology_timer.timeout.connect(self.apologyDone)

    @Property(str, notify=screenChanged)
    def screen(self) -> str:
        return self._screen.value

    @Property(bool, notify=screenChanged)
    def inSession(self) -> bool:  # noqa: N802 (QML name)
        return self._screen not in (Screen.ATTRACT, Screen.APOLOGY)

    @Property(bool, notify=navigationChanged)
    def canGoBack(self) -> bool:  # noqa: N802
        if self._screen is Screen.FORM and self.form is not None and self.form.can_go_back():
            return True
        return bool(self._history) and self.inSession

    @Property(bool, notify=serviceChanged)
    def outOfService(self) -> bool:  # noqa: N802
        return self._out_of_service is not None

    @Property(str, notify=serviceChanged)
    def outOfServiceText(self) -> str:  # noqa: N802
        """Both languages, as the attract screen speaks to a passer-by who has not chosen one."""
        return "" if self._out_of_service is None else "\n".join(self._out_of_service)

    def set_out_of_service(self, reason: tuple[str, str] | None) -> None:
        if reason != self._out_of_service:
            self._out_of_service = reason
            log.warning("out of service: %s", reason[1]) if reason else log.info("back in service")
            emit(self.serviceChanged)

    @Property(bool, notify=cancelPendingChanged)
    def cancelPending(self) -> bool:  # noqa: N802
        """Cancel was tapped with answers to lose: the form screen asks once before wiping."""
        return self._cancel_pending

    def _set_cancel_pending(self, pending: bool) -> None:
        if pending != self._cancel_pending:
            self._cancel_pending = pending
            emit(self.cancelPendingChanged)

    def _go(self, screen: Screen, *, remember: bool = True) -> None:
        if screen is self._screen:
            return
        if remember and self.inSession:
            self._history.append(self._screen)
        self._screen = screen
        log.info("screen %s", screen.value)
        emit(self.screenChanged)
        emit(self.navigationChanged)

    @Slot()
    def start(self) -> None:
        if self._screen is Screen.ATTRACT and self._out_of_service is None:
            self._history.clear()
            self._go(Screen.SERVICES, remember=False)
            emit(self.began)

    @Slot()
    def showService(self) -> None:  # noqa: N802
        if self.inSession:
            self._go(Screen.SERVICE)

    @Slot()
    def showScopeFinder(self) -> None:  # noqa: N802
        if self.inSession:
            self._go(Screen.SCOPE)

    @Slot()
    def showForm(self) -> None:  # noqa: N802
        """Start filling in the chosen service (ApplicationForm.begin makes the draft)."""
        if self.inSession and self.form is not None:
            self.form.begin()
            self._go(Screen.FORM)

    def show_handover(self) -> None:
        """The application was submitted: the done screen, with no way back into the form."""
        if self._screen is Screen.FORM:
            self._history.clear()
            self._go(Screen.HANDOVER, remember=False)

    @Slot()
    def startCollect(self) -> None:  # noqa: N802
        """ "Print my licence" on the attract screen: a visit of its own."""
        if self._screen is Screen.ATTRACT and self._out_of_service is None:
            self._history.clear()
            self._go(Screen.COLLECT, remember=False)
            emit(self.began)

    @Slot()
    def showServiceMode(self) -> None:  # noqa: N802
        """The corner held on the attract screen: the technician's PIN. Not a citizen's visit
        (no `began`: the idle watch stays off; the service mode has its own ten minutes)."""
        if self._screen is Screen.ATTRACT:
            self._history.clear()
            self._go(Screen.SERVICE_MODE, remember=False)
            emit(self.serviceModeOpened)

    def close_service_mode(self) -> None:
        if self._screen is Screen.SERVICE_MODE:
            self._go(Screen.ATTRACT, remember=False)

    def form_changed(self) -> None:
        """The form moved: Back may have become possible (or not)."""
        emit(self.navigationChanged)

    @Slot()
    def back(self) -> None:
        if self._screen is Screen.FORM and self.form is not None and self.form.can_go_back():
            self.form.back()
        elif self.canGoBack:
            self._go(self._history.pop(), remember=False)

    @Slot()
    def finish(self) -> None:
        self._end(EndReason.FINISH)

    @Slot()
    def cancel(self) -> None:
        """Ends the visit, but asks once first when the citizen has answers to lose."""
        if (self._screen is Screen.FORM and self.form is not None and not self._cancel_pending
                and self.form.has_something_to_lose()):
            self._set_cancel_pending(True)
            return
        self._end(EndReason.CANCEL)

    @Slot()
    def keepGoing(self) -> None:  # noqa: N802
        """The citizen answered "No, keep my answers" to the cancel question."""
        self._set_cancel_pending(False)

    def time_out(self) -> None:
        self._end(EndReason.IDLE)

    def _end(self, reason: EndReason) -> None:
        self._set_cancel_pending(False)
        if self._screen is Screen.SERVICE_MODE:  # the top bar's Cancel leaves the service mode
            self._go(Screen.ATTRACT, remember=False)
            emit(self.serviceModeLeft)
            return
        if not self.inSession:
            return
        self._history.clear()
        self._go(Screen.ATTRACT, remember=False)
        emit(self.ended, reason.value)

    def show_apology(self) -> None:
        """After an unexpected error (the composition root has already wiped the session)."""
        self._history.clear()
        self._go(Screen.APOLOGY, remember=False)
        self._apology_timer.start()

    @Slot()
    def apologyDone(self) -> None:  # noqa: N802
        self._apology_timer.stop()
        if self._screen is Screen.APOLOGY:
            self._go(Screen.ATTRACT, remember=False)

    def go_to(self, screen: Screen) -> None:
        """For the screenshot command: show a screen without a person's history."""
        self._history.clear()
        self._go(screen, remember=False)
