"""A receipt as data: what to print, not how the printer is told to print it.

Keeping the document separate from its bytes lets the same receipt be encoded for a printer with
native QR or without, measured in a benchmark, and checked in a test without a printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Align(IntEnum):
    LEFT = 0
    CENTER = 1
    RIGHT = 2


@dataclass(frozen=True)
class Text:
    """One paragraph; the encoder wraps it to the paper width."""

    text: str
    width: int = 1  # character magnification 1-8 (GS ! high nibble + 1)
    height: int = 1
    bold: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Rule:
    """A full-width separator line."""

    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    data: str
    align: Align = Align.CENTER
    error_correction: str = "M"  # L M Q H; M survives a thumb smudge and costs ~15 % more modules


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    partial: bool = True


Block = Text | Rule | QrCode | Feed | Cut


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]

    def text(self) -> str:
        """Everything a person would read, for tests and logs-free previews."""
        return "\n".join(b.text for b in self.blocks if isinstance(b, Text))
