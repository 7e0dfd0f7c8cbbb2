"""Licence printer models: what each one's manual documents, and nothing it does not.

Epson's "ESC/P Reference Manual" (ESC/P2 chapter, "Command summary" and "Status"): ESC/P2 defines
no status request and no command that discards received data. Over a serial line an impact
printer only holds the line (DTR/DSR or XOFF) while it is busy or stopped. So, for these
profiles, a finished job is `unconfirmed` (nobody can say it came out right), and after a fault
the data the printer already received prints once the fault is cleared (`partly-printed`).

Geometry: 24-pin Chinese models print Hanzi from a resident 24 x 24-dot font at 180 dpi (one
character 24/180 inch = 3.39 mm wide and high); ASCII prints at half that width in Chinese mode.
The printable width is the model's column count at 10 cpi (ESC/P Reference Manual, "Printable
area": 8 inches for 80-column, 13.6 inches for 136-column models). Check the fitted model's
manual ("Specifications" -> "Printable area", "Character tables" -> Hanzi font) and add a profile
rather than edit one.
"""

from __future__ import annotations

from dataclasses import dataclass

DPI = 180  # ESC * 39: 24-pin triple density, 180 dots per inch both ways
UNITS = 360  # ESC ( U 01 00 0A: 10/3600 = 1/360 inch, the unit of ESC ( V, ESC $ and ESC ( C


@dataclass(frozen=True)
class LicenceProfile:
    name: str
    manual: str  # where the numbers below come from
    printable_width_mm: float
    hanzi_dots: int = 24  # resident Hanzi font cell at 180 dpi (square)
    # What the manual documents about talking back. None of the ESC/P2 profiles does.
    status_reply: bool = False
    can_discard: bool = False

    @property
    def cell_mm(self) -> float:
        """Width (and height) of one Hanzi in the resident font."""
        return self.hanzi_dots / DPI * 25.4

    @property
    def cell_units(self) -> int:
        return self.hanzi_dots * UNITS // DPI


PROFILES: dict[str, LicenceProfile] = {
    p.name: p
    for p in (
        LicenceProfile(
            name="epson-lq-136",
            manual="Epson ESC/P Reference Manual, ESC/P2 (136-column 24-pin models, e.g. LQ-1600K series)",
            printable_width_mm=13.6 * 25.4,  # 345.4 mm
        ),
        LicenceProfile(
            name="epson-lq-80",
            manual="Epson ESC/P Reference Manual, ESC/P2 (80-column 24-pin models, e.g. LQ-630K)",
            printable_width_mm=8.0 * 25.4,  # 203.2 mm
        ),
    )
}
DEFAULT_PROFILE = "epson-lq-136"


class UnknownProfile(ValueError):
    """A configured profile name no manual stands behind."""


def licence_profile(name: str) -> LicenceProfile:
    try:
        return PROFILES[name]
    except KeyError:
        raise UnknownProfile(f"unknown licence printer profile {name!r}; one of "
                             f"{', '.join(sorted(PROFILES))}") from None
