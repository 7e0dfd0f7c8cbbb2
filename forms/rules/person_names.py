"""A person's name as printed on the resident ID card."""

from __future__ import annotations

from .han import is_han

NAME_DOT = "·"          # U+00B7, the separator ID cards print in minority names (阿依古丽·买买提)
MAX_NAME = 30           # terminal limit, generous for long minority names with their dots


def check_person_name_text(value: str) -> str | None:
    """The problem code for a name, or None. Length is tested before any scan."""
    if len(value) > MAX_NAME + 64:
        return "person_name.length"
    text = value.strip()
    if not 2 <= len(text) <= MAX_NAME:
        return "person_name.length"
    if text.startswith(NAME_DOT) or text.endswith(NAME_DOT) or NAME_DOT * 2 in text:
        return "person_name.bad_chars"
    if not all(is_han(ch) or ch == NAME_DOT for ch in text):
        return "person_name.bad_chars"
    return None
