"""Out of service: a citizen must never start a registration the terminal cannot finish.

Two faults stop new visits: the receipt printer cannot print (every submission ends with a
receipt, the citizen's only proof), and an application has waited longer than
`[diagnostics] offline_hours` for the backend (the offline queue is for an outage, not for a
terminal that is cut off). Both clear by themselves: the state is asked again every few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

# printer.status.State values that mean the receipt printer will not print now.
RECEIPT_STOPPED = frozenset({"paper-out", "cover-open", "offline", "disconnected", "error"})


@dataclass(frozen=True)
class OutOfService:
    zh: str
    en: str


def out_of_service(receipt_state: str | None, oldest_pending_seconds: int,
                   offline_hours: int) -> OutOfService | None:
    if receipt_state in RECEIPT_STOPPED:
        return OutOfService("回执打印机暂时不能打印，本终端暂停受理。",
                            "The receipt printer cannot print just now, so this terminal is not "
                            "taking applications.")
    if oldest_pending_seconds > offline_hours * 3600:
        return OutOfService("本终端长时间未连上登记系统，暂停受理。已提交的申请不会丢失。",
                            "This terminal has been cut off from the registration system for too "
                            "long and is not taking applications. Applications already made are "
                            "not lost.")
    return None
