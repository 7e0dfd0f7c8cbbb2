"""Printer state and print results as values.

A kiosk must decide what to tell a citizen from a printer's state; an exception cannot be shown
on a screen or stored in an outbox, a value can. Every driver call therefore returns one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class State(StrEnum):
    """What a person at the terminal would say about the printer."""

    READY = "ready"
    PAPER_NEAR_END = "paper-near-end"
    PAPER_OUT = "paper-out"
    COVER_OPEN = "cover-open"
    OFFLINE = "offline"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    # The port is open but the model documents no status reply (ESC/P2 has no status request):
    # a job may be sent, and its result is at best "unconfirmed".
    UNKNOWN = "unknown"

    @property
    def can_print(self) -> bool:
        """Near end still prints: the roll has a few metres left when the sensor trips."""
        return self in (State.READY, State.PAPER_NEAR_END, State.UNKNOWN)


# Bilingual wording a kiosk can show as is (zh_CN first, en_US).
STATE_TEXT: dict[State, tuple[str, str]] = {
    State.READY: ("打印机就绪", "Printer ready"),
    State.PAPER_NEAR_END: ("打印纸即将用完，请通知工作人员", "Paper is running low; please tell staff"),
    State.PAPER_OUT: ("打印纸已用完，请通知工作人员", "Printer is out of paper; please tell staff"),
    State.COVER_OPEN: ("打印机盖未关闭", "Printer cover is open"),
    State.OFFLINE: ("打印机离线", "Printer is offline"),
    State.DISCONNECTED: ("打印机未连接", "Printer is not connected"),
    State.ERROR: ("打印机故障，请通知工作人员", "Printer fault; please tell staff"),
    State.UNKNOWN: ("打印机不报告状态，打印后请核对", "The printer reports no status; check the printout"),
}


@dataclass(frozen=True)
class PrinterStatus:
    """A printer's state at one moment, with a technician's detail and non-blocking warnings."""

    state: State
    detail: str = ""
    warnings: tuple[State, ...] = ()

    @property
    def can_print(self) -> bool:
        return self.state.can_print

    def message(self) -> tuple[str, str]:
        """(zh_CN, en_US) text for the screen."""
        return STATE_TEXT[self.state]


class Outcome(StrEnum):
    """How a print ended. Only PRINTED means the printer confirmed the whole job.

    PRINTED         the printer confirmed it processed the whole job (ESC/POS: the GS r sent
                    after the job's last byte was answered, and no stop reported with it).
    PARTLY_PRINTED  it stopped mid-job (status says why) and the rest is still in the printer:
                    it comes out once the fault is fixed, because the model documents no way to
                    discard it. The terminal decides what to tell the citizen.
    UNCONFIRMED     every byte was sent but the model cannot confirm (no documented status reply,
                    or the line was lost after the last byte): ask the citizen or staff.
    FAILED          it did not finish and nothing more will come out (never sent, or the rest was
                    discarded by a documented command); part of it may be on paper (detail says).
    REFUSED         not sent: a licence already printed without a reprint request, or a licence
                    that does not fit the stock layout.
    """

    PRINTED = "printed"
    PARTLY_PRINTED = "partly-printed"
    UNCONFIRMED = "unconfirmed"
    FAILED = "failed"
    REFUSED = "refused"


@dataclass(frozen=True)
class PrintResult:
    """The answer to one print request; never an exception."""

    job_id: str
    outcome: Outcome
    status: PrinterStatus
    warnings: tuple[State, ...] = ()
    bytes_sent: int = 0
    seconds: float = 0.0
    detail: str = ""

    @property
    def printed(self) -> bool:
        return self.outcome is Outcome.PRINTED


@dataclass
class StatusBits:
    """Raw flags both printer kinds reduce to, so both map to a State the same way."""

    offline: bool = False
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    error: bool = False
    error_detail: list[str] = field(default_factory=list)

    def to_status(self) -> PrinterStatus:
        # Order matters: a printer out of paper also reports offline, and the citizen
        # (or technician) needs the cause, not the symptom.
        warnings: tuple[State, ...] = (State.PAPER_NEAR_END,) if self.paper_near_end else ()
        if self.cover_open:
            return PrinterStatus(State.COVER_OPEN, "cover open", warnings)
        if self.paper_out:
            return PrinterStatus(State.PAPER_OUT, "paper end sensor", ())
        if self.error:
            return PrinterStatus(State.ERROR, ", ".join(self.error_detail) or "error", warnings)
        if self.offline:
            return PrinterStatus(State.OFFLINE, "printer reports offline", warnings)
        if self.paper_near_end:
            return PrinterStatus(State.PAPER_NEAR_END, "paper near end sensor", warnings)
        return PrinterStatus(State.READY, "", ())
