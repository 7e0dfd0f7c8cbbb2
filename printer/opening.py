"""One factory for the kiosk: open both printers from the configuration, real or virtual.

A port named "virtual" starts the model's virtual twin (printer.emulator) on a pseudo-terminal
and drives it through the same driver as hardware, so the demo and the integration tests run the
production code. The reprint ledger lives under the configured data directory, never relative to
whatever the working directory happens to be.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from printer.licence.profiles import DEFAULT_PROFILE as DEFAULT_LICENCE_MODEL
from printer.licence.profiles import PROFILES as LICENCE_MODELS
from printer.models import DEFAULT_RECEIPT_MODEL, licence_layout_problems
from printer.settings import DEFAULT_LAYOUT_DIR, RECEIPT_MODELS, FlowControl, PrinterSettings

log = logging.getLogger(__name__)

VIRTUAL = "virtual"
LEDGER_FILE = "licence-ledger.sqlite3"


class PrinterConfigError(ValueError):
    """The printer configuration cannot work (unknown model, a layout wider than the printer)."""


@dataclass(frozen=True)
class PrinterLine:
    """One printer's line and model as the terminal's configuration gives them."""

    port: str  # /dev/ttyUSB0, a pyserial URL, or "virtual"
    baud: int = 115200
    flow_control: FlowControl = "rtscts"
    write_timeout_s: float = 5.0
    model: str = ""  # "" = the default model of its kind
    native_qr: bool = True  # receipt printers: GS ( k available


@dataclass(frozen=True)
class PrintersConfig:
    receipt: PrinterLine
    licence: PrinterLine
    data_dir: Path  # the ledger and the virtual printers' output go under it
    layout_dir: Path = DEFAULT_LAYOUT_DIR
    stocks: tuple[str, ...] = ("A4", "A3")  # the licence stocks the terminal may print on

    @property
    def receipt_model(self) -> str:
        return self.receipt.model or DEFAULT_RECEIPT_MODEL

    @property
    def licence_model(self) -> str:
        return self.licence.model or DEFAULT_LICENCE_MODEL


def config_problems(config: PrintersConfig) -> list[str]:
    """Everything wrong with the configuration, checked without opening a port."""
    problems = []
    if config.receipt_model not in RECEIPT_MODELS:
        problems.append(f"unknown receipt printer model {config.receipt_model!r}; one of "
                        f"{', '.join(sorted(RECEIPT_MODELS))}")
    if config.licence_model not in LICENCE_MODELS:
        problems.append(f"unknown licence printer model {config.licence_model!r}; one of "
                        f"{', '.join(sorted(LICENCE_MODELS))}")
    else:
        for stock in config.stocks:
            problems += licence_layout_problems(config.licence_model, stock, config.layout_dir)
    return problems


@dataclass
class OpenPrinters:
    """Both drivers (each satisfies printer.interface.Printer) and any virtual twins started."""

    receipt: object
    licence: object
    twins: list = field(default_factory=list)

    def close(self) -> None:
        for driver in (self.receipt, self.licence):
            driver.close()
        for twin in self.twins:
            twin.stop()
        self.twins.clear()

    def __enter__(self) -> OpenPrinters:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_printers(config: PrintersConfig) -> OpenPrinters:
    """The receipt and licence printers; raises PrinterConfigError before opening anything.

    Real ports open lazily on first use, so a printer unplugged at start-up is a `disconnected`
    status, not an exception.
    """
    problems = config_problems(config)
    if problems:
        raise PrinterConfigError("; ".join(problems))
    from printer.licence_printer import LicencePrinter
    from printer.receipt_printer import ReceiptPrinter

    twins: list = []
    receipt_port = _port(config.receipt, "receipt", config.receipt_model, config, twins)
    licence_port = _port(config.licence, "licence", config.licence_model, config, twins)
    profile = replace(RECEIPT_MODELS[config.receipt_model], native_qr=config.receipt.native_qr)
    receipt = ReceiptPrinter(_settings(config.receipt, receipt_port, config, profile=profile))
    licence = LicencePrinter(_settings(config.licence, licence_port, config,
                                       licence_profile=config.licence_model,
                                       ledger_path=Path(config.data_dir) / LEDGER_FILE))
    return OpenPrinters(receipt, licence, twins)


def _settings(line: PrinterLine, port: str, config: PrintersConfig, **extra) -> PrinterSettings:
    return PrinterSettings(port=port, baud=line.baud, flow_control=line.flow_control,
                           write_timeout_s=line.write_timeout_s, layout_dir=config.layout_dir,
                           **extra)


def _port(line: PrinterLine, kind: str, model: str, config: PrintersConfig, twins: list) -> str:
    if line.port != VIRTUAL:
        return line.port
    if kind == "receipt":
        from printer.emulator.receipt_device import VirtualReceiptPrinter as Twin
    else:
        from printer.emulator.licence_device import VirtualLicencePrinter as Twin
    twin = Twin(baud=line.baud, out_dir=Path(config.data_dir) / "virtual-prints", profile=model)
    path = twin.start()
    twins.append(twin)
    log.info("virtual %s printer (%s) on %s", kind, model, path)
    return path


def probe_driver(config: PrintersConfig, kind: str):
    """One printer's driver on its configured (real) port, for a status question only: the
    technician's `kiosk diag` when no terminal is running. It starts no twin and writes nothing:
    the licence driver gets an in-memory reprint ledger, since a probe prints nothing."""
    from printer.licence.ledger import ReprintLedger
    from printer.licence_printer import LicencePrinter
    from printer.receipt_printer import ReceiptPrinter

    if kind == "receipt":
        profile = replace(RECEIPT_MODELS[config.receipt_model], native_qr=config.receipt.native_qr)
        return ReceiptPrinter(_settings(config.receipt, config.receipt.port, config, profile=profile))
    return LicencePrinter(_settings(config.licence, config.licence.port, config,
                                    licence_profile=config.licence_model),
                          ledger=ReprintLedger(Path(":memory:")))
