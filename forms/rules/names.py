"""Enterprise and individual-business names, parsed as a registrar reads them.

企业名称登记管理规定 (State Council order 734, 2020; "规定") art. 6: a name is 行政区划 + 字号 +
行业或经营特点 + 组织形式; 企业名称登记管理规定实施办法 (SAMR order 82, 2023) lets the division
stand in brackets right after the trade name instead of first. Individual businesses follow
个体工商户名称登记管理办法 (SAIC order 38, 2008; "个体办法") arts. 6–11, which 促进个体工商户发展
条例 (2022) left in force. The checks return (code, params) pairs; the field layer words them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import Text
from .han import is_han
from .restricted import APPROVAL_PREFIXES, NATIONAL, restricted_words, words
from .standard_chars import non_standard, simplified
from .vocab import division_names, industry_words, longest_industry_word

Issue = tuple[str, dict[str, object]]
CITY_DISTRICT, CITY, DISTRICT = "佛山市南海区", "佛山市", "南海区"
DIVISIONS = (CITY_DISTRICT, CITY)               # longest first
BRACKETS = (("（", "）"), ("(", ")"))
BRACKET_CHARS = "（）()"
# 个体办法 art. 7: the division may be followed by the town or subdistrict of the premises.
NANHAI_TOWNS = tuple(sorted((f"{t}{s}" for t in ("桂城", "九江", "西樵", "丹灶", "狮山", "大沥",
                                                  "里水") for s in ("街道", "镇", "")),
                            key=len, reverse=True))

# Organisation forms (规定 art. 10; 公司法 2023 art. 7: a limited company's name says 有限责任公司
# or 有限公司; 个人独资企业登记管理办法 art. 6: no 有限/有限责任/公司; 个体办法 art. 10: 厂, 店,
# 馆, 部, 行, 中心 "等", never 企业/公司/农民专业合作社 — 工作室 and 坊 are such "等" forms in use,
# the first named in this service's own description).
FORMS = {
    "limited_company": ("有限责任公司", "有限公司"),
    "sole_proprietorship": ("工作室", "中心", "企业", "厂", "店", "馆", "部", "行", "坊", "社"),
    "individual_business": ("工作室", "中心", "厂", "店", "馆", "部", "行", "坊"),
}
# Forms of another kind of entity, refused wherever they appear (first match wins).
OTHER_FORMS = {
    "limited_company": ("股份有限公司", "合伙企业", "个人独资企业"),
    "sole_proprietorship": ("有限", "公司"),
    "individual_business": ("企业", "公司", "有限", "农民专业合作社"),
}
ENTITY_WORDING = {
    "limited_company": Text("有限责任公司", "a limited company"),
    "sole_proprietorship": Text("个人独资企业", "a sole-proprietor enterprise"),
    "individual_business": Text("个体工商户", "an individual business"),
}


@dataclass(frozen=True)
class Parsed:
    """A name split into its four parts (division, trade name, industry, form)."""

    division: str
    trade_name: str
    industry: str
    form: str


def check_name(name: str, kind: str) -> list[Issue]:
    """Problems with a name of `kind` ("limited_company", "sole_proprietorship",
    "individual_business"); the caller has already trimmed surrounding white space."""
    if kind == "enterprise":
        kind = "limited_company"
    individual = kind == "individual_business"
    bad = [ch for ch in name if not (is_han(ch) or (ch in BRACKET_CHARS and not individual))]
    if bad:
        allowed = Text("只能用汉字" + ("" if individual else "和括号"),
                       "Chinese characters" + ("" if individual else " and brackets") + " only")
        return [("name.bad_chars", {"allowed": allowed})]
    odd = non_standard(name)
    if odd:
        return [("name.not_standard", {"chars": _suggestions(odd)})]
    entity = ENTITY_WORDING[kind]
    problems: list[Issue] = []
    if individual:           # 个体办法 art. 11(6): none of these words anywhere
        problems += [("name.form_forbidden", {"word": w, "entity": entity})
                     for _, w in words(name) if w in (*NATIONAL, "国际")][:1]
    else:
        prefix = next((p for p in APPROVAL_PREFIXES if name.startswith(p)), None)
        if prefix:           # 规定 art. 12: only the State Council may approve these
            return [("name.needs_approval", {"word": prefix})]
    problems += [("name.form_forbidden", {"word": w, "entity": entity})
                 for w in OTHER_FORMS[kind] if w in name][:1]
    seen: set[str] = set()
    for word, reason in restricted_words(name):
        if word not in seen:
            seen.add(word)
            problems.append(("name.forbidden_word", {"word": word, "reason": reason}))
    if problems:
        return problems
    return _structure_problems(name, kind)


def _suggestions(chars: list[str]) -> Text:
    zh, en = [], []
    for ch in chars[:5]:
        better = simplified(ch)
        zh.append(f"“{ch}”应写作“{better}”" if better else f"“{ch}”不是规范汉字")
        en.append(f"{ch} → {better}" if better else f"{ch} is not a standard character")
    return Text("、".join(zh), ", ".join(en))


def parse(name: str, kind: str) -> tuple[Parsed | None, list[Issue]]:
    """The name's parts, or None with the problem that stops the reading."""
    body, division, bracketed = _division(name, kind)
    if division is None:
        if name.startswith(DISTRICT) or any(f"{o}{DISTRICT}{c}" in name for o, c in BRACKETS):
            return None, [("name.district_without_city", {})]     # 规定 art. 7
        return None, [("name.no_division", {})]
    if CITY in body or DISTRICT in body or any(c in body for c in BRACKET_CHARS):
        return None, [("name.division_place", {})]       # once, and only where 实施办法 allows
    other = _division_in(body)
    if other is not None:
        # 佛山市顺德区… is another district's name: this terminal registers Nanhai only.
        return None, [("name.no_division" if body.startswith(other) and division == CITY
                       else "name.division_place", {})]
    form = next((f for f in FORMS[kind] if body.endswith(f)), None)
    if form is None:
        return None, [("name.form", {"forms": "、".join(FORMS[kind])})]
    body = body[: -len(form)]
    if bracketed is not None:
        trade_name, industry = bracketed, body[len(bracketed):]
        # The brackets follow the trade name, so no industry word may stand before them and
        # everything after them up to the form is industry.
        if _strip_industry(industry) != "" or (not industry and _strip_industry(trade_name)
                                                != trade_name):
            return None, [("name.division_place", {})]
    else:
        trade_name = _strip_industry(body)
        industry = body[len(trade_name):]
    return Parsed(division, trade_name, industry, form), []


