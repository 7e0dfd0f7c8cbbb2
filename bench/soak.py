"""Soak: thousands of scripted visits through the real UI offscreen; does the terminal grow?

Each visit is what people at a terminal do most: Start, choose a service (in turn), read it,
open the form, fill in the identify stage by taps and typing, then Cancel (asked once) — and
every `--submit-every`th visit walks a whole registration, submits it (the embedded backend
and the virtual printers, as in the demo), answers the licence question and finishes. Memory is
the process's resident set (VmRSS, /proc/self/status) after a warm-up and at the end; live
QObjects are the window's QObject descendants (C++ side) and Python's QObject wrappers.
Goal: RSS growth <= 10 MB over the run. Prints ONE JSON line.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/soak.py [--sessions 10000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kiosk-soak-xdg-")

SERVICES = ("individual_business", "sole_proprietorship", "limited_company")
GOAL_MB = 10.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--warm-up", type=int, default=50)
    parser.add_argument("--submit-every", type=int, default=100)
    args = parser.parse_args()

    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    import forms
    from kiosk.app import build_terminal
    from kiosk.config import KioskConfig, Screen, SessionTimes
    from kiosk.demo.driver import TapDriver
    from kiosk.demo.run import demo_application
    from kiosk.demo.walk import begin, fill_stage, walk
    from kiosk.logs import configure_logging

    del app
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    cfg = KioskConfig(data_dir=tmp / "data", screen=Screen(width=540, height=960),
                      session=SessionTimes(1800, 20))
    cfg.data_dir.mkdir(parents=True)
    configure_logging(cfg.log_dir, level="WARNING")
    terminal = build_terminal(cfg)
    d = TapDriver(terminal)
    d.wait_until(lambda: terminal.counter is not None or bool(terminal.counter_error), 90_000)
    if terminal.counter is None:
        print(json.dumps({"bench": "soak", "error": terminal.counter_error}))
        return 1

    def visit(n: int) -> None:
        service = SERVICES[n % len(SERVICES)]
        if args.submit_every and n % args.submit_every == args.submit_every - 1:
            sample = demo_application()
            begin(d, sample.service)
            walk(d, sample)
            d.tap("submitButton")
            d.wait_until(lambda: terminal.handover.asking or terminal.handover.phase in
                         ("approved", "later", "returned", "rejected", "not-saved"), 60_000)
            if terminal.handover.asking:
                d.tap("cameOutRight")
                d.wait_until(lambda: not terminal.handover.asking, 30_000)
            d.wait_until(lambda: not terminal.handover.busy, 60_000)
            d.tap("handoverFinish")
        else:
            sample = forms.samples.valid_application(service)
            begin(d, service)
            fill_stage(d, sample)
            d.tap("cancelButton")
            d.tap("cancelButton")  # asked once: "cancel and clear" again
        d.wait_screen("attract", 5000)

    def qobjects() -> tuple[int, int]:
        gc.collect()
        wrappers = sum(1 for o in gc.get_objects() if isinstance(o, QObject))
        return len(terminal.window.findChildren(QObject)), wrappers

    started = time.perf_counter()
    for n in range(args.warm_up):
        visit(n)
    rss_start, objects_start, true_start, none_start = rss_mb(), qobjects(), sys.getrefcount(True), sys.getrefcount(None)
    submitted = 0
    for n in range(args.warm_up, args.warm_up + args.sessions):
        visit(n)
        submitted += bool(args.submit_every and n % args.submit_every == args.submit_every - 1)
    rss_end, objects_end, true_end, none_end = rss_mb(), qobjects(), sys.getrefcount(True), sys.getrefcount(None)
    seconds = time.perf_counter() - started
    terminal.close()
    growth = rss_end - rss_start
    print(json.dumps({
        "bench": "soak",
        "sessions": args.sessions,
        "submitted": submitted,
        "rss_after_warm_up_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_growth_mb": round(growth, 1),
        "goal_growth_mb": GOAL_MB,
        "within_goal": growth <= GOAL_MB,
        "window_qobjects_start_end": [objects_start[0], objects_end[0]],
        "python_qobject_wrappers_start_end": [objects_start[1], objects_end[1]],
        # PySide6 6.12.0 lost references to True and None (kiosk/README.md, the pin to 6.11.3);
        # CPython aborts when either count reaches zero, so a steady loss per visit is a deadline.
        "true_refcount_start_end": [true_start, true_end],
        "true_refs_lost_per_visit": round((true_start - true_end) / args.sessions, 2),
        "none_refcount_start_end": [none_start, none_end],
        "none_refs_lost_per_visit": round((none_start - none_end) / args.sessions, 2),
        "seconds": round(seconds, 1),
        "seconds_per_visit": round(seconds / (args.sessions + args.warm_up), 3),
        "cpus": os.cpu_count(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
