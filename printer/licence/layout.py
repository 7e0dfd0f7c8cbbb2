"""Stock layouts: where each part of a licence goes on one kind of sheet, in millimetres.

Loaded from assets/licence/<stock>.toml. The same numbers drive the PDF and the ESC/P2 overprint,
so what a technician sees in the PDF is where the printer puts ink.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

REQUIRED_FIELDS = (
    "credit_code", "name", "entity_type", "representative_role", "representative",
    "capital_label", "registered_capital", "established", "term", "address", "scope",
    "authority", "issued",
)


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
class FieldBox:
    x: float
    y: float
    w: float
    h: float
    size_pt: float
    min_pt: float = 0.0  # 0: never shrink


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
    frames: tuple[Frame, ...]
    fixed_texts: tuple[FixedText, ...]
    fields: dict[str, FieldBox]
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
        fields = {name: FieldBox(**box) for name, box in doc["fields"].items()}
        layout = StockLayout(
            name=doc["stock"]["name"],
            description=doc["stock"].get("description", ""),
            width_mm=doc["stock"]["width_mm"],
            height_mm=doc["stock"]["height_mm"],
            frames=tuple(Frame(**f) for f in doc.get("fixed", {}).get("frame", [])),
            fixed_texts=tuple(FixedText(**t) for t in doc.get("fixed", {}).get("text", [])),
            fields=fields,
            qr=QrBox(**doc["qr"]),
        )
    except (KeyError, TypeError) as exc:
        raise LayoutError(f"{path}: missing or unexpected entry {exc}") from exc
    missing = [f for f in REQUIRED_FIELDS if f not in fields]
    if missing:
        raise LayoutError(f"{path}: no position for field(s) {', '.join(missing)}")
    return layout
