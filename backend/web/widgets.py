"""One HTML control per forms field type, and the reverse: a posted form back to answers.

Generated from forms.Field alone, so a new service or add-on needs no template. Names and ids
follow forms' field paths ("address.town", "shareholders[1].name"), so a Problem's path finds its
control. A conditional field (visible_when) is always shown with a line saying when it applies
(no JavaScript to reveal it); its answer is dropped while the condition does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import forms
from forms import Field, Problem

from .page import e, html_id
from .text import pick, t

INTEGER = re.compile(r"-?\d{1,12}")
PERSON_KEYS = ("kind", "name", "id_number", "contribution", "role")
TEXT_INPUT = {
    "text": ("text", None), "person_name": ("text", "name"), "resident_id": ("text", "off"),
    "mobile": ("tel", "tel"), "credit_code": ("text", "off"), "money": ("text", "off"),
    "area": ("text", "off"), "integer": ("text", "off"), "date": ("date", "off"),
}
NUMERIC = {"money": "decimal", "area": "decimal", "integer": "numeric", "mobile": "tel"}


@dataclass
class Rendered:
    """A page's controls and, for the error summary, which element each field path lives in."""

    html: str = ""
    targets: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, element_id: str) -> None:
        self.targets.setdefault(path, element_id)


def problems_at(problems: Sequence[Problem], path: str) -> list[Problem]:
    return [p for p in problems if p.field == path]


def _error_line(problems: Sequence[Problem], lang: str, element_id: str) -> str:
    if not problems:
        return ""
    words = "；".join(p.en if lang == "en" else p.zh for p in problems)
    return f'<p class="error-message" id="{element_id}-error">{e(t("error_prefix", lang))}{e(words)}</p>'


def _hint(fld: Field, lang: str, owner: Mapping[str, Field]) -> str:
    hint = pick(fld.help, lang)
    if fld.visible_when is not None:
        ctrl = owner.get(fld.visible_when.field)
        if ctrl is not None:
            values = [pick(o.label, lang) for o in ctrl.options if o.value in fld.visible_when.values]
            hint = t("only_if", lang, field=pick(ctrl.label, lang), value="/".join(values)) + " " + hint
    return hint


def render_field(
    fld: Field,
    value: object,
    prefix: str,
    problems: Sequence[Problem],
    lang: str,
    owner: Mapping[str, Field],
    out: Rendered,
    *,
    search: str = "",
    extra_rows: int = 0,
    service_id: str = "",
) -> None:
    """Append the control for `fld` (its answer `value`) to `out`."""
    path = prefix + fld.id
    fid = html_id(path)
    label = pick(fld.label, lang) + ("" if fld.required else t("optional", lang))
    hint = _hint(fld, lang, owner)
    own = [p for p in problems if p.field == path or p.field.startswith(path + ".")
           or p.field.startswith(path + "[")]
    error_cls = " has-error" if own else ""
    described = f'{fid}-hint' + (f" {fid}-error" if own else "")
    hint_html = f'<p class="hint" id="{fid}-hint">{e(hint)}</p>' if hint else ""
    if fld.type in TEXT_INPUT:
        kind, autocomplete = TEXT_INPUT[fld.type]
        attrs = f' inputmode="{NUMERIC[fld.type]}"' if fld.type in NUMERIC else ""
        attrs += f' autocomplete="{autocomplete}"' if autocomplete else ""
        attrs += f' maxlength="{fld.max_length}"' if fld.max_length else ""
        shown = "" if value is None else str(value)
        out.add(path, fid)
        out.html += (
            f'<div class="group{error_cls}"><label for="{fid}">{e(label)}</label>{hint_html}'
            f"{_error_line(own, lang, fid)}"
            f'<input id="{fid}" name="{e(path)}" type="{kind}" value="{e(shown)}"'
            f' aria-describedby="{described}"{attrs}></div>'
        )
        return
    if fld.type in ("choice", "multi_choice"):
        chosen = value if isinstance(value, list) else [value]
        kind = "radio" if fld.type == "choice" else "checkbox"
        boxes = ""
        for i, option in enumerate(fld.options):
            oid = fid if i == 0 else f"{fid}-{i + 1}"
            checked = " checked" if option.value in chosen else ""
            boxes += (
                f'<div class="option"><input id="{oid}" name="{e(path)}" type="{kind}"'
                f' value="{e(option.value)}"{checked}><label for="{oid}">'
                f"{e(pick(option.label, lang))}</label></div>"
            )
        out.add(path, fid)
        out.html += _fieldset(label, hint_html, _error_line(own, lang, fid), boxes, error_cls,
                              described)
        return
    if fld.type == "address":
        value = value if isinstance(value, dict) else {}
        town = str(value.get("town") or "")
        options = f'<option value="">{e(t("choose", lang))}</option>' + "".join(
            f'<option value="{e(o.value)}"{" selected" if o.value == town else ""}>'
            f"{e(pick(o.label, lang))}</option>"
            for o in fld.options
        )
        tid, did = html_id(path + ".town"), html_id(path + ".detail")
        out.add(path, tid)
        out.add(path + ".town", tid)
        out.add(path + ".detail", did)
        inner = (
            f'<label for="{tid}">{e(t("town", lang))}</label>'
            f'<select id="{tid}" name="{e(path)}.town">{options}</select>'
            f'<label for="{did}">{e(t("detail", lang))}</label>'
            f'<input id="{did}" name="{e(path)}.detail" type="text" autocomplete="street-address"'
            f' value="{e(value.get("detail") or "")}">'
        )
        out.html += _fieldset(label, hint_html, _error_line(own, lang, fid), inner, error_cls,
                              described)
        return
    if fld.type == "scope":
        _scope(fld, value, path, fid, label, hint_html, own, lang, out, search, service_id,
               error_cls, described)
        return
    if fld.type == "persons":
        _persons(fld, value, path, fid, label, hint_html, own, problems, lang, out, extra_rows,
                 error_cls, described)
        return
    raise ValueError(f"no web control for field type {fld.type!r}")


