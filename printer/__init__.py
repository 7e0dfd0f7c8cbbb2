"""The kiosk's printers: the ESC/POS receipt printer and the licence printer, over serial.

Pure Python + pyserial; no Qt, no kiosk, no backend. See printer/README.md.
"""

from printer.escpos.document import Align, Cut, Document, Feed, QrCode, Rule, Text
from printer.licence.data import LicenceData, ReprintRequest
from printer.licence.layout import LayoutError
from printer.licence.ledger import ReprintLedger
from printer.licence.numerals import yuan_in_capitals
from printer.licence.pdf import render_licence_pdf
from printer.licence_printer import LicencePrinter
from printer.receipt import Bilingual, ReceiptJob, ReceiptSummary, build_receipt, mask_name
from printer.receipt_printer import ReceiptPrinter
from printer.settings import PrinterProfile, PrinterSettings
from printer.status import Outcome, PrinterStatus, PrintResult, State

__all__ = [
    "Align", "Bilingual", "Cut", "Document", "Feed", "LayoutError", "LicenceData", "LicencePrinter",
    "Outcome", "PrintResult", "PrinterProfile", "PrinterSettings", "PrinterStatus", "QrCode",
    "ReceiptJob", "ReceiptPrinter", "ReceiptSummary", "ReprintLedger", "ReprintRequest", "Rule",
    "State", "Text", "build_receipt", "mask_name", "render_licence_pdf", "yuan_in_capitals",
]
