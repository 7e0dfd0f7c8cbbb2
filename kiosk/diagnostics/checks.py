"""The technician's checks: one module for the command line, the service screens and the fleet
heartbeat. Each check answers ok / warning / failure with a detail and advice, in both
languages, and never raises: a check that breaks is itself a failure.

They take nothing from a running terminal: the store is opened read-only (SQLite WAL lets a
reader beside the writer) and the backend is asked over HTTP. The devices are asked through
whoever holds them (kiosk.diagnostics.devices): the running terminal over its local socket, or,
with no terminal running, `kiosk diag` itself on ports that are free.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from kiosk.config import KioskConfig, Technician

DISK_WARNING_BYTES = 500_000_000
DISK_FAILURE_BYTES = 100_000_000
OLDEST_PENDING_WARNING_S = 15 * 60
CLOCK_SKEW_WARNING_S = 30
RECENT_ERRORS = 5


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILURE = "failure"


@dataclass(frozen=True)
class CheckResult:
    name: str
    level: Level
    detail: tuple[str, str]  # (zh, en)
    advice: tuple[str, str] = ("", "")
    data: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"name": self.name, "level": self.level.value, "detail": {"zh": self.detail[0], "en": self.detail[1]},
                "advice": {"zh": self.advice[0], "en": self.advice[1]}, "data": self.data}


def facts(data: dict) -> str:
    """A check's data as lines a technician can read (no personal data is ever in it)."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            lines += ["  " + ", ".join(f"{k}={v}" for k, v in item.items()) for item in value]
        elif isinstance(value, dict):
            lines.append(f"{key}: " + ", ".join(f"{k}={v}" for k, v in value.items()))
        elif isinstance(value, list):
            lines.append(f"{key}:" + "".join(f"\n  {item}" for item in value) if value else f"{key}: —")
        else:
            lines.append(f"{key}: {'—' if value is None else value}")
    return "\n".join(lines)


def _ok(name: str, zh: str, en: str, **data) -> CheckResult:
    return CheckResult(name, Level.OK, (zh, en), data=data)


def _bad(name: str, level: Level, detail: tuple[str, str], advice: tuple[str, str], **data) -> CheckResult:
    return CheckResult(name, level, detail, advice, data)


# --- configuration and the machine ------------------------------------------------------------

def check_configuration(cfg: KioskConfig) -> CheckResult:
    from kiosk.config import printers_config
    from printer.opening import config_problems

    problems = config_problems(printers_config(cfg))
    if problems:
        return _bad("configuration", Level.FAILURE, ("打印机配置有误：" + "；".join(problems),
                                                     "Printer settings are wrong: " + "; ".join(problems)),
                    ("改正配置文件中的 [printers.*]。", "Correct [printers.*] in the configuration file."))
    from .access import ServiceAccess

    # A PIN changed at the terminal (data_dir/technician.json) wins over the configured one.
    if ServiceAccess(cfg.data_dir, cfg.technician.pin_hash).pin_hash == Technician.pin_hash:
        return _bad("configuration", Level.WARNING, ("仍在使用出厂维护密码。", "The shipped technician PIN is still set."),
                    ("为本终端设置新的维护密码（README「配置」）。", "Set a new technician PIN (README, Configuration)."))
    if cfg.backend.url == "embedded":
        return _bad("configuration", Level.WARNING,
                    ("使用内置演示后台，不是区里的登记系统。", "The embedded demo backend is in use, not the district's."),
                    ("在 [backend] url 填写登记系统地址。", "Set [backend] url to the district's backend."))
    source = str(cfg.source) if cfg.source else "embedded defaults"
    return _ok("configuration", f"配置正常（{source}）。", f"Configuration is sound ({source}).")


