"""Words a name may not use (企业名称登记管理规定 2020 art. 11; 个体工商户名称登记管理办法 art. 11),
matched where they stand as words, not wherever their characters happen to meet.

"精英国际" holds the characters 英国 and "中央空调" holds 中央, yet neither names a country or a
state body. A segmenter (jieba, with its general dictionary and these terms added) splits the name
into words the way a reader does (精英/国际, 中央空调/安装) and only a whole word is refused. The
segmenter costs about half a second to load, so it is loaded only when a name contains one of the
terms as characters at all; most names never pay for it.
"""

from __future__ import annotations

import threading
from functools import cache

from ..text import Text

_PARTY = Text("政党、党政军机关或群团组织的名称，第十一条第三项",
              "the name of a party, a state or military body or a mass organisation, art. 11(3)")
_FOREIGN = Text("外国国家（地区）名称，第十一条第四项",
                "the name of a foreign country or region, art. 11(4)")
_INTL = Text("国际组织名称，第十一条第四项", "the name of an international organisation, art. 11(4)")
_IMMORAL = Text("淫秽、色情、赌博、迷信、恐怖或暴力的内容，第十一条第五项",
                "obscene, gambling, superstitious, terror or violent content, art. 11(5)")
_MISLEADING = Text("可能使公众受骗或误解的内容，第十一条第八项",
                   "content that may mislead the public, art. 11(8)")

RESTRICTED: dict[str, Text] = {
    **dict.fromkeys(("共产党", "国民党", "民主党", "共和党", "国务院", "人民政府", "人大常委会",
                     "人大", "政协", "公安局", "公安", "人民法院", "检察院", "人民检察院", "解放军",
                     "人民解放军", "武警", "部队", "军区", "纪委", "共青团", "妇联", "总工会"),
                    _PARTY),
    **dict.fromkeys(("美国", "英国", "法国", "德国", "日本", "韩国", "朝鲜", "俄罗斯", "意大利",
                     "加拿大", "澳大利亚", "新加坡", "西班牙", "葡萄牙", "荷兰", "瑞士", "瑞典",
                     "印度", "泰国", "越南", "巴西", "新西兰", "马来西亚", "菲律宾", "印度尼西亚",
                     "墨西哥", "阿根廷", "埃及", "南非", "以色列", "土耳其", "伊朗"), _FOREIGN),
    **dict.fromkeys(("联合国", "世界卫生组织", "世界贸易组织", "世贸组织", "奥林匹克", "奥委会",
                     "红十字会", "红十字", "欧盟", "东盟", "北约"), _INTL),
    **dict.fromkeys(("赌场", "赌博", "博彩", "色情", "淫秽", "算命", "占卜", "迷信", "恐怖",
                     "黑社会", "暴力", "杀手"), _IMMORAL),
    **dict.fromkeys(("国家级", "最高级", "最佳", "驰名", "特供", "专供"), _MISLEADING),
}
# 中国/中华/全国/国家 (and 中央 at the start) are not refused outright: art. 12 sends a name that
# begins with them to the State Council and lets the middle of a name use them as an industry
# qualifier only. names.py decides; the segmenter finds them as words.
NATIONAL = ("中国", "中华", "全国", "国家")
APPROVAL_PREFIXES = ("中国", "中华", "中央", "全国", "国家")
TERMS = tuple(sorted({*RESTRICTED, *APPROVAL_PREFIXES, "国际"}, key=len, reverse=True))
_lock = threading.Lock()


@cache
def _tokenizer():  # noqa: ANN202 - jieba has no type hints
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    for term in TERMS:
        tokenizer.add_word(term)
    tokenizer.initialize()
    return tokenizer


def words(text: str) -> list[tuple[int, str]]:
    """(start, word) for each word of `text` as the segmenter reads it. Text holding none of the
    terms is returned as one word without loading the segmenter: nothing in it can match."""
    if not any(term in text for term in TERMS):
        return [(0, text)]
    with _lock:                 # jieba's lazy structures are not safe to build concurrently
        tokens = _tokenizer().tokenize(text, HMM=False)
    return [(start, word) for word, start, _end in tokens]


def restricted_words(text: str) -> list[tuple[str, Text]]:
    """Each restricted term standing as a word in `text`, with why it is refused."""
    return [(word, RESTRICTED[word]) for _start, word in words(text) if word in RESTRICTED]
