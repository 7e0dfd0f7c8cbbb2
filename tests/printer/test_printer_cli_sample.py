"""`python -m printer sample ...` writes the exact job bytes; a strict reader accepts them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from escp2_rules import read_job

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "printer", "sample", *args], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.mark.parametrize("stock", ["A4", "A3"])
@pytest.mark.parametrize("entity", ["company", "individual"])
def test_licence_sample_reads_clean_by_epsons_rules(tmp_path, stock, entity):
    out = tmp_path / "l.bin"
    done = run("licence", "--stock", stock, "--entity", entity, "--out", str(out))
    assert done.returncode == 0, done.stderr
    reading = read_job(out.read_bytes(), 13.6)
    assert reading.violations == [] and reading.pages == 1
    labels = {"".join(t.text.split()) for t in reading.texts()}
    assert ("经营者" in labels) == (entity == "individual")


def test_licence_sample_for_a_printer_too_narrow_is_refused(tmp_path):
    done = run("licence", "--stock", "A4", "--profile", "epson-lq-80", "--out", str(tmp_path / "x"))
    assert done.returncode != 0 and "epson-lq-80" in done.stderr
    assert not (tmp_path / "x").exists()


def test_receipt_sample_is_the_job_then_the_confirmation_request(tmp_path):
    out = tmp_path / "r.bin"
    assert run("receipt", "--out", str(out)).returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"\x1b@\x1c&") and data.endswith(b"\x1dr\x01")
    assert b"\x1d(k" in data  # native QR by default
    raster = tmp_path / "raster.bin"
    assert run("receipt", "--raster-qr", "--out", str(raster)).returncode == 0
    assert b"\x1d(k" not in raster.read_bytes() and len(raster.read_bytes()) > len(data) * 2
