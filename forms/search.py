"""Catalogue look-ups for the kiosk's scope picker and the technician's CLI."""

from __future__ import annotations

from .catalogue import ScopeItem
from .definitions import current
from .errors import UnknownScopeItem
from .messages import shown


def catalogue_search(text: str, limit: int = 20) -> list[ScopeItem]:
    """Items matching Chinese text ("餐饮") or pinyin initials ("cyfw") or full pinyin."""
    return current().catalogue.search(text, limit)


def scope_item(item_id: str) -> ScopeItem:
    found = current().catalogue.by_id.get(item_id) if isinstance(item_id, str) else None
    if found is None:
        raise UnknownScopeItem(f"no scope item {shown(item_id)!r}")
    return found