def _fieldset(label: str, hint: str, error: str, inner: str, cls: str, described: str) -> str:
    return (
        f'<div class="group{cls}"><fieldset aria-describedby="{described}">'
        f"<legend>{e(label)}</legend>{hint}{error}{inner}</fieldset></div>"
    )


def _scope(fld: Field, value: object, path: str, fid: str, label: str, hint: str,
           own: list[Problem], lang: str, out: Rendered, search: str, service_id: str,
           error_cls: str, described: str) -> None:
    chosen = [str(v) for v in value] if isinstance(value, list) else []
    defs = forms.definitions.current()
    boxes = ""
    n = 0

    def box(item_id: str, checked: bool) -> str:
        nonlocal n
        n += 1
        oid = fid if n == 1 else f"{fid}-{n}"
        item = defs.catalogue.by_id.get(item_id)
        text = item_id if item is None else (item.en if lang == "en" else item.text)
        return (
            f'<div class="option"><input id="{oid}" name="{e(path)}" type="checkbox"'
            f' value="{e(item_id)}"{" checked" if checked else ""}><label for="{oid}">'
            f"{e(text)}</label></div>"
        )

    if chosen:
        boxes += f'<p class="subhead">{e(t("scope_chosen", lang))}</p>'
        boxes += "".join(box(i, True) for i in chosen)
    results = [
        item for item in (forms.catalogue_search(search, 20) if search.strip() else [])
        if item.id not in chosen and service_id not in item.not_for
    ]
    if results:
        boxes += f'<p class="subhead">{e(t("scope_results", lang))}</p>'
        boxes += "".join(box(item.id, False) for item in results)
    sid = f"{fid}-search"
    out.add(path, fid if n else sid)
    boxes += (
        f'<div class="search"><label for="{sid}">{e(t("scope_search", lang))}</label>'
        f'<input id="{sid}" name="_search" type="search" value="{e(search)}"'
        f' data-scope-field="{e(path)}" data-service="{e(service_id)}">'
        f'<button class="secondary" name="_action" value="search">{e(t("search", lang))}</button>'
        f'<div id="{sid}-live" aria-live="polite"></div></div>'
    )
    out.html += _fieldset(label, hint, _error_line(own, lang, fid), boxes, error_cls, described)


def _persons(fld: Field, value: object, path: str, fid: str, label: str, hint: str,
             own: list[Problem], problems: Sequence[Problem], lang: str, out: Rendered,
             extra_rows: int, error_cls: str, described: str) -> None:
    rows = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
    limit = fld.max_items or 50
    blanks = max(0 if rows else 1, extra_rows)
    rows = rows + [{} for _ in range(min(blanks, max(0, limit - len(rows))))]
    out.add(path, html_id(f"{path}[0].name"))
    inner = ""
    for i, row in enumerate(rows):
        base = f"{path}[{i}]"
        cells = ""
        if fld.allow_companies:
            kid = html_id(base + ".kind")
            out.add(base + ".kind", kid)
            kind = row.get("kind", "person")
            cells += (
                f'<label for="{kid}">{e(t("p_kind", lang))}</label><select id="{kid}"'
                f' name="{e(base)}.kind">'
                + "".join(
                    f'<option value="{k}"{" selected" if kind == k else ""}>'
                    f"{e(t('p_kind_' + k, lang))}</option>" for k in ("person", "company")
                )
                + "</select>"
            )
        keys = ["name", "id_number"] + (["contribution"] if fld.with_contribution else [])
        for key in keys:
            cid = html_id(f"{base}.{key}")
            out.add(f"{base}.{key}", cid)
            word = {"name": "p_name", "id_number": "p_id", "contribution": "p_contribution"}[key]
            if not fld.allow_companies and key != "contribution":
                word += "_person"
            mode = ' inputmode="decimal"' if key == "contribution" else ""
            cells += (
                f"{_error_line(problems_at(problems, f'{base}.{key}'), lang, cid)}"
                f'<label for="{cid}">{e(t(word, lang))}</label><input id="{cid}"'
                f' name="{e(base)}.{key}" type="text"{mode} value="{e(row.get(key) or "")}">'
            )
        if fld.roles:
            rid = html_id(base + ".role")
            out.add(base + ".role", rid)
            role = row.get("role") or ""
            cells += (
                f"{_error_line(problems_at(problems, f'{base}.role'), lang, rid)}"
                f'<label for="{rid}">{e(t("p_role", lang))}</label><select id="{rid}"'
                f' name="{e(base)}.role"><option value="">{e(t("choose", lang))}</option>'
                + "".join(
                    f'<option value="{e(o.value)}"{" selected" if o.value == role else ""}>'
                    f"{e(pick(o.label, lang))}</option>" for o in fld.roles
                )
                + "</select>"
            )
        inner += (
            f'<fieldset class="person"><legend>{e(t("person", lang, n=i + 1))}</legend>'
            f"{cells}</fieldset>"
        )
    if len(rows) < limit:
        inner += (
            f'<button class="secondary" name="_action" value="more:{e(path)}">'
            f"{e(t('add_row', lang))}</button>"
        )
    whole = [p for p in own if p.field == path]
    out.html += _fieldset(label, hint, _error_line(whole, lang, fid), inner, error_cls, described)


