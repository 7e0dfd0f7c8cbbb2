"""Derive data/industry_words.txt from data/gb4754_2017.psv: `python -m forms.rules.derive`.

企业名称登记管理规定 (2020) art. 9: the industry or business feature in a name is chosen from the
national industry classification (GB/T 4754-2017) and, where it has no term, from the trade's
usage. Names rarely quote a class title whole ("谷物种植"), so each title also yields its parts
(split at 、和及与) and those parts without the activity suffix the classification adds
("稻谷种植" -> "稻谷", "汽车新车零售" -> "汽车新车"). FEATURE_WORDS are the trade's usual words
for the same activities (商贸 for 批发和零售业, 科技 for 科技推广和应用服务业, …): each is listed
with the section of GB/T 4754-2017 it stands for, so a reader can check it against the standard.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).with_name("data")
SUFFIXES = ("制造业", "服务业", "制造", "服务", "批发", "零售", "种植", "养殖", "加工", "活动",
            "生产", "开采", "采选", "修理", "租赁", "供应", "经营", "业")
NOISE = ("其他未列明", "其他", "未列明")
FEATURE_WORDS = {
    "F 批发和零售业": "商贸 贸易 商行 商业 百货 超市 便利 商务 电子商务 五金 建材 烟酒 水果 茶叶 茶业 "
                  "日用品 药房 大药房 医药 药业 医疗器械 服饰 鞋业 眼镜",
    "H 住宿和餐饮业": "餐饮 饮食 美食 小吃 快餐 酒楼 酒家 饭店 酒店 茶餐厅 烧腊 甜品 面包 奶茶 "
                  "餐饮管理 饮品",
    "I 信息传输、软件和信息技术服务业": "信息技术 信息科技 网络 网络科技 软件 数据 智能 通信 电子科技",
    "M 科学研究和技术服务业": "科技 技术 生物科技 新材料 检测 设计 工程技术",
    "L 租赁和商务服务业": "咨询 管理 企业管理 文化传播 传媒 广告 会展 策划 实业 投资 发展 "
                    "人力资源 物业 物业管理 供应链 供应链管理",
    "C 制造业": "制衣 服装 塑料 印刷 机械 电器 家具 玩具 食品 五金制品 铝业 陶瓷 灯饰 纺织 "
              "电子 模具 不锈钢",
    "E 建筑业": "装饰 装修 建筑 工程 安装 园林 装饰工程",
    "G 交通运输、仓储和邮政业": "物流 运输 货运 快递 仓储",
    "O 居民服务、修理和其他服务业": "家政 洗衣 美容 美发 美甲 养生 摄影 维修 汽车服务 汽车维修",
    "P 教育": "教育 培训 教育科技",
    "R 文化、体育和娱乐业": "文化 体育 健身 娱乐 艺术",
    "Q 卫生和社会工作": "健康 健康管理 诊所",
    "A 农、林、牧、渔业": "农业 农产品 种养 园艺 花卉 水产",
}


def parts_of(title: str) -> set[str]:
    """A class title, its parts, and each without the classification's activity suffix."""
    found = {title}
    for part in re.split(r"[、，,和及与（）()]", title):
        for noise in NOISE:
            part = part.removeprefix(noise)
        if not part:
            continue
        found.add(part)
        for suffix in SUFFIXES:
            if part.endswith(suffix) and len(part) - len(suffix) >= 2:
                found.add(part[: -len(suffix)])
    return {w for w in found if len(w) >= 2}


def derive() -> list[str]:
    words: set[str] = set()
    for line in (DATA / "gb4754_2017.psv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words |= parts_of(line.split("|")[2])
    for group in FEATURE_WORDS.values():
        words |= set(group.split())
    return sorted(words, key=lambda w: (len(w), w))


def main() -> None:
    words = derive()
    header = ("# Industry and business-feature words for names, derived from gb4754_2017.psv (GB/T\n"
              "# 4754-2017) and the trade words in forms/rules/derive.py FEATURE_WORDS; regenerate\n"
              "# with `python -m forms.rules.derive`. One word a line.\n")
    (DATA / "industry_words.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words")


if __name__ == "__main__":
    main()
