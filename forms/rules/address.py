"""Addresses inside Nanhai district (division code 440605): a town from the list plus detail."""

from __future__ import annotations

from ..text import Text

DISTRICT_CODE = "440605"
DISTRICT_PREFIX = "佛山市南海区"
# 2023 statistical codes: one subdistrict and six towns (国家统计局《2023年统计用区划代码》, 佛山市南海区).
NANHAI_TOWNS: dict[str, Text] = {
    "440605011": Text("桂城街道", "Guicheng Subdistrict"),
    "440605121": Text("九江镇", "Jiujiang Town"),
    "440605122": Text("西樵镇", "Xiqiao Town"),
    "440605123": Text("丹灶镇", "Danzao Town"),
    "440605124": Text("狮山镇", "Shishan Town"),
    "440605125": Text("大沥镇", "Dali Town"),
    "440605126": Text("里水镇", "Lishui Town"),
}
# Other districts and cities a detail might name by mistake: the terminal registers Nanhai only.
ELSEWHERE = ("禅城区", "顺德区", "三水区", "高明区", "广州市", "深圳市", "东莞市", "中山市",
             "江门市", "肇庆市")
# "XX路1号" is 5 characters; 80 is a terminal limit, well past any real Nanhai street address.
DETAIL_MIN, DETAIL_MAX = 5, 80


def full_address(town_code: str, detail: str) -> str:
    """The address as the licence prints it: 佛山市南海区 + town + detail."""
    return DISTRICT_PREFIX + NANHAI_TOWNS[town_code].zh + detail.strip()


def check_detail(detail: str) -> str | None:
    text = detail.strip()
    if not DETAIL_MIN <= len(text) <= DETAIL_MAX or not text.isprintable():
        return "address.detail"
    if any(place in text for place in ELSEWHERE):
        return "address.outside"
    return None
