"""SIGKILL at random points while confirming, printing and syncing: after a restart every
confirmed application is in the store and delivered exactly once to the real backend (a child
process on loopback, its own SQLite), and every receipt job is printed or flagged, none
printed twice."""

from __future__ import annotations

import collections
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.counter.embedded import EmbeddedBackend
from kiosk.store import Store

HERE = Path(__file__).resolve().parent
KILLS = int(os.environ.get("KIOSK_CHAOS_KILLS", "200"))


def wait_opened(opened: Path, pid: int, timeout_s: float = 20.0) -> None:
    """Until the child has opened its store (a loaded machine can take a second for that):
    the other half of the kills, timed from the fork, land in start-up and migration."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if opened.exists() and str(pid) in opened.read_text().split():
            return
        time.sleep(0.005)


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing_and_duplicates_nothing(tmp_path):
    data, logs = tmp_path / "data", tmp_path / "logs"
    logs.mkdir()
    backend = EmbeddedBackend(tmp_path / "backend", "NH-CHAOS-01")
    key = backend.key_file
    rng = random.Random(2026)
    killed_alive = 0
    with backend:
        url = backend.url
        zygote = subprocess.Popen(
            [sys.executable, str(HERE / "chaos_worker.py"), str(data), str(key), url, str(logs)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=HERE.parents[1])
        try:
            for round_ in range(KILLS):
                zygote.stdin.write(f"go {round_}\n")
                zygote.stdin.flush()
                pid = int(zygote.stdout.readline())
                if round_ % 2:  # half the kills land in the work itself, however slow the start
                    wait_opened(logs / "opened", pid)
                time.sleep(rng.choice((rng.uniform(0, 0.03), rng.uniform(0.03, 0.3))))
                os.kill(pid, signal.SIGKILL)
                zygote.stdin.write(f"wait {pid}\n")
                zygote.stdin.flush()
                status = int(zygote.stdout.readline().split()[1])
                killed_alive += os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            zygote.stdin.write("finish\n")
            zygote.stdin.flush()
            assert zygote.stdout.readline().split() == ["finished", "0"]
        finally:
            zygote.kill()
            zygote.wait()

    assert killed_alive == KILLS  # each round died by SIGKILL, none ended on its own
    confirmed = (logs / "confirmed").read_text().split()
    printed = collections.Counter((logs / "printed").read_text().split())
    store = Store.open(data, key, terminal_id="NH-CHAOS-01")
    in_store = set(store.application_ids())
    assert len(confirmed) >= KILLS // 2  # the kills landed among real work
    assert set(confirmed) <= in_store  # no confirmed application lost
    assert store.outbox_counts() == {"delivered": len(in_store)}
    with sqlite3.connect(backend.home / "backend.sqlite3") as db:
        received = [row[0] for row in db.execute("SELECT id FROM applications WHERE kiosk_id = ?",
                                                 ("NH-CHAOS-01",))]
    assert sorted(received) == sorted(in_store)  # every one delivered, exactly once, none extra

    receipts = collections.Counter()
    states = collections.Counter()
    for app_id in in_store:
        jobs = store.view(app_id).jobs
        assert len(jobs) == 1 and jobs[0][0] == "receipt"
        states[jobs[0][1]] += 1
    assert set(states) <= {"printed", "flagged"}, states
    assert max(printed.values()) == 1  # no receipt came out twice
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, application_id, state FROM print_jobs").all()
    for job_id, app_id, state in rows:
        receipts[app_id] += printed[str(job_id)]
        if state == "printed":
            assert printed[str(job_id)] == 1
    assert max(receipts.values()) <= 1
    store.close()
    print(f"chaos: {KILLS} kills, {len(in_store)} applications, receipt states {dict(states)}, "
          f"{len(received)} received by the backend")