def check_versions(cfg: KioskConfig) -> CheckResult:
    from importlib.metadata import PackageNotFoundError, version

    import forms

    try:
        app = version("registration-kiosk")
    except PackageNotFoundError:
        app = "source"
    try:
        qt = version("PySide6")
    except PackageNotFoundError:
        qt = "?"
    services = ",".join(s.id for s in forms.services())
    rules = forms_digest()
    return _ok("versions", f"程序 {app}，PySide6 {qt}，表单规则 {rules}（{services}）。",
               f"App {app}, PySide6 {qt}, forms rules {rules} ({services}).",
               app=app, pyside6=qt, forms=rules, forms_schema=forms.SCHEMA_VERSION, services=services)


def forms_digest() -> str:
    """The forms' data (services, add-ons, catalogue, rule tables) as one short digest: two
    terminals showing the same digest apply the same rules, whatever the app's version says."""
    import hashlib

    import forms

    root = Path(forms.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".toml", ".json", ".txt", ".csv")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def check_disk(cfg: KioskConfig) -> CheckResult:
    where = cfg.data_dir if cfg.data_dir.exists() else Path(".")
    free = shutil.disk_usage(where).free
    mb = free // 1_000_000
    if free < DISK_FAILURE_BYTES:
        level = Level.FAILURE
    elif free < DISK_WARNING_BYTES:
        level = Level.WARNING
    else:
        return _ok("disk", f"数据盘剩余 {mb} MB。", f"{mb} MB free for the data.", free_bytes=free)
    return _bad("disk", level, (f"数据盘只剩 {mb} MB。", f"Only {mb} MB free for the data."),
                ("清理日志或更换存储。", "Clear old logs or give the terminal more storage."), free_bytes=free)


def check_font(cfg: KioskConfig) -> CheckResult:
    fc = shutil.which("fc-list")
    if fc is None:
        return _bad("font", Level.WARNING, ("无法检查字体（没有 fc-list）。", "Cannot check fonts (no fc-list)."),
                    ("安装 fontconfig。", "Install fontconfig."))
    import subprocess

    listed = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True, timeout=20).stdout
    if "Noto Sans CJK SC" in listed:
        return _ok("font", "中文字体已安装。", "The CJK font is installed.")
    return _bad("font", Level.FAILURE, ("缺少中文字体 Noto Sans CJK。", "The CJK font Noto Sans CJK is missing."),
                ("运行 make setup（安装 fonts-noto-cjk）。", "Run make setup (installs fonts-noto-cjk)."))


def _qt_virtual_keyboard_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "qml" / "QtQuick" / "VirtualKeyboard"


def check_keyboard(cfg: KioskConfig, root: Path | None = None) -> CheckResult:
    """Without Qt running: is a layout installed for each configured locale? Qt Virtual
    Keyboard compiles its layouts into its plugins as Qt resources, whose names are stored as
    UTF-16 (Qt's rcc format): zh_CN lives in the pinyin plugin, en_US in the layouts plugin.
    The running terminal answers from the keyboard itself (devices.check_keyboard_live)."""
    root = root or _qt_virtual_keyboard_dir()
    plugins = sorted(root.rglob("*.so")) if root.exists() else []
    found: dict[str, str] = {}
    for plugin in plugins:
        data = plugin.read_bytes()
        for locale in cfg.locales.available:
            if locale not in found and locale.encode("utf-16-be") in data:
                found[locale] = str(plugin.relative_to(root))
    return keyboard_verdict(cfg.locales.available, list(found), found=found)


def keyboard_verdict(wanted: tuple[str, ...], present: list[str], **data) -> CheckResult:
    """The keyboard row, whoever found the layouts (the plugins here, the running keyboard in
    devices.check_keyboard_live)."""
    missing = [locale for locale in wanted if locale not in present]
    if missing:
        return _bad("keyboard", Level.FAILURE, (f"屏幕键盘缺少布局：{', '.join(missing)}。",
                                                 f"The on-screen keyboard lacks layouts for: {', '.join(missing)}."),
                    ("重新运行 make setup（安装带拼音插件的 PySide6）。",
                     "Run make setup again (installs PySide6 with the pinyin plugin)."), **data)
    return _ok("keyboard", f"屏幕键盘布局齐全：{', '.join(wanted)}。", f"On-screen keyboard layouts present: {', '.join(wanted)}.",
               **data)


