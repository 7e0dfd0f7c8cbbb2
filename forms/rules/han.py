"""What counts as a Chinese character.

The basic CJK block (U+4E00–U+9FFF) is not enough for people's names: ID cards print rare
characters from Extension A (刘䶮's 䶮 is U+4DAE) and from Extensions B–I beyond the BMP, and a
terminal that refuses the name on someone's own card has failed them. 〇 (U+3007, IDEOGRAPHIC
NUMBER ZERO) is printed in some names and is a Han character by Unicode's Script property, though
it sits in the CJK Symbols block.
"""

from __future__ import annotations

HAN_RANGES = (
    (0x3400, 0x4DBF),     # Extension A
    (0x4E00, 0x9FFF),     # Unified Ideographs
    (0xF900, 0xFAFF),     # Compatibility Ideographs
    (0x3007, 0x3007),     # 〇 IDEOGRAPHIC NUMBER ZERO
    (0x20000, 0x2EBEF),   # Extensions B–F
    (0x2EBF0, 0x2EE5F),   # Extension I (Unicode 15.1)
    (0x2F800, 0x2FA1F),   # Compatibility Ideographs Supplement
    (0x30000, 0x323AF),   # Extensions G–H
)


def is_han(ch: str) -> bool:
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF:      # the common case first: nearly every character typed
        return True
    return any(low <= code <= high for low, high in HAN_RANGES)


def all_han(text: str) -> bool:
    return all(is_han(ch) for ch in text)
