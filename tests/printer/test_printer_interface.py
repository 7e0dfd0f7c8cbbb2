"""The one interface the kiosk uses: Printer protocol, open_printers, the fake, a lazy import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from licence_samples import make_licence

from printer import (
    FakePrinter,
    LicenceJob,
    LicencePrinter,
    Outcome,
    Printer,
    PrinterConfigError,
    PrinterLine,
    PrintersConfig,
    ReceiptJob,
    ReceiptPrinter,
    State,
    build_receipt,
    open_printers,
)

ROOT = Path(__file__).resolve().parents[2]


def config(tmp_path, receipt="virtual", licence="virtual", **licence_changes) -> PrintersConfig:
    return PrintersConfig(receipt=PrinterLine(port=receipt, flow_control="xonxoff"),
                          licence=PrinterLine(port=licence, flow_control="xonxoff", **licence_changes),
                          data_dir=tmp_path / "data")


def test_open_printers_starts_virtual_twins_and_both_print_through_the_interface(tmp_path, summary):
    with open_printers(config(tmp_path)) as printers:
        assert isinstance(printers.receipt, Printer) and isinstance(printers.licence, Printer)
        assert isinstance(printers.receipt, ReceiptPrinter)
        assert isinstance(printers.licence, LicencePrinter)
        assert printers.receipt.status().state is State.READY
        assert printers.licence.status().state is State.UNKNOWN
        assert printers.receipt.print(ReceiptJob(build_receipt(summary))).outcome is Outcome.PRINTED
        assert printers.licence.print(LicenceJob(make_licence())).outcome is Outcome.UNCONFIRMED
        twins = list(printers.twins)
        assert len(twins) == 2 and twins[0].wait_for_jobs(1) and twins[1].wait_for_jobs(1)
    assert (tmp_path / "data" / "licence-ledger.sqlite3").exists()  # under the data directory
    assert sorted(p.name for p in (tmp_path / "data" / "virtual-prints").glob("*.png")) == [
        "licence-0001.png", "receipt-0001.png"]


def test_a_licence_printer_too_narrow_for_a_stock_is_refused_before_anything_opens(tmp_path):
    with pytest.raises(PrinterConfigError, match="epson-lq-80"):
        open_printers(config(tmp_path, model="epson-lq-80"))
    with pytest.raises(PrinterConfigError, match="unknown licence printer model"):
        open_printers(config(tmp_path, model="epson-lx-300"))
    assert not (tmp_path / "data").exists()


def test_a_missing_device_is_a_status_not_an_exception(tmp_path, summary):
    with open_printers(config(tmp_path, receipt="/dev/ttyNOSUCH0", licence="/dev/ttyNOSUCH1")) as p:
        assert p.twins == []
        assert p.receipt.status().state is State.DISCONNECTED
        result = p.receipt.print(ReceiptJob(build_receipt(summary)))
        assert (result.outcome, result.status.state) == (Outcome.FAILED, State.DISCONNECTED)
        assert p.licence.print(LicenceJob(make_licence())).outcome is Outcome.FAILED


def test_the_fake_keeps_the_interfaces_promises(summary):
    receipt, licence = FakePrinter("receipt"), FakePrinter("licence")
    assert isinstance(receipt, Printer)
    job = ReceiptJob(build_receipt(summary))
    assert receipt.print(job).outcome is Outcome.PRINTED and receipt.jobs == [job]
    assert licence.print(LicenceJob(make_licence())).outcome is Outcome.UNCONFIRMED
    receipt.outcomes.append(Outcome.PARTLY_PRINTED)
    assert receipt.print(job).outcome is Outcome.PARTLY_PRINTED
    receipt.state = State.PAPER_OUT
    failed = receipt.print(job)
    assert (failed.outcome, failed.status.state) == (Outcome.FAILED, State.PAPER_OUT)
    assert len(receipt.jobs) == 2  # a printer that cannot print takes nothing


def test_import_printer_loads_neither_pyserial_nor_pillow_nor_reportlab():
    code = ("import sys, printer; print(sorted(m for m in ('serial', 'PIL', 'reportlab', 'qrcode')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout.strip()
    assert out == "[]"


def test_the_kiosk_configuration_refuses_a_narrow_licence_printer_and_opens_the_rest(tmp_path):
    from kiosk.config import ConfigError, parse_config, printers_config

    with pytest.raises(ConfigError, match="printers.licence.model"):
        parse_config({"printers": {"licence": {"model": "epson-lq-80", "stock": "A3"}}}, base_dir=tmp_path)
    with pytest.raises(ConfigError, match="printers.receipt.model"):
        parse_config({"printers": {"receipt": {"model": "epson-lq-136"}}}, base_dir=tmp_path)
    cfg = parse_config({"printers": {"receipt": {"model": "epson-tm-t88vi"}},
                        "storage": {"data_dir": str(tmp_path / "var")}}, base_dir=tmp_path)
    with open_printers(printers_config(cfg)) as printers:
        assert printers.receipt.settings.profile.buffer_clear == "dle-dc4-8"
        assert printers.licence.ledger.path == tmp_path / "var" / "licence-ledger.sqlite3"
