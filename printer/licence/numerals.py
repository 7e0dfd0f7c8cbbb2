"""Amounts in Chinese capital numerals (大写), as a licence writes registered capital.

Capital numerals exist so an amount cannot be altered by adding a stroke; the rules below follow
the People's Bank of China's bill-writing conventions: 零 for skipped places inside a section and
between sections, 元整 when there are no jiao or fen.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
SECTION_UNITS = ("", "万", "亿", "万亿")


def _section(n: int) -> str:
    """0 < n < 10000 -> e.g. 1005 = 壹仟零伍."""
    out = ""
    zero = False
    for place in range(3, -1, -1):
        d = (n // 10**place) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[d] + SMALL_UNITS[place]
    return out


def yuan_in_capitals(amount: Decimal) -> str:
    """Decimal('1000000') -> 壹佰万元整; Decimal('10050.5') -> 壹万零伍拾元伍角."""
    if amount < 0:
        raise ValueError("amount must not be negative")
    fen_total = int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    yuan, fen_part = divmod(fen_total, 100)
    if yuan >= 10**16:
        raise ValueError("amount too large")
    jiao, fen = divmod(fen_part, 10)
    words = ""
    if yuan:
        sections = []
        n = yuan
        while n:
            sections.append(n % 10000)
            n //= 10000
        need_zero = False
        for index in range(len(sections) - 1, -1, -1):
            sec = sections[index]
            if sec == 0:
                need_zero = bool(words)
                continue
            if words and (need_zero or sec < 1000):
                words += "零"
            words += _section(sec) + SECTION_UNITS[index]
            need_zero = False
        words += "元"
    if not jiao and not fen:
        return (words or "零元") + "整"
    if jiao:
        words += DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    if fen:
        words += DIGITS[fen] + "分"
    return words
