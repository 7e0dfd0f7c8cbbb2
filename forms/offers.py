"""Which permit add-ons a chosen business scope calls for, and why, in one sentence each."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import ScopeItem
from .definitions import current, service
from .model import AddOn
from .text import Text


@dataclass(frozen=True)
class AddOnOffer:
    """An add-on the applicant may apply for now, the scope items that need it, and why."""

    addon: AddOn
    triggered_by: list[ScopeItem]
    reason: Text


def offered_addons(service_id: str, scope_item_ids: list[str]) -> list[AddOnOffer]:
    """The add-ons the scope triggers, in add-on order. Unknown item ids are skipped (validation
    reports them); an unknown service raises UnknownService."""
    svc = service(service_id)
    defs = current()
    ids = scope_item_ids if isinstance(scope_item_ids, list | tuple) else []
    triggers: dict[str, list[ScopeItem]] = {}
    for item_id in ids:
        item = defs.catalogue.by_id.get(item_id) if isinstance(item_id, str) else None
        if item is not None and item.addon_id and item not in triggers.get(item.addon_id, []):
            triggers.setdefault(item.addon_id, []).append(item)
    offers = []
    for addon in defs.addons:
        items = triggers.get(addon.id)
        if items and svc.id in addon.services:
            reason = Text(addon.reason.zh.format(items="、".join(i.text for i in items)),
                          addon.reason.en.format(items=", ".join(i.en for i in items)))
            offers.append(AddOnOffer(addon, items, reason))
    return offers
