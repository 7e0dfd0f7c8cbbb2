"""Identity numbers: resident ID (GB 11643-1999), unified social credit code (GB 32100-2015), mobile.

Each check returns a problem code or None, so the field layer adds the wording. The resident-ID
check is ours, not stdnum.cn.ric.validate: that one also refuses a number whose address code was
not in force in the birth year, and real people hold such numbers (a number assigned after a
district was renamed keeps the new code), so the terminal must not turn them away on that ground.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# GB 11643-1999 check: weights 2^(17-i) mod 11 over the first 17 digits, S mod 11 -> this table.
RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RIC_CHECK = "10X98765432"
RIC_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
# GB/T 2260 provincial prefixes, plus 81/82/83 used by Hong Kong, Macao and Taiwan residence
# permits, which carry the same 18-character layout.
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82", "83",
})
EARLIEST_BIRTH = date(1900, 1, 1)

# GB 32100-2015: 31-character alphabet without I, O, S, V, Z; weights 3^(i-1) mod 31.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
USCC_SHAPE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")

# Mainland mobile numbers: 11 digits, 1 then 3–9 (MIIT numbering plan).
MOBILE_SHAPE = re.compile(r"1[3-9][0-9]{9}")


def typed(value: str) -> str:
    """What the applicant meant by what they typed: NFKC folds full-width digits and letters
    (１２３, ＡＢＣ) and the ideographic and no-break spaces into ASCII, then tabs, spaces and
    line breaks around the value go. Spaces inside it stay for the caller to judge."""
    return unicodedata.normalize("NFKC", value).strip()


def compact(value: str) -> str:
    """`typed` without any white space inside, upper-cased: how an identity number is compared
    (a lower-case x, digits grouped in fours with spaces)."""
    return "".join(typed(value).split()).upper()


def normalise_ric(value: str) -> str:
    """Upper-case a trailing x and drop the spaces people type to group the digits."""
    return compact(value)


def ric_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, RIC_WEIGHTS, strict=True))
    return RIC_CHECK[total % 11]


def ric_birth_date(number: str) -> date | None:
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    return born


def check_ric(value: str, today: date) -> str | None:
    number = normalise_ric(value)
    if len(number) != 18 or not RIC_SHAPE.fullmatch(number):
        return "ric.format"
    if number[:2] not in PROVINCES:
        return "ric.region"
    born = ric_birth_date(number)
    if born is None or born < EARLIEST_BIRTH or born > today:
        return "ric.birth_date"
    if ric_check_char(number[:17]) != number[17]:
        return "ric.checksum"
    return None


def age_on(number: str, today: date) -> int | None:
    """Completed years of age on `today`, or None for a number whose date is unreadable."""
    born = ric_birth_date(normalise_ric(number))
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


# GB 11714-1997 organisation code, characters 9-17 of a credit code (GB 32100-2015 §4.3): eight
# body characters (digits, or capital letters valued A=10 … Z=35) weighted 3 7 9 10 5 8 4 2, then
# C9 = 11 - (sum mod 11), written X for 10 and 0 for 11.
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_check_char(body8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(body8, ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def check_uscc(value: str) -> str | None:
    code = compact(value)
    if len(code) != 18 or not USCC_SHAPE.fullmatch(code):
        return "uscc.format"
    if uscc_check_char(code[:17]) != code[17]:
        return "uscc.checksum"
    if org_check_char(code[8:16]) != code[16]:
        return "uscc.org_checksum"
    return None


def normalise_mobile(value: str) -> str:
    """Drop spaces and hyphens and a +86/0086 country prefix, as people type them."""
    digits = compact(value).replace("-", "")
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            return digits[len(prefix):]
    return digits


def check_mobile(value: str) -> str | None:
    number = normalise_mobile(value)
    return None if len(number) == 11 and MOBILE_SHAPE.fullmatch(number) else "mobile.format"
