"""Load ahead of need what the first checks would otherwise load while someone waits.

The name rules read three word lists (a few ms) and, for a name that holds a restricted term's
characters, jieba's dictionary (about half a second to a second on the terminal's board). A host
calls prepare() once from a background thread while the attract screen shows; without it the
first such name check pays the cost instead. Safe to call twice or from several threads.
"""

from __future__ import annotations

from .definitions import current
from .rules.names import check_name
from .rules.restricted import restricted_words
from .rules.standard_chars import to_simplified


def prepare() -> None:
    current()
    check_name("佛山市南海区明德餐饮有限公司", "limited_company")
    restricted_words("精英国际")          # holds 英国 as characters: loads the segmenter
    to_simplified("餐飲")
