"""The journey's responsiveness: a tap on Next -> the next stage on screen.

Drives the real terminal offscreen through every service with add-ons, by taps, with the same
walk the UI tests use (tests/ui/test_ui_journey.py): the answers of forms' samples, typed as
committed text. For each tap on Next it times the Python work (the slot, validation, the
models) plus the first frame swapped after it (QQuickWindow.frameSwapped), which is what a
person waits for. Typing is timed separately and left out of the journey's total. Goal: p95 of
tap -> next stage <= 16 ms (one frame at 60 Hz). Prints ONE JSON line.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/journey.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))
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


class Bot:
    """The few pytest-qt calls the UI driver makes, on a plain event loop."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app

    def waitUntil(self, condition, timeout: int = 5000) -> None:  # noqa: N802, ANN001
        deadline = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met")
            self.app.processEvents()
            time.sleep(0.0005)

    def wait(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    @contextlib.contextmanager
    def waitSignal(self, signal, timeout: int = 5000):  # noqa: N802, ANN001
        fired = []
        signal.connect(lambda *_: fired.append(True))
        yield
        self.waitUntil(lambda: bool(fired), timeout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    import kiosk_ui_driver
    import test_ui_journey as walkthrough

    import forms
    from kiosk.app import build_terminal
    from kiosk.config import load_config

    bot = Bot(app)
    taps: list[float] = []
    typing = [0.0]
    plain_tap = kiosk_ui_driver.Driver.tap
    plain_type = walkthrough.type_into

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
        bot.waitUntil(lambda: bool(fired), 5000)
        taps.append((fired[0] - started) * 1000)
        return None

    def timed_type(d, name: str, text: str) -> None:  # noqa: ANN001
        started = time.perf_counter()
        plain_type(d, name, text)
        typing[0] += time.perf_counter() - started

    kiosk_ui_driver.Driver.tap = timed_tap
    walkthrough.type_into = timed_type

    totals = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "config.toml"
        path.write_text(CONFIG.format(data=Path(tmp) / "data"), encoding="utf-8")
        cfg = load_config(path)
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        terminal = build_terminal(cfg, with_counter=False)
        bot.waitUntil(lambda: terminal.ready, 10000)
        driver = kiosk_ui_driver.Driver(terminal, bot)
        for _ in range(args.rounds):
            for service_id, addons in JOURNEYS:
                sample = forms.samples.valid_application(service_id, addons=addons, shareholders=2)
                typing[0] = 0.0
                started = time.perf_counter()
                walkthrough.begin(driver, service_id)
                walkthrough.walk(driver, sample)
                totals.append(time.perf_counter() - started - typing[0])
                driver.tap("finishButton")  # as the citizen does on the confirm stage
                bot.waitUntil(lambda: terminal.journey.screen == "attract", 5000)
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
