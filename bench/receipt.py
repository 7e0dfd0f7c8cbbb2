"""Receipt benchmark: bytes on the wire and time to a confirmed print, against python-escpos.

Prints ONE JSON line. For 9600 and 115200 baud, native QR (GS ( k) and raster QR, it prints the
standard receipt on the virtual printer over a real pty and measures the time from print() to
the printer's GS r confirmation (status check included). `model_s` is what the line allows:
bytes x 10 / baud plus the confirmation overhead, measured as the time of an empty job (status
check + ESC @ + GS r) at the same baud; `ratio` = measured / model (goal <= 1.1).
python-escpos 3.1 builds the same receipt with its default image QR (its Dummy printer gives the
bytes): once at its default module size (3 dots) and once at ours (6 dots, the same printed size).

    .venv/bin/python bench/receipt.py
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from printer import (  # noqa: E402
    Bilingual,
    Document,
    PrinterProfile,
    PrinterSettings,
    ReceiptJob,
    ReceiptPrinter,
    ReceiptSummary,
    build_receipt,
)
from printer.emulator import VirtualReceiptPrinter  # noqa: E402
from printer.escpos.document import Cut, Feed, QrCode, Rule, Text  # noqa: E402
from printer.escpos.encoder import encode  # noqa: E402

URL = "https://nh.example.gov.cn/s/NH20261129-0042"


def standard_receipt() -> Document:
    return build_receipt(ReceiptSummary(
        site_name=Bilingual("佛山市南海区政务服务中心 桂城自助终端", "Nanhai Service Centre, Guicheng kiosk"),
        application_number="NH20261129-0042",
        services=(Bilingual("个体工商户设立登记", "Individual business registration"),),
        add_ons=(Bilingual("食品经营许可证", "Food business permit"),),
        applicant_name="张小三",
        submitted_at=datetime(2026, 11, 29, 15, 30),
        next_steps=Bilingual("审核结果将在1个工作日内以短信通知；通过后可在任一终端扫码打印营业执照。",
                             "You will get a text message within 1 working day. Once approved, "
                             "scan the code at any kiosk to print your licence."),
        status_url=URL,
        help_line="0757-86280000",
    ))


def python_escpos_bytes(document: Document, qr_size: int | None) -> int:
    from escpos.printer import Dummy

    logging.getLogger("escpos").setLevel(logging.ERROR)
    p = Dummy()
    for block in document.blocks:
        if isinstance(block, Text):
            p.set(align=["left", "center", "right"][block.align], bold=block.bold,
                  custom_size=block.width > 1, width=block.width, height=block.height,
                  normal_textsize=block.width == 1)
            p.text(block.text + "\n")
        elif isinstance(block, Rule):
            p.text("-" * 48 + "\n")
        elif isinstance(block, QrCode):
            if qr_size is None:
                p.qr(block.data, center=True)  # its defaults: image, size 3
            else:
                p.qr(block.data, size=qr_size, center=True)
        elif isinstance(block, Feed):
            p.ln(block.lines)
        elif isinstance(block, Cut):
            p.cut()
    return len(p.output)


def timed_print(baud: int, native: bool, document: Document, out: Path) -> tuple[int, float]:
    emu = VirtualReceiptPrinter(baud=baud, out_dir=out)
    with emu:
        settings = PrinterSettings(port=emu.device_path, baud=baud, flow_control="xonxoff",
                                   confirm_margin_s=10, profile=PrinterProfile(native_qr=native))
        printer = ReceiptPrinter(settings)
        try:
            printer.status()  # open the line first: opening is not part of a print
            start = time.perf_counter()
            result = printer.print(ReceiptJob(document))
            elapsed = time.perf_counter() - start
        finally:
            printer.close()
    assert result.printed, result
    return result.bytes_sent, elapsed


def main() -> None:
    document = standard_receipt()
    empty = Document(())
    figures: dict[str, object] = {"receipt_text_chars": len(document.text())}
    with tempfile.TemporaryDirectory() as tmp:
        for baud in (9600, 115200):
            _, overhead = timed_print(baud, True, empty, Path(tmp))
            figures[f"confirm_overhead_s_{baud}"] = round(overhead, 4)
            for native in (True, False):
                n_bytes, seconds = timed_print(baud, native, document, Path(tmp))
                model = n_bytes * 10 / baud + overhead
                key = f"{'native' if native else 'raster'}_{baud}"
                figures[f"bytes_{key}"] = n_bytes
                figures[f"seconds_{key}"] = round(seconds, 3)
                figures[f"model_s_{key}"] = round(model, 3)
                figures[f"ratio_{key}"] = round(seconds / model, 3)
    profile = PrinterProfile()
    qr_only_native = len(encode(Document((QrCode(URL),)), profile))
    qr_only_raster = len(encode(Document((QrCode(URL),)), PrinterProfile(native_qr=False)))
    figures["qr_bytes_native"] = qr_only_native - 4  # minus ESC @ FS & that every job starts with
    figures["qr_bytes_raster"] = qr_only_raster - 4
    figures["python_escpos_bytes_default"] = python_escpos_bytes(document, None)
    figures["python_escpos_bytes_same_qr_size"] = python_escpos_bytes(document, profile.qr_module_dots)
    native_bytes = figures["bytes_native_9600"]
    figures["fewer_bytes_x_vs_python_escpos_default"] = round(
        figures["python_escpos_bytes_default"] / native_bytes, 2)
    figures["fewer_bytes_x_vs_python_escpos_same_qr_size"] = round(
        figures["python_escpos_bytes_same_qr_size"] / native_bytes, 2)
    figures["python_escpos_wire_s_9600_same_qr_size"] = round(
        figures["python_escpos_bytes_same_qr_size"] * 10 / 9600, 3)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
