"""Sample jobs for technicians (`python -m printer sample ...`) and the benchmarks.

Invented data: the names, numbers and addresses belong to nobody.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from printer.licence.data import LicenceData
from printer.receipt import Bilingual, ReceiptSummary

SAMPLE_URL = "https://nh.example.gov.cn/s/NH20261129-0042"


def sample_receipt() -> ReceiptSummary:
    return ReceiptSummary(
        site_name=Bilingual("佛山市南海区政务服务中心 桂城自助终端", "Nanhai Service Centre, Guicheng kiosk"),
        application_number="NH20261129-0042",
        services=(Bilingual("个体工商户设立登记", "Individual business registration"),),
        add_ons=(Bilingual("食品经营许可证", "Food business permit"),),
        applicant_name="张小三",
        submitted_at=datetime(2026, 11, 29, 15, 30),
        next_steps=Bilingual("审核结果将在1个工作日内以短信通知；通过后可在任一终端扫码打印营业执照。",
                             "You will get a text message within 1 working day. Once approved, "
                             "scan the code at any kiosk to print your licence."),
        status_url=SAMPLE_URL,
        help_line="0757-86280000",
    )


def sample_licence(entity: str = "company") -> LicenceData:
    common = dict(authority="佛山市南海区市场监督管理局", issued=date(2026, 11, 29),
                  established=date(2026, 11, 29))
    if entity == "individual":
        return LicenceData(
            credit_code="92440605MA4Y000020", kind="individual", name="佛山市南海区桂城李记粉面店",
            entity_type="个体工商户", representative="李四", composition="个人经营",
            scope_general=("餐饮管理",), scope_licensed=("餐饮服务", "食品销售"),
            address="广东省佛山市南海区桂城街道南桂东路8号首层",
            verify_url="https://gsxt.example.gov.cn/v/92440605MA4Y000020", **common)
    return LicenceData(
        credit_code="91440605MA4X000010", name="佛山市南海区桂香餐饮有限公司",
        entity_type="有限责任公司（自然人独资）", representative="张小三",
        scope_general=("餐饮管理", "食品销售（仅销售预包装食品）", "保健食品（预包装）销售", "第二类医疗器械销售"),
        scope_licensed=("餐饮服务", "食品销售", "药品零售", "第三类医疗器械经营"),
        registered_capital=Decimal("1000000"),
        address="广东省佛山市南海区桂城街道南海大道北1号金融高新区A座1201室",
        verify_url="https://gsxt.example.gov.cn/v/91440605MA4X000010", **common)