# --- the store ----------------------------------------------------------------------------------

def _store(cfg: KioskConfig) -> Path:
    from kiosk.store.database import DATABASE_FILE

    return cfg.data_dir / DATABASE_FILE


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)


def check_database(cfg: KioskConfig) -> CheckResult:
    path = _store(cfg)
    if not path.exists():
        return _ok("database", "本地库尚未建立（还没有申请）。", "No local store yet (no application so far).")
    try:
        with _read_only(path) as db:
            answer = db.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        answer = f"{type(exc).__name__}: {exc}"
    if answer == "ok":
        return _ok("database", "本地库完整。", "The local store passes its integrity check.")
    return _bad("database", Level.FAILURE, (f"本地库损坏：{answer}", f"The local store is damaged: {answer}"),
                ("停止终端，备份 data_dir，联系技术支持；不要删除库文件。",
                 "Stop the terminal, copy data_dir aside and call support; do not delete the store."))


def check_outbox(cfg: KioskConfig, now: Callable[[], float] = time.time) -> CheckResult:
    path = _store(cfg)
    if not path.exists():
        return _ok("outbox", "发送队列为空。", "Nothing waits to be sent.", pending=0, parked=[])
    with _read_only(path) as db:
        pending, oldest = db.execute(
            "SELECT COUNT(*), MIN(a.confirmed_at) FROM outbox o JOIN applications a ON a.id = o.application_id "
            "WHERE o.state = 'pending'").fetchone()
        parked = [{"number": number, "http_status": status, "reason": reason}
                  for number, status, reason in db.execute(
                      "SELECT a.number, o.http_status, o.last_error FROM outbox o JOIN applications a "
                      "ON a.id = o.application_id WHERE o.state = 'parked' ORDER BY o.id")]
        flagged = db.execute("SELECT COUNT(*) FROM print_jobs WHERE state = 'flagged'").fetchone()[0]
    age = int(now() - oldest) if oldest else 0
    data = {"pending": pending, "oldest_pending_seconds": age, "parked": parked, "flagged_print_jobs": flagged}
    if parked or flagged:
        return _bad("outbox", Level.WARNING,
                    (f"{len(parked)} 份申请被登记系统退回待处理，{flagged} 个打印任务待核查。",
                     f"{len(parked)} applications refused by the backend and {flagged} print jobs wait for a technician."),
                    ("逐一核对原因（data 中列出），处理后重新发送或重印。",
                     "Check each reason (listed in data), then send again or reprint."), **data)
    if pending and age > OLDEST_PENDING_WARNING_S:
        return _bad("outbox", Level.WARNING,
                    (f"{pending} 份申请待发送，最早的已等 {age // 60} 分钟。",
                     f"{pending} applications wait to be sent; the oldest for {age // 60} minutes."),
                    ("检查网络与登记系统（backend 检查）。", "Check the network and the backend (the backend check)."), **data)
    return _ok("outbox", f"待发送 {pending} 份。", f"{pending} applications wait to be sent.", **data)


# --- devices ------------------------------------------------------------------------------------

def _port_check(name: str, port: str, what: tuple[str, str]) -> CheckResult:
    zh, en = what
    if port == "":
        return _ok(name, f"未配置{zh}。", f"No {en} is fitted.")
    if port == "virtual":
        return _ok(name, f"{zh}为虚拟设备（演示）。", f"The {en} is the virtual one (demo).", port=port)
    if "://" in port:
        return _ok(name, f"{zh}经网络地址 {port} 连接。", f"The {en} is reached at {port}.", port=port)
    if Path(port).exists():
        return _ok(name, f"{zh}串口 {port} 存在。", f"The {en}'s serial port {port} is present.", port=port)
    return _bad(name, Level.FAILURE, (f"{zh}串口 {port} 不存在。", f"The {en}'s serial port {port} is missing."),
                (f"检查{zh}的电源与 USB 线；用 /dev/serial/by-id 名称配置。",
                 f"Check the {en}'s power and USB cable; configure it by its /dev/serial/by-id name."), port=port)


