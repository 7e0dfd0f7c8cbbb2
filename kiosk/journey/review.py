"""What the review screen lists: every answer that will be sent, in words a person reads.

Values are shown as the citizen chose them (an option's label, not its code; a town's name; a
scope item's wording; "元" after money), each with the field path `edit()` takes.
"""

from __future__ import annotations

from dataclasses import dataclass

import forms

from .draft import ApplicationDraft

YUAN = forms.Text("{amount} 元", "{amount} yuan")
PERSON = forms.Text("{name}（{id}）", "{name} ({id})")


@dataclass(frozen=True)
class ReviewRow:
    path: str            # for RegistrationJourney.edit
    section: forms.Text  # the step's or add-on's title
    label: forms.Text
    shown: forms.Text


def _pick(options: tuple[forms.Option, ...], value: object) -> forms.Text:
    found = next((o.label for o in options if o.value == value), None)
    return found or forms.Text(str(value), str(value))


def _item(item_id: object) -> forms.ScopeItem | None:
    try:
        return forms.scope_item(item_id) if isinstance(item_id, str) else None
    except forms.UnknownScopeItem:
        return None


def shown(field: forms.Field, value: object) -> forms.Text:
    """One answer in both languages."""
    if field.type in ("choice",):
        return _pick(field.options, value)
    if field.type == "multi_choice" and isinstance(value, list):
        parts = [_pick(field.options, v) for v in value]
        return forms.Text("、".join(p.zh for p in parts), ", ".join(p.en for p in parts))
    if field.type == "address" and isinstance(value, dict):
        town = _pick(field.options, value.get("town"))
        detail = str(value.get("detail", ""))
        return forms.Text(town.zh + detail, f"{detail}, {town.en}")
    if field.type == "scope" and isinstance(value, list):
        items = [i for i in (_item(v) for v in value) if i is not None]
        return forms.Text("；".join(i.text for i in items), "; ".join(i.en for i in items))
    if field.type == "money":
        return YUAN.format(amount=value)
    if field.type == "persons" and isinstance(value, list):
        parts = []
        for entry in value:
            if isinstance(entry, dict):
                role = _pick(field.roles, entry["role"]) if entry.get("role") else None
                person = PERSON.format(name=entry.get("name", ""), id=entry.get("id_number", ""))
                parts.append(forms.Text(person.zh + (f" {role.zh}" if role else ""),
                                        person.en + (f" {role.en}" if role else "")))
        return forms.Text("\n".join(p.zh for p in parts), "\n".join(p.en for p in parts))
    text = "" if value is None else str(value)
    return forms.Text(text, text)


def review_rows(draft: ApplicationDraft) -> list[ReviewRow]:
    app = draft.to_application()
    rows: list[ReviewRow] = []
    for definition, answers, prefix in [(draft.service, app.answers, "")] + [
            (forms.addon(a), v, f"addons.{a}.") for a, v in app.addons.items()]:
        for step in definition.steps:
            for f in step.fields:
                if f.id in answers:
                    rows.append(ReviewRow(prefix + f.id, step.title, f.label,
                                          shown(f, answers[f.id])))
    return rows
