"""规范汉字: enterprise names use the characters of 通用规范汉字表 (2013) only.

企业名称登记管理规定 (2020) art. 5 and 个体工商户名称登记管理办法 art. 11(8). A traditional form
(廣) or a CJK compatibility ideograph (U+F900–U+FAFF, which looks like its unified twin) is not in
the table; the applicant is offered the simplified form, found with OpenCC's traditional-to-
simplified table (opencc-python-reimplemented, Apache-2.0) after NFKC has mapped a compatibility
ideograph onto its unified character.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from .vocab import standard_chars


@cache
def _t2s():  # noqa: ANN202 - opencc has no type hints
    from opencc import OpenCC

    return OpenCC("t2s")


def simplified(ch: str) -> str | None:
    """The standard character an applicant most likely meant by `ch`, or None if there is none."""
    unified = unicodedata.normalize("NFKC", ch)
    candidate = _t2s().convert(unified) if len(unified) == 1 else unified
    return candidate if len(candidate) == 1 and candidate in standard_chars() else None


def to_simplified(text: str) -> str:
    """`text` with traditional forms replaced by simplified ones (for searching, not checking)."""
    return _t2s().convert(text)


def non_standard(text: str) -> list[str]:
    """The Chinese characters of `text` outside the table, each once, in order."""
    table = standard_chars()
    seen: list[str] = []
    for ch in text:
        if ch not in table and ch not in seen and unicodedata.category(ch) == "Lo":
            seen.append(ch)
    return seen
