"""The virtual printers: a receipt (ESC/POS) and a licence (ESC/P2) printer on a pseudo-terminal.

    python -m printer.emulator --kind receipt --out /tmp/prints
    kiosk-printer-emulator --kind licence --baud 9600 --fault paper-out

In-process (tests, the kiosk demo): `VirtualReceiptPrinter(...).start()` returns the device path.
"""

from printer.emulator.cli import main
from printer.emulator.device import FAULTS, FinishedJob, VirtualPrinter
from printer.emulator.licence_device import VirtualLicencePrinter
from printer.emulator.receipt_device import VirtualReceiptPrinter

__all__ = ["FAULTS", "FinishedJob", "VirtualLicencePrinter", "VirtualPrinter",
           "VirtualReceiptPrinter", "main"]
