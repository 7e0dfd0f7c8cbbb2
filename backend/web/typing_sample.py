"""What a person would type on each web page to enter a forms.samples application, by the
field paths the pages use as input names. Shared by the tests, the browser screenshots and
bench/web.py, so all three walk the same pages the same way."""

from __future__ import annotations

import forms


def encode(fld: forms.Field, value: object, prefix: str) -> list[tuple[str, str]]:
    """What a person types for `value` into the controls of `fld`."""
    path = prefix + fld.id
    if value is None:
        return []
    if fld.type == "address":
        return [(f"{path}.town", value["town"]), (f"{path}.detail", value["detail"])]
    if fld.type in ("multi_choice", "scope"):
        return [(path, str(v)) for v in value]
    if fld.type == "persons":
        out = []
        for i, row in enumerate(value):
            for key, item in row.items():
                out.append((f"{path}[{i}].{key}", str(item)))
        return out
    return [(path, str(value))]


def answers_for_page(app: forms.Application, page_id: str) -> list[tuple[str, str]]:
    """The sample's answers for one page of the web form."""
    service = forms.service(app.service)
    if page_id == "addons":
        return [("addons", a) for a in app.addons]
    if page_id == "declarations":
        return [("declarations", d) for d in app.declarations]
    if page_id.startswith("addon-"):
        addon = forms.addon(page_id[len("addon-"):])
        answers = app.addons[addon.id]
        return [pair for step in addon.steps for f in step.fields
                for pair in encode(f, answers.get(f.id), f"addons.{addon.id}.")]
    step = next(s for s in service.steps if s.id == page_id)
    return [pair for f in step.fields for pair in encode(f, app.answers.get(f.id), "")]
