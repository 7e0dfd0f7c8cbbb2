"""`python -m printer.emulator` as a technician or the kiosk demo runs it: a separate process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from printer import ReceiptJob, ReceiptPrinter, build_receipt
from printer.status import Outcome, State


@pytest.fixture
def emulator_process(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "printer.emulator", "--kind", "receipt", "--baud", "115200",
         "--out", str(tmp_path / "out"), "--fault", "paper-out", "--link", str(tmp_path / "r.tty")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
    )
    yield proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=5)


def tell(proc, line: str) -> str:
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def test_the_device_path_comes_first_and_faults_are_controlled_from_outside(
        emulator_process, tmp_path, settings_for, summary):
    proc = emulator_process
    path = proc.stdout.readline().strip()
    assert path == str(tmp_path / "r.tty") and os.path.exists(path)
    printer = ReceiptPrinter(settings_for(path))
    try:
        assert printer.status().state is State.PAPER_OUT  # --fault at start
        assert tell(proc, "clear").startswith("status faults=none")
        result = printer.print(ReceiptJob(build_receipt(summary)))
        assert result.outcome is Outcome.PRINTED
        announced = proc.stdout.readline().split()
        assert announced[:2] == ["job", "1"] and Path(announced[2]).exists()
        os.kill(proc.pid, signal.SIGUSR1)  # a technician's "paper out" from another shell
        assert printer.status().state is State.PAPER_OUT
        os.kill(proc.pid, signal.SIGUSR2)
        assert printer.status().state is State.READY
        assert tell(proc, "pull").startswith("status")
        assert printer.status().state is State.DISCONNECTED
        tell(proc, "restore")
        assert printer.status().state is State.READY
        assert tell(proc, "fault bogus").startswith("? unknown fault")
    finally:
        printer.close()
    proc.stdin.write("quit\n")
    proc.stdin.flush()
    assert proc.wait(timeout=5) == 0


def test_the_licence_kind_serves_a_licence_printer(tmp_path, settings_for):
    from licence_samples import make_licence

    from printer import LicenceJob, LicencePrinter, Outcome

    proc = subprocess.Popen(
        [sys.executable, "-m", "printer.emulator", "--kind", "licence", "--out", str(tmp_path),
         "--profile", "epson-lq-136"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    try:
        path = proc.stdout.readline().strip()
        printer = LicencePrinter(settings_for(path, ledger_path=tmp_path / "ledger.sqlite3"))
        try:
            assert printer.status().state is State.UNKNOWN  # ESC/P2: no status request
            assert printer.print(LicenceJob(make_licence(), "A4")).outcome is Outcome.UNCONFIRMED
            assert proc.stdout.readline().startswith("job 1 ")
        finally:
            printer.close()
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        assert proc.wait(timeout=5) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
