"""`python -m kiosk diag [--json] [--check NAME]`: the checks, for a technician at a shell.

Safe beside a running terminal: nothing here opens a serial port or writes to the store. Exit
status 0 when every check is ok, 1 with warnings, 2 with a failure (scripts and the fleet's
monitoring read it).
"""

from __future__ import annotations

import json
import sys

from kiosk.config import KioskConfig

from .checks import CHECKS, Level, exit_code, run_checks

MARK = {Level.OK: "正常 OK  ", Level.WARNING: "注意 WARN", Level.FAILURE: "故障 FAIL"}


def diagnose(cfg: KioskConfig, *, as_json: bool = False, only: str | None = None) -> int:
    if only is not None and only not in CHECKS:
        print(f"没有名为 {only} 的检查 / no check named {only!r}; one of: {', '.join(CHECKS)}",
              file=sys.stderr)
        return 2
    results = run_checks(cfg, only)
    code = exit_code(results)
    if as_json:
        print(json.dumps({"terminal": cfg.terminal.id, "exit": code,
                          "checks": [r.to_json() for r in results]}, ensure_ascii=False, indent=2))
        return code
    for r in results:
        print(f"{MARK[r.level]}  {r.name:<16} {r.detail[0]} / {r.detail[1]}")
        if r.level is not Level.OK and (r.advice[0] or r.advice[1]):
            print(f"{'':>27}→ {r.advice[0]} / {r.advice[1]}")
    return code
