"""The application number a citizen carries away: the first 12 hex digits of the application's
id, written XXXX-XXXX-XXXX.

A terminal prints the receipt before the backend has heard of the application (it works
offline), so the number cannot come from the backend; and a citizen must be able to come back
to *any* terminal, so it cannot be a terminal's own counter either. The id is a random UUID
(RFC 9562 §5.4, version 4: 122 random bits); its first 48 bits are random too, so two
applications share a number with probability about n²/2⁴⁹ — below one in a thousand for half a
million applications — and the lookup still needs the applicant's ID-number tail, checked per
candidate. Twelve characters from 0-9A-F in groups of four are quick to read off a receipt and
type on a touchscreen; the receipt's QR carries the same text for a scanner.
"""

from __future__ import annotations

import re
import unicodedata

NUMBER_DIGITS = 12
_HEX12 = re.compile(r"[0-9a-f]{12}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def application_number(application_id: str) -> str:
    """"9f1c2b7e-4d0a-..." -> "9F1C-2B7E-4D0A"."""
    digits = application_id.replace("-", "")[:NUMBER_DIGITS].upper()
    if len(digits) != NUMBER_DIGITS:
        raise ValueError("an application id has at least 12 hex digits")
    return f"{digits[0:4]}-{digits[4:8]}-{digits[8:12]}"


def parse_number(text: str) -> str | None:
    """What a citizen typed or a scanner read -> the canonical number, or None.

    Accepts full-width characters, lower case, spaces and any dashes (people copy what they
    see, and an IME may type full-width), or a whole application id (a web confirmation page
    or an older receipt's QR)."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    if _UUID.fullmatch(folded):
        return application_number(folded)
    digits = re.sub(r"[\s\-‐‑‒–—―－_]", "", folded)
    if not _HEX12.fullmatch(digits):
        return None
    return application_number(digits)


def id_prefix(number: str) -> str:
    """The canonical number -> the start of every application id it can stand for
    ("9F1C-2B7E-4D0A" -> "9f1c2b7e-4d0a"), for a prefix query."""
    digits = number.replace("-", "").lower()
    return f"{digits[:8]}-{digits[8:12]}"
