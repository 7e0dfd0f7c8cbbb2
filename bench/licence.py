"""Licence benchmark: PDF render time per stock, and the ESC/P2 overprint's size and print time.

Prints ONE JSON line: cold (first, includes registering the font) and warm (median of 10) PDF
render times for A4 and A3, the overprint's bytes, the time to send it to the virtual licence
printer (the driver's result is `unconfirmed`: ESC/P2 reports nothing), and a model of how long
an impact printer takes to put it on paper.

Paper-time model (an assumption, not a measurement; check the fitted model's specifications):
the head makes one pass per printed line (each distinct vertical position: a text row or a
24-dot image band), unidirectionally, across the line's extent at HEAD_IN_S inches a second,
plus LINE_FEED_S per pass. A 24-pin printer in letter quality prints on the order of 100
characters a second at 10 cpi, i.e. 10 inches a second: a licence takes many seconds, far more
than the wire at 115200 or even 9600 baud.

    .venv/bin/python bench/licence.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from printer import LicenceJob, LicencePrinter, PrinterSettings, render_licence_pdf  # noqa: E402
from printer.emulator import VirtualLicencePrinter  # noqa: E402
from printer.licence.escp2 import BAND_UNITS, encode_overprint  # noqa: E402
from printer.licence.layout import load_layout  # noqa: E402
from printer.licence.placement import cells, place, units  # noqa: E402
from printer.licence.profiles import UNITS, licence_profile  # noqa: E402
from printer.samples import sample_licence  # noqa: E402
from printer.settings import DEFAULT_CJK_FONT, DEFAULT_FALLBACK_FONTS, DEFAULT_LAYOUT_DIR  # noqa: E402

BAUD = 115200
HEAD_IN_S = 10.0  # assumed letter-quality head speed
LINE_FEED_S = 0.06  # assumed per pass: paper advance and head turn-around


def paper_seconds(placement, layout, profile) -> tuple[int, float]:
    """(passes, seconds) under the model above."""
    extent: dict[int, int] = {}  # vertical position -> rightmost end, 1/360 inch from the origin
    origin = units(layout.origin_x_mm)
    for run in placement.runs:
        end = run.x + round(cells(run.text) * profile.cell_units) - origin
        extent[run.y] = max(extent.get(run.y, 0), end)
    qr_top, qr_size = units(layout.qr.y), units(layout.qr.size_mm)
    for offset in range(0, qr_size, BAND_UNITS):
        y = qr_top + offset
        extent[y] = max(extent.get(y, 0), units(layout.qr.x) + qr_size - origin)
    seconds = sum(end / UNITS / HEAD_IN_S + LINE_FEED_S for end in extent.values())
    return len(extent), seconds


def main() -> None:
    licence = sample_licence()
    profile = licence_profile("epson-lq-136")
    fonts = (DEFAULT_CJK_FONT, *DEFAULT_FALLBACK_FONTS)
    figures: dict[str, object] = {"head_in_s_assumed": HEAD_IN_S, "line_feed_s_assumed": LINE_FEED_S}
    for stock in ("A4", "A3"):
        start = time.perf_counter()
        pdf = render_licence_pdf(licence, stock)
        figures[f"pdf_cold_s_{stock}"] = round(time.perf_counter() - start, 4)
        runs = []
        for _ in range(10):
            start = time.perf_counter()
            render_licence_pdf(licence, stock)
            runs.append(time.perf_counter() - start)
        figures[f"pdf_warm_median_s_{stock}"] = round(statistics.median(runs), 4)
        figures[f"pdf_bytes_{stock}"] = len(pdf)
        layout = load_layout(stock, DEFAULT_LAYOUT_DIR)
        start = time.perf_counter()
        placement = place(licence, layout, profile)
        data = encode_overprint(placement, layout, profile, fonts)
        figures[f"escp2_encode_s_{stock}"] = round(time.perf_counter() - start, 4)
        figures[f"escp2_bytes_{stock}"] = len(data)
        passes, paper = paper_seconds(placement, layout, profile)
        figures[f"passes_{stock}"] = passes
        figures[f"paper_model_s_{stock}"] = round(paper, 1)
        for baud in (9600, 115200):
            figures[f"wire_s_{stock}_{baud}"] = round(len(data) * 10 / baud, 3)
    with tempfile.TemporaryDirectory() as tmp:
        emu = VirtualLicencePrinter(baud=BAUD, out_dir=Path(tmp))
        with emu:
            printer = LicencePrinter(PrinterSettings(port=emu.device_path, baud=BAUD,
                                                     flow_control="xonxoff",
                                                     ledger_path=Path(tmp) / "ledger.sqlite3"))
            try:
                printer.status()
                for stock in ("A4", "A3"):
                    start = time.perf_counter()
                    result = printer.print(LicenceJob(licence, stock))
                    seconds = time.perf_counter() - start
                    assert result.outcome.value == "unconfirmed", result  # ESC/P2 confirms nothing
                    figures[f"send_s_{stock}_{BAUD}"] = round(seconds, 3)
            finally:
                printer.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
