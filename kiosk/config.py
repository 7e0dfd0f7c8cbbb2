"""The terminal's settings: `config.toml` loaded into a typed, validated object.

A kiosk that starts half-configured fails later, in front of a citizen, in a way a technician
cannot see from the lobby. So every key is checked at start: an unknown key (a typo), a wrong
type or a value out of range raises `ConfigError` naming the key, the value and what is allowed,
and the terminal refuses to start. Every key has an embedded default, so a terminal with no file
at all is fully configured for a laptop: printers "virtual" (printer.open_printers starts the
model's virtual twin on a pseudo-terminal), the backend on loopback. `printers_config` hands the
printer settings to `printer.open_printers`; a licence printer too narrow for the loaded stock is
refused here, at start, not discovered on paper.

Where the file is looked for, first match wins: `--config PATH`, `$KIOSK_CONFIG`,
`./config.toml`; with none of them, the embedded defaults alone.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_CONFIG_PATH = Path("config.toml")
CONFIG_ENV = "KIOSK_CONFIG"

LOCALES = ("zh_CN", "en_US")
BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
FLOW_CONTROLS = ("none", "rtscts", "xonxoff", "dsrdtr")
LICENCE_STOCKS = ("A4", "A3")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
SCREEN_DIAGONAL_INCHES = (15.6, 32.0)  # the kiosk panels the layout is checked for
# pyserial's URL handlers (serial_for_url); "virtual" is left to printer.open_printers.
SERIAL_URL_SCHEMES = ("loop", "socket", "rfc2217", "spy", "alt", "hwgrep")
# 100,000 PBKDF2 rounds: about 0.1 s on these 2-core terminals, once per technician login.
PIN_ITERATIONS = 100_000
_PIN_HASH = re.compile(r"^pbkdf2_sha256\$(\d{4,7})\$([0-9a-f]{16,64})\$([0-9a-f]{64})$")


class ConfigError(ValueError):
    """A setting the terminal cannot start with; names the key, the bad value and what is allowed."""

    def __init__(self, key: str, value: object, allowed: str) -> None:
        self.key, self.value, self.allowed = key, value, allowed
        super().__init__(f"config key '{key}' = {value!r} is not allowed: {allowed}")


@dataclass(frozen=True)
class Terminal:
    id: str = "NH-DEMO-001"
    site_name: str = "南海区人民医院 门诊大厅"
    site_name_en: str = "Nanhai District People's Hospital, Outpatient Hall"


@dataclass(frozen=True)
class Screen:
    width: int = 1080
    height: int = 1920
    orientation: str = "portrait"
    fullscreen: bool = False
    # The panel's visible diagonal: every millimetre rule (targets, text height) is checked
    # against it. 21.5" is the common kiosk panel; 15.6" the smallest we expect.
    diagonal_inches: float = 21.5


@dataclass(frozen=True)
class Locales:
    default: str = "zh_CN"
    available: tuple[str, ...] = LOCALES


@dataclass(frozen=True)
class SessionTimes:
    idle_seconds: int = 120
    warning_seconds: int = 20


@dataclass(frozen=True)
class Backend:
    # "embedded": the demo — the real backend started beside the terminal on loopback with
    # SQLite (kiosk/counter/embedded.py); a deployed terminal names its district's backend.
    url: str = "embedded"
    key_file: Path = Path("var/kiosk.key")
    timeout_seconds: float = 10.0


@dataclass(frozen=True)
class PrinterPort:
    port: str = "virtual"
    baud: int = 115200
    flow_control: str = "rtscts"
    write_timeout_seconds: float = 5.0
    native_qr: bool = True
    stock: str = "A4"
    model: str = ""  # printer.models: "" = the default model of its kind


@dataclass(frozen=True)
class Printers:
    receipt: PrinterPort = field(default_factory=PrinterPort)
    licence: PrinterPort = field(default_factory=lambda: PrinterPort(baud=38400, flow_control="xonxoff"))


@dataclass(frozen=True)
class Technician:
    # The embedded default is the hash of "2468"; README tells the district to replace it.
    pin_hash: str = (
        "pbkdf2_sha256$100000$6b696f736b2d64656d6f2d73616c74$"
        "ca38cb76d8f172cfbbeddbf04d57803f9b91fc441d6d0cfd2309abc13cebc557"
    )


@dataclass(frozen=True)
class Logging:
    level: str = "INFO"
    max_bytes: int = 2_000_000
    backups: int = 5


@dataclass(frozen=True)
class KioskConfig:
    terminal: Terminal = field(default_factory=Terminal)
    screen: Screen = field(default_factory=Screen)
    locales: Locales = field(default_factory=Locales)
    session: SessionTimes = field(default_factory=SessionTimes)
    data_dir: Path = Path("var")
    backend: Backend = field(default_factory=Backend)
    printers: Printers = field(default_factory=Printers)
    technician: Technician = field(default_factory=Technician)
    logging: Logging = field(default_factory=Logging)
    privacy: Privacy = field(default_factory=lambda: Privacy())
    sync: Sync = field(default_factory=lambda: Sync())
    counter: CounterSettings = field(default_factory=lambda: CounterSettings())
    readers: Readers = field(default_factory=lambda: Readers())
    diagnostics: Diagnostics = field(default_factory=lambda: Diagnostics())
    source: Path | None = None  # the file these settings came from, None for embedded defaults

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def with_overrides(self, **sections: Any) -> KioskConfig:
        """A copy with whole sections replaced, e.g. `cfg.with_overrides(session=SessionTimes(5, 3))`."""
        return replace(self, **sections)


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = PIN_ITERATIONS) -> str:
    """The technician PIN as stored in config: never the PIN itself, so a copied file reveals nothing."""
    import hashlib  # imported here: the terminal's start-up never hashes (3.5 ms before first frame)
    import secrets

    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, pin_hash: str) -> bool:
    import hashlib
    import hmac

    match = _PIN_HASH.match(pin_hash)
    if not match:
        return False
    iterations, salt_hex, digest_hex = match.groups()
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt_hex), int(iterations))
    return hmac.compare_digest(digest.hex(), digest_hex)


def find_config_path(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """Which file to read: the explicit path, then $KIOSK_CONFIG, then ./config.toml, else none."""
    if explicit is not None:
        return Path(explicit)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    return DEFAULT_CONFIG_PATH if DEFAULT_CONFIG_PATH.is_file() else None


def load_config(path: str | os.PathLike[str] | None = None) -> KioskConfig:
    """Read and check the settings. Relative paths in the file are relative to the file's folder."""
    source = find_config_path(path)
    if source is None:
        return KioskConfig()
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("--config", str(source), "an existing TOML file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError("(file)", str(source), f"valid UTF-8 TOML ({exc})") from None
    return parse_config(raw, base_dir=source.resolve().parent, source=source)


def parse_config(raw: Mapping[str, Any], *, base_dir: Path, source: Path | None = None) -> KioskConfig:
    reader = _Reader(raw)
    cfg = KioskConfig(
        terminal=_terminal(reader),
        screen=_screen(reader),
        locales=_locales(reader),
        session=_session(reader),
        data_dir=_path(reader, "storage.data_dir", KioskConfig.data_dir, base_dir),
        backend=_backend(reader, base_dir),
        printers=Printers(
            receipt=_printer(reader, "printers.receipt", Printers().receipt),
            licence=_printer(reader, "printers.licence", Printers().licence),
        ),
        technician=Technician(pin_hash=reader.get("technician.pin_hash", Technician.pin_hash, _pin_hash)),
        logging=_logging(reader),
        privacy=_privacy(reader),
        sync=_sync(reader),
        counter=_counter(reader),
        readers=_readers(reader),
        diagnostics=_diagnostics(reader),
        source=source,
    )
    reader.reject_unknown()
    return cfg


class _Reader:
    """Reads dotted keys from the parsed TOML and remembers which it used, to refuse the rest."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._raw = raw
        self._used: set[str] = set()

    def get(self, key: str, default: Any, check: Callable[[str, Any], Any]) -> Any:
        self._used.add(key)
        node: Any = self._raw
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return check(key, node)

    def reject_unknown(self) -> None:
        for key in _leaf_keys(self._raw):
            if key not in self._used:
                raise ConfigError(key, _lookup(self._raw, key), "no such setting (see README, Configuration)")


def _leaf_keys(node: Mapping[str, Any], prefix: str = "") -> list[str]:
    keys: list[str] = []
    for name, value in node.items():
        key = f"{prefix}{name}"
        keys.extend(_leaf_keys(value, key + ".") if isinstance(value, Mapping) else [key])
    return keys


def _lookup(node: Mapping[str, Any], key: str) -> Any:
    for part in key.split("."):
        node = node[part]
    return node


def _text(max_len: int) -> Callable[[str, Any], str]:
    def check(key: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip() or len(value) > max_len:
            raise ConfigError(key, value, f"non-empty text of at most {max_len} characters")
        return value.strip()

    return check


def _integer(low: int, high: int) -> Callable[[str, Any], int]:
    def check(key: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ConfigError(key, value, f"a whole number from {low} to {high}")
        return value

    return check


def _number(low: float, high: float) -> Callable[[str, Any], float]:
    def check(key: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise ConfigError(key, value, f"a number from {low} to {high}")
        return float(value)

    return check


def _one_of(choices: tuple[Any, ...]) -> Callable[[str, Any], Any]:
    def check(key: str, value: Any) -> Any:
        if value not in choices or isinstance(value, bool):
            raise ConfigError(key, value, "one of " + ", ".join(repr(c) for c in choices))
        return value

    return check


def _boolean(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(key, value, "true or false")
    return value


def _pin_hash(key: str, value: Any) -> str:
    if not isinstance(value, str) or not _PIN_HASH.match(value):
        raise ConfigError(key, value, "pbkdf2_sha256$<rounds>$<salt hex>$<sha256 hex>, from kiosk.config.hash_pin")
    return value


def _terminal_id(key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{1,31}", value):
        raise ConfigError(key, value, "2-32 letters, digits, '-' or '_', as registered with the backend")
    return value


def _url(key: str, value: Any) -> str:
    if value == "embedded":
        return value
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(key, value, "an http:// or https:// address with a host, e.g. http://127.0.0.1:8700, "
                          "or \"embedded\" (the demo backend)")
    return value.rstrip("/")


def _serial_port(key: str, value: Any) -> str:
    """A device path (/dev/ttyUSB0, a pty), a pyserial URL (socket://host:9100) or 'virtual'."""
    if isinstance(value, str):
        scheme = value.split("://", 1)[0] if "://" in value else None
        if value == "virtual" or value.startswith("/dev/") or scheme in SERIAL_URL_SCHEMES:
            return value
        if re.fullmatch(r"COM\d{1,3}", value):
            return value
    allowed = "'virtual', a device path like /dev/ttyUSB0, or a pyserial URL (" + ", ".join(
        s + "://" for s in SERIAL_URL_SCHEMES
    ) + ")"
    raise ConfigError(key, value, allowed)


def _path(reader: _Reader, key: str, default: Path, base_dir: Path) -> Path:
    def check(k: str, value: Any) -> Path:
        if not isinstance(value, str) or not value.strip() or "\0" in value:
            raise ConfigError(k, value, "a file-system path")
        return Path(value).expanduser()

    path = reader.get(key, default, check)
    return path if path.is_absolute() else base_dir / path


def _terminal(r: _Reader) -> Terminal:
    d = Terminal()
    return Terminal(
        id=r.get("terminal.id", d.id, _terminal_id),
        site_name=r.get("terminal.site_name", d.site_name, _text(40)),
        site_name_en=r.get("terminal.site_name_en", d.site_name_en, _text(80)),
    )


def _screen(r: _Reader) -> Screen:
    d = Screen()
    screen = Screen(
        width=r.get("screen.width", d.width, _integer(480, 7680)),
        height=r.get("screen.height", d.height, _integer(480, 7680)),
        orientation=r.get("screen.orientation", d.orientation, _one_of(("portrait", "landscape"))),
        fullscreen=r.get("screen.fullscreen", d.fullscreen, _boolean),
        diagonal_inches=r.get("screen.diagonal_inches", d.diagonal_inches,
                              _number(SCREEN_DIAGONAL_INCHES[0], SCREEN_DIAGONAL_INCHES[1])),
    )
    portrait = screen.height >= screen.width
    if portrait != (screen.orientation == "portrait"):
        raise ConfigError(
            "screen.orientation", screen.orientation,
            f"'{'portrait' if portrait else 'landscape'}' for a {screen.width}x{screen.height} screen",
        )
    return screen


def _locales(r: _Reader) -> Locales:
    def check_list(key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or any(v not in LOCALES for v in value):
            raise ConfigError(key, value, f"a non-empty list drawn from {list(LOCALES)}")
        return tuple(dict.fromkeys(value))

    available = r.get("locales.available", Locales().available, check_list)
    default = r.get("locales.default", Locales().default, _one_of(available))
    return Locales(default=default, available=available)


def _session(r: _Reader) -> SessionTimes:
    idle = r.get("session.idle_seconds", SessionTimes.idle_seconds, _integer(10, 1800))
    # The warning must leave at least 5 s of quiet use before it appears.
    warning = r.get("session.warning_seconds", SessionTimes.warning_seconds, _integer(3, max(3, idle - 5)))
    return SessionTimes(idle_seconds=idle, warning_seconds=warning)


def _backend(r: _Reader, base_dir: Path) -> Backend:
    d = Backend()
    return Backend(
        url=r.get("backend.url", d.url, _url),
        key_file=_path(r, "backend.key_file", d.key_file, base_dir),
        timeout_seconds=r.get("backend.timeout_seconds", d.timeout_seconds, _number(0.5, 120)),
    )


def _printer(r: _Reader, prefix: str, d: PrinterPort) -> PrinterPort:
    port = PrinterPort(
        port=r.get(f"{prefix}.port", d.port, _serial_port),
        baud=r.get(f"{prefix}.baud", d.baud, _one_of(BAUD_RATES)),
        flow_control=r.get(f"{prefix}.flow_control", d.flow_control, _one_of(FLOW_CONTROLS)),
        write_timeout_seconds=r.get(f"{prefix}.write_timeout_seconds", d.write_timeout_seconds, _number(0.5, 60)),
        native_qr=r.get(f"{prefix}.native_qr", d.native_qr, _boolean),
        stock=r.get(f"{prefix}.stock", d.stock, _one_of(LICENCE_STOCKS)),
        model=r.get(f"{prefix}.model", d.model, _printer_model(prefix.rsplit(".", 1)[-1])),
    )
    if prefix.endswith("licence"):
        from printer.models import DEFAULT_LICENCE_MODEL, licence_layout_problems

        problems = licence_layout_problems(port.model or DEFAULT_LICENCE_MODEL, port.stock)
        if problems:
            raise ConfigError(f"{prefix}.model", port.model or DEFAULT_LICENCE_MODEL,
                              f"a printer wide enough for the {port.stock} stock: {problems[0]}")
    return port


def _printer_model(kind: str) -> Callable[[str, Any], Any]:
    from printer import models

    names = models.LICENCE_MODEL_NAMES if kind == "licence" else models.RECEIPT_MODEL_NAMES
    return _one_of(("", *names))


def printers_config(config: KioskConfig):  # -> printer.PrintersConfig, imported when called
    """The [printers.*] settings and the data directory, as printer.open_printers takes them."""
    from printer import PrinterLine, PrintersConfig

    def line(p: PrinterPort) -> PrinterLine:
        return PrinterLine(port=p.port, baud=p.baud, flow_control=p.flow_control,
                           write_timeout_s=p.write_timeout_seconds, model=p.model, native_qr=p.native_qr)

    return PrintersConfig(receipt=line(config.printers.receipt), licence=line(config.printers.licence),
                          data_dir=config.data_dir, stocks=(config.printers.licence.stock,))


def _logging(r: _Reader) -> Logging:
    d = Logging()
    return Logging(
        level=r.get("logging.level", d.level, _one_of(LOG_LEVELS)),
        max_bytes=r.get("logging.max_bytes", d.max_bytes, _integer(100_000, 100_000_000)),
        backups=r.get("logging.backups", d.backups, _integer(1, 50)),
    )


# --- [privacy] and [sync]: the local store and the outbox relay (kiosk.store, kiosk.sync) ------


@dataclass(frozen=True)
class Privacy:
    # Days a delivered application's personal data stays on the terminal after its licence has
    # printed (a reprint at this terminal needs it); then only ids and states remain.
    retention_days: int = 30


@dataclass(frozen=True)
class Sync:
    # How often the relay asks the backend about applications it has not decided yet.
    poll_seconds: float = 30.0
    # Capped exponential backoff with full jitter: wait random(0, min(cap, base * 2**n)).
    # During an outage the relay sends one probe per wait, so a low cap costs the backend
    # little (100 terminals: ~40 refused connections a second) and bounds how long a terminal
    # idles after the backend is back (2.5 s on average with a 5 s cap).
    backoff_base_seconds: float = 0.5
    backoff_cap_seconds: float = 5.0
    # Requests in flight at once while draining a backlog (each is its own idempotent POST).
    parallel_requests: int = 4


def _privacy(r: _Reader) -> Privacy:
    return Privacy(retention_days=r.get("privacy.retention_days", Privacy.retention_days, _integer(0, 3650)))


def _sync(r: _Reader) -> Sync:
    d = Sync()
    base = r.get("sync.backoff_base_seconds", d.backoff_base_seconds, _number(0.01, 60))
    return Sync(
        poll_seconds=r.get("sync.poll_seconds", d.poll_seconds, _number(1, 3600)),
        backoff_base_seconds=base,
        backoff_cap_seconds=r.get("sync.backoff_cap_seconds", d.backoff_cap_seconds, _number(base, 3600)),
        parallel_requests=r.get("sync.parallel_requests", d.parallel_requests, _integer(1, 16)),
    )


# --- [counter]: what the citizen is handed (kiosk.counter) --------------------------------------


@dataclass(frozen=True)
class CounterSettings:
    # Printed on the receipt. 12345 is the national government-service hotline (国务院办公厅关于
    # 进一步优化地方政务服务便民热线的指导意见, 国办发〔2020〕53号); a district may print its own.
    help_line: str = "12345"
    # How long the done screen waits for an at-once approval before it says "we will tell you".
    decision_wait_seconds: int = 20


def _counter(r: _Reader) -> CounterSettings:
    d = CounterSettings()
    return CounterSettings(
        help_line=r.get("counter.help_line", d.help_line, _text(40)),
        decision_wait_seconds=r.get("counter.decision_wait_seconds", d.decision_wait_seconds,
                                    _integer(0, 300)),
    )


# --- [readers.*]: the ID-card reader and the code scanner (reader/) -----------------------------


@dataclass(frozen=True)
class ReaderPort:
    # "virtual" (the device's twin on a pseudo-terminal, as in the demo), "" (none fitted),
    # a device path (/dev/serial/by-id/...) or a pyserial URL.
    port: str = "virtual"
    baud: int = 115200


@dataclass(frozen=True)
class Readers:
    idcard: ReaderPort = field(default_factory=ReaderPort)
    # The virtual reader starts with this sample card laid on it (-1: none): the demo terminal
    # then identifies its applicant by card. reader/emulator/cards.py lists the cards.
    virtual_card: int = 0
    scanner: ReaderPort = field(default_factory=lambda: ReaderPort(baud=9600))


def _reader_port(r: _Reader, prefix: str, d: ReaderPort) -> ReaderPort:
    def port(key: str, value: Any) -> str:
        return "" if value == "" else _serial_port(key, value)

    return ReaderPort(port=r.get(f"{prefix}.port", d.port, port),
                      baud=r.get(f"{prefix}.baud", d.baud, _one_of(BAUD_RATES)))


def _readers(r: _Reader) -> Readers:
    d = Readers()
    return Readers(idcard=_reader_port(r, "readers.idcard", d.idcard),
                   virtual_card=r.get("readers.virtual_card", d.virtual_card, _integer(-1, 3)),
                   scanner=_reader_port(r, "readers.scanner", d.scanner))


@dataclass(frozen=True)
class Diagnostics:
    # The checks' snapshot goes to the backend's fleet view this often (0: never).
    heartbeat_seconds: int = 60
    # Out of service: the attract screen says so when the receipt printer cannot print or an
    # application has waited this long for the backend, and names the nearest alternative.
    offline_hours: int = 24
    alternative: str = "请到一楼政务服务窗口办理，或使用“粤商通”手机办理。"
    alternative_en: str = "Please go to the service counter on the ground floor, or apply on your phone."


def _diagnostics(r: _Reader) -> Diagnostics:
    d = Diagnostics()
    return Diagnostics(
        heartbeat_seconds=r.get("diagnostics.heartbeat_seconds", d.heartbeat_seconds, _integer(0, 3600)),
        offline_hours=r.get("diagnostics.offline_hours", d.offline_hours, _integer(1, 720)),
        alternative=r.get("diagnostics.alternative", d.alternative, _text(80)),
        alternative_en=r.get("diagnostics.alternative_en", d.alternative_en, _text(160)),
    )
