"""The journey's responsiveness: a tap on Next -> the next stage on screen.

Drives the real terminal offscreen through every service with add-ons, by taps, with the same
walk the demo and the UI tests use (kiosk/demo/walk.py): the answers of forms' samples, typed as
committed text. For each tap on Next it times the Python work (the slot, validation, the
models) plus the first frame swapped after it (QQuickWindow.frameSwapped), which is what a
person waits for. Typing is timed separately and left out of the journey's total. Goal: p95 of
tap -> next stage <= 16 ms (one frame at 60 Hz). Prints ONE JSON line.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/journey.py [--rounds 3]
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

JOURNEYS = (
    ("individual_business", ("food_business",)),
    ("sole_proprietorship", ("prepackaged_food_filing", "class2_device_filing")),
    ("limited_company", ("drug_retail", "class3_device_permit")),
)
CONFIG = """\
[terminal]
id = "NH-BENCH-001"
[screen]
width = 540
height = 960
[storage]
data_dir = "{data}"
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    import forms
    from kiosk.app import build_terminal
    from kiosk.config import load_config
    from kiosk.demo import walk as walkthrough
    from kiosk.demo.driver import TapDriver

    taps: list[float] = []
    typing = [0.0]
    plain_tap = TapDriver.tap
    plain_type = TapDriver.type_into

    def timed_tap(self, name: str) -> None:  # noqa: ANN001
        if name != "nextButton":
            return plain_tap(self, name)
        item = self.item(name)
        self.scroll_into_view(item)
        self.settle()
        fired: list[float] = []
        self.window.frameSwapped.connect(lambda: fired.append(time.perf_counter()))
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        started = time.perf_counter()
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         self.centre(item).toPoint())
        self.window.update()
        self.wait_until(lambda: bool(fired), 5000)
        taps.append((fired[0] - started) * 1000)
        return None

    def timed_type(self, name: str, text: str) -> None:  # noqa: ANN001
        started = time.perf_counter()
        plain_type(self, name, text)
        typing[0] += time.perf_counter() - started

    TapDriver.tap = timed_tap
    TapDriver.type_into = timed_type

    totals = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "config.toml"
        path.write_text(CONFIG.format(data=Path(tmp) / "data"), encoding="utf-8")
        cfg = load_config(path)
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        terminal = build_terminal(cfg, with_counter=False)
        driver = TapDriver(terminal)
        driver.wait_until(lambda: terminal.ready, 10000)
        for _ in range(args.rounds):
            for service_id, addons in JOURNEYS:
                sample = forms.samples.valid_application(service_id, addons=addons, shareholders=2)
                typing[0] = 0.0
                started = time.perf_counter()
                walkthrough.begin(driver, service_id)
                walkthrough.walk(driver, sample)
                totals.append(time.perf_counter() - started - typing[0])
                driver.tap("finishButton")  # as the citizen does on the confirm stage
                driver.wait_until(lambda: terminal.journey.screen == "attract", 5000)
        terminal.close()

    ordered = sorted(taps)
    print(json.dumps({
        "bench": "journey",
        "journeys": len(totals),
        "taps_on_next": len(taps),
        "tap_to_next_stage_p50_ms": round(statistics.median(ordered), 2),
        "tap_to_next_stage_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "tap_to_next_stage_max_ms": round(ordered[-1], 2),
        "goal_p95_ms": 16.0,
        "journey_total_excluding_typing_s_median": round(statistics.median(totals), 3),
        "cpus": os.cpu_count(),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
