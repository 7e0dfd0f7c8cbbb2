"""The terminal's typeface: Noto Sans CJK SC, which has a real bold face.

Chinese headings are set bold like the English ones. WenQuanYi Micro Hei (the CJK font the
terminal used before) has one weight, so Qt faked bold by smearing strokes, and on some
systems drew the headings regular. Noto Sans CJK SC (Debian `fonts-noto-cjk`, installed by
`make setup`) ships Regular and Bold, and its Latin letters match, so one family serves both
languages. Set once as the application font, so every Text, control and the keyboard use it.
"""

from __future__ import annotations

import logging

log = logging.getLogger("kiosk.fonts")

UI_FONT_FAMILY = "Noto Sans CJK SC"


def apply_ui_font(app) -> None:  # noqa: ANN001 (QGuiApplication, imported lazily)
    from PySide6.QtGui import QFont

    font = QFont(app.font())
    font.setFamilies([UI_FONT_FAMILY])
    app.setFont(font)


def check_ui_font() -> bool:
    """After the first frame: say in the log when the font is missing (text then falls back
    to whatever CJK font fontconfig finds, and may have no bold)."""
    from PySide6.QtGui import QFontDatabase

    if UI_FONT_FAMILY in QFontDatabase.families() and QFontDatabase.isSmoothlyScalable(UI_FONT_FAMILY, "Bold"):
        return True
    log.error("font %r (regular and bold) is not installed; install Debian fonts-noto-cjk", UI_FONT_FAMILY)
    return False
