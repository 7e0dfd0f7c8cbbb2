"""The business-scope catalogue (经营范围规范表述目录): items, search, and licence wording.

Data lives beside this module: `source.psv` (the entries) and `index.psv` (their pinyin, derived
by `python -m forms.catalogue.derive`). Pinyin is stored, not computed, because importing pypinyin
alone costs about 150 ms on the terminal's 2-core board, three times the 50 ms load budget.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import DefinitionError
from ..rules.standard_chars import to_simplified

DATA_DIR = Path(__file__).parent
CATEGORIES = ("retail", "catering", "services", "trade", "health", "manufacturing")
KINDS = ("general", "licensed")


@dataclass(frozen=True)
class ScopeItem:
    """One entry of the standard catalogue.

    `addon_id` names the permit or filing add-on the item triggers (licensed items, and general
    items that need a filing); None when the terminal offers no add-on for it. `covers` lists
    narrower items this one includes (食品销售 includes 食品销售（仅销售预包装食品）);
    `not_for` lists services that may not register it.
    """

    id: str
    text: str
    en: str
    kind: str
    addon_id: str | None
    category: str
    covers: tuple[str, ...] = ()
    not_for: tuple[str, ...] = ()
    initials: str = ""
    pinyin: str = ""

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "text": self.text, "en": self.en, "kind": self.kind,
                "addon_id": self.addon_id, "category": self.category}


@dataclass(frozen=True)
class Catalogue:
    """All items, in catalogue order, indexed by id."""

    items: tuple[ScopeItem, ...]
    by_id: dict[str, ScopeItem]

    @functools.cached_property
    def _folded(self) -> tuple[str, ...]:
        """Each wording folded as a query is (NFKC): the catalogue writes full-width brackets
        (食品销售（仅销售预包装食品）), which NFKC turns into ASCII ones in what a person types."""
        return tuple(unicodedata.normalize("NFKC", item.text) for item in self.items)

    def search(self, text: str, limit: int = 20) -> list[ScopeItem]:
        """Items whose wording contains `text`, or whose pinyin initials or full pinyin do.

        Matches on the Chinese wording rank first, then initials, then full pinyin, because a
        touchscreen user who typed Chinese meant exactly that. Empty text finds nothing.
        """
        if not isinstance(text, str) or not isinstance(limit, int) or limit <= 0:
            return []
        # As typed: NFKC folds full-width letters (ｃｙｆｗ) and odd spaces; traditional forms
        # (餐飲) are searched as their simplified ones. 40 chars: longer than any wording.
        query = "".join(unicodedata.normalize("NFKC", text[:200]).split())[:40]
        if not query:
            return []
        if not query.isascii():
            query = to_simplified(query)
        latin = query.lower() if query.isascii() and query.isalpha() else None
        ranked: list[tuple[int, int, ScopeItem]] = []
        for order, (item, text) in enumerate(zip(self.items, self._folded, strict=True)):
            if query in text:
                rank = 0 if text.startswith(query) else 1
            elif latin is not None and latin in item.initials:
                rank = 2 if item.initials.startswith(latin) else 3
            elif latin is not None and latin in item.pinyin:
                rank = 4
            else:
                continue
            ranked.append((rank, order, item))
        ranked.sort(key=lambda entry: (entry[0], entry[1]))
        return [item for _, _, item in ranked[:limit]]


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != width:
            raise DefinitionError(path, f"line {number}", f"expected {width} cells, found {len(cells)}")
        rows.append((number, cells))
    return rows


def load_catalogue(directory: Path = DATA_DIR, addon_ids: frozenset[str] | None = None,
                   service_ids: frozenset[str] | None = None) -> Catalogue:
    """Read and check the catalogue; a DefinitionError names the file, the line and the problem."""
    source, index_path = directory / "source.psv", directory / "index.psv"
    pinyin = {cells[0]: (cells[1], cells[2]) for _, cells in _rows(index_path, 3)}
    items: list[ScopeItem] = []
    by_id: dict[str, ScopeItem] = {}
    for number, cells in _rows(source, 8):
        item_id, category, kind, addon_id, covers, not_for, text, en = cells
        where = f"line {number} ({item_id})"
        if not item_id or item_id in by_id:
            raise DefinitionError(source, where, "missing or repeated id")
        if category not in CATEGORIES:
            raise DefinitionError(source, where, f"category must be one of {CATEGORIES}")
        if kind not in KINDS:
            raise DefinitionError(source, where, f"kind must be one of {KINDS}")
        if not text or not en:
            raise DefinitionError(source, where, "both the zh wording and the English gloss are needed")
        if addon_ids is not None and addon_id and addon_id not in addon_ids:
            raise DefinitionError(source, where, f"add-on {addon_id!r} has no definition")
        excluded = tuple(filter(None, not_for.split(",")))
        if service_ids is not None and not set(excluded) <= service_ids:
            raise DefinitionError(source, where, f"unknown service in not_for: {not_for!r}")
        if item_id not in pinyin:
            raise DefinitionError(index_path, item_id,
                                  "no pinyin; run `python -m forms.catalogue.derive`")
        initials, full = pinyin[item_id]
        item = ScopeItem(item_id, text, en, kind, addon_id or None, category,
                         tuple(filter(None, covers.split(","))), excluded, initials, full)
        items.append(item)
        by_id[item_id] = item
    for item in items:
        for covered in item.covers:
            if covered not in by_id:
                raise DefinitionError(source, item.id, f"covers unknown item {covered!r}")
    return Catalogue(tuple(items), by_id)
