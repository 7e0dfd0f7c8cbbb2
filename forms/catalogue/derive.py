"""Regenerate index.psv (pinyin initials and full pinyin of every catalogue entry).

Run after editing source.psv: `python -m forms.catalogue.derive`. Only this tool and the test that
checks index.psv import pypinyin; the terminal never pays for it at start-up.
"""

from __future__ import annotations

from pathlib import Path

from ..rules.han import is_han
from . import DATA_DIR


def pinyin_keys(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of the Chinese characters in `text`, lower case, no separators."""
    from pypinyin import Style, lazy_pinyin

    han = "".join(ch for ch in text if is_han(ch))
    initials = "".join(lazy_pinyin(han, style=Style.FIRST_LETTER))
    full = "".join(lazy_pinyin(han))
    return initials.lower(), full.lower()


def derive(directory: Path = DATA_DIR) -> str:
    lines = ["# Derived from source.psv by `python -m forms.catalogue.derive`; do not edit.",
             "# id | pinyin initials | full pinyin"]
    for line in (directory / "source.psv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("|")
        initials, full = pinyin_keys(cells[6])
        lines.append(f"{cells[0]}|{initials}|{full}")
    return "\n".join(lines) + "\n"


def main() -> None:
    (DATA_DIR / "index.psv").write_text(derive(), encoding="utf-8")


if __name__ == "__main__":
    main()
