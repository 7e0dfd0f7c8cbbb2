"""Stock layouts: where each part of a licence goes on one kind of sheet, in millimetres.

Loaded from assets/licence/<stock>.toml. The same numbers drive the PDF and the ESC/P2 overprint,
so what a technician sees in the PDF is where the printer puts ink. The fixed parts (frame,
title, the URL and annual-report lines, the QR caption) are on the security stock; everything
else, labels included (they differ by entity type), is overprinted.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


class LayoutError(ValueError):
    """A stock layout file is missing or wrong; the message names the file and the problem."""


@dataclass(frozen=True)
class Frame:
    x: float
    y: float
    w: float
    h: float
    line_mm: float = 0.5


@dataclass(frozen=True)
class FixedText:
    text: str
    x: float
    y: float
    size_pt: float
    align: str = "left"  # left | center: x is the left edge or the centre
    w: float = 0.0  # > 0: wrap within this width (centred lines)


@dataclass(frozen=True)
class Spot:
    """A label at x and its value from value_x, wrapped within w, on lines from y down."""

    x: float
    value_x: float
    y: float
    w: float


@dataclass(frozen=True)
class Column:
    """Label/value rows stacked from top; a row takes as many lines as its value wraps to."""

    x: float
    value_x: float
    w: float
    top: float
    bottom: float


@dataclass(frozen=True)
class QrBox:
    x: float
    y: float
    size_mm: float


@dataclass(frozen=True)
class StockLayout:
    name: str
    description: str
    width_mm: float
    height_mm: float
    origin_x_mm: float  # where the printer's first column lies on the sheet (paper guide set-up)
    top_of_form_mm: float  # where the printer's top-of-form lies on the sheet
    frames: tuple[Frame, ...]
    fixed_texts: tuple[FixedText, ...]
    credit_code: Spot
    left: Column
    right: Column
    authority: Spot
    qr: QrBox


def load_layout(stock: str, layout_dir: Path) -> StockLayout:
    path = Path(layout_dir) / f"{stock}.toml"
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LayoutError(f"no layout for stock {stock!r}: {path} not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"{path}: {exc}") from exc
    try:
        sheet = doc["stock"]
        return StockLayout(
            name=sheet["name"],
            description=sheet.get("description", ""),
            width_mm=sheet["width_mm"],
            height_mm=sheet["height_mm"],
            origin_x_mm=sheet.get("origin_x_mm", 0.0),
            top_of_form_mm=sheet.get("top_of_form_mm", 0.0),
            frames=tuple(Frame(**f) for f in doc.get("fixed", {}).get("frame", [])),
            fixed_texts=tuple(FixedText(**t) for t in doc.get("fixed", {}).get("text", [])),
            credit_code=Spot(**doc["credit_code"]),
            left=Column(**doc["columns"]["left"]),
            right=Column(**doc["columns"]["right"]),
            authority=Spot(**doc["authority"]),
            qr=QrBox(**doc["qr"]),
        )
    except (KeyError, TypeError) as exc:
        raise LayoutError(f"{path}: missing or unexpected entry {exc}") from exc
