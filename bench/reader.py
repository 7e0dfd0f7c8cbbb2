"""Card laid -> fields on screen. Prints ONE JSON line.

1. The driver alone: reader.CardReader against the virtual reader on a pty, paced at 115200
   baud (the read answer is 1,295 bytes: ~112 ms on the line), find + select + read.
2. The terminal: the identify stage on screen (offscreen, the real QML), a sample card laid on
   the virtual reader, until the card's ID number is drawn in the field. The reader is asked
   every 500 ms while the stage is shown, so this includes up to one polling interval.
Goal: <= 1.5 s card laid -> fields on screen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/reader.py [--reads 30] [--lays 8]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kiosk-bench-xdg-")
GOAL_SECONDS = 1.5


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def driver_reads(count: int) -> list[float]:
    from reader import CardReader, CardStatus
    from reader.emulator.card_reader import VirtualCardReader

    twin = VirtualCardReader(baud=115200, card=0)
    path = twin.start()
    reader = CardReader(path, 115200)
    times = []
    try:
        for _ in range(count):
            started = time.perf_counter()
            result = reader.read_card()
            times.append(time.perf_counter() - started)
            assert result.status is CardStatus.READ, result
    finally:
        reader.close()
        twin.stop()
    return times


def screen_lays(count: int) -> list[float]:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from kiosk.app import build_terminal
    from kiosk.config import KioskConfig, Screen
    from kiosk.demo.driver import TapDriver
    from kiosk.demo.walk import begin
    from kiosk.logs import configure_logging
    from reader.emulator.cards import CARDS

    tmp = Path(tempfile.mkdtemp(prefix="bench-reader-"))
    cfg = KioskConfig(data_dir=tmp / "data", screen=Screen(width=540, height=960))
    cfg.data_dir.mkdir(parents=True)
    configure_logging(cfg.log_dir, level="WARNING")
    terminal = build_terminal(cfg)
    d = TapDriver(terminal)
    d.wait_until(lambda: terminal.readers is not None and terminal.counter is not None, 90_000)
    twin = terminal.readers.twins[0]
    times = []
    try:
        for n in range(count):
            twin.remove()
            begin(d, "individual_business")
            card = CARDS[n % 2]
            d.settle()
            started = time.perf_counter()
            twin.place(n % 2)
            d.wait_until(lambda c=card: c.id_number in d.visible_texts(), 10_000)
            d.settle()  # drawn, not only set
            times.append(time.perf_counter() - started)
            d.tap("cancelButton")
            d.tap("cancelButton")
            d.wait_screen("attract", 5000)
    finally:
        terminal.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=30)
    parser.add_argument("--lays", type=int, default=8)
    args = parser.parse_args()
    reads = driver_reads(args.reads)
    lays = screen_lays(args.lays)
    print(json.dumps({
        "bench": "reader",
        "baud": 115200,
        "read_answer_bytes": 1295,
        "driver_read_ms_median": round(1000 * statistics.median(reads), 1),
        "driver_read_ms_p95": round(1000 * p95(reads), 1),
        "card_laid_to_fields_on_screen_s_median": round(statistics.median(lays), 3),
        "card_laid_to_fields_on_screen_s_max": round(max(lays), 3),
        "goal_seconds": GOAL_SECONDS,
        "within_goal": max(lays) <= GOAL_SECONDS,
        "cpus": os.cpu_count(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
