"""Enterprise and individual-business names (企业名称登记管理规定 2020 and its 2023 measures).

A name is division + trade name (字号, ≥ 2 characters) + industry + organisation form. The checks
return (code, params) pairs; the field layer turns them into bilingual problems.
"""

from __future__ import annotations

from ..text import Text
from .han import is_han

CITY_DISTRICT = "佛山市南海区"
CITY = "佛山市"
# The division may follow the trade name in brackets instead of leading the name.
BRACKETED = ("（佛山市南海区）", "(佛山市南海区)", "（佛山市）", "(佛山市)")
BRACKETS = "（）()"

APPROVAL_PREFIXES = ("中国", "中华", "中央", "全国", "国家")

# Words no name may contain, with the reason shown to the applicant (first match wins).
_PARTY = Text("政党名称", "the name of a political party")
_STATE = Text("党政军机关名称", "the name of a state or military body")
_FOREIGN = Text("外国国家或地区名称", "the name of a foreign country")
_INTL = Text("国际组织名称", "the name of an international organisation")
_IMMORAL = Text("有违公序良俗的内容", "content against public order and morals")
_MISLEADING = Text("可能使公众误解的内容", "content that may mislead the public")
FORBIDDEN_WORDS: tuple[tuple[str, Text], ...] = (
    *((w, _PARTY) for w in ("共产党", "国民党", "民主党", "共和党")),
    *((w, _STATE) for w in ("国务院", "人民政府", "人大常委", "政协", "公安局", "人民法院",
                            "检察院", "解放军", "武警", "部队", "军区", "纪委")),
    *((w, _FOREIGN) for w in ("美国", "英国", "法国", "德国", "日本", "韩国", "俄罗斯",
                              "意大利", "加拿大", "澳大利亚", "新加坡")),
    *((w, _INTL) for w in ("联合国", "世界卫生组织", "世界贸易组织", "奥林匹克", "红十字")),
    *((w, _IMMORAL) for w in ("赌场", "赌博", "博彩", "色情", "淫秽", "算命", "占卜", "风水",
                              "迷信", "黑社会", "暴力", "杀手")),
    *((w, _MISLEADING) for w in ("国家级", "最高级", "最佳", "驰名", "特供", "专供")),
)

# Industry words recognised at the end of the trade name, longest first so 信息技术 beats 技术.
INDUSTRY_WORDS = tuple(sorted((
    "餐饮", "饮食", "食品", "贸易", "商贸", "商务", "科技", "信息技术", "技术", "网络", "电子",
    "五金", "建材", "服装", "服饰", "咨询", "管理", "物流", "医药", "药业", "药房", "医疗器械",
    "文化传播", "文化", "传媒", "广告", "实业", "投资", "装饰", "装修", "家具", "电器", "美容",
    "美发", "酒店", "便利", "超市", "百货", "水果", "茶业", "茶叶", "烟酒", "制衣", "塑料",
    "印刷", "机械", "汽车", "摄影", "教育", "健康", "养生", "家政", "洗衣", "玩具", "鞋业",
), key=len, reverse=True))

ENTERPRISE_FORMS = {
    "limited_company": ("有限责任公司", "有限公司"),
    "sole_proprietorship": ("厂", "店", "馆", "部", "行", "中心", "工作室", "坊", "社", "企业"),
    "individual_business": ("厂", "店", "馆", "部", "行", "中心"),
}
FORM_FORBIDDEN = {
    "limited_company": (),
    "sole_proprietorship": ("有限", "公司"),
    "individual_business": ("企业", "公司", "农民专业合作社", "中国", "中华", "中央", "全国",
                            "国家", "国际"),
}
ENTITY_WORDING = {
    "limited_company": Text("有限责任公司", "a limited company"),
    "sole_proprietorship": Text("个人独资企业", "a sole-proprietor enterprise"),
    "individual_business": Text("个体工商户", "an individual business"),
}


def check_name(name: str, kind: str) -> list[tuple[str, dict[str, object]]]:
    """Problems with a name of `kind` ("limited_company", "sole_proprietorship",
    "individual_business"); the caller has already stripped surrounding spaces."""
    if kind == "enterprise":
        kind = "limited_company"
    bad = [ch for ch in name if not (is_han(ch) or ch in BRACKETS)]
    if kind == "individual_business":
        bad += [ch for ch in name if ch in BRACKETS]
    if bad:
        allowed = Text("只能用汉字" + ("" if kind == "individual_business" else "和括号"),
                       "Chinese characters" + ("" if kind == "individual_business"
                                               else " and brackets") + " only")
        return [("name.bad_chars", {"allowed": allowed})]
    # An individual business may not use these words at all (FORM_FORBIDDEN says so); only an
    # enterprise can have them, and then only with State Council approval.
    for prefix in APPROVAL_PREFIXES if kind != "individual_business" else ():
        if name.startswith(prefix):
            return [("name.needs_approval", {"word": prefix})]
    problems: list[tuple[str, dict[str, object]]] = []
    entity = ENTITY_WORDING[kind]
    for word in FORM_FORBIDDEN[kind]:
        if word in name:
            problems.append(("name.form_forbidden", {"word": word, "entity": entity}))
    for word, reason in FORBIDDEN_WORDS:
        if word in name:
            problems.append(("name.forbidden_word", {"word": word, "reason": reason}))
            break
    body = _strip_division(name, problems)
    forms = ENTERPRISE_FORMS[kind]
    form = next((f for f in forms if body.endswith(f)), None)
    if form is None:
        problems.append(("name.form", {"forms": "、".join(forms)}))
        return problems
    body = body[: -len(form)]
    for word in INDUSTRY_WORDS:
        if body.endswith(word) and len(body) > len(word):
            body = body[: -len(word)]
            break
    if len(body) < 2:
        problems.append(("name.trade_name", {}))
    return problems


def _strip_division(name: str, problems: list[tuple[str, dict[str, object]]]) -> str:
    """The name without its administrative division; records a problem when the division is
    missing or names the district without its city."""
    if name.startswith(CITY_DISTRICT):
        return name[len(CITY_DISTRICT):]
    if name.startswith(CITY):
        return name[len(CITY):]
    for bracketed in BRACKETED:
        if bracketed in name:
            return name.replace(bracketed, "", 1)
    if name.startswith("南海区") or "（南海区）" in name or "(南海区)" in name:
        problems.append(("name.district_without_city", {}))
        return name.replace("南海区", "", 1).replace("（）", "").replace("()", "")
    problems.append(("name.no_division", {}))
    return name

