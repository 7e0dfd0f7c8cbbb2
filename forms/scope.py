"""The business-scope answer: items from the catalogue, coherent with each other and the service."""

from __future__ import annotations

from .catalogue import ScopeItem
from .messages import report
from .model import Field
from .rules.names import ENTITY_WORDING
from .text import Problem, Text
from .values import Context


def scope_problems(field: Field, value: object, path: str, ctx: Context) -> list[Problem]:
    """Unknown, repeated, overlapping or not-allowed items, then the count.

    Overlap: an item that covers another (食品销售 covers 食品销售（仅销售预包装食品）) makes the
    narrower one redundant, and the pair would trigger both a permit and a filing.
    """
    if not isinstance(value, list):
        return [report(path, "type", field.label)]
    limit = field.max_items or 100
    if len(value) > limit:
        return [report(path, "scope.too_many", field.label, max=limit)]
    if len(value) < (field.min_items or 1):
        return [report(path, "required", field.label)]
    problems = []
    seen: dict[str, int] = {}           # item id -> its first position, in the applicant's order
    items = ctx.catalogue.by_id
    entity = ENTITY_WORDING.get(ctx.service_id, Text("本类主体", "this kind of business"))
    for i, item_id in enumerate(value):
        item = items.get(item_id) if isinstance(item_id, str) else None
        if item is None:
            problems.append(report(f"{path}[{i}]", "scope.unknown", field.label))
            continue
        if item_id in seen:
            problems.append(report(f"{path}[{i}]", "scope.duplicate", field.label,
                                   item=_wording(item)))
            continue
        seen[item_id] = i
        if ctx.service_id in item.not_for:
            problems.append(report(f"{path}[{i}]", "scope.not_for_entity", field.label,
                                   item=_wording(item), entity=entity))
    for item_id in seen:
        for covered in items[item_id].covers:
            if covered in seen:
                problems.append(report(f"{path}[{seen[covered]}]", "scope.overlap",
                                       field.label, item=_wording(items[item_id]),
                                       other=_wording(items[covered])))
    return problems


def _wording(item: ScopeItem) -> Text:
    return Text(item.text, item.en)
