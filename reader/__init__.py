"""The terminal's identity devices over serial, without Qt: the second-generation ID-card
reader (reader.idcard) and the code scanner (reader.scanner), each with a virtual device on
a pseudo-terminal (reader.emulator). Results are values; nothing raises to the caller."""

from reader.card import IdCard
from reader.idcard import CardReader, CardResult, CardStatus
from reader.scanner import CodeScanner, Scan, ScanStatus

__all__ = ["CardReader", "CardResult", "CardStatus", "CodeScanner", "IdCard", "Scan", "ScanStatus"]
