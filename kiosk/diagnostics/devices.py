"""The devices as the technician needs them: each printer's own status with paper near end and
its last job's result, the card reader's self-check, the scanner's line, the keyboard's layouts.

Two ways to reach them, never both at once:
- inside the running terminal (`live_checks`): its own open drivers answer, on the devices'
  thread, and the local socket (kiosk.diagnostics.local) hands the answers to `kiosk diag`;
- from `kiosk diag` when no terminal answers (`probe_checks`): the ports are opened only when
  they are free. Every driver opens its line with flock(LOCK_EX) (pyserial `exclusive=True`), so
  a port another program holds is reported as held, not fought over.

No personal data: the card reader is asked for its security module's status, never for a card.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import KioskConfig

from .checks import CheckResult, Level, _bad, _ok, _port_check, _read_only, _store, keyboard_verdict

# What a technician does about each printer state (the printer's own text is for citizens).
PRINTER_ADVICE: dict[str, tuple[str, str]] = {
    "paper-near-end": ("准备新纸卷，本卷用完前更换。", "Have a new roll ready; change it before it runs out."),
    "paper-out": ("装入新纸卷，关好机盖，再点“重新检查”；未打完的任务会自动继续或重印。",
                  "Load a new roll, close the cover, then tap Check again; unfinished jobs resume or reprint."),
    "cover-open": ("把打印机盖压紧关好。", "Close the printer cover firmly."),
    "offline": ("检查纸和机盖，按打印机的联机/走纸键。", "Check the paper and cover; press the printer's online/feed button."),
    "disconnected": ("检查打印机电源和 USB/串口线，然后点“清除故障”重新连接。",
                     "Check the printer's power and USB/serial cable, then tap Clear error to reconnect."),
    "error": ("取出切刀处卡住的纸，关好机盖，再点“清除故障”。",
              "Remove paper jammed at the cutter, close the cover, then tap Clear error."),
}
# The state in a technician's words (printer.status.STATE_TEXT is what a citizen reads).
STATE_WORDS: dict[str, tuple[str, str]] = {
    "ready": ("就绪", "ready"), "paper-near-end": ("纸卷将用完", "paper near end"),
    "paper-out": ("缺纸", "out of paper"), "cover-open": ("机盖打开", "cover open"),
    "offline": ("离线", "offline"), "disconnected": ("未连接", "not connected"),
    "error": ("出错（如切刀卡纸）", "error (a cutter jam, say)"),
    "unknown": ("不报告状态（ESC/P2 没有状态查询）", "reports no status (ESC/P2 has no status request)"),
}
JOB_WORDS: dict[str, tuple[str, str]] = {
    "queued": ("排队中", "queued"), "sending": ("正在打印", "printing"), "printed": ("已打印", "printed"),
    "unconfirmed": ("未确认", "unconfirmed"), "flagged": ("待技术员核查", "flagged for a technician"),
    "reprinted": ("已重印", "reprinted"),
}


@dataclass(frozen=True)
class Devices:
    """What the running terminal has open (any of them may be None)."""

    receipt: Any = None  # printer.Printer
    licence: Any = None
    card_reader: Any = None  # reader.CardReader
    scanner: Any = None  # reader.CodeScanner
    keyboard_locales: list[str] | None = None  # what Qt Virtual Keyboard offers, once scanned


def last_jobs(cfg: KioskConfig, now: Callable[[], float] = time.time) -> dict[str, dict]:
    """The newest print job of each kind in the store (read-only), for the printer rows."""
    path = _store(cfg)
    if not path.exists():
        return {}
    found: dict[str, dict] = {}
    with _read_only(path) as db:
        for kind, state, outcome, updated in db.execute(
                "SELECT kind, state, outcome, updated_at FROM print_jobs p WHERE id = "
                "(SELECT MAX(id) FROM print_jobs q WHERE q.kind = p.kind)"):
            found[kind] = {"state": state, "outcome": outcome, "minutes_ago": int((now() - updated) // 60)}
    return found


def _job_text(job: dict | None) -> tuple[str, str]:
    if not job:
        return "还没有打印任务", "no job yet"
    zh, en = JOB_WORDS.get(job["state"], (job["state"], job["state"]))
    return f"上一个任务{zh}（{job['minutes_ago']} 分钟前）", f"last job {en} ({job['minutes_ago']} min ago)"


def check_printer(name: str, driver, what: tuple[str, str], job: dict | None, port: str) -> CheckResult:
    """A printer's own status now (printer.status), paper near end included, and its last job."""
    status = driver.status()
    state = status.state.value
    zh, en = STATE_WORDS.get(state, (state, state))
    job_zh, job_en = _job_text(job)
    detail = (f"{what[0]}：{zh}；{job_zh}。", f"{what[1]}: {en}; {job_en}.")
    data = {"state": state, "printer_detail": status.detail, "port": port, "last_job": job}
    if state in ("ready", "unknown"):
        if job and job["state"] == "flagged":
            return _bad(name, Level.WARNING, detail, ("在“发送队列”中查看被标记的任务。",
                                                      "See the flagged job under the outbox check."), **data)
        return _ok(name, *detail, **data)
    level = Level.WARNING if state == "paper-near-end" else Level.FAILURE
    return _bad(name, level, detail, PRINTER_ADVICE.get(state, ("", "")), **data)


