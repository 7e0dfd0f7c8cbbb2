"""What counts as a Chinese character.

The basic CJK block (U+4E00–U+9FFF) is not enough for people's names: ID cards print rare
characters from Extension A (刘䶮's 䶮 is U+4DAE) and from Extensions B–H beyond the BMP, and a
terminal that refuses the name on someone's own card has failed them.
"""

from __future__ import annotations

HAN_RANGES = (
    (0x3400, 0x4DBF),     # Extension A
    (0x4E00, 0x9FFF),     # Unified Ideographs
    (0xF900, 0xFAFF),     # Compatibility Ideographs
    (0x20000, 0x2EBEF),   # Extensions B–F (and I)
    (0x30000, 0x323AF),   # Extensions G–H
)


def is_han(ch: str) -> bool:
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF:      # the common case first: nearly every character typed
        return True
    return any(low <= code <= high for low, high in HAN_RANGES)


def all_han(text: str) -> bool:
    return all(is_han(ch) for ch in text)
