"""Large text, high contrast and the physical sizes that every screen honours.

Sizes are in design pixels of a 1080x1920 portrait layout (1920x1080 landscape), scaled as a
whole to the configured screen. What a design pixel measures depends on the panel, so the
physical minimums are turned into design pixels from `[screen] diagonal_inches`:

- text at least 4.8 mm tall, measured on the capital I: 2010 ADA Standards for Accessible
  Design 707.7.2 (display screens of ATMs and fare machines) and the Revised Section 508
  Standards 402.4 (characters on display screens, 3/16 inch); EN 301 549 V3.2.1 5.1.4 asks the
  same of closed ICT in angle (a capital H subtending 0.7 degrees: 4.9 mm at 400 mm);
- touch targets at least 9 mm (Android Material 48 dp, Apple HIG 44 pt).

At 21.5 inches a design pixel is 0.248 mm: the 32 px smallest font has a cap height of
0.7 x 32 x 0.248 = 5.6 mm and the 120 px target is 30 mm, so nothing grows. At 15.6 inches a
design pixel is 0.180 mm: 32 px would be 4.0 mm, so every font grows by the same factor
(x1.19) until the smallest is 39 px (4.9 mm). Large text multiplies by a further 1.3.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.emit import emit
from kiosk.session import Session

from .session_bound import SessionBound

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

DEFAULT_PANEL_INCHES = 21.5
MIN_TARGET_MM = 9.0  # Material 48 dp, Apple 44 pt
MIN_TEXT_MM = 4.8  # ADA 2010 707.7.2, Section 508 402.4: 3/16 inch on the capital I
CAP_HEIGHT_EM = 0.7  # Latin cap height / CJK ink height as a share of the font's pixel size
LARGE_TEXT_FACTOR = 1.3
SMALLEST_FONT_PX = 32  # the design's smallest font (fontSmall) before any growth

_NORMAL = {"background": "#F4F1EA", "surface": "#FFFFFF", "text": "#1B1B1B", "muted": "#4A4A4A",
           "accent": "#B3261E", "accentText": "#FFFFFF", "border": "#8A8A8A", "focus": "#0B57D0"}
# Black/white/yellow: 21:1 and 19:1 contrast, and never colour alone: every state also has text.
_HIGH_CONTRAST = {"background": "#000000", "surface": "#000000", "text": "#FFFFFF",
                  "muted": "#FFFFFF", "accent": "#FFD600", "accentText": "#000000",
                  "border": "#FFFFFF", "focus": "#00E5FF"}


def design_size(orientation: str) -> tuple[int, int]:
    return (1080, 1920) if orientation == "portrait" else (1920, 1080)


def mm_per_design_pixel(width: int, height: int, orientation: str,
                        diagonal_inches: float = DEFAULT_PANEL_INCHES) -> float:
    """Physical size of one design pixel on a `width`x`height` panel of that diagonal."""
    dw, dh = design_size(orientation)
    scale = min(width / dw, height / dh)
    return diagonal_inches * 25.4 / math.hypot(width, height) * scale


def growth_for_panel(mm_per_px: float) -> float:
    """How much every font grows so that the smallest keeps MIN_TEXT_MM on this panel (>= 1)."""
    needed_px = MIN_TEXT_MM / (CAP_HEIGHT_EM * mm_per_px)
    return max(1.0, needed_px / SMALLEST_FONT_PX)


@QmlElement
@QmlSingleton
class Appearance(SessionBound):
    changed = Signal()
    watches = frozenset({"large_text", "high_contrast"})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self._width, self._height, self._orientation = 1080, 1920, "portrait"
        self._diagonal = DEFAULT_PANEL_INCHES

    def bind(self, session: Session, width: int, height: int, orientation: str,
             diagonal_inches: float = DEFAULT_PANEL_INCHES) -> None:
        """Called once by the composition root: the toggles live in the session, so a wipe
        returns the next person to normal text and colours."""
        self._width, self._height, self._orientation = width, height, orientation
        self._diagonal = diagonal_inches
        self._bind_session(session)
        emit(self.changed)

    def _flag(self, name: str) -> bool:
        return bool(self._session and self._session.get(name))

    def _set_flag(self, name: str, value: bool) -> None:
        if self._session is not None:
            self._session.set(name, bool(value))

    def _large_text(self) -> bool:
        return self._flag("large_text")

    def _set_large_text(self, value: bool) -> None:
        self._set_flag("large_text", value)

    def _high_contrast(self) -> bool:
        return self._flag("high_contrast")

    def _set_high_contrast(self, value: bool) -> None:
        self._set_flag("high_contrast", value)

    largeText = Property(bool, _large_text, _set_large_text, notify=changed)
    highContrast = Property(bool, _high_contrast, _set_high_contrast, notify=changed)

    @Slot()
    def toggleLargeText(self) -> None:  # noqa: N802 (QML name)
        self._set_flag("large_text", not self._flag("large_text"))

    @Slot()
    def toggleHighContrast(self) -> None:  # noqa: N802
        self._set_flag("high_contrast", not self._flag("high_contrast"))

    # -- geometry ----------------------------------------------------------------------------
    @Property("double", notify=changed)
    def designWidth(self) -> float:  # noqa: N802 (QML name)
        return float(design_size(self._orientation)[0])

    @Property("double", notify=changed)
    def designHeight(self) -> float:  # noqa: N802
        return float(design_size(self._orientation)[1])

    def _mm_per_px(self) -> float:
        return mm_per_design_pixel(self._width, self._height, self._orientation, self._diagonal)

    @Slot(float, result=float)
    def millimetres(self, design_px: float) -> float:
        return design_px * self._mm_per_px()

    @Property("double", notify=changed)
    def diagonalInches(self) -> float:  # noqa: N802
        return self._diagonal

    @Property("double", notify=changed)
    def minTarget(self) -> float:  # noqa: N802
        """The smallest touch target allowed on this panel, in design pixels."""
        return math.ceil(MIN_TARGET_MM / self._mm_per_px())

    @Property(int, notify=changed)
    def minFont(self) -> int:  # noqa: N802
        """The smallest font pixel size whose cap height meets MIN_TEXT_MM on this panel."""
        return math.ceil(MIN_TEXT_MM / (CAP_HEIGHT_EM * self._mm_per_px()))

    # Font sizes are whole pixels (QFont.pixelSize is an int); geometry is a QML real (double).
    # Rounded up, so that growth for a small panel never lands a hair under the minimum.
    def _font(self, base: int) -> int:
        large = LARGE_TEXT_FACTOR if self._flag("large_text") else 1.0
        return math.ceil(base * growth_for_panel(self._mm_per_px()) * large - 1e-9)

    @Property(int, notify=changed)
    def fontSmall(self) -> int:  # noqa: N802
        return self._font(32)

    @Property(int, notify=changed)
    def fontBody(self) -> int:  # noqa: N802
        return self._font(40)

    @Property(int, notify=changed)
    def fontButton(self) -> int:  # noqa: N802
        return self._font(44)

    @Property(int, notify=changed)
    def fontHeading(self) -> int:  # noqa: N802
        return self._font(56)

    @Property(int, notify=changed)
    def fontTitle(self) -> int:  # noqa: N802
        return self._font(80)

    @Property("double", notify=changed)
    def targetSize(self) -> float:  # noqa: N802
        return float(max(self._font(120), self.minTarget))

    @Property("double", notify=changed)
    def compactTargetSize(self) -> float:  # noqa: N802
        """Buttons that sit on every screen (the top bar): smaller than targetSize so a screen
        keeps its room, never below the minimum target."""
        return float(max(math.ceil(self._font(40) * 1.8), self.minTarget))

    @Property("double", constant=True)
    def gap(self) -> float:
        return 32.0

    # -- colours -----------------------------------------------------------------------------
    def _colour(self, role: str) -> str:
        return (_HIGH_CONTRAST if self._flag("high_contrast") else _NORMAL)[role]

    @Property(str, notify=changed)
    def background(self) -> str:
        return self._colour("background")

    @Property(str, notify=changed)
    def surface(self) -> str:
        return self._colour("surface")

    @Property(str, notify=changed)
    def text(self) -> str:
        return self._colour("text")

    @Property(str, notify=changed)
    def muted(self) -> str:
        return self._colour("muted")

    @Property(str, notify=changed)
    def accent(self) -> str:
        return self._colour("accent")

    @Property(str, notify=changed)
    def accentText(self) -> str:  # noqa: N802
        return self._colour("accentText")

    @Property(str, notify=changed)
    def border(self) -> str:
        return self._colour("border")

    @Property(str, notify=changed)
    def focus(self) -> str:
        return self._colour("focus")
