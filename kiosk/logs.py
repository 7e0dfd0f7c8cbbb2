"""Logging for an unattended terminal: rotating files in the data directory, Qt's own
messages routed into the same log, and nothing personal written down.

Log records are free text written by many hands, and Qt's messages can quote what a QML
binding saw; a redaction filter on every handler masks identity numbers, credit codes and
phone numbers wherever they appear, as a net under the rule "log ids and codes, never data".
"""

from __future__ import annotations

import atexit
import logging
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LOG_FILE = "kiosk.log"

# 18-character resident identity number or unified social credit code (GB 11643 / GB 32100),
# 15-digit old identity numbers, and mainland mobile numbers (11 digits starting 1[3-9]).
_PERSONAL = (
    (re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{17}[0-9A-HJ-NPQRTUWXYx](?![0-9A-Za-z])"), "[id]"),
    (re.compile(r"(?<!\d)\d{15}(?!\d)"), "[id]"),
    (re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"), "[phone]"),
)


def redact(text: str) -> str:
    """Mask identity numbers, credit codes and phone numbers in one line of log text."""
    for pattern, mask in _PERSONAL:
        text = pattern.sub(mask, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Rewrites each record's final message through `redact` before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = redact(record.getMessage())
        record.msg, record.args = message, None
        # A traceback ends with the exception's message, which may quote what was typed. The
        # formatter reuses exc_text once set, so the redacted text is what every handler writes.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _StartupBuffer(logging.Handler):
    """Holds records until the log file is opened just after the first frame: importing
    logging.handlers (socket, pickle) costs about 11 ms that the attract screen should not."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_pending: dict[str, Any] = {}


def _prepare(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(PersonalDataFilter())
    handler.set_name("kiosk")
    return handler


def _replace_kiosk_handlers(*handlers: logging.Handler) -> None:
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "kiosk"]:
        root.removeHandler(old)
        old.close()
    for handler in handlers:
        root.addHandler(handler)


def configure_logging(log_dir: Path, *, level: str = "INFO", max_bytes: int = 2_000_000,
                      backups: int = 5, defer_file: bool = False) -> logging.Handler:
    """stderr at once; one rotating file (2 MB x 5 by default: weeks of normal use) now, or —
    with `defer_file` — buffered until `open_log_file()`. Every handler redacts."""
    log_dir.mkdir(parents=True, exist_ok=True)
    logging.getLogger().setLevel(level)
    _pending.update(path=log_dir / LOG_FILE, max_bytes=max_bytes, backups=backups)
    console = _prepare(logging.StreamHandler())
    if defer_file:
        buffer = _prepare(_StartupBuffer())
        _pending["buffer"] = buffer
        _replace_kiosk_handlers(console, buffer)
        atexit.register(open_log_file)  # a process that dies before its first frame still logs
        return buffer
    _replace_kiosk_handlers(console)
    return open_log_file()


def open_log_file() -> logging.Handler | None:
    """Open the rotating log file and write whatever was buffered before it (None when
    logging was never configured, e.g. a library use of build_terminal)."""
    from logging.handlers import RotatingFileHandler

    if "path" not in _pending:
        return None
    root = logging.getLogger()
    existing = [h for h in root.handlers if isinstance(h, RotatingFileHandler) and h.get_name() == "kiosk"]
    if existing:
        return existing[0]
    handler = _prepare(RotatingFileHandler(_pending["path"], maxBytes=_pending["max_bytes"],
                                           backupCount=_pending["backups"], encoding="utf-8"))
    buffer = _pending.pop("buffer", None)
    if buffer is not None:
        root.removeHandler(buffer)
        for record in buffer.records:
            handler.handle(record)
    root.addHandler(handler)
    return handler


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

# Noise every start prints on a machine without PipeWire or with Qt's own controls; a
# technician reading the log should not chase them.
_QT_NOISE = ("pipewire", "propertyCache", "DelegateModel::cancel")


# When a Python slot called from QML raises, or a JavaScript error is thrown, the QML engine
# logs "<file>:<line>: <Kind>Error: <the exception's text>". The text is whatever the code put
# in the exception, and JavaScript's own messages quote values ("Property 'x' of object 张三 is
# not a function"): names and addresses, which the number masks above cannot recognise. Only
# where it happened and the kind of error are kept; the crash handler has the Python frames.
_QML_ERROR = re.compile(r"^(?P<where>.*?:-?\d+:\s*)?(?P<kind>[A-Za-z]*Error): .*$", re.DOTALL)


def strip_error_text(message: str) -> str:
    """`file.qml:12: Error: <text>` -> `file.qml:12: Error: [text withheld, N characters]`."""
    match = _QML_ERROR.match(message)
    if match is None:
        return message
    withheld = len(message) - match.end("kind") - 2
    return f"{match['where'] or ''}{match['kind']}: [text withheld, {withheld} characters]"


def _qt_message(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    if any(noise in message or noise in category for noise in _QT_NOISE):
        return
    logging.getLogger(f"qt.{category}" if not category.startswith("qt") else category).log(
        _QT_LEVELS.get(msg_type, logging.WARNING), strip_error_text(message))


def route_qt_messages() -> Any:
    """qDebug/qWarning and QML console output go to logging (and so through the redaction).
    Returns the handler it replaced (tests put theirs back)."""
    return qInstallMessageHandler(_qt_message)
