"""`python -m kiosk` (console script `kiosk`): run the terminal, or render its screenshots.

    kiosk [--config PATH]                     run the terminal
    kiosk [--config PATH] screenshots DIR     every screen in both languages, as PNG, offscreen
    kiosk [--config PATH] demo --out DIR      a scripted registration end to end, offscreen, with
                                              the embedded backend and virtual printers
    kiosk [--config PATH] demo --service --out DIR
                                              the technician's service mode walked by taps, with
                                              faults injected into the virtual devices
    kiosk [--config PATH] diag [--json] [--check NAME]
                                              the technician's checks; exit 0 ok, 1 warnings, 2 failures

Exit codes: 0 normal, 2 no display found, 3 the configuration is refused, 4 the QML did not
load (systemd restarts the unit on any non-zero code). A restart asked from the service mode
does not exit: the process starts its own command line again (kiosk/relaunch.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.config import ConfigError, load_config
from kiosk.display import NO_DISPLAY_EXIT, NO_DISPLAY_MESSAGE, display_available

CONFIG_REFUSED_EXIT = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Business registration terminal")
    parser.add_argument("--config", metavar="PATH",
                        help="settings file (default: $KIOSK_CONFIG, then ./config.toml)")
    commands = parser.add_subparsers(dest="command")
    shots = commands.add_parser("screenshots", help="render every screen in both languages (PNG)")
    shots.add_argument("directory", type=Path, metavar="DIR")
    demo = commands.add_parser("demo", help="walk a scripted registration end to end, headless")
    demo.add_argument("--out", type=Path, default=Path("demo-output"), metavar="DIR")
    demo.add_argument("--service", action="store_true",
                      help="walk the technician's service mode instead, faults injected (DIR/service)")
    diag = commands.add_parser("diag", help="the technician's checks (0 ok, 1 warnings, 2 failures)")
    diag.add_argument("--json", action="store_true", help="one JSON document instead of text")
    diag.add_argument("--check", metavar="NAME", help="only this check")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        cfg = load_config(args.config)
    except ConfigError as exc:
        print(f"配置错误，终端未启动：设置项 {exc.key} 的值 {exc.value!r} 不被接受；允许：{exc.allowed}\n"
              f"Configuration refused, the terminal did not start: {exc}", file=sys.stderr)
        return CONFIG_REFUSED_EXIT
    if args.command == "screenshots":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.screenshots import render_all

        return render_all(cfg, args.directory)
    if args.command == "diag":
        from kiosk.diagnostics.cli import diagnose

        return diagnose(cfg, as_json=args.json, only=args.check)
    if args.command == "demo":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if args.service:
            from kiosk.demo.service import run_service_demo

            return run_service_demo(cfg, args.out)
        from kiosk.demo.run import run_demo

        return run_demo(cfg, args.out)
    if not display_available(os.environ):
        print(NO_DISPLAY_MESSAGE, file=sys.stderr, end="")
        return NO_DISPLAY_EXIT
    from kiosk.app import RESTART_EXIT, run

    code = run(cfg)
    if code == RESTART_EXIT:  # asked from the service mode, after everything was closed
        from kiosk.relaunch import relaunch

        relaunch()
    return code


if __name__ == "__main__":
    sys.exit(main())
