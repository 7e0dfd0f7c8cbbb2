"""How a terminal reaches and drives one printer (from config.toml, mapped by the kiosk)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

FlowControl = Literal["none", "rtscts", "xonxoff", "dsrdtr"]

DEFAULT_CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
# Fonts tried, in order, for a character the main font lacks (rare name characters such as
# 㙟 live in CJK Extension A, which WenQuanYi Micro Hei does not cover; Debian fonts-unifont does).
DEFAULT_FALLBACK_FONTS = (
    Path("/usr/share/fonts/opentype/unifont/unifont.otf"),
    Path("/usr/share/fonts/opentype/unifont/unifont_upper.otf"),
    Path("/usr/share/fonts/truetype/unifont/unifont.ttf"),
    Path("/usr/share/fonts/truetype/unifont/unifont_upper.ttf"),
)
# Stock layouts live beside the package in the repository's assets/ folder.
DEFAULT_LAYOUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "licence"


BufferClear = Literal["none", "dle-dc4-8"]


@dataclass(frozen=True)
class PrinterProfile:
    """What this receipt printer model can do; differs between models, so it comes from config.

    `buffer_clear` is what the model's manual documents for discarding a stopped job:
    "dle-dc4-8" = DLE DC4 fn=8 (Epson "ESC/POS Command Reference", DLE DC4 (fn = 8) "Clear
    buffer(s)", documented for TM-T88VI and later TM models; answered by 37 25 00), or "none".
    DLE ENQ 2 is not one: Epson and Citizen execute it only while a recoverable error (e.g. an
    autocutter error) is pending, not at paper end or with the cover open; the driver sends it
    only from clear_error(), for such an error.
    """

    model: str = "generic-escpos"
    buffer_clear: BufferClear = "none"
    native_qr: bool = True  # GS ( k; older or cheaper models lack it
    dots_per_line: int = 576  # 80 mm paper at 203 dpi
    two_byte_gb18030_only: bool = True  # most printers' ROM fonts stop at the 2-byte area
    font_path: Path = DEFAULT_CJK_FONT
    fallback_fonts: tuple[Path, ...] = DEFAULT_FALLBACK_FONTS
    qr_module_dots: int = 6  # 6 dots = 0.75 mm modules: reads with any phone at arm's length
    cut_feed_lines: int = 4  # the head sits ~4 lines above the cutter on common 80 mm printers
    line_mm_per_s: float = 150.0  # print speed, for time estimates (TM-T88VI: up to 350 mm/s)


# Known models: only what their manuals document. A model not listed runs as generic-escpos.
RECEIPT_MODELS: dict[str, PrinterProfile] = {
    "generic-escpos": PrinterProfile(),
    "epson-tm-t88vi": PrinterProfile(model="epson-tm-t88vi", buffer_clear="dle-dc4-8",
                                     line_mm_per_s=350.0),
}


@dataclass(frozen=True)
class PrinterSettings:
    """The link to one printer and its profile.

    `port` is a device path (/dev/ttyUSB0, a pty) or a pyserial URL (socket://host:9100, loop://).
    """

    port: str
    baud: int = 9600
    flow_control: FlowControl = "rtscts"
    write_timeout_s: float = 5.0
    status_timeout_s: float = 0.5  # a real-time status reply takes < 10 ms on a live printer
    confirm_margin_s: float = 5.0  # beyond wire time, for the head to print and cut ~30 cm
    chunk_bytes: int = 64  # below the 128-byte margin Epson printers keep after sending XOFF
    profile: PrinterProfile = field(default_factory=PrinterProfile)
    layout_dir: Path = DEFAULT_LAYOUT_DIR
    ledger_path: Path | None = None  # licence printers: the reprint ledger (required to print)
    licence_profile: str = "epson-lq-136"  # licence printers: printer.licence.profiles.PROFILES

    def wire_seconds(self, n_bytes: int) -> float:
        """8N1 puts 10 bits on the wire per byte."""
        return n_bytes * 10 / self.baud
