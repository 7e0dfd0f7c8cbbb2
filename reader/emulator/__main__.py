"""python -m reader.emulator --kind idcard|scanner [--card N] [--baud B] [--link PATH]

Prints the device path first (open it as the reader's port), then takes commands on stdin:
  idcard:  place N | remove | remove-mid-read | corrupt | unauthorised | selftest-fail |
           unplug | plug | clear
  scanner: scan TEXT | garbage | cut TEXT | unplug | plug
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.emulator", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind", choices=["idcard", "scanner"], required=True)
    parser.add_argument("--card", type=int, help="idcard: start with sample card N on the reader")
    parser.add_argument("--baud", type=int, help="pace the line (default 115200 idcard, 9600 scanner)")
    parser.add_argument("--link", type=Path, help="a stable symlink to the pty, as udev gives")
    args = parser.parse_args(argv)
    if args.kind == "idcard":
        from reader.emulator.card_reader import VirtualCardReader

        device = VirtualCardReader(baud=args.baud or 115200, card=args.card, link_path=args.link)
    else:
        from reader.emulator.code_scanner import VirtualScanner

        device = VirtualScanner(baud=args.baud or 9600, link_path=args.link)
    print(device.start(), flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        for line in sys.stdin:
            try:
                print(device.command(line), flush=True)
            except (ValueError, IndexError) as exc:
                print(f"error: {exc}", flush=True)
    finally:
        device.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
