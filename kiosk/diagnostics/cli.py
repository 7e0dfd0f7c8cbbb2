"""`python -m kiosk diag [--json] [--check NAME]`: the checks, for a technician at a shell.

Safe beside a running terminal: it never writes to the store, and it asks the devices through
whoever holds them. A running terminal answers for its own devices over its local socket
(kiosk.diagnostics.local); with no terminal running, the ports that are free are opened, asked
and closed (kiosk.diagnostics.devices). Exit status 0 when every check is ok, 1 with warnings,
2 with a failure (scripts and the fleet's monitoring read it).
"""

from __future__ import annotations

import json
import sys

from kiosk.config import KioskConfig

from .checks import CHECKS, DEVICE_CHECKS, CheckResult, Level, exit_code, run_checks

MARK = {Level.OK: "正常 OK  ", Level.WARNING: "注意 WARN", Level.FAILURE: "故障 FAIL"}


def diagnose(cfg: KioskConfig, *, as_json: bool = False, only: str | None = None) -> int:
    names = sorted({*CHECKS, *DEVICE_CHECKS})
    if only is not None and only not in names:
        print(f"没有名为 {only} 的检查 / no check named {only!r}; one of: {', '.join(names)}",
              file=sys.stderr)
        return 2
    source: list[str] = []
    results = run_checks(cfg, only, devices=lambda: _devices(cfg, source))
    code = exit_code(results)
    if as_json:
        print(json.dumps({"terminal": cfg.terminal.id, "exit": code, "devices_from": "".join(source),
                          "checks": [r.to_json() for r in results]}, ensure_ascii=False, indent=2))
        return code
    if source:
        print("设备由运行中的终端回答 / devices answered by the running terminal" if source == ["terminal"]
              else "终端未运行：空闲的串口已直接询问 / no terminal running: free ports were asked directly")
    for r in results:
        print(f"{MARK[r.level]}  {r.name:<16} {r.detail[0]} / {r.detail[1]}")
        if r.level is not Level.OK and (r.advice[0] or r.advice[1]):
            print(f"{'':>27}→ {r.advice[0]} / {r.advice[1]}")
    return code


def _devices(cfg: KioskConfig, source: list[str]) -> list[CheckResult]:
    from .devices import probe_checks
    from .local import ask_running, socket_path

    answered = ask_running(socket_path(cfg.data_dir))
    if answered is not None:
        source.append("terminal")
        return answered
    source.append("probe")
    return probe_checks(cfg)
