"""The backend's log lines: configured once per server process, beside uvicorn's own.

Without this the "backend" loggers have no handler and Python's last-resort handler shows only
warnings, so the INFO lines (ready, application refused, application decided) never appeared.
What is logged is ids, statuses and codes only (see README, Privacy).
"""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: str = "info") -> None:
    """A stderr handler on the "backend" logger (idempotent: a second call adds nothing)."""
    logger = logging.getLogger("backend")
    logger.setLevel(level.upper())
    if not any(getattr(h, "_kiosk_backend", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        handler._kiosk_backend = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
