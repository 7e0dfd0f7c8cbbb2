"""`python -m kiosk demo --service --out DIR`: the technician's service mode, walked by taps on a
terminal with nothing attached (embedded backend, virtual printers and readers), with faults
injected into the virtual devices the way a real terminal meets them.

The corner is held, the shipped PIN is entered and must be changed, the overview is read in a
Chinese and in an English visit language (the service screens are bilingual either way), each
device's page is opened; the receipt printer runs out of paper, then its cutter jams and the
error is cleared; the licence printer prints its alignment page; a configuration file with a
mistake is reloaded (nothing changes); the readiness report is exported.

DIR receives:
    service/NN-<what>.png         every service screen on the way
    service/alignment.png         the alignment page as the virtual licence printer put it on paper
    service/readiness-*.json|pdf  the readiness report as a technician exports it
    service/summary.json          what was done and what each page said
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import replace
from pathlib import Path

from kiosk.config import KioskConfig

from .run import demo_config

log = logging.getLogger("kiosk.demo.service")

DEMO_PIN = "735190"  # the demo terminal's new PIN (its data directory is DIR/terminal)
HOLD_MS = 5000  # the attract screen's corner, as on a real terminal


class ServiceWalk:
    def __init__(self, terminal, out: Path) -> None:  # noqa: ANN001
        from .driver import TapDriver

        self.t, self.d, self.out = terminal, TapDriver(terminal), out
        self.count = 0
        self.said: dict[str, str] = {}

    def shot(self, what: str) -> Path:
        self.d.settle()
        self.count += 1
        self.said[what] = self.t.service_mode.message
        return self.d.screenshot(self.out / f"{self.count:02d}-{what}.png")

    def idle(self) -> None:
        self.d.wait_until(lambda: not self.t.service_mode.busy, timeout=60_000)
        self.d.settle()

    def hold_corner(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        corner = self.d.item("serviceCorner")
        point = corner.mapToScene(corner.boundingRect().center()).toPoint()
        window = self.t.window
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        deadline = time.monotonic() + HOLD_MS / 1000 + 2
        while time.monotonic() < deadline and self.t.journey.screen != "service-mode":
            QTest.qWait(50)
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        self.d.wait_screen("service-mode")

    def enter(self) -> None:
        self.hold_corner()
        self.shot("pin")
        self.d.type_into("servicePin", "2468")
        self.d.tap("servicePinEnter")
        self.d.wait_until(lambda: self.t.service_mode.stage == "change")
        self.shot("change-shipped-pin")
        self.d.type_into("serviceNewPin", DEMO_PIN)
        self.d.type_into("serviceRepeatPin", DEMO_PIN)
        self.d.tap("serviceChangePin")
        self.d.wait_until(lambda: self.t.service_mode.stage == "overview")
        self.idle()

    def page(self, name: str) -> None:
        self.d.tap(f"check_{name}")
        self.d.wait_until(lambda: self.t.service_mode.page == name)
        self.d.settle()

    def act(self, action: str) -> None:
        self.d.tap(f"serviceAction_{action}")
        self.idle()

    def back(self) -> None:
        self.d.tap("servicePageBack")
        self.d.wait_until(lambda: self.t.service_mode.stage == "overview")

    def walk(self, report_dir: Path) -> dict:
        t = self.t
        receipt_twin, licence_twin = t.counter.printers.twins
        self.enter()
        self.shot("overview-zh")
        t.session.set("locale", "en_US")
        self.shot("overview-en")
        t.session.set("locale", "zh_CN")

        self.page("receipt-printer")
        self.shot("receipt-printer")
        receipt_twin.raise_fault("paper-out")
        self.act("check")
        self.shot("receipt-printer-paper-out")
        receipt_twin.clear_fault("paper-out")
        receipt_twin.raise_fault("error")
        self.act("check")
        self.shot("receipt-printer-cutter-error")
        self.act("clear-error")
        self.shot("receipt-printer-cleared")
        self.act("test-receipt")
        self.shot("receipt-printer-test-receipt")
        self.back()

        self.page("licence-printer")
        printed = len(licence_twin.jobs)
        self.act("alignment")
        self.shot("licence-printer-alignment")
        if licence_twin.wait_for_jobs(printed + 1, timeout_s=120):
            licence_twin.jobs[-1].image.save(self.out / "alignment.png")
        self.back()

        for name in ("id-card-reader", "code-scanner", "backend", "outbox"):
            self.page(name)
            self.shot(name)
            self.back()

        source = t.cfg.source
        if source is not None:
            sound = source.read_text(encoding="utf-8")
            source.write_text(sound + '\n[printers.receipt]\nport = "COM999x"\n', encoding="utf-8")
            self.d.tap("serviceReload")
            self.idle()
            self.shot("reload-with-a-mistake")
            source.write_text(sound, encoding="utf-8")
        self.d.type_into("serviceReportDir", str(report_dir))
        self.d.tap("serviceExport")
        self.idle()
        self.shot("report-exported")
        self.d.tap("serviceLeave")
        self.d.wait_screen("attract")
        self.shot("attract-after")
        return self.said


def run_service_demo(base: KioskConfig, out: Path) -> int:
    from kiosk.app import build_terminal
    from kiosk.logs import configure_logging, route_qt_messages

    out = out.resolve()
    shots = out / "service"
    if shots.exists():
        shutil.rmtree(shots)
    shots.mkdir(parents=True)
    cfg = demo_config(base, out)
    # A fresh technician file each run: the walk shows the forced change of the shipped PIN.
    (cfg.data_dir / "technician.json").unlink(missing_ok=True)
    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    config_file = out / "service-config.toml"  # reload needs a file to read again
    config_file.write_text(f'[storage]\ndata_dir = "{cfg.data_dir}"\n', encoding="utf-8")
    cfg = replace(cfg, source=config_file)
    configure_logging(cfg.log_dir, level=cfg.logging.level)
    route_qt_messages()
    terminal = build_terminal(cfg)
    walk = ServiceWalk(terminal, shots)
    try:
        walk.d.wait_until(lambda: terminal.counter is not None or terminal.counter_error, timeout=90_000)
        walk.d.wait_until(lambda: terminal.readers is not None, timeout=30_000)
        if terminal.counter is None:
            raise RuntimeError(f"the counter did not open: {terminal.counter_error}")
        terminal.worker.wait_idle()
        said = walk.walk(shots)
    finally:
        terminal.end_session("service demo over")
        terminal.close()
    (shots / "summary.json").write_text(json.dumps({"pin": DEMO_PIN, "messages": said}, ensure_ascii=False,
                                                   indent=2) + "\n", encoding="utf-8")
    print(f"维护模式演示完成，截图在 {shots}\nService-mode walk finished; the screens are in {shots}")
    return 0
