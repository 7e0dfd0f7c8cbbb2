"""Printer model names and the checks a configuration can run without opening a port.

Cheap to import (no pyserial, no Pillow): the kiosk's configuration check uses it at start-up.
"""

from __future__ import annotations

from pathlib import Path

from printer.licence.profiles import DEFAULT_PROFILE as DEFAULT_LICENCE_MODEL
from printer.licence.profiles import PROFILES as LICENCE_MODELS
from printer.settings import DEFAULT_LAYOUT_DIR, RECEIPT_MODELS

DEFAULT_RECEIPT_MODEL = "generic-escpos"
RECEIPT_MODEL_NAMES = tuple(sorted(RECEIPT_MODELS))
LICENCE_MODEL_NAMES = tuple(sorted(LICENCE_MODELS))


def licence_layout_problems(model: str, stock: str, layout_dir: Path = DEFAULT_LAYOUT_DIR) -> list[str]:
    """Why `stock` cannot be overprinted by `model` (empty: it can): a missing or malformed
    layout, or parts outside the model's printable width."""
    from printer.licence.escp2_fit import check_fit
    from printer.licence.layout import LayoutError, load_layout

    try:
        layout = load_layout(stock, layout_dir)
    except LayoutError as exc:
        return [str(exc)]
    return check_fit(layout, LICENCE_MODELS[model])


__all__ = ["DEFAULT_LICENCE_MODEL", "DEFAULT_RECEIPT_MODEL", "LICENCE_MODEL_NAMES",
           "RECEIPT_MODEL_NAMES", "licence_layout_problems"]
