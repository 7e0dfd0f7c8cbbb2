"""How fast a technician gets an answer about the devices. Prints ONE JSON line.

1. The running terminal's socket: `ask_running` against a DiagnosticsSocket serving the live
   device checks of both virtual printers and the virtual card reader on ptys (each printer's
   DLE EOT status, the reader's SAM status request), as `kiosk diag` asks it.
2. `python -m kiosk diag --json --check devices` end to end (a fresh interpreter), once with the
   socket answering and once with no terminal, so the ports are probed directly.
Goal (for a technician at a shell, not a citizen): <= 2 s for the device answer.

    .venv/bin/python bench/diag.py [--asks 40]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOAL_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--asks", type=int, default=40)
    args = parser.parse_args()

    from kiosk.config import KioskConfig, hash_pin
    from kiosk.diagnostics.devices import Devices, live_checks
    from kiosk.diagnostics.local import DiagnosticsSocket, ask_running, socket_path
    from printer.emulator.licence_device import VirtualLicencePrinter
    from printer.emulator.receipt_device import VirtualReceiptPrinter
    from printer.opening import PrinterLine, PrintersConfig, probe_driver
    from reader import CardReader
    from reader.emulator.card_reader import VirtualCardReader

    home = Path(tempfile.mkdtemp(prefix="kiosk-bench-diag-"))
    twins = [VirtualReceiptPrinter(out_dir=home / "prints"), VirtualLicencePrinter(out_dir=home / "prints"),
             VirtualCardReader(card=0)]
    receipt_port, licence_port, card_port = (twin.start() for twin in twins)
    config = home / "config.toml"
    config.write_text(
        f'[storage]\ndata_dir = "data"\n[technician]\npin_hash = "{hash_pin("8642")}"\n'
        f'[printers.receipt]\nport = "{receipt_port}"\n[printers.licence]\nport = "{licence_port}"\n'
        f'[readers.idcard]\nport = "{card_port}"\n[readers.scanner]\nport = ""\n', encoding="utf-8")

    def cli(expected: str) -> float:
        started = time.monotonic()
        run = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(config), "diag", "--json",
                              "--check", "devices"], capture_output=True, cwd=home, check=False, text=True)
        seconds = time.monotonic() - started
        assert json.loads(run.stdout)["devices_from"] == expected, run.stdout
        return seconds

    probed = cli("probe")  # no terminal: diag opens the free ports itself
    cfg = KioskConfig(data_dir=home / "data")
    lines = PrintersConfig(PrinterLine(receipt_port), PrinterLine(licence_port), home / "data")
    receipt, licence = probe_driver(lines, "receipt"), probe_driver(lines, "licence")
    reader = CardReader(card_port)
    devices = Devices(receipt=receipt, licence=licence, card_reader=reader, keyboard_locales=["zh_CN", "en_US"])
    server = DiagnosticsSocket(socket_path(cfg.data_dir), "NH-BENCH", lambda: live_checks(cfg, devices))
    server.start()
    try:
        ask_running(server.path)  # the first answer opens the lines
        asks = []
        for _ in range(args.asks):
            started = time.monotonic()
            answer = ask_running(server.path)
            asks.append(time.monotonic() - started)
            assert answer and {r.name for r in answer} >= {"receipt-printer", "licence-printer", "id-card-reader"}
        via_socket = cli("terminal")
    finally:
        server.stop()
        for driver in (receipt, licence, reader):
            driver.close()
        for twin in twins:
            twin.stop()
    asks.sort()
    print(json.dumps({
        "socket_answer_ms_p50": round(1000 * statistics.median(asks), 1),
        "socket_answer_ms_p95": round(1000 * asks[int(0.95 * (len(asks) - 1))], 1),
        "diag_cli_seconds_with_terminal": round(via_socket, 2),
        "diag_cli_seconds_probing_ports": round(probed, 2),
        "asks": len(asks), "goal_seconds": GOAL_SECONDS,
        "met": max(via_socket, probed) <= GOAL_SECONDS,
    }))


if __name__ == "__main__":
    main()
