"""What goes on a business licence, as the backend issues it and the kiosk hands it over.

The 2019 national format (in force since 1 March 2019) labels its rows by entity type: a company
shows 名称, 类型, 法定代表人, 经营范围 | 注册资本, 成立日期, 营业期限, 住所; an individual business
shows 名称, 类型, 经营者, 经营范围 | 组成形式, 注册日期, 经营场所 (left | right column).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from printer.licence.numerals import yuan_in_capitals

GENERAL_SUFFIX = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
LICENSED_SUFFIX = ("（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
                   "具体经营项目以相关部门批准文件或许可证件为准）")
EntityKind = Literal["company", "individual"]


def spread(label: str) -> str:
    """Two-character labels are spread to the width of four, as the format prints them."""
    return f"{label[0]}　　{label[1]}" if len(label) == 2 else label


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


@dataclass(frozen=True)
class LicenceData:
    credit_code: str
    name: str
    entity_type: str  # e.g. 有限责任公司（自然人独资）, 个体工商户
    representative: str  # 法定代表人 (company) or 经营者 (individual business)
    scope_general: tuple[str, ...]
    scope_licensed: tuple[str, ...]
    established: date  # 成立日期 (company) / 注册日期 (individual business)
    address: str  # 住所 (company) / 经营场所 (individual business)
    authority: str  # 登记机关, e.g. 佛山市南海区市场监督管理局
    issued: date
    verify_url: str
    kind: EntityKind = "company"
    registered_capital: Decimal | None = None  # yuan; companies only
    term: str = "长期"  # 营业期限, companies only
    composition: str = "个人经营"  # 组成形式: 个人经营 or 家庭经营, individual businesses only

    def scope_text(self) -> str:
        """The registered wording: general items, then licensed items, each with its clause."""
        parts = []
        if self.scope_general:
            parts.append("一般项目：" + "；".join(self.scope_general) + GENERAL_SUFFIX)
        if self.scope_licensed:
            parts.append("许可项目：" + "；".join(self.scope_licensed) + LICENSED_SUFFIX)
        return "".join(parts)

    def capital_text(self) -> str:
        """In capital numerals with 元整, as issued licences write it: 壹佰万元整."""
        if self.registered_capital is None:
            return ""
        return yuan_in_capitals(self.registered_capital)

    def rows(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(label, value) rows of the left and right columns, in the format's order."""
        scope = ("经营范围", self.scope_text())
        if self.kind == "individual":
            left = [("名称", self.name), ("类型", self.entity_type),
                    ("经营者", self.representative), scope]
            right = [("组成形式", self.composition), ("注册日期", chinese_date(self.established)),
                     ("经营场所", self.address)]
        else:
            left = [("名称", self.name), ("类型", self.entity_type),
                    ("法定代表人", self.representative), scope]
            right = [("注册资本", self.capital_text()), ("成立日期", chinese_date(self.established)),
                     ("营业期限", self.term), ("住所", self.address)]
        return ([(spread(k), v) for k, v in left], [(spread(k), v) for k, v in right])


@dataclass(frozen=True)
class ReprintRequest:
    """An explicit, recorded request to print a licence that was printed before."""

    reason: str  # e.g. "paper jam", "stock spoiled", "lost by holder"
    requested_by: str  # a staff or technician id, never a citizen's name
