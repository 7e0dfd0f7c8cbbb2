"""Large text, high contrast and the physical sizes that every screen honours.

Sizes are in design pixels of a 1080x1920 portrait layout (1920x1080 landscape), scaled as a
whole to the configured screen. Their physical size is checked against the smallest panel we
expect a terminal to have, 21.5 inches diagonal: there a design pixel at 1080x1920 is 0.248 mm,
so the 120 px minimum touch target is 30 mm (>= 9 mm, Material 48 dp / Apple 44 pt) and the
32 px smallest font has a cap height of about 0.7 x 32 x 0.248 = 5.6 mm (>= 4.8 mm, ADA 707).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.emit import emit
from kiosk.session import Session

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

SMALLEST_PANEL_INCHES = 21.5
MIN_TARGET_MM = 9.0
MIN_TEXT_MM = 4.8
CAP_HEIGHT_EM = 0.7  # Latin cap height / CJK ink height as a share of the font's pixel size
LARGE_TEXT_FACTOR = 1.3

_NORMAL = {"background": "#F4F1EA", "surface": "#FFFFFF", "text": "#1B1B1B", "muted": "#4A4A4A",
           "accent": "#B3261E", "accentText": "#FFFFFF", "border": "#8A8A8A", "focus": "#0B57D0"}
# Black/white/yellow: 21:1 and 19:1 contrast, and never colour alone: every state also has text.
_HIGH_CONTRAST = {"background": "#000000", "surface": "#000000", "text": "#FFFFFF",
                  "muted": "#FFFFFF", "accent": "#FFD600", "accentText": "#000000",
                  "border": "#FFFFFF", "focus": "#00E5FF"}


def design_size(orientation: str) -> tuple[int, int]:
    return (1080, 1920) if orientation == "portrait" else (1920, 1080)


def mm_per_design_pixel(width: int, height: int, orientation: str,
                        diagonal_inches: float = SMALLEST_PANEL_INCHES) -> float:
    """Physical size of one design pixel on a `width`x`height` panel of that diagonal."""
    dw, dh = design_size(orientation)
    scale = min(width / dw, height / dh)
    return diagonal_inches * 25.4 / math.hypot(width, height) * scale


@QmlElement
@QmlSingleton
class Appearance(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._width, self._height, self._orientation = 1080, 1920, "portrait"

    def bind(self, session: Session, width: int, height: int, orientation: str) -> None:
        """Called once by the composition root: the toggles live in the session, so a wipe
        returns the next person to normal text and colours."""
        self._session = session
        self._width, self._height, self._orientation = width, height, orientation
        session.changed.connect(self._on_session_changed)
        session.wiped.connect(self.changed)
        emit(self.changed)

    def _on_session_changed(self, name: str) -> None:
        # A method, not a lambda: PySide6 6.12 mis-counts references to a bool a connected
        # lambda returns, and the interpreter aborts after a few thousand emissions.
        if name in ("large_text", "high_contrast"):
            emit(self.changed)

    def _flag(self, name: str) -> bool:
        return bool(self._session and self._session.get(name))

    def _set_flag(self, name: str, value: bool) -> None:
        if self._session is not None:
            self._session.set(name, bool(value))

    largeText = Property(bool, lambda s: s._flag("large_text"),
                         lambda s, v: s._set_flag("large_text", v), notify=changed)
    highContrast = Property(bool, lambda s: s._flag("high_contrast"),
                            lambda s, v: s._set_flag("high_contrast", v), notify=changed)

    @Slot()
    def toggleLargeText(self) -> None:  # noqa: N802 (QML name)
        self._set_flag("large_text", not self._flag("large_text"))

    @Slot()
    def toggleHighContrast(self) -> None:  # noqa: N802
        self._set_flag("high_contrast", not self._flag("high_contrast"))

    # -- geometry ----------------------------------------------------------------------------
    designWidth = Property(int, lambda s: design_size(s._orientation)[0], notify=changed)
    designHeight = Property(int, lambda s: design_size(s._orientation)[1], notify=changed)

    @Slot(float, result=float)
    def millimetres(self, design_px: float) -> float:
        return design_px * mm_per_design_pixel(self._width, self._height, self._orientation)

    def _font(self, base: int) -> int:
        return round(base * (LARGE_TEXT_FACTOR if self._flag("large_text") else 1.0))

    fontSmall = Property(int, lambda s: s._font(32), notify=changed)
    fontBody = Property(int, lambda s: s._font(40), notify=changed)
    fontButton = Property(int, lambda s: s._font(44), notify=changed)
    fontHeading = Property(int, lambda s: s._font(56), notify=changed)
    fontTitle = Property(int, lambda s: s._font(80), notify=changed)
    targetSize = Property(int, lambda s: s._font(120), notify=changed)
    gap = Property(int, lambda s: 32, notify=changed)

    # -- colours -----------------------------------------------------------------------------
    def _colour(self, role: str) -> str:
        return (_HIGH_CONTRAST if self._flag("high_contrast") else _NORMAL)[role]

    background = Property(str, lambda s: s._colour("background"), notify=changed)
    surface = Property(str, lambda s: s._colour("surface"), notify=changed)
    text = Property(str, lambda s: s._colour("text"), notify=changed)
    muted = Property(str, lambda s: s._colour("muted"), notify=changed)
    accent = Property(str, lambda s: s._colour("accent"), notify=changed)
    accentText = Property(str, lambda s: s._colour("accentText"), notify=changed)
    border = Property(str, lambda s: s._colour("border"), notify=changed)
    focus = Property(str, lambda s: s._colour("focus"), notify=changed)
