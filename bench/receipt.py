"""Receipt benchmark: bytes on the wire and time to a confirmed print, against python-escpos.

Prints ONE JSON line. For 9600 and 115200 baud, native QR (GS ( k) and image QR (GS v 0), it
prints the standard receipt on the virtual printer over a real pty and measures the time from
print() to the printer's GS r confirmation (status check included).

The model: a printer prints while it receives, so a receipt takes the longer of the wire time
(bytes x 10 / baud) and the paper time (receipt length / the model's print speed), plus the
confirmation overhead (the time of an empty job at the same baud). `ratio` = measured / model.
The virtual printer paces the wire only, so at 115200 baud the paper time is what a real
printer adds: `paper_s_*` says how much (at the generic profile's 150 mm/s).

python-escpos 3.1 builds the same receipt in the SAME QR mode (its Dummy printer gives the
bytes): `python_escpos_bytes_native` (its qr(native=True)) against our native job, and
`python_escpos_bytes_image` (its default image QR, at our module size) against our image job.

    .venv/bin/python bench/receipt.py
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from printer import (  # noqa: E402
    RECEIPT_MODELS,
    Document,
    PrinterSettings,
    ReceiptJob,
    ReceiptPrinter,
    build_receipt,
)
from printer.emulator import VirtualReceiptPrinter  # noqa: E402
from printer.escpos.document import Cut, Feed, QrCode, Rule, Text  # noqa: E402
from printer.samples import sample_receipt  # noqa: E402

DOTS_PER_MM = 203 / 25.4


def python_escpos_bytes(document: Document, native: bool, module_dots: int) -> int:
    from escpos.printer import Dummy

    logging.getLogger("escpos").setLevel(logging.ERROR)
    with contextlib.redirect_stdout(io.StringIO()):  # it prints profile warnings on stdout
        return _python_escpos_bytes(Dummy(), document, native, module_dots)


def _python_escpos_bytes(p, document: Document, native: bool, module_dots: int) -> int:
    for block in document.blocks:
        if isinstance(block, Text):
            p.set(align=["left", "center", "right"][block.align], bold=block.bold,
                  custom_size=block.width > 1, width=block.width, height=block.height,
                  normal_textsize=block.width == 1)
            p.text(block.text + "\n")
        elif isinstance(block, Rule):
            p.text("-" * 48 + "\n")
        elif isinstance(block, QrCode):
            if native:  # python-escpos cannot centre a native QR; centre it by ESC a instead
                p.set(align="center")
                p.qr(block.data, size=module_dots, native=True)
            else:
                p.qr(block.data, size=module_dots, native=False, center=True)
        elif isinstance(block, Feed):
            p.ln(block.lines)
        elif isinstance(block, Cut):
            p.cut()
    return len(p.output)


def timed_print(baud: int, native: bool, document: Document, out: Path):
    emu = VirtualReceiptPrinter(baud=baud, out_dir=out)
    with emu:
        profile = replace(RECEIPT_MODELS["generic-escpos"], native_qr=native)
        settings = PrinterSettings(port=emu.device_path, baud=baud, flow_control="xonxoff",
                                   confirm_margin_s=10, profile=profile)
        printer = ReceiptPrinter(settings)
        try:
            printer.status()  # open the line first: opening is not part of a print
            start = time.perf_counter()
            result = printer.print(ReceiptJob(document))
            elapsed = time.perf_counter() - start
        finally:
            printer.close()
        emu.wait_for_jobs(1) if document.blocks else None
        length_mm = emu.jobs[0].image.height / DOTS_PER_MM if emu.jobs else 0.0
    assert result.printed, result
    return result.bytes_sent, elapsed, length_mm


IMPORT_PROBE = ("import time; t = time.perf_counter(); import printer; a = time.perf_counter() - t; "
                "t = time.perf_counter(); from printer import ReceiptPrinter, LicencePrinter, open_printers; "
                "print(a, time.perf_counter() - t)")


def import_seconds() -> tuple[float, float]:
    """Median over 5 fresh interpreters: `import printer`, then the drivers and open_printers."""
    runs = [tuple(map(float, subprocess.run([sys.executable, "-c", IMPORT_PROBE], capture_output=True,
                                            text=True, check=True, cwd=ROOT).stdout.split()))
            for _ in range(5)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    document = build_receipt(sample_receipt())
    profile = RECEIPT_MODELS["generic-escpos"]
    figures: dict[str, object] = {"receipt_text_chars": len(document.text()),
                                  "print_speed_mm_s": profile.line_mm_per_s}
    with tempfile.TemporaryDirectory() as tmp:
        for baud in (9600, 115200):
            _, overhead, _ = timed_print(baud, True, Document(()), Path(tmp) / f"empty{baud}")
            figures[f"confirm_overhead_s_{baud}"] = round(overhead, 4)
            for native in (True, False):
                key = f"{'native' if native else 'image'}_{baud}"
                n_bytes, seconds, length_mm = timed_print(baud, native, document, Path(tmp) / key)
                wire = n_bytes * 10 / baud
                paper = length_mm / profile.line_mm_per_s
                figures[f"bytes_{key}"] = n_bytes
                figures[f"seconds_{key}"] = round(seconds, 3)
                figures[f"wire_s_{key}"] = round(wire, 3)
                figures[f"paper_s_{key}"] = round(paper, 3)
                figures[f"model_s_{key}"] = round(max(wire, paper) + overhead, 3)
                figures[f"ratio_{key}"] = round(seconds / (max(wire, paper) + overhead), 3)
                figures["receipt_length_mm"] = round(length_mm, 1)
    for native, mode in ((True, "native"), (False, "image")):
        theirs = python_escpos_bytes(document, native, profile.qr_module_dots)
        ours = figures[f"bytes_{mode}_9600"] - 3  # without the GS r 1 the driver adds
        figures[f"python_escpos_bytes_{mode}"] = theirs
        figures[f"ours_bytes_{mode}"] = ours
        figures[f"python_escpos_wire_s_9600_{mode}"] = round(theirs * 10 / 9600, 3)
    bare, drivers = import_seconds()
    figures["import_printer_ms"] = round(bare * 1000, 1)
    figures["import_drivers_ms"] = round(drivers * 1000, 1)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
