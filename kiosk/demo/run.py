"""`python -m kiosk demo --out DIR`: the whole journey on a machine with nothing attached.

The terminal starts on its embedded defaults (the real backend on loopback with SQLite, both
virtual printers on pseudo-terminals), offscreen. A scripted citizen registers a corner shop
(individual business) that sells food, with the food business permit added, by taps through
the real screens; submits; takes the receipt; the backend approves at once; the licence
prints; the citizen says it came out right and finishes. Then they come back with the receipt
("print my licence": number + last 6 of the ID number) to show the come-back path.

DIR receives what a newcomer wants to look at:

    screens/NN-<what>.png      every screen on the way, as the citizen saw it (zh_CN)
    receipt.bin / receipt.png  the receipt job's bytes (ESC/POS) and the virtual printer's paper
    licence.bin / licence.png  the licence job's bytes (ESC/P2) and its paper (stock underlay)
    licence.pdf                the licence as the terminal keeps it
    summary.json               application number, decision, credit code, timings, files
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import time
from dataclasses import replace
from pathlib import Path

from kiosk.config import KioskConfig, SessionTimes

log = logging.getLogger("kiosk.demo")

# Trade names are unique at the backend; a demo run twice into the same folder picks another.
TRADE_POOL = "甲乙丙丁戊己庚辛壬癸春夏秋冬梅兰竹菊松柏桃李杏"
SETTLED = frozenset({"approved", "later", "returned", "rejected", "not-saved"})


def demo_application():
    """The scripted citizen: a corner shop selling pre-packaged and loose food. A food *seller*
    gets the permit on commitment (食品经营许可和备案管理办法 2023 art. 17; only catering needs
    the on-site check first), so the backend can approve it at once."""
    import forms
    from reader.emulator.cards import CARDS

    app = forms.samples.valid_application("individual_business", addons=("food_business",))
    # The operator is the person on the virtual reader's first sample card: the demo's
    # applicant identifies by card alone.
    app.answers["operator_name"], app.answers["operator_id"] = CARDS[0].name, CARDS[0].id_number
    app.answers["scope"] = ["daily_goods_sales", "food_sales"]
    app.answers["name"] = f"佛山市南海区桂城{''.join(random.sample(TRADE_POOL, 3))}百货店"
    app.addons["food_business"].update(business_format="seller", business_items=["prepackaged", "bulk"])
    return app


def demo_config(base: KioskConfig, out: Path) -> KioskConfig:
    """The embedded defaults, with everything written under DIR/terminal."""
    return replace(base, data_dir=out / "terminal", backend=replace(base.backend, url="embedded"),
                   session=SessionTimes(idle_seconds=1800, warning_seconds=20))


class Demo:
    def __init__(self, terminal, out: Path) -> None:  # noqa: ANN001
        from .driver import TapDriver

        self.t = terminal
        self.d = TapDriver(terminal)
        self.out = out
        self.screens = out / "screens"
        self.screens.mkdir(parents=True, exist_ok=True)
        self.shot_count = 0
        self.timings: dict[str, float] = {}

    def shot(self, what: str) -> Path:
        self.d.settle()
        self.shot_count += 1
        return self.d.screenshot(self.screens / f"{self.shot_count:02d}-{what}.png")

    def wait_counter(self, timeout: float = 90) -> None:
        self.d.wait_until(lambda: self.t.ready, timeout=int(timeout * 1000))
        self.d.wait_until(lambda: self.t.counter is not None or self.t.counter_error,
                          timeout=int(timeout * 1000))
        self.d.wait_until(lambda: self.t.readers is not None, timeout=int(timeout * 1000))
        if self.t.counter is None:
            raise RuntimeError(f"the counter did not open: {self.t.counter_error}")

    def register(self, sample) -> dict:  # noqa: ANN001
        from .walk import begin, walk

        handover = self.t.handover
        self.shot("attract")
        started = time.monotonic()
        begin(self.d, sample.service)
        by_card = self.t.identity.card_reader is not None
        if by_card:  # the card on the reader fills the name and ID number by itself
            form = self.t.journey.form
            self.d.wait_until(lambda: bool(form.journey.draft.applicant.id_number), timeout=10_000)
            self.shot("form-01-identify-card-read")
        # Named by the stage's kind and position: a signature stage's key holds the signer's
        # ID number, which has no place in a file name.
        walk(self.d, sample, shots=lambda form: self.shot(f"form-{form.position:02d}-{form.stageKind}"),
             by_card=by_card)
        self.timings["walk_seconds"] = round(time.monotonic() - started, 2)
        self.d.tap("submitButton")
        submitted = time.monotonic()
        self.d.wait_screen("handover")
        seen = []
        while handover.phase not in SETTLED:
            self.d.wait_until(lambda: handover.phase not in seen[-1:] or handover.phase in SETTLED,
                              timeout=60_000)
            phase = handover.phase
            seen.append(phase)
            self.shot(f"done-{phase}")
            if phase not in ("saving", "receipt") and "submit_to_receipt_seconds" not in self.timings:
                self.timings["submit_to_receipt_seconds"] = round(time.monotonic() - submitted, 2)
            if phase in ("receipt-check", "licence-check"):
                if phase == "licence-check":
                    self.timings["submit_to_licence_seconds"] = round(time.monotonic() - submitted, 2)
                self.d.tap("cameOutRight")
                self.d.wait_until(lambda p=phase: handover.phase != p, timeout=30_000)
        self.shot(f"done-{handover.phase}")
        result = {"application_id": handover._confirmed.id if handover._confirmed else None,
                  "application_number": handover.number, "phases": seen, "outcome": handover.phase}
        self.d.tap("handoverFinish")
        self.d.wait_screen("attract")
        return result

    def come_back(self, number: str, tail: str) -> str:
        """Print my licence: the number from the receipt and the ID tail, by taps."""
        collect = self.t.collect
        self.d.tap("collectButton")
        self.d.wait_screen("collect")
        self.shot("collect-enter")
        self.d.type_into("collectNumber", number)
        self.d.type_into("collectTail", tail)
        self.shot("collect-filled")
        started = time.monotonic()
        self.d.tap("collectFind")
        self.d.wait_until(lambda: collect.step not in ("enter", "looking", "printing"), timeout=60_000)
        self.timings["come_back_to_licence_seconds"] = round(time.monotonic() - started, 2)
        self.shot(f"collect-{collect.step}")
        step = collect.step
        if step == "check":
            self.d.tap("collectCameOutRight")
            self.d.wait_until(lambda: collect.step == "printed", timeout=10_000)
            self.shot("collect-printed")
        self.d.tap("collectFinish")
        self.d.wait_screen("attract")
        return step


def run_demo(base: KioskConfig, out: Path) -> int:
    from kiosk.app import build_terminal
    from kiosk.logs import configure_logging, route_qt_messages

    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    cfg = demo_config(base, out)
    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    configure_logging(cfg.log_dir, level=cfg.logging.level)
    route_qt_messages()
    started = time.monotonic()
    terminal = build_terminal(cfg)
    demo = Demo(terminal, out)
    try:
        demo.wait_counter()
        demo.timings["start_to_ready_seconds"] = round(time.monotonic() - started, 2)
        terminal.worker.wait_idle()  # the restart's resume pass, before this citizen's receipt
        sample = demo_application()
        registered = demo.register(sample)
        opened = terminal.counter
        decision = opened.counter.store.decision(registered["application_id"]) or {}
        came_back = demo.come_back(registered["application_number"], sample.answers["operator_id"][-6:])
        files = collect_outputs(cfg, out, registered["application_id"])
        summary = {
            "application_number": registered["application_number"],
            "application_id": registered["application_id"],
            "service": sample.service, "addons": sorted(sample.addons),
            "name": sample.answers["name"],
            "decision": decision.get("status"),
            "credit_code": (decision.get("licence") or {}).get("credit_code"),
            "addon_outcomes": decision.get("addons", []),
            "outcome_on_screen": registered["outcome"], "phases": registered["phases"],
            "come_back": came_back,
            "timings": demo.timings,
            "files": files,
        }
    finally:
        terminal.end_session("demo over")
        terminal.close()
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    print(f"演示完成，文件在 {out}\nDemo finished; the files are in {out}:")
    for name in ["summary.json", *files]:
        print(f"  {out / name}")
    ok = summary["decision"] == "approved" and "licence.pdf" in files
    return 0 if ok else 1


def collect_outputs(cfg: KioskConfig, out: Path, application_id: str | None) -> list[str]:
    """The first receipt and licence the virtual printers put on paper, and the licence PDF."""
    prints = cfg.data_dir / "virtual-prints"
    files = []
    for kind in ("receipt", "licence"):
        for suffix in (".bin", ".png"):
            found = sorted(p for p in prints.glob(f"{kind}-*{suffix}") if "partial" not in p.name)
            if found:
                shutil.copyfile(found[0], out / f"{kind}{suffix}")
                files.append(f"{kind}{suffix}")
    pdf = cfg.data_dir / "licences" / f"{application_id}.pdf"
    if application_id and pdf.exists():
        shutil.copyfile(pdf, out / "licence.pdf")
        files.append("licence.pdf")
    files += sorted(f"screens/{p.name}" for p in (out / "screens").glob("*.png"))
    return files