def check_card_reader(reader, port: str) -> CheckResult:
    name = "id-card-reader"
    result = reader.self_check()
    zh, en = result.message
    data = {"state": result.status.value, "port": port, "reader_detail": result.detail}
    if result.status.value == "ready":
        return _ok(name, f"身份证读卡器：{zh}", f"ID-card reader: {en}", **data)
    return _bad(name, Level.FAILURE, (f"身份证读卡器：{result.status.value}（{result.detail}）",
                                      f"ID-card reader: {result.status.value} ({result.detail})"),
                ("检查读卡器的 USB 线和电源；安全模块未授权时联系公安厅授权。",
                 "Check the reader's USB cable and power; an unauthorised security module needs the "
                 "police authority's authorisation."), **data)


def check_scanner(scanner, port: str) -> CheckResult:
    """The scanner is read only while "print my licence" waits for a code; between visits its
    port's presence is what can be said."""
    name = "code-scanner"
    if scanner.connected:
        return _ok(name, f"扫码器在线（丢弃的乱码 {scanner.dropped} 条）。",
                   f"The code scanner is listening ({scanner.dropped} garbled lines dropped).",
                   port=port, listening=True, dropped=scanner.dropped)
    answer = _port_check(name, port, ("扫码器", "code scanner"))
    return CheckResult(answer.name, answer.level, answer.detail, answer.advice,
                       {**answer.data, "listening": False, "dropped": scanner.dropped})


def check_keyboard_live(available: list[str] | None, wanted: tuple[str, ...]) -> CheckResult:
    """Qt Virtual Keyboard's own list of layouts (VirtualKeyboardSettings.availableLocales)."""
    if available is None:
        return _ok("keyboard", "屏幕键盘尚未载入。", "The on-screen keyboard has not loaded yet.")
    return keyboard_verdict(wanted, available, available=available)


def live_checks(cfg: KioskConfig, devices: Devices) -> list[CheckResult]:
    """Inside the running terminal, on the devices' thread: the devices it has open."""
    jobs = last_jobs(cfg)
    results: list[CheckResult] = []
    if devices.receipt is not None:
        results.append(check_printer("receipt-printer", devices.receipt, ("回执打印机", "Receipt printer"),
                                     jobs.get("receipt"), cfg.printers.receipt.port))
    if devices.licence is not None:
        results.append(check_printer("licence-printer", devices.licence, ("执照打印机", "Licence printer"),
                                     jobs.get("licence"), cfg.printers.licence.port))
    if devices.card_reader is not None:
        results.append(check_card_reader(devices.card_reader, cfg.readers.idcard.port))
    if devices.scanner is not None:
        results.append(check_scanner(devices.scanner, cfg.readers.scanner.port))
    results.append(check_keyboard_live(devices.keyboard_locales, cfg.locales.available))
    return results


