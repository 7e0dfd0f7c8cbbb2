"""Licence benchmark: PDF render time per stock, and the ESC/P2 overprint's size and print time.

Prints ONE JSON line: cold (first, includes registering the font) and warm (median of 10) PDF
render times for A4 and A3, the overprint's bytes, and the time to a confirmed print on the
virtual licence printer at 115200 baud against bytes x 10 / baud.

    .venv/bin/python bench/licence.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from printer import LicenceData, LicenceJob, LicencePrinter, PrinterSettings, render_licence_pdf  # noqa: E402
from printer.emulator import VirtualLicencePrinter  # noqa: E402
from printer.licence.escp2 import encode_overprint  # noqa: E402
from printer.licence.layout import load_layout  # noqa: E402
from printer.licence.placement import place  # noqa: E402
from printer.licence.profiles import licence_profile  # noqa: E402
from printer.settings import DEFAULT_CJK_FONT, DEFAULT_FALLBACK_FONTS, DEFAULT_LAYOUT_DIR  # noqa: E402

BAUD = 115200


def standard_licence() -> LicenceData:
    return LicenceData(
        credit_code="91440605MA4X000010",
        name="佛山市南海区桂香餐饮有限公司",
        entity_type="有限责任公司（自然人独资）",
        representative="张小三",
        scope_general=("餐饮管理", "食品销售（仅销售预包装食品）", "保健食品（预包装）销售", "第二类医疗器械销售"),
        scope_licensed=("餐饮服务", "食品销售", "药品零售", "第三类医疗器械经营"),
        registered_capital=Decimal("1000000"),
        established=date(2026, 11, 29),
        address="广东省佛山市南海区桂城街道南海大道北1号金融高新区A座1201室",
        authority="佛山市南海区市场监督管理局",
        issued=date(2026, 11, 29),
        verify_url="https://gsxt.example.gov.cn/v/91440605MA4X000010",
    )


def main() -> None:
    licence = standard_licence()
    figures: dict[str, object] = {}
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
        profile = licence_profile("epson-lq-136")
        data = encode_overprint(place(licence, layout, profile), layout, profile,
                                (DEFAULT_CJK_FONT, *DEFAULT_FALLBACK_FONTS))
        figures[f"escp2_encode_s_{stock}"] = round(time.perf_counter() - start, 4)
        figures[f"escp2_bytes_{stock}"] = len(data)
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
                    assert result.outcome.value == "unconfirmed", result  # ESC/P2: no confirmation exists
                    figures[f"print_s_{stock}_{BAUD}"] = round(seconds, 3)
                    figures[f"wire_s_{stock}_{BAUD}"] = round(result.bytes_sent * 10 / BAUD, 3)
            finally:
                printer.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
