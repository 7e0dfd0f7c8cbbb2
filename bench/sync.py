"""Drain a terminal's outbox after an outage: N applications confirmed while the backend is
down, then the backend comes up and the OutboxRelay delivers them all.

By default the target is the real backend (`python -m backend serve`, SQLite, loopback) with a
terminal key registered by `add-kiosk`; `--url URL --key-file PATH` points it at a running
backend instead. Requests are signed with the terminal's Ed25519 key file (wire.KioskKey.sign)
through the relay's RequestSigner seam, as on a terminal.

The relay runs exactly as on a terminal: its own thread, the [sync] defaults (backoff,
parallel_requests). Figures: confirm rate into the store (synchronous=FULL), seconds from the backend
answering its health check to the last delivery (includes the backoff wait the outage left),
seconds from first to last delivery, deliveries per second. Prints ONE JSON line.

    .venv/bin/python bench/sync.py [--applications 1000] [--outage 3] [--url URL --key-file PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TRADE_POOL = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊松柏桃李杏"
GOAL_SECONDS = 10.0


def queue_applications(store, count: int) -> float:
    """Confirm `count` valid applications with distinct names; returns seconds taken."""
    from forms import samples

    names = ("".join(c) for c in itertools.permutations(TRADE_POOL, 3))
    started = time.perf_counter()
    for _ in range(count):
        app = samples.valid_application("individual_business")
        app.answers["name"] = f"佛山市南海区桂城{next(names)}百货店"
        store.confirm(app, {"operator": [[[0, 0], [40, 30], [80, 5]]]})
    return time.perf_counter() - started


def counter_figures(rounds: int) -> dict:
    """Confirm -> receipt confirmed (virtual receipt printer on a pty at 115200 baud, paced),
    and submit -> licence sent when approved at once (virtual licence printer at its configured
    38400 baud): the counter as the done screen drives it, the real backend on loopback.
    ESC/P2 has no status reply, so "licence" is its last byte accepted by the printer."""
    import statistics
    from dataclasses import replace

    from kiosk.config import Backend, KioskConfig, Terminal
    from kiosk.counter.embedded import EmbeddedBackend
    from kiosk.counter.opening import open_counter
    from kiosk.demo.run import demo_application
    from kiosk.store import JobState

    receipt_s, licence_s, approved = [], [], 0
    tmp = Path(tempfile.mkdtemp(prefix="bench-counter-"))
    with EmbeddedBackend(tmp / "backend", "BENCH-COUNTER") as backend:
        cfg = KioskConfig(terminal=Terminal(id="BENCH-COUNTER"), data_dir=tmp / "kiosk",
                          backend=Backend(url=backend.url, key_file=backend.key_file))
        cfg = replace(cfg, printers=replace(cfg.printers, receipt=replace(cfg.printers.receipt, baud=115200)))
        opened = open_counter(cfg)
        counter = opened.counter
        try:
            for _ in range(rounds):
                started = time.perf_counter()
                confirmed = counter.submit(demo_application(), [])
                step = counter.print_job(confirmed.receipt_job_id)
                receipt_s.append(time.perf_counter() - started)
                assert step.state is JobState.PRINTED, step
                opened.relay.send_due()
                job = counter.licence_for(confirmed.id)
                if job is None:
                    continue
                approved += 1
                counter.print_job(job)
                licence_s.append(time.perf_counter() - started)
        finally:
            opened.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return {
        "receipt_baud": 115200,
        "licence_baud": cfg.printers.licence.baud,
        "confirm_to_receipt_confirmed_ms_median": round(1000 * statistics.median(receipt_s), 1),
        "confirm_to_receipt_confirmed_ms_max": round(1000 * max(receipt_s), 1),
        "approved_at_once": f"{approved}/{rounds}",
        "submit_to_licence_sent_seconds_median": round(statistics.median(licence_s), 2) if licence_s else None,
        "submit_to_licence_sent_seconds_max": round(max(licence_s), 2) if licence_s else None,
        "licence_goal_seconds": 5.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--outage", type=float, default=3.0, help="seconds the backend stays down")
    parser.add_argument("--url", help="a running backend (default: start one)")
    parser.add_argument("--key-file", type=Path, help="this terminal's key file for --url")
    parser.add_argument("--counter-rounds", type=int, default=5,
                        help="submissions through the counter with the virtual printers")
    parser.add_argument("--no-counter", action="store_true", help="only the drain")
    args = parser.parse_args()
    if args.url and not args.key_file:
        parser.error("--url needs --key-file (a terminal registered with that backend)")

    from kiosk.config import KioskConfig
    from kiosk.counter.embedded import free_port, wait_healthy
    from kiosk.store import Store
    from kiosk.sync import Backoff, KeyFileSigner, OutboxRelay

    sync = KioskConfig().sync
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        tmp_dir = Path(tmp)
        proc = None
        if args.url:
            url, key_file = args.url.rstrip("/"), args.key_file
        else:
            key_file = tmp_dir / "kiosk.key"
            backend = [sys.executable, "-m", "backend"]
            subprocess.run([*backend, "add-kiosk", "BENCH-SYNC", "--key-file", str(key_file),
                            "--data-dir", str(tmp_dir / "backend")],
                           cwd=ROOT, check=True, capture_output=True)
            url = f"http://127.0.0.1:{free_port()}"
        store = Store.open(tmp_dir / "terminal", key_file, terminal_id="BENCH-SYNC")
        confirm_seconds = queue_applications(store, args.applications)
        delivered_at: list[float] = []
        relay = OutboxRelay(store, url, KeyFileSigner(key_file),
                            backoff=Backoff(sync.backoff_base_seconds, sync.backoff_cap_seconds),
                            poll_seconds=sync.poll_seconds, parallel=sync.parallel_requests,
                            on_decision=lambda _d: delivered_at.append(time.perf_counter()))
        relay.start()
        time.sleep(args.outage)  # the relay meets refused connections and backs off
        try:
            if not args.url:
                port = url.rsplit(":", 1)[1]
                proc = subprocess.Popen(
                    [*backend, "serve", "--port", port, "--data-dir", str(tmp_dir / "backend"),
                     "--log-level", "warning"], cwd=ROOT)
            wait_healthy(url, proc)
            up = time.perf_counter()
            while store.outbox_counts().get("pending", 0) and time.perf_counter() - up < 300:
                time.sleep(0.02)
            done = time.perf_counter()
        finally:
            relay.stop()
            if proc is not None:
                proc.terminate()
                proc.wait(10)
        counts = store.outbox_counts()
        store.close()

    delivered = counts.get("delivered", 0)
    first = min(delivered_at) if delivered_at else done
    figures = {
        "bench": "sync",
        "target": "given backend" if args.url else "python -m backend serve (SQLite, loopback)",
        "applications": args.applications,
        "outage_seconds": args.outage,
        "confirm_ms_each": round(1000 * confirm_seconds / args.applications, 2),
        "delivered": delivered,
        "parked": counts.get("parked", 0),
        "drain_seconds_from_backend_up": round(done - up, 2),
        "drain_seconds_first_to_last": round(done - first, 2),
        "deliveries_per_second": round(delivered / (done - first), 1) if done > first else None,
        "goal_seconds": GOAL_SECONDS,
        "within_goal": delivered == args.applications and done - up <= GOAL_SECONDS,
        "parallel_requests": sync.parallel_requests,
        "cpus": os.cpu_count(),
    }
    if not args.url and not args.no_counter:
        figures.update(counter_figures(args.counter_rounds))
    print(json.dumps(figures, ensure_ascii=False))
    return 0 if delivered == args.applications else 1


if __name__ == "__main__":
    sys.exit(main())
