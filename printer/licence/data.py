"""What goes on a business licence, as the backend issues it and the kiosk hands it over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from printer.licence.numerals import yuan_in_capitals

GENERAL_SUFFIX = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
LICENSED_SUFFIX = ("（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
                   "具体经营项目以相关部门批准文件或许可证件为准）")


@dataclass(frozen=True)
class LicenceData:
    credit_code: str
    name: str
    entity_type: str  # e.g. 有限责任公司（自然人独资）, 个体工商户
    representative: str
    scope_general: tuple[str, ...]
    scope_licensed: tuple[str, ...]
    registered_capital: Decimal | None  # yuan; None for forms without registered capital
    established: date
    address: str
    authority: str  # 登记机关, e.g. 佛山市南海区市场监督管理局
    issued: date
    verify_url: str
    representative_role: str = "法定代表人"  # 经营者 for individual businesses, 投资人 ...
    capital_label: str = "注册资本"  # 资金数额 for individual businesses
    company: bool = True  # companies also write the capital in capital numerals
    term: str = "长期"  # 营业期限

    def scope_text(self) -> str:
        """The registered wording: general items, then licensed items, each with its clause."""
        parts = []
        if self.scope_general:
            parts.append("一般项目：" + "；".join(self.scope_general) + GENERAL_SUFFIX)
        if self.scope_licensed:
            parts.append("许可项目：" + "；".join(self.scope_licensed) + LICENSED_SUFFIX)
        return "".join(parts)

    def capital_text(self) -> str:
        if self.registered_capital is None:
            return ""
        wan = self.registered_capital / Decimal(10000)
        figure = f"{wan.normalize():f}万元" if wan == wan.quantize(Decimal("0.0001")) else (
            f"{self.registered_capital:f}元")
        if not self.company:
            return f"人民币{figure}"
        return f"人民币{figure}（{yuan_in_capitals(self.registered_capital)}）"

    def field_values(self) -> dict[str, str]:
        """Field name in the stock layout -> the text printed there."""
        return {
            "credit_code": self.credit_code,
            "name": self.name,
            "entity_type": self.entity_type,
            "representative_role": self.representative_role,
            "representative": self.representative,
            "capital_label": self.capital_label,
            "registered_capital": self.capital_text(),
            "established": f"{self.established.year}年{self.established.month:02d}月{self.established.day:02d}日",
            "term": self.term,
            "address": self.address,
            "scope": self.scope_text(),
            "authority": self.authority,
            "issued": f"{self.issued.year}年{self.issued.month:02d}月{self.issued.day:02d}日",
        }


@dataclass(frozen=True)
class ReprintRequest:
    """An explicit, recorded request to print a licence that was printed before."""

    reason: str  # e.g. "paper jam", "stock spoiled", "lost by holder"
    requested_by: str  # a staff or technician id, never a citizen's name
