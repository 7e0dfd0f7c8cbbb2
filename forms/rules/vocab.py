"""The word lists names are checked against, read once from data/ (each file cites its source).

Reading is lazy and cached: importing forms stays cheap, and the first name check pays about a
millisecond for the three files.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
# Suffixes a division name drops in speech: 广东省 -> 广东, 佛山市 -> 佛山, 南海区 -> 南海.
DIVISION_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市",
                     "地区", "盟", "区", "县")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def standard_chars() -> frozenset[str]:
    """The 8,105 characters of 通用规范汉字表 (2013)."""
    return frozenset("".join(_lines("tygf_8105.txt")))


@cache
def industry_words() -> frozenset[str]:
    return frozenset(_lines("industry_words.txt"))


@cache
def longest_industry_word() -> int:
    return max(map(len, industry_words()))


@cache
def division_names() -> dict[str, str]:
    """Place name -> the division it names: every current county-level or higher division by
    its full name (南海区, 东方市), and provinces and prefecture-level cities also by their short
    name (广东, 佛山). County short names are left out: most are ordinary words (和平, 东方, 新华)
    that art. 8's "unless it has another meaning" lets a trade name use."""
    found: dict[str, str] = {}
    for line in _lines("divisions.txt"):
        name, level = line.split("|")
        found[name] = name
        if level in ("1", "2"):
            for suffix in DIVISION_SUFFIXES:
                short = name.removesuffix(suffix)
                if short != name and len(short) >= 2 and re.fullmatch(r"\w+", short):
                    found.setdefault(short, name)
                    break
    found.setdefault("南海", "南海区")     # the terminal's own district, short form included
    return found