def check_devices(cfg: KioskConfig) -> list[CheckResult]:
    return [
        _port_check("receipt-printer", cfg.printers.receipt.port, ("回执打印机", "receipt printer")),
        _port_check("licence-printer", cfg.printers.licence.port, ("执照打印机", "licence printer")),
        _port_check("id-card-reader", cfg.readers.idcard.port, ("身份证读卡器", "ID-card reader")),
        _port_check("code-scanner", cfg.readers.scanner.port, ("扫码器", "code scanner")),
    ]


# --- the backend --------------------------------------------------------------------------------

def check_backend(cfg: KioskConfig, url: str | None = None, key_file: Path | None = None) -> CheckResult:
    """Reachable, how fast, how far its clock is from ours, and whether it knows our key."""
    import httpx

    from kiosk.counter.embedded import EMBEDDED

    url = url or cfg.backend.url
    key_file = key_file or cfg.backend.key_file
    if url == EMBEDDED:
        embedded = cfg.data_dir / "embedded-backend" / "kiosk.key"
        return _ok("backend", "使用内置演示后台（随终端启动）。", "The embedded demo backend (starts with the terminal).",
                   key_file_present=embedded.exists())
    started = time.monotonic()
    try:
        health = httpx.get(f"{url.rstrip('/')}/v1/health", timeout=cfg.backend.timeout_seconds)
    except httpx.HTTPError as exc:
        return _bad("backend", Level.FAILURE, (f"连不上登记系统：{type(exc).__name__}", f"The backend cannot be reached: {type(exc).__name__}"),
                    ("检查网络、防火墙与 [backend] url；申请会保存在本机，恢复后自动发送。",
                     "Check the network, the firewall and [backend] url; applications wait on the terminal meanwhile."))
    latency_ms = round(1000 * (time.monotonic() - started))
    if health.status_code != 200:
        return _bad("backend", Level.FAILURE, (f"登记系统回答 HTTP {health.status_code}。", f"The backend answers HTTP {health.status_code}."),
                    ("请区里检查登记系统。", "Ask the district to check the backend."), latency_ms=latency_ms)
    from datetime import datetime

    body = health.json()
    server = datetime.fromisoformat(body["server_time"].replace("Z", "+00:00")).timestamp()
    skew = round(time.time() - server)
    data = {"latency_ms": latency_ms, "clock_skew_seconds": skew}
    if abs(skew) > int(body.get("max_clock_skew_seconds", 300)):
        return _bad("backend", Level.FAILURE, (f"本机时钟与登记系统相差 {skew} 秒，签名会被拒绝。",
                                                f"The clock is {skew} s off the backend's: signed requests are refused."),
                    ("开启 NTP 时间同步（timedatectl set-ntp true）。", "Turn on NTP (timedatectl set-ntp true)."), **data)
    auth = _authenticated(url, key_file, cfg.backend.timeout_seconds)
    data["authenticated"] = auth
    if auth is not True:
        return _bad("backend", Level.FAILURE, (f"登记系统不认本终端的密钥（{auth}）。", f"The backend does not accept this terminal's key ({auth})."),
                    ("请区里用 python -m backend add-kiosk --rotate 重新登记，并换上新的密钥文件。",
                     "Ask the district to re-register it (python -m backend add-kiosk --rotate) and install the new key file."), **data)
    if abs(skew) > CLOCK_SKEW_WARNING_S:
        return _bad("backend", Level.WARNING, (f"时钟相差 {skew} 秒。", f"The clock is {skew} s off."),
                    ("开启 NTP 时间同步。", "Turn on NTP."), **data)
    return _ok("backend", f"登记系统可用，往返 {latency_ms} ms，时钟差 {skew} 秒。",
               f"The backend answers in {latency_ms} ms; clocks {skew} s apart.", **data)


