"""Does a stock layout fit a licence printer model? Checked when the configuration is loaded.

A part outside the model's printable width (Epson "ESC/P Reference Manual", printable area; the
model's column count at 10 cpi) would be ignored by the printer (ESC $ past the right margin),
so such a layout is refused before any licence is printed, not discovered on paper.
"""

from __future__ import annotations

from printer.licence.layout import StockLayout
from printer.licence.profiles import LicenceProfile


def check_fit(layout: StockLayout, profile: LicenceProfile) -> list[str]:
    """Why this layout cannot be overprinted by this printer model (empty: it can)."""
    lo, hi = layout.origin_x_mm, layout.origin_x_mm + profile.printable_width_mm
    spans = {
        "credit_code": (layout.credit_code.x, layout.credit_code.value_x + layout.credit_code.w),
        "left column": (layout.left.x, layout.left.value_x + layout.left.w),
        "right column": (layout.right.x, layout.right.value_x + layout.right.w),
        "authority": (layout.authority.x, layout.authority.value_x + layout.authority.w),
        "qr": (layout.qr.x, layout.qr.x + layout.qr.size_mm),
    }
    problems = [
        f"{layout.name} {part} spans {a:.1f}-{b:.1f} mm but {profile.name} prints only "
        f"{lo:.1f}-{hi:.1f} mm / {layout.name} 的{part}超出打印机 {profile.name} 的可打印宽度"
        for part, (a, b) in spans.items() if a < lo - 0.01 or b > hi + 0.01
    ]
    tops = [layout.credit_code.y, layout.left.top, layout.right.top, layout.authority.y,
            layout.qr.y]
    if min(tops) < layout.top_of_form_mm:
        problems.append(f"{layout.name}: a part lies above the top-of-form / {layout.name} 有内容高于打印起始线")
    if max(layout.left.bottom, layout.right.bottom, layout.qr.y + layout.qr.size_mm) > layout.height_mm:
        problems.append(f"{layout.name}: a part lies below the sheet / {layout.name} 有内容超出纸张底边")
    return problems
