"""Fixtures for the printer tests: a standard application summary and virtual printers on ptys."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from printer.emulator import VirtualLicencePrinter, VirtualReceiptPrinter
from printer.licence_printer import LicencePrinter
from printer.receipt import Bilingual, ReceiptSummary
from printer.receipt_printer import ReceiptPrinter
from printer.settings import RECEIPT_MODELS, PrinterSettings

# Helpers beside the tests (escp2_rules, licence_samples, waiting) import by name under importlib mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))

STATUS_URL = "https://nh.example.gov.cn/s/NH20261129-0042"


def _make_summary(name: str = "张小三", **changes) -> ReceiptSummary:
    fields = dict(
        site_name=Bilingual("佛山市南海区政务服务中心 桂城自助终端", "Nanhai Service Centre, Guicheng kiosk"),
        application_number="NH20261129-0042",
        services=(Bilingual("个体工商户设立登记", "Individual business registration"),),
        add_ons=(Bilingual("食品经营许可证", "Food business permit"),),
        applicant_name=name,
        submitted_at=datetime(2026, 11, 29, 15, 30),
        next_steps=Bilingual(
            "审核结果将在1个工作日内以短信通知；通过后可在任一终端扫码打印营业执照。",
            "You will get a text message within 1 working day. Once approved, scan the code at "
            "any kiosk to print your licence.",
        ),
        status_url=STATUS_URL,
        help_line="0757-86280000",
    )
    fields.update(changes)
    return ReceiptSummary(**fields)


def _settings_for(port: str, **changes) -> PrinterSettings:
    fields = dict(port=port, baud=115200, flow_control="xonxoff", write_timeout_s=1.0,
                  status_timeout_s=0.3, confirm_margin_s=2.0)
    native = changes.pop("native_qr", True)
    model = changes.pop("model", "generic-escpos")
    fields.update(changes)
    profile = replace(RECEIPT_MODELS[model], native_qr=native)
    return PrinterSettings(**fields, profile=profile)


@pytest.fixture
def summary() -> ReceiptSummary:
    return _make_summary()


@pytest.fixture
def make_summary():
    """Factory: make_summary(name=..., **field changes) -> ReceiptSummary."""
    return _make_summary


@pytest.fixture
def settings_for():
    """Factory: settings_for(port, native_qr=True, **PrinterSettings changes)."""
    return _settings_for


@pytest.fixture
def status_url() -> str:
    return STATUS_URL


@pytest.fixture
def virtual_receipt(tmp_path):
    printer = VirtualReceiptPrinter(baud=115200, out_dir=tmp_path / "out", link_path=tmp_path / "receipt.tty")
    printer.start()
    yield printer
    printer.stop()


@pytest.fixture
def driver(virtual_receipt, settings_for):
    """The receipt driver on the virtual receipt printer's pty."""
    printer = ReceiptPrinter(settings_for(virtual_receipt.device_path))
    yield printer
    printer.close()


@pytest.fixture
def virtual_licence(tmp_path):
    """By a stable link name, as udev gives one: a pulled and restored line is found again."""
    printer = VirtualLicencePrinter(baud=115200, out_dir=tmp_path / "out", link_path=tmp_path / "licence.tty")
    printer.start()
    yield printer
    printer.stop()


@pytest.fixture
def licence_printer(virtual_licence, settings_for, tmp_path):
    printer = LicencePrinter(settings_for(virtual_licence.device_path,
                                          ledger_path=tmp_path / "ledger.sqlite3"))
    yield printer
    printer.close()
