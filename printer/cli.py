"""`python -m printer sample ...`: write the exact bytes the driver would send for a sample job.

    python -m printer sample receipt --out receipt.bin [--profile epson-tm-t88vi] [--raster-qr]
    python -m printer sample licence --stock A4|A3 [--profile epson-lq-136] [--entity individual] --out licence.bin
    python -m printer sample alignment --stock A4|A3 [--profile epson-lq-136] --out align.bin

A technician (or a strict decoder) can inspect a job without a printer. A licence layout that
does not fit the chosen printer model is refused with the reason, as the configuration check does.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from printer.licence.profiles import DEFAULT_PROFILE, PROFILES
from printer.settings import (
    DEFAULT_CJK_FONT,
    DEFAULT_FALLBACK_FONTS,
    DEFAULT_LAYOUT_DIR,
    RECEIPT_MODELS,
)


def receipt_bytes(profile_name: str, raster_qr: bool) -> bytes:
    from printer.escpos import commands as cmd
    from printer.escpos.encoder import encode
    from printer.receipt import build_receipt
    from printer.samples import sample_receipt

    profile = replace(RECEIPT_MODELS[profile_name], native_qr=not raster_qr)
    # The driver sends GS r 1 after the job's last byte and waits for its answer.
    return encode(build_receipt(sample_receipt()), profile) + cmd.TRANSMIT_PAPER_STATUS


def licence_bytes(profile_name: str, stock: str, entity: str, layout_dir: Path) -> bytes:
    from printer.licence.escp2 import check_fit, encode_overprint
    from printer.licence.layout import load_layout
    from printer.licence.placement import place
    from printer.samples import sample_licence

    profile = PROFILES[profile_name]
    layout = load_layout(stock, layout_dir)
    problems = check_fit(layout, profile)
    if problems:
        raise SystemExit("refused / 拒绝: " + "; ".join(problems))
    placement = place(sample_licence(entity), layout, profile)
    return encode_overprint(placement, layout, profile, (DEFAULT_CJK_FONT, *DEFAULT_FALLBACK_FONTS))


def alignment_bytes(profile_name: str, stock: str, layout_dir: Path) -> bytes:
    """The licence alignment page (plain paper), as LicencePrinter.print_alignment sends it."""
    from printer.licence.alignment import encode_alignment
    from printer.licence.escp2 import check_fit
    from printer.licence.layout import load_layout

    profile = PROFILES[profile_name]
    layout = load_layout(stock, layout_dir)
    problems = check_fit(layout, profile)
    if problems:
        raise SystemExit("refused / 拒绝: " + "; ".join(problems))
    return encode_alignment(layout, profile, (DEFAULT_CJK_FONT, *DEFAULT_FALLBACK_FONTS))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m printer", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    sample = sub.add_parser("sample", help="write a sample job's exact bytes")
    kinds = sample.add_subparsers(dest="kind", required=True)
    r = kinds.add_parser("receipt")
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--profile", choices=sorted(RECEIPT_MODELS), default="generic-escpos")
    r.add_argument("--raster-qr", action="store_true", help="the QR as an image (no GS ( k)")
    lic = kinds.add_parser("licence")
    lic.add_argument("--out", type=Path, required=True)
    lic.add_argument("--stock", choices=("A4", "A3"), required=True)
    lic.add_argument("--profile", choices=sorted(PROFILES), default=DEFAULT_PROFILE)
    lic.add_argument("--entity", choices=("company", "individual"), default="company")
    lic.add_argument("--layout-dir", type=Path, default=DEFAULT_LAYOUT_DIR)
    align = kinds.add_parser("alignment", help="the licence alignment page, for plain paper")
    align.add_argument("--out", type=Path, required=True)
    align.add_argument("--stock", choices=("A4", "A3"), required=True)
    align.add_argument("--profile", choices=sorted(PROFILES), default=DEFAULT_PROFILE)
    align.add_argument("--layout-dir", type=Path, default=DEFAULT_LAYOUT_DIR)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.kind == "receipt":
        data = receipt_bytes(args.profile, args.raster_qr)
    elif args.kind == "alignment":
        data = alignment_bytes(args.profile, args.stock, args.layout_dir)
    else:
        data = licence_bytes(args.profile, args.stock, args.entity, args.layout_dir)
    args.out.write_bytes(data)
    print(f"{args.out} {len(data)} bytes ({args.kind}, {args.profile})", file=sys.stdout)
    return 0
