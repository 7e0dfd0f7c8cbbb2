"""The licence alignment page: on the virtual licence printer with the stock drawn under it.

Where the lines land is measured on the twin's page image (its own ESC/P2 reading and its own
drawing of the stock from the layout file), never with the encoder's arithmetic.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from escp2_rules import read_job
from PIL import Image

from printer import LicencePrinter, Outcome, State
from printer.emulator import VirtualLicencePrinter
from printer.emulator.stock_underlay import GREY
from printer.licence.alignment import encode_alignment
from printer.licence.layout import load_layout
from printer.licence.profiles import licence_profile
from printer.settings import DEFAULT_CJK_FONT, DEFAULT_FALLBACK_FONTS, DEFAULT_LAYOUT_DIR

FONTS = (DEFAULT_CJK_FONT, *DEFAULT_FALLBACK_FONTS)
PROFILE = licence_profile("epson-lq-136")
PX_PER_MM = 180 / 25.4
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def virtual_licence(tmp_path):
    # The twin is the real printer and sheet: it always reads the shipped layouts (its paper
    # guide really sits where assets/licence/*.toml says). Its receive buffer is 64 kB here: over
    # a pty (no wire) a loaded machine let the kernel's backlog outrun the 4 kB buffer's 1 kB XOFF
    # margin on this 37 kB job (79 bytes lost, seen with three suites in parallel). These tests
    # are about where the lines land; flow control is tested with the licence (paper-out mid-sheet).
    printer = VirtualLicencePrinter(baud=115200, out_dir=tmp_path / "out", layout_dir=DEFAULT_LAYOUT_DIR,
                                    buffer_bytes=64 * 1024)
    printer.start()
    yield printer
    printer.stop()


def driver_for(virtual_licence, settings_for, tmp_path, layout_dir=DEFAULT_LAYOUT_DIR) -> LicencePrinter:
    return LicencePrinter(settings_for(virtual_licence.device_path, layout_dir=layout_dir,
                                       ledger_path=tmp_path / "ledger.sqlite3"))


def centre(values: list[int]) -> float | None:
    return (min(values) + max(values)) / 2 if values else None


def line_centres(profile: list[int], expected_px: float) -> tuple[float, float]:
    """(stock's line centre, printed line centre) in px along one row or column of the page.

    The stock's line is grey (the twin's underlay), the ink black. The stock's line is looked for
    within 1.5 mm of where the layout says; the ink from 3 mm before to 0.5 mm past it (so the
    inner frame's line, 3 mm further in, is never taken for it)."""
    lo, hi = round(expected_px - 1.5 * PX_PER_MM), round(expected_px + 1.5 * PX_PER_MM)
    grey = [i for i in range(lo, hi + 1) if abs(profile[i] - GREY) < 20]
    lo, hi = round(expected_px - 3.0 * PX_PER_MM), round(expected_px + 0.5 * PX_PER_MM)
    ink = [i for i in range(lo, hi + 1) if profile[i] < 60]
    g, k = centre(grey), centre(ink)
    assert g is not None and k is not None, (grey, ink)
    return g, k


def frame_offsets(page: Image.Image, layout) -> tuple[float, float]:
    """(x, y) offset in mm of the printed frame 1 from the stock's frame 1 (+ = right / down),
    measured on its left edge (a row between two ruler ticks) and its top edge (likewise)."""
    gray = page.convert("L")
    f = layout.frames[0]
    row_y = round((f.y + 92.5) * PX_PER_MM)  # between the ticks at 90 and 95 mm below the corner
    row = [gray.getpixel((x, row_y)) for x in range(gray.width)]
    gx, kx = line_centres(row, f.x * PX_PER_MM)
    col_x = round((f.x + 92.5) * PX_PER_MM)
    col = [gray.getpixel((col_x, y)) for y in range(gray.height)]
    gy, ky = line_centres(col, f.y * PX_PER_MM)
    return (kx - gx) / PX_PER_MM, (ky - gy) / PX_PER_MM


def test_the_alignment_page_lands_on_the_stocks_frame_and_is_not_a_licence(
        virtual_licence, settings_for, tmp_path):
    printer = driver_for(virtual_licence, settings_for, tmp_path)
    try:
        result = printer.print_alignment("A4")
    finally:
        printer.close()
    assert result.outcome is Outcome.UNCONFIRMED, result.detail  # ESC/P2 cannot confirm
    assert result.job_id.startswith("ALIGN-") and result.status.state is State.UNKNOWN
    assert virtual_licence.wait_for_jobs(1)
    job = virtual_licence.jobs[0]
    breaches = virtual_licence.breaches[0]
    assert virtual_licence.counters.lost == 0 and job.raw == encode_alignment(
        load_layout("A4", DEFAULT_LAYOUT_DIR), PROFILE, FONTS), virtual_licence.counters
    assert (breaches.upward_moves_ignored, breaches.right_of_width_ignored,
            breaches.unknown_commands, breaches.unlisted_point_sizes) == (0, 0, [], [])
    dx, dy = frame_offsets(job.image, load_layout("A4", DEFAULT_LAYOUT_DIR))
    assert abs(dx) <= 0.3 and abs(dy) <= 0.3, (dx, dy)
    text = "\n".join(job.lines)  # the twin's own reading of the text: no PDF involved
    assert "校准页 Alignment page" in text and "A4" in text
    assert "origin_x_mm = 0" in text and "top_of_form_mm = 0" in text
    assert "raise origin_x_mm by d" in text and "origin_x_mm 增加 d" in text
    # Not a licence: the reprint ledger has no row for it.
    with sqlite3.connect(tmp_path / "ledger.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM licence_prints").fetchone()[0] == 0


def test_an_origin_set_2_mm_wrong_shows_as_2_mm_and_the_page_says_which_way_to_correct(
        virtual_licence, settings_for, tmp_path):
    layouts = tmp_path / "layouts"
    shutil.copytree(DEFAULT_LAYOUT_DIR, layouts)
    a4 = layouts / "A4.toml"
    a4.write_text(a4.read_text(encoding="utf-8").replace("origin_x_mm = 0", "origin_x_mm = 2"),
                  encoding="utf-8")
    configured = load_layout("A4", layouts)
    assert configured.origin_x_mm == 2
    printer = driver_for(virtual_licence, settings_for, tmp_path, layout_dir=layouts)
    try:
        assert printer.print_alignment("A4").outcome is Outcome.UNCONFIRMED
    finally:
        printer.close()
    assert virtual_licence.wait_for_jobs(1)
    job = virtual_licence.jobs[0]
    dx, dy = frame_offsets(job.image, load_layout("A4", DEFAULT_LAYOUT_DIR))
    assert abs(dx + 2.0) <= 0.3 and abs(dy) <= 0.3, (dx, dy)  # 2 mm LEFT of the stock's frame
    assert "origin_x_mm = 2" in "\n".join(job.lines)
    # The page's rule (left by d: lower origin_x_mm by d) gives back the twin's true origin, 0.
    corrected = configured.origin_x_mm + dx
    assert abs(corrected - load_layout("A4", DEFAULT_LAYOUT_DIR).origin_x_mm) <= 0.3


@pytest.mark.parametrize("stock", ["A4", "A3"])
def test_the_job_is_small_sparse_downward_only_and_within_the_printable_width(stock):
    """A4 ~37 kB: ~3.2 s on the wire at 115200 baud, ~39 s at 9600 (8N1, 10 bits a byte)."""
    layout = load_layout(stock, DEFAULT_LAYOUT_DIR)
    data = encode_alignment(layout, PROFILE, FONTS)
    assert len(data) < 60_000, len(data)
    assert len(data) * 10 / 115200 < 6 and len(data) * 10 / 9600 < 60
    reading = read_job(data, PROFILE.printable_width_mm / 25.4)
    assert reading.violations == []  # no upward move, nothing past the printable width
    assert reading.pages == 1 and data.endswith(b"\x0c")
    ys = [item.y_in for item in reading.items]
    assert ys == sorted(ys)
    images = [i for i in reading.items if i.kind == "image"]
    assert images and all(i.rows == 24 for i in images)
    # Sparse: far fewer columns sent than full-width bands would take.
    bands = {round(i.y_in * 360) for i in images}
    sent_columns = sum(i.width_in for i in images) * 180
    assert sent_columns < 0.2 * len(bands) * PROFILE.printable_width_mm / 25.4 * 180
    assert all(i.x_in >= 0 and i.x_in + i.width_in <= PROFILE.printable_width_mm / 25.4 for i in images)


def test_unknown_stock_is_refused_and_a_pulled_line_fails_with_nothing_sent(
        tmp_path, settings_for):
    emu = VirtualLicencePrinter(baud=115200, out_dir=tmp_path / "out", link_path=tmp_path / "lic.tty")
    with emu:
        printer = driver_for(emu, settings_for, tmp_path)
        try:
            refused = printer.print_alignment("B5")
            assert refused.outcome is Outcome.REFUSED and "B5" in refused.detail
            emu.pull()
            # ESC/P2 has no status request: the loss shows once the operating system reports it.
            deadline = time.monotonic() + 2
            while printer.status().state is not State.DISCONNECTED and time.monotonic() < deadline:
                time.sleep(0.05)
            result = printer.print_alignment("A4")
            assert result.outcome is Outcome.FAILED and result.bytes_sent == 0
            assert result.status.state is State.DISCONNECTED
        finally:
            printer.close()


def test_alignment_sample_on_the_command_line_reads_clean(tmp_path):
    out = tmp_path / "align.bin"
    done = subprocess.run([sys.executable, "-m", "printer", "sample", "alignment", "--stock", "A3",
                           "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    reading = read_job(out.read_bytes(), PROFILE.printable_width_mm / 25.4)
    assert reading.violations == [] and reading.pages == 1
    assert any("校准页" in t.text for t in reading.texts())
