"""Licences for the tests: a company and an individual business, with a valid credit code."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from stdnum.cn import uscc

from printer import LicenceData

CODE = "91440605MA4X0000" + "1"
CODE = CODE + uscc.calc_check_digit(CODE)
INDIVIDUAL_CODE = "92440605MA4Y0000" + "2"
INDIVIDUAL_CODE = INDIVIDUAL_CODE + uscc.calc_check_digit(INDIVIDUAL_CODE)


def make_licence(**changes) -> LicenceData:
    fields = dict(
        credit_code=CODE,
        name="佛山市南海区桂香餐饮有限公司",
        entity_type="有限责任公司（自然人独资）",
        representative="张小三",
        scope_general=("餐饮管理", "食品销售（仅销售预包装食品）", "第二类医疗器械销售"),
        scope_licensed=("餐饮服务", "食品销售", "第三类医疗器械经营"),
        registered_capital=Decimal("1000000"),
        established=date(2026, 11, 29),
        address="广东省佛山市南海区桂城街道南海大道北1号金融高新区A座1201室",
        authority="佛山市南海区市场监督管理局",
        issued=date(2026, 11, 29),
        verify_url=f"https://gsxt.example.gov.cn/v/{CODE}",
    )
    fields.update(changes)
    return LicenceData(**fields)


def make_individual(**changes) -> LicenceData:
    fields = dict(
        credit_code=INDIVIDUAL_CODE,
        kind="individual",
        name="佛山市南海区桂城李记粉面店",
        entity_type="个体工商户",
        representative="李四",
        composition="个人经营",
        scope_general=("餐饮管理",),
        scope_licensed=("餐饮服务", "食品销售"),
        established=date(2026, 11, 29),
        address="广东省佛山市南海区桂城街道南桂东路8号首层",
        authority="佛山市南海区市场监督管理局",
        issued=date(2026, 11, 29),
        verify_url=f"https://gsxt.example.gov.cn/v/{INDIVIDUAL_CODE}",
    )
    fields.update(changes)
    return LicenceData(**fields)


COMPANY_LABELS = ("名称", "类型", "法定代表人", "经营范围", "注册资本", "成立日期", "营业期限", "住所")
INDIVIDUAL_LABELS = ("名称", "类型", "经营者", "组成形式", "经营范围", "注册日期", "经营场所")
