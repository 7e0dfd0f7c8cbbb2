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


class DraftLinkFilter(logging.Filter):
    """Cuts the token out of web draft links (/apply/d/<token>/…) in uvicorn's access log: the
    token opens a draft full of personal answers, so whoever reads the logs must not get it."""

    _kiosk_draft_filter = True

    def filter(self, record: logging.LogRecord) -> bool:
        import re

        if isinstance(record.args, tuple):
            record.args = tuple(
                re.sub(r"/apply/d/[A-Za-z0-9_-]+", "/apply/d/…", a) if isinstance(a, str) else a
                for a in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = re.sub(r"/apply/d/[A-Za-z0-9_-]+", "/apply/d/…", record.msg)
        return True


def hide_draft_links() -> None:
    """Install DraftLinkFilter on uvicorn's access logger once per process."""
    access = logging.getLogger("uvicorn.access")
    if not any(getattr(f, "_kiosk_draft_filter", False) for f in access.filters):
        access.addFilter(DraftLinkFilter())
