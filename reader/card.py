"""What a second-generation resident ID card's chip holds, as the reader hands it over.

The text block is 256 bytes of UCS-2 little-endian, each field padded with spaces to a fixed
width (GA/T 490; the widths below are in bytes): name 30, sex code 2 (GB/T 2261.1: 1 male,
2 female), nation code 4 (GB/T 3304: 01 = Han), birth date 16 (YYYYMMDD), address 70, ID
number 36 (GB 11643), issuing authority 30, valid from 16, valid to 16 (YYYYMMDD or 长期),
reserved 36. UCS-2 holds only the Basic Multilingual Plane: a name in a rarer character is
written on the card with a substitute, as the issuing office does.

The photo (1,024 bytes of WLT, which only a licensed decoder opens) is never decoded, stored or
logged here: it is not even kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TEXT_BYTES = 256
PHOTO_BYTES = 1024
FIELDS = (("name", 30), ("sex", 2), ("nation", 4), ("birth", 16), ("address", 70),
          ("id_number", 36), ("authority", 30), ("valid_from", 16), ("valid_to", 16),
          ("reserved", 36))
LONG_TERM = "长期"

# GB/T 2261.1-2003 sex codes and the commonest GB/T 3304-1991 nation codes; others are shown
# by their code.
SEX = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
NATIONS = {"01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔", "06": "苗",
           "07": "彝", "08": "壮", "09": "布依", "10": "朝鲜", "11": "满", "12": "侗", "13": "瑶",
           "14": "白", "15": "土家", "16": "哈尼", "17": "哈萨克", "18": "傣", "19": "黎"}


class CardFormatError(ValueError):
    """The text block does not have the card's layout."""


@dataclass(frozen=True)
class IdCard:
    name: str
    sex: str  # GB/T 2261.1 code
    nation: str  # GB/T 3304 code
    birth_date: date
    address: str
    id_number: str
    authority: str
    valid_from: date
    valid_to: date | None  # None: 长期 (long-term)

    def expired(self, today: date) -> bool:
        return self.valid_to is not None and self.valid_to < today

    @property
    def sex_text(self) -> str:
        return SEX.get(self.sex, self.sex)

    @property
    def nation_text(self) -> str:
        return NATIONS.get(self.nation, self.nation)

    def __repr__(self) -> str:  # a log line must not carry a person
        return f"IdCard(id_number=…{self.id_number[-4:]}, valid_to={self.valid_to})"


def _date(text: str, field: str) -> date:
    try:
        return date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise CardFormatError(f"{field} is not a YYYYMMDD date") from exc


def parse_text(block: bytes) -> IdCard:
    """The 256-byte text block -> an IdCard; CardFormatError when it is not one."""
    if len(block) != TEXT_BYTES:
        raise CardFormatError(f"text block of {len(block)} bytes, not {TEXT_BYTES}")
    values: dict[str, str] = {}
    at = 0
    for field, width in FIELDS:
        try:
            values[field] = block[at:at + width].decode("utf-16-le").rstrip(" \x00")
        except UnicodeDecodeError as exc:
            raise CardFormatError(f"{field} is not UCS-2") from exc
        at += width
    if not values["name"] or len(values["id_number"]) != 18:
        raise CardFormatError("no name or no 18-character ID number")
    valid_to = None if values["valid_to"] == LONG_TERM else _date(values["valid_to"], "valid_to")
    return IdCard(name=values["name"], sex=values["sex"], nation=values["nation"],
                  birth_date=_date(values["birth"], "birth"), address=values["address"],
                  id_number=values["id_number"].upper(), authority=values["authority"],
                  valid_from=_date(values["valid_from"], "valid_from"), valid_to=valid_to)