def parse_field(fld: Field, form: Mapping[str, list[str]], prefix: str) -> object | None:
    """The answer for `fld` from a posted form (name -> every value); None = not answered."""
    path = prefix + fld.id

    def one(name: str) -> str:
        values = form.get(name) or [""]
        return values[0].strip()

    if fld.type in TEXT_INPUT:
        raw = one(path)
        if raw == "":
            return None
        if fld.type == "integer" and INTEGER.fullmatch(raw):
            return int(raw)
        return raw
    if fld.type == "choice":
        return one(path) or None
    if fld.type in ("multi_choice", "scope"):
        chosen = [v.strip() for v in form.get(path, []) if v.strip()]
        return list(dict.fromkeys(chosen)) or None
    if fld.type == "address":
        town, detail = one(path + ".town"), one(path + ".detail")
        return {"town": town, "detail": detail} if town or detail else None
    if fld.type == "persons":
        return _parse_persons(fld, form, path)
    raise ValueError(f"no web control for field type {fld.type!r}")


def _parse_persons(fld: Field, form: Mapping[str, list[str]], path: str) -> list[dict] | None:
    pattern = re.compile(re.escape(path) + r"\[(\d{1,3})\]\.(\w+)")
    rows: dict[int, dict[str, str]] = {}
    for name, values in form.items():
        match = pattern.fullmatch(name)
        if match and match.group(2) in PERSON_KEYS and values:
            rows.setdefault(int(match.group(1)), {})[match.group(2)] = values[0].strip()
    entries = []
    for index in sorted(rows):
        row = rows[index]
        if not any(row.get(k) for k in ("name", "id_number", "contribution")):
            continue  # an untouched blank row
        entry: dict[str, object] = {"kind": row.get("kind") or "person",
                                    "name": row.get("name", ""),
                                    "id_number": row.get("id_number", "")}
        if fld.with_contribution:
            entry["contribution"] = row.get("contribution", "")
        if fld.roles:
            entry["role"] = row.get("role", "")
        entries.append(entry)
    return entries or None


def display(fld: Field, value: object, lang: str) -> str:
    """An answer as the check-answers page shows it (plain text, escaped by the caller)."""
    if value is None or value == [] or value == "":
        return t("none", lang)
    if fld.type == "choice":
        return next((pick(o.label, lang) for o in fld.options if o.value == value), str(value))
    if fld.type == "multi_choice" and isinstance(value, list):
        labels = {o.value: pick(o.label, lang) for o in fld.options}
        return "、".join(labels.get(v, str(v)) for v in value)
    if fld.type == "scope" and isinstance(value, list):
        by_id = forms.definitions.current().catalogue.by_id
        return "；".join(
            (by_id[v].en if lang == "en" else by_id[v].text) if v in by_id else str(v)
            for v in value
        )
    if fld.type == "address" and isinstance(value, dict):
        town = next((pick(o.label, lang) for o in fld.options if o.value == value.get("town")), "")
        return f"{town} {value.get('detail', '')}".strip()
    if fld.type == "persons" and isinstance(value, list):
        roles = {o.value: pick(o.label, lang) for o in fld.roles}
        parts = []
        for row in value:
            if isinstance(row, dict):
                bits = [str(row.get("name", "")), str(row.get("id_number", ""))]
                if row.get("contribution"):
                    bits.append(str(row["contribution"]))
                if row.get("role"):
                    bits.append(roles.get(str(row["role"]), str(row["role"])))
                parts.append(" ".join(bits))
        return "；".join(parts)
    return str(value)
