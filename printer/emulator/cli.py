"""Command line for the virtual printers.

The first line on stdout is the device path a serial client opens. After that, one line per event.
Control, for faults at start or mid-job:
  --fault NAME          raised at start; NAME@N raises it once N bytes have arrived (mid-job)
  stdin lines           "fault NAME", "clear NAME", "clear", "pull", "restore", "status", "quit"
  signals               SIGUSR1 raises paper-out, SIGUSR2 clears every fault, SIGTERM stops
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from printer.emulator.device import FAULTS, VirtualPrinter


def build(args: argparse.Namespace) -> VirtualPrinter:
    common = dict(baud=args.baud, out_dir=args.out, link_path=args.link, flow=args.flow,
                  buffer_bytes=args.buffer)
    if args.kind == "receipt":
        from printer.emulator.receipt_device import VirtualReceiptPrinter

        return VirtualReceiptPrinter(**common, **({"profile": args.profile} if args.profile else {}))
    from printer.emulator.licence_device import VirtualLicencePrinter

    return VirtualLicencePrinter(**common, **({"profile": args.profile} if args.profile else {}))


def parse_fault(text: str) -> tuple[str, int | None]:
    name, _, after = text.partition("@")
    if name not in FAULTS:
        raise argparse.ArgumentTypeError(f"unknown fault {name!r}; one of {', '.join(FAULTS)}")
    return name, int(after) if after else None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk-printer-emulator", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kind", choices=("receipt", "licence"), default="receipt")
    p.add_argument("--baud", type=int, default=115200, help="pace reception to this rate")
    p.add_argument("--out", type=Path, default=Path("printed"), help="where jobs go (.bin, .png)")
    p.add_argument("--fault", type=parse_fault, action="append", default=[],
                   help=f"one of {', '.join(FAULTS)}, optionally NAME@BYTES")
    p.add_argument("--flow", choices=("xonxoff", "none"), default="xonxoff")
    p.add_argument("--buffer", type=int, default=4096, help="receive buffer in bytes")
    p.add_argument("--link", type=Path, help="stable symlink to the pty (survives pull/restore)")
    p.add_argument("--profile", help="printer model whose manual the twin follows "
                                     "(receipt: epson-tm-t88vi, generic-escpos; licence: epson-lq-136, epson-lq-80)")
    return p


def say(text: str) -> None:
    print(text, flush=True)


def control(printer: VirtualPrinter, line: str) -> bool:
    """Apply one control line; False means stop."""
    words = line.split()
    if not words:
        return True
    verb, rest = words[0], words[1:]
    try:
        if verb == "quit":
            return False
        if verb == "fault" and rest:
            name, after = parse_fault(rest[0])
            printer.raise_fault(name, after)
        elif verb == "clear":
            printer.clear_fault(rest[0] if rest else None)
        elif verb == "pull":
            printer.pull()
        elif verb == "restore":
            printer.restore()
        elif verb != "status":
            say(f"? unknown command {verb!r}")
            return True
    except (argparse.ArgumentTypeError, ValueError) as exc:
        say(f"? {exc}")
        return True
    say(f"status faults={','.join(sorted(printer.faults)) or 'none'} jobs={len(printer.jobs)} "
        f"received={printer.counters.received} lost={printer.counters.lost}")
    return True


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    printer = build(args)
    stop = threading.Event()
    path = printer.start()
    say(path)
    for name, after in args.fault:
        printer.raise_fault(name, after)
    signal.signal(signal.SIGUSR1, lambda *_: printer.raise_fault("paper-out"))
    signal.signal(signal.SIGUSR2, lambda *_: printer.clear_fault())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def read_stdin() -> None:
        for line in sys.stdin:
            if not control(printer, line):
                break
        else:
            return  # stdin closed (e.g. started with </dev/null): keep serving until a signal
        stop.set()

    threading.Thread(target=read_stdin, daemon=True).start()
    reported = 0
    try:
        while not stop.wait(0.2):
            while reported < len(printer.jobs):
                job = printer.jobs[reported]
                say(f"job {job.index} {job.png_path or ''} ({len(job.raw)} bytes)")
                reported += 1
    except KeyboardInterrupt:
        pass
    finally:
        printer.stop()
    return 0
