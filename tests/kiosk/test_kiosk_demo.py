"""Issue 9, "the main job on a fresh machine": `python -m kiosk demo --out DIR` (what `make run`
runs without a display) writes the demo's files, and they are what a person would accept:
checked with tools this project did not write — zxing-cpp reads both QR codes, python-stdnum
checks the credit code (GB 32100-2015), pdftotext reads the licence PDF."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from stdnum.cn import uscc

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(out / "xdg")}
    done = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(ROOT / "config.toml"),
                           "demo", "--out", str(out)], cwd=out, env=env, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    assert str(out) in done.stdout and "summary.json" in done.stdout
    return out


def test_the_summary_says_what_happened(demo: Path) -> None:
    summary = json.loads((demo / "summary.json").read_text(encoding="utf-8"))
    assert summary["decision"] == "approved" and summary["outcome_on_screen"] == "approved"
    assert uscc.is_valid(summary["credit_code"]) and summary["credit_code"][1] == "2"  # 个体工商户
    assert [a["addon_id"] for a in summary["addon_outcomes"]] == ["food_business"]
    assert summary["addon_outcomes"][0]["outcome"] == "permit-issued"
    for key in ("walk_seconds", "submit_to_receipt_seconds", "submit_to_licence_seconds"):
        assert summary["timings"][key] > 0
    for name in summary["files"]:
        assert (demo / name).stat().st_size > 0, name
    # No ID number in any file name (a signature stage's key holds the signer's).
    assert not [name for name in summary["files"] if re.search(r"\d{15}", name)]


def test_the_receipt_qr_is_the_application_number(demo: Path) -> None:
    summary = json.loads((demo / "summary.json").read_text(encoding="utf-8"))
    receipt = Image.open(demo / "receipt.png").convert("L")
    assert [c.text for c in zxingcpp.read_barcodes(receipt)] == [summary["application_number"]]
    raw = (demo / "receipt.bin").read_bytes()
    assert raw.startswith(b"\x1b@")  # ESC @ initialise (ESC/POS Application Programming Guide)


def test_the_licence_carries_the_credit_code_and_name(demo: Path) -> None:
    summary = json.loads((demo / "summary.json").read_text(encoding="utf-8"))
    licence = Image.open(demo / "licence.png").convert("L")
    codes = [c.text for c in zxingcpp.read_barcodes(licence)]
    assert len(codes) == 1 and summary["credit_code"] in codes[0]
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is installed by make; not on this machine")
    text = subprocess.run(["pdftotext", str(demo / "licence.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout.replace(" ", "")
    assert summary["credit_code"] in text and summary["name"] in text and "食品销售" in text


def test_every_screen_of_the_walk_was_grabbed(demo: Path) -> None:
    names = sorted(p.name for p in (demo / "screens").glob("*.png"))
    assert any("confirm" in n for n in names) and any("done-approved" in n for n in names)
    assert any("collect-printed" in n for n in names)
