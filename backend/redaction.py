"""Takes personal identifiers out of free text a terminal sends (heartbeat ``recent_errors``).

A terminal is asked to send no personal data, but an exception message can quote an answer. The
fleet view is read by technicians who have no business seeing ID numbers or phone numbers, so the
backend redacts before it stores. Patterns: the 18-character resident ID number (GB 11643-1999)
and the old 15-digit one, mainland mobile numbers (11 digits starting 13-19), e-mail addresses,
and any other run of 6 or more digits (bank cards, passport-like numbers). A name cannot be told
from other Chinese text by pattern; the terminal's own log redaction is the first line there.
"""

from __future__ import annotations

import re

PATTERNS = (
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])"), "[id]"),
    (re.compile(r"(?<!\d)\d{15}(?!\d)"), "[id]"),
    (re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"), "[phone]"),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[email]"),
    (re.compile(r"\d{6,}"), "[number]"),
)


def redact(text: str) -> str:
    # NFKC first would change what a technician reads; full-width digits are caught by \d.
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text
