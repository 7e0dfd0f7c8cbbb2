"""Logging for an unattended terminal: rotating files in the data directory, Qt's own
messages routed into the same log, and nothing personal written down.

Log records are free text written by many hands, and Qt's messages can quote what a QML
binding saw; a redaction filter on every handler masks identity numbers, credit codes and
phone numbers wherever they appear, as a net under the rule "log ids and codes, never data".
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

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
        return True


def configure_logging(log_dir: Path, *, level: str = "INFO", max_bytes: int = 2_000_000,
                      backups: int = 5) -> RotatingFileHandler:
    """One rotating file (2 MB x 5 by default: weeks of normal use) plus stderr, both redacted."""
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(level)
    file_handler = RotatingFileHandler(log_dir / LOG_FILE, maxBytes=max_bytes,
                                       backupCount=backups, encoding="utf-8")
    console = logging.StreamHandler()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in (file_handler, console):
        handler.setFormatter(formatter)
        handler.addFilter(PersonalDataFilter())
        handler.set_name("kiosk")
    for old in [h for h in root.handlers if h.get_name() == "kiosk"]:
        root.removeHandler(old)
        old.close()
    root.addHandler(file_handler)
    root.addHandler(console)
    return file_handler


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


def _qt_message(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    if any(noise in message or noise in category for noise in _QT_NOISE):
        return
    logging.getLogger(f"qt.{category}" if not category.startswith("qt") else category).log(
        _QT_LEVELS.get(msg_type, logging.WARNING), message)


def route_qt_messages() -> None:
    """qDebug/qWarning and QML console output go to logging (and so through the redaction)."""
    qInstallMessageHandler(_qt_message)