def _authenticated(url: str, key_file: Path, timeout: float) -> bool | str:
    """A signed read of an application that does not exist: 404 means the signature was
    accepted (and nothing was found), 401 that it was not."""
    import uuid

    import httpx

    from wire import KeyFileError, KioskKey

    try:
        key = KioskKey.load(key_file)
    except KeyFileError as exc:
        return f"key file: {exc}"
    path = f"/v1/applications/{uuid.uuid4()}"
    prefix = httpx.URL(url).path.rstrip("/")
    try:
        answer = httpx.get(url.rstrip("/") + path, headers=key.sign("GET", prefix + path, b""), timeout=timeout)
    except httpx.HTTPError as exc:
        return type(exc).__name__
    return True if answer.status_code == 404 else f"HTTP {answer.status_code}"


# --- the log ------------------------------------------------------------------------------------

def check_recent_errors(cfg: KioskConfig) -> CheckResult:
    """The last errors of the terminal's log (already redacted when written: kiosk.logs)."""
    log_file = cfg.log_dir / "kiosk.log"
    if not log_file.exists():
        return _ok("recent-errors", "还没有日志。", "No log yet.", lines=[])
    with log_file.open("rb") as handle:
        handle.seek(max(0, os.path.getsize(log_file) - 200_000))
        tail = handle.read().decode("utf-8", "replace").splitlines()
    errors = [line[:300] for line in tail if " ERROR " in line or " CRITICAL " in line][-RECENT_ERRORS:]
    if not errors:
        return _ok("recent-errors", "近期日志没有错误。", "No errors in the recent log.", lines=[])
    return _bad("recent-errors", Level.WARNING, (f"近期日志有 {len(errors)} 条错误。", f"{len(errors)} errors in the recent log."),
                ("查看 data_dir/logs/kiosk.log 中对应时间的记录。", "Read data_dir/logs/kiosk.log around those times."),
                lines=errors)


CHECKS: dict[str, Callable[[KioskConfig], CheckResult | list[CheckResult]]] = {
    "configuration": check_configuration,
    "versions": check_versions,
    "disk": check_disk,
    "font": check_font,
    "database": check_database,
    "outbox": check_outbox,
    "keyboard": check_keyboard,
    "devices": check_devices,
    "backend": check_backend,
    "recent-errors": check_recent_errors,
}
DEVICE_CHECKS = ("receipt-printer", "licence-printer", "id-card-reader", "code-scanner", "keyboard")


def run_checks(cfg: KioskConfig, only: str | None = None,
               devices: Callable[[], list[CheckResult]] | None = None) -> list[CheckResult]:
    """Every check (or `only` one, by its name or a device's). `devices()` answers for the
    devices as their holder sees them (kiosk.diagnostics.devices); its rows replace the
    port-presence and static keyboard rows of the same name."""
    results: list[CheckResult] = []
    for name, check in CHECKS.items():
        if only is not None and name != only and not (name == "devices" and only in DEVICE_CHECKS):
            continue
        results.extend(_guarded(name, lambda check=check: check(cfg)))
    if devices is not None and (only is None or only in ("devices", *DEVICE_CHECKS)):
        live = {r.name: r for r in _guarded("devices", devices)}
        results = [live.pop(r.name, r) for r in results] + list(live.values())
    if only in DEVICE_CHECKS:
        results = [r for r in results if r.name == only]
    return results


def _guarded(name: str, check: Callable[[], CheckResult | list[CheckResult]]) -> list[CheckResult]:
    try:
        answer = check()
    except Exception as exc:  # noqa: BLE001 - a broken check is a finding, not a crash
        answer = _bad(name, Level.FAILURE, (f"检查出错：{type(exc).__name__}", f"The check broke: {type(exc).__name__}"),
                      ("把此输出交给技术支持。", "Give this output to support."))
    return answer if isinstance(answer, list) else [answer]


def exit_code(results: list[CheckResult]) -> int:
    """0 all ok, 1 warnings, 2 failures."""
    levels = {r.level for r in results}
    return 2 if Level.FAILURE in levels else 1 if Level.WARNING in levels else 0
