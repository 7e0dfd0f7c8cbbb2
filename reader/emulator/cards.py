"""Sample cards of the virtual reader: fictional people, numbers made with GB 11643-1999's
check character (the tests confirm each with python-stdnum), none belonging to anyone. The
region code is the one in force at birth (GB/T 2260: 南海县 440622 until 1992, 南海市 440682
until 2002, 南海区 440605 since), as python-stdnum checks and real numbers are.

Card 1 carries a rare character (䶮, U+4DAE, CJK Extension A: inside UCS-2, as the card's
text must be); card 2 has expired; card 3 is long-term (长期).
"""

from __future__ import annotations

from dataclasses import dataclass

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # GB 11643-1999 §7.2
CHECK = "10X98765432"


def with_check(first17: str) -> str:
    return first17 + CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


@dataclass(frozen=True)
class SampleCard:
    name: str
    sex: str
    nation: str
    birth: str
    address: str
    id_number: str
    authority: str
    valid_from: str
    valid_to: str


CARDS = (
    SampleCard("陈志明", "1", "01", "19850314", "广东省佛山市南海区桂城街道南海大道北88号",
               with_check("44062219850314123"), "佛山市公安局南海分局", "20200601", "20400601"),
    SampleCard("刘䶮", "1", "01", "19920708", "广东省佛山市南海区大沥镇黄岐广佛路12号",
               with_check("44068219920708451"), "佛山市公安局南海分局", "20180315", "20380315"),
    SampleCard("黄丽华", "2", "01", "19880102", "广东省佛山市南海区里水镇和顺大道3号",
               with_check("44062219880102002"), "佛山市公安局南海分局", "20050910", "20250910"),
    SampleCard("韦秀英", "2", "08", "19900520", "广西壮族自治区南宁市青秀区民族大道9号",
               with_check("45010319900520302"), "南宁市公安局青秀分局", "20151120", "长期"),
)

WIDTHS = (30, 2, 4, 16, 70, 36, 30, 16, 16, 36)  # GA/T 490: bytes of UCS-2 per field


def text_block(card: SampleCard) -> bytes:
    """The card's 256-byte text block: each field UCS-2LE, space-padded to its width."""
    values = (card.name, card.sex, card.nation, card.birth, card.address, card.id_number,
              card.authority, card.valid_from, card.valid_to, "")
    block = b""
    for value, width in zip(values, WIDTHS, strict=True):
        raw = value.encode("utf-16-le")
        assert len(raw) <= width, (value, width)
        block += raw + " ".encode("utf-16-le") * ((width - len(raw)) // 2)
    return block


def photo(card: SampleCard) -> bytes:
    """1,024 bytes standing for the WLT photo: opaque, never decoded by anyone."""
    seed = card.id_number.encode()
    return bytes((seed[i % len(seed)] * 31 + i) % 256 for i in range(1024))