def _division(name: str, kind: str) -> tuple[str, str | None, str | None]:
    """(rest of the name, division or None, trade name when the division is bracketed after it)."""
    for division in DIVISIONS:
        if name.startswith(division):
            rest = name[len(division):]
            if kind == "individual_business":     # 个体办法 art. 7: town may follow
                town = next((t for t in NANHAI_TOWNS if rest.startswith(t)), "")
                rest = rest[len(town):]
            return rest, division, None
    if kind != "individual_business":
        for division in DIVISIONS:
            for open_, close in BRACKETS:
                at = name.find(open_ + division + close)
                if at > 0:
                    return name[:at] + name[at + len(division) + 2:], division, name[:at]
    return name, None, None


def _division_in(text: str) -> str | None:
    """The first full division name (three or more characters: 顺德区, 广州市) inside `text`.
    Two-character full names (东区, 城区) are skipped: they occur inside ordinary words."""
    places = division_names()
    for start in range(len(text)):
        for end in range(min(len(text), start + 10), start + 2, -1):
            word = text[start:end]
            if word in places and places[word] == word:
                return word
    return None


def _strip_industry(text: str) -> str:
    """`text` without the industry words at its end (longest word first, repeatedly); a
    中国/中华/全国/国家 just before an industry word qualifies it (规定 art. 12) and goes too."""
    vocab, longest = industry_words(), longest_industry_word()
    stripped = False
    while text:
        size = next((n for n in range(min(longest, len(text)), 1, -1) if text[-n:] in vocab), 0)
        if size:
            text, stripped = text[:-size], True
            continue
        qualifier = next((w for w in NATIONAL if stripped and text.endswith(w)), None)
        if qualifier is None:
            break
        text = text[: -len(qualifier)]
    return text


def _structure_problems(name: str, kind: str) -> list[Issue]:
    parsed, problems = parse(name, kind)
    if parsed is None:
        return problems
    trade = parsed.trade_name
    if not trade:                      # 规定 art. 6 and 8: the industry cannot be the trade name
        return [("name.no_trade_name", {"industry": parsed.industry})]
    if len(trade) < 2:                 # 规定 art. 8: two or more characters
        return [("name.trade_name", {})]
    place = division_names().get(trade)
    if place is not None:              # 规定 art. 8, 个体办法 art. 8
        return [("name.trade_name_place", {"word": trade, "place": place})]
    national = next((w for _, w in words(trade) if w in NATIONAL), None)
    if national is not None:           # 规定 art. 12: only as an industry qualifier
        return [("name.national_word", {"word": national})]
    return []
