"""The kiosk's printers: the ESC/POS receipt printer and the licence printer, over serial.

Pure Python + pyserial; no Qt, no kiosk, no backend. See printer/README.md.
"""

from printer.escpos.document import Align, Cut, Document, Feed, QrCode, Rule, Text
from printer.receipt import Bilingual, ReceiptJob, ReceiptSummary, build_receipt, mask_name
from printer.receipt_printer import ReceiptPrinter
from printer.settings import PrinterProfile, PrinterSettings
from printer.status import Outcome, PrinterStatus, PrintResult, State

__all__ = [
    "Align", "Bilingual", "Cut", "Document", "Feed", "Outcome", "PrintResult", "PrinterProfile",
    "PrinterSettings", "PrinterStatus", "QrCode", "ReceiptJob", "ReceiptPrinter", "ReceiptSummary",
    "Rule", "State", "Text", "build_receipt", "mask_name",
]
