"""The readiness report: the checks as JSON and as a one-page PDF a person can read, written
to a directory the technician chooses (a USB stick's mount point, say)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from kiosk.config import KioskConfig

from .checks import CheckResult, Level, exit_code, facts

WORDS = {Level.OK: "正常 OK", Level.WARNING: "注意 WARNING", Level.FAILURE: "故障 FAILURE"}


def write_report(cfg: KioskConfig, results: list[CheckResult], directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    stem = directory / f"readiness-{cfg.terminal.id}-{stamp}"
    document = {"terminal": cfg.terminal.id, "written_at": time.strftime("%Y-%m-%d %H:%M:%S"),
                "exit": exit_code(results), "checks": [r.to_json() for r in results]}
    json_path = stem.with_suffix(".json")
    json_path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    pdf_path = stem.with_suffix(".pdf")
    _pdf(pdf_path, document, results)
    return json_path, pdf_path


def _pdf(path: Path, document: dict, results: list[CheckResult]) -> None:
    """A4, the CJK font embedded (the licence PDF's font, printer/licence/pdf.py)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from printer.settings import DEFAULT_CJK_FONT

    if "ReportCJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("ReportCJK", str(DEFAULT_CJK_FONT), subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 60

    def line(text: str, size: float = 10, indent: float = 0) -> None:
        """One paragraph, wrapped to the page by its measured width (nothing cut off)."""
        nonlocal y
        room = width - 100 - indent
        rest = text
        while True:
            cut = len(rest)
            while cut > 1 and pdfmetrics.stringWidth(rest[:cut], "ReportCJK", size) > room:
                cut -= 1
            if y < 60:
                c.showPage()
                y = height - 60
            c.setFont("ReportCJK", size)
            c.drawString(50 + indent, y, rest[:cut])
            y -= size * 1.6
            rest = rest[cut:]
            if not rest:
                return

    line(f"终端就绪报告 Readiness report — {document['terminal']}", 15)
    line(f"{document['written_at']}  ·  exit {document['exit']}", 10)
    y -= 8
    for r in results:
        line(f"{WORDS[r.level]}   {r.name}", 11)
        line(r.detail[0], 9, 18)
        line(r.detail[1], 9, 18)
        if r.level is not Level.OK:
            line("→ " + r.advice[0], 9, 18)
            line("→ " + r.advice[1], 9, 18)
            for fact in facts(r.data).splitlines():  # the parked reasons, the printer's state…
                line(fact, 8, 30)
        y -= 4
    c.save()
