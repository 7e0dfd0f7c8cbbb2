"""How a driver describes an unexpected failure without quoting the data it was printing.

An exception's message can carry a citizen's name or identity number (an encoder error quotes
the text it choked on), so logs and statuses get the exception's type and the code locations of
its traceback — enough for a developer to find the bug — and never its message.
"""

from __future__ import annotations

import traceback


def failure_summary(exc: BaseException) -> str:
    """`ValueError` plus the traceback's frames (file, line, function, source), no message."""
    frames = "".join(traceback.format_tb(exc.__traceback__)).rstrip()
    return f"{type(exc).__name__}\n{frames}" if frames else type(exc).__name__
