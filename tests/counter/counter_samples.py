"""Applications the counter tests submit."""

from __future__ import annotations

import random

TRADE_POOL = "甲乙丙丁戊己庚辛壬癸春夏秋冬梅兰竹菊松柏桃李杏"


def grocery(addons: bool = True):
    """A corner shop selling food: approved at once (a food *seller* is granted the permit on
    commitment; catering needs an on-site inspection first — 食品经营许可审查通则 2024)."""
    from forms.samples import valid_application

    app = valid_application("individual_business", addons=("food_business",) if addons else ())
    app.answers["scope"] = ["daily_goods_sales", "food_sales"]
    # A trade name nobody else in the run has: the backend refuses a name already registered.
    app.answers["name"] = f"佛山市南海区桂城{''.join(random.sample(TRADE_POOL, 3))}百货店"
    if addons:
        app.addons["food_business"].update(business_format="seller", business_items=["prepackaged", "bulk"])
    return app
