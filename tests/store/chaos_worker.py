"""The chaos test's terminal: confirms applications, prints receipts and runs the relay until
it is killed with SIGKILL.

Run as a zygote (`python chaos_worker.py DATA KEY URL LOGDIR`): it imports everything once, then
for each "go SEED" line on stdin forks a child that opens the store and works until killed,
and answers the child's pid; "wait PID" reaps it and answers "dead STATUS"; "finish" runs one
child to the end (recover, print what is queued, drain the outbox) and answers its exit status.
Forking after the imports makes a round cost ~20 ms instead of a 0.4 s interpreter start, so
hundreds of kill points fit in the test's time. Nothing is opened before the fork.

What the child knows it did goes to append-only logs, each line fsynced before it carries on:
`confirmed` (an application id, after confirm returned) and `printed` (a job id, written by the
fake printer before it reports the job printed).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


from forms.samples import valid_application  # noqa: E402
from kiosk.store import PrintJob, PrintOutcome, Store  # noqa: E402
from kiosk.sync import Backoff, KeyFileSigner, OutboxRelay  # noqa: E402

TERMINAL = "NH-CHAOS-01"
SERVICES = ("individual_business", "sole_proprietorship", "limited_company")


def append(path: Path, line: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (line + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)


class FilePrinter:
    """A printer whose paper is a file: a printed job is a line. Sometimes not ready (refused)
    or unable to confirm (unconfirmed, which nobody answers here, so it is flagged later)."""

    def __init__(self, paper: Path, rng: random.Random) -> None:
        self.paper, self.rng = paper, rng

    def print(self, job: PrintJob) -> PrintOutcome:
        roll = self.rng.random()
        if roll < 0.1:
            return PrintOutcome.REFUSED
        append(self.paper, str(job.id))
        return PrintOutcome.UNCONFIRMED if roll > 0.97 else PrintOutcome.PRINTED


def open_terminal(data: Path, key: Path, url: str) -> tuple[Store, OutboxRelay]:
    store = Store.open(data, key, terminal_id=TERMINAL)
    store.jobs.recover()
    relay = OutboxRelay(store, url, KeyFileSigner(key), timeout_seconds=2.0,
                        backoff=Backoff(base=0.01, cap=0.1), poll_seconds=3600)
    return store, relay


def work(data: Path, key: Path, url: str, logs: Path, seed: int) -> None:
    rng = random.Random(seed)
    store, relay = open_terminal(data, key, url)
    append(logs / "opened", str(os.getpid()))  # the test times half its kills from here
    printer = FilePrinter(logs / "printed", rng)
    relay.start()
    for i in range(10_000):
        app = valid_application(SERVICES[rng.randrange(3)])
        store.confirm(app, {"applicant": [[[i, 0], [i + 5, 9]]]})
        append(logs / "confirmed", app.id)
        relay.wake()
        for job_id in store.jobs.queued():
            store.jobs.print(job_id, printer)
        time.sleep(rng.random() * 0.01)


def finish(data: Path, key: Path, url: str, logs: Path) -> None:
    store, relay = open_terminal(data, key, url)
    printer = FilePrinter(logs / "printed", random.Random(0))
    while queued := store.jobs.queued():
        for job_id in queued:
            store.jobs.print(job_id, printer)
    store.jobs.recover()  # an unconfirmed answer nobody gave becomes flagged
    deadline = time.monotonic() + 60
    while store.outbox_counts().get("pending", 0) and time.monotonic() < deadline:
        relay.send_due()
        time.sleep(0.01)
    relay.stop()
    store.close()


def zygote(data: Path, key: Path, url: str, logs: Path) -> None:
    for line in sys.stdin:
        command, *args = line.split()
        if command == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    work(data, key, url, logs, int(args[0]))
                finally:
                    os._exit(0)
            print(pid, flush=True)
        elif command == "wait":
            _, status = os.waitpid(int(args[0]), 0)
            print("dead", status, flush=True)
        elif command == "finish":
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    finish(data, key, url, logs)
                except BaseException:
                    import traceback

                    traceback.print_exc()
                    code = 1
                os._exit(code)
            _, status = os.waitpid(pid, 0)
            print("finished", os.waitstatus_to_exitcode(status), flush=True)
            return


if __name__ == "__main__":
    zygote(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