# --- kiosk diag without a running terminal --------------------------------------------------------

def _held(name: str, port: str, what: tuple[str, str]) -> CheckResult:
    return _bad(name, Level.WARNING, (f"{what[0]}串口 {port} 被其他程序占用，未打开。",
                                      f"The {what[1]}'s port {port} is held by another program; not opened."),
                ("终端运行时用它的本地接口（启动终端后再运行 kiosk diag）；否则用 fuser 查看占用者。",
                 "With the terminal running, diag asks it instead; otherwise find the holder with fuser."),
                port=port, held=True)


def _take(port: str) -> str:
    """What opening the port now would meet: "absent", "free", "held" (another program has
    the flock every driver takes: EWOULDBLOCK), or the error itself (no permission, say)."""
    import errno

    import serial

    if "://" in port:
        return "free"  # a network printer: no lock to look at, and no terminal holds it now
    if not Path(port).exists():
        return "absent"
    try:
        serial.Serial(port, exclusive=True, timeout=0).close()
    except serial.SerialException as exc:
        locked = isinstance(exc.__cause__ or exc.__context__, BlockingIOError) or exc.errno in (
            errno.EAGAIN, errno.EWOULDBLOCK) or "lock" in str(exc)
        return "held" if locked else f"{type(exc).__name__}: {exc}"
    except OSError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "free"


def probe_checks(cfg: KioskConfig) -> list[CheckResult]:
    """`kiosk diag` with no terminal answering: each real device on a port that is free is
    opened, asked and closed; a virtual one exists only inside a running terminal."""
    from kiosk.config import printers_config

    jobs = last_jobs(cfg)
    results: list[CheckResult] = []
    lines = (("receipt-printer", cfg.printers.receipt.port, ("回执打印机", "receipt printer")),
             ("licence-printer", cfg.printers.licence.port, ("执照打印机", "licence printer")),
             ("id-card-reader", cfg.readers.idcard.port, ("身份证读卡器", "ID-card reader")),
             ("code-scanner", cfg.readers.scanner.port, ("扫码器", "code scanner")))
    for name, port, what in lines:
        if port in ("", "virtual"):
            results.append(_port_check(name, port, what) if port == "" else _ok(
                name, f"{what[0]}为虚拟设备，只在终端运行时存在；终端未运行。",
                f"The {what[1]} is virtual and exists only while the terminal runs; it is not running.",
                port=port, last_job=jobs.get(name.split("-")[0])))
            continue
        taken = _take(port)
        if taken == "absent":
            results.append(_port_check(name, port, what))
        elif taken == "held":
            results.append(_held(name, port, what))
        elif taken == "free":
            results.append(_probe(name, port, what, cfg, jobs, printers_config))
        else:
            results.append(_bad(name, Level.FAILURE, (f"{what[0]}串口 {port} 打不开：{taken}",
                                                      f"The {what[1]}'s port {port} cannot be opened: {taken}"),
                                ("检查权限：终端用户须在 dialout 组。", "Check permissions: the terminal's user must be in dialout."),
                                port=port))
    return results


def _probe(name, port, what, cfg, jobs, printers_config) -> CheckResult:
    if name == "id-card-reader":
        from reader import CardReader

        reader = CardReader(port, cfg.readers.idcard.baud)
        try:
            return check_card_reader(reader, port)
        finally:
            reader.close()
    if name == "code-scanner":
        return _ok(name, f"扫码器串口 {port} 存在且空闲。", f"The code scanner's port {port} is present and free.", port=port)
    from printer.opening import probe_driver

    kind = name.split("-")[0]
    driver = probe_driver(printers_config(cfg), kind)
    try:
        return check_printer(name, driver, (what[0], what[1].capitalize()), jobs.get(kind), port)
    finally:
        driver.close()
