"""The kiosk's printers: the ESC/POS receipt printer and the licence printer, over serial.

Pure Python + pyserial; no Qt, no kiosk, no backend. See printer/README.md.
Names load on first use (PEP 562): `import printer` costs next to nothing, and a terminal that
never prints a licence never loads reportlab.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "Align": "printer.escpos.document", "Cut": "printer.escpos.document",
    "Document": "printer.escpos.document", "Feed": "printer.escpos.document",
    "QrCode": "printer.escpos.document", "Rule": "printer.escpos.document",
    "Text": "printer.escpos.document",
    "LicenceData": "printer.licence.data", "ReprintRequest": "printer.licence.data",
    "LayoutError": "printer.licence.layout", "ReprintLedger": "printer.licence.ledger",
    "yuan_in_capitals": "printer.licence.numerals", "render_licence_pdf": "printer.licence.pdf",
    "LicencePrinter": "printer.licence_printer",
    "Bilingual": "printer.receipt", "ReceiptJob": "printer.receipt",
    "ReceiptSummary": "printer.receipt", "build_receipt": "printer.receipt",
    "mask_name": "printer.receipt",
    "ReceiptPrinter": "printer.receipt_printer",
    "PrinterProfile": "printer.settings", "PrinterSettings": "printer.settings",
    "RECEIPT_MODELS": "printer.settings",
    "Outcome": "printer.status", "PrinterStatus": "printer.status", "PrintResult": "printer.status",
    "State": "printer.status",
    "Printer": "printer.interface", "LicenceJob": "printer.interface", "PrintJob": "printer.interface",
    "FakePrinter": "printer.fake",
    "PrinterLine": "printer.opening", "PrintersConfig": "printer.opening",
    "OpenPrinters": "printer.opening", "open_printers": "printer.opening",
    "PrinterConfigError": "printer.opening", "VIRTUAL": "printer.opening",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'printer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # for type checkers and editors; never runs
    from printer.escpos.document import Align, Cut, Document, Feed, QrCode, Rule, Text  # noqa: F401
    from printer.fake import FakePrinter  # noqa: F401
    from printer.interface import LicenceJob, Printer, PrintJob  # noqa: F401
    from printer.licence.data import LicenceData, ReprintRequest  # noqa: F401
    from printer.licence.layout import LayoutError  # noqa: F401
    from printer.licence.ledger import ReprintLedger  # noqa: F401
    from printer.licence.numerals import yuan_in_capitals  # noqa: F401
    from printer.licence.pdf import render_licence_pdf  # noqa: F401
    from printer.licence_printer import LicencePrinter  # noqa: F401
    from printer.opening import (  # noqa: F401
        VIRTUAL,
        OpenPrinters,
        PrinterConfigError,
        PrinterLine,
        PrintersConfig,
        open_printers,
    )
    from printer.receipt import Bilingual, ReceiptJob, ReceiptSummary, build_receipt, mask_name  # noqa: F401
    from printer.receipt_printer import ReceiptPrinter  # noqa: F401
    from printer.settings import RECEIPT_MODELS, PrinterProfile, PrinterSettings  # noqa: F401
    from printer.status import Outcome, PrinterStatus, PrintResult, State  # noqa: F401
