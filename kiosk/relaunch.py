"""Start the terminal again in place: the service mode's "restart the application".

The process replaces itself (execv) with the command line it was started with, so it keeps its
PID: systemd sees the same service, and a terminal started by hand comes back the same way. It is
called only after the old terminal has closed its store, ports and backend (kiosk.app.run).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

log = logging.getLogger("kiosk.relaunch")


def command_line() -> list[str]:
    """The interpreter and the arguments this process was started with (`python -m kiosk
    --config …`, or the `kiosk` console script)."""
    return [sys.executable, *sys.orig_argv[1:]]


def relaunch(execv: Callable[[str, list[str]], None] = os.execv) -> None:
    argv = command_line()
    log.warning("restarting: %s", " ".join(argv))
    for handler in logging.getLogger().handlers:
        handler.flush()
    execv(sys.executable, argv)
