"""'Find your business activity': catalogue search, and what each entry needs before trading.

For each catalogue entry the finder says plainly whether the business may trade on the licence
alone, needs a filing, or needs a permit — and whether this terminal can add that permit or
filing to the application (forms/ names an add-on) or the applicant must go to the department.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import Property, Signal, Slot
from PySide6.QtQml import QmlElement

from .services import pick
from .session_bound import SessionBound

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

MAX_QUERY = 40  # the longest catalogue wording is 36 characters
RESULT_LIMIT = 20


class Need(enum.StrEnum):
    NOTHING = "nothing"                # general item: the licence is enough
    FILING = "filing"                  # general item with a filing add-on (备案)
    PERMIT_HERE = "permit_here"        # licensed item whose permit this terminal can add
    PERMIT_ELSEWHERE = "permit_elsewhere"  # licensed item with no add-on here


def need_of(kind: str, addon_id: str | None) -> Need:
    if kind == "licensed":
        return Need.PERMIT_HERE if addon_id else Need.PERMIT_ELSEWHERE
    return Need.FILING if addon_id else Need.NOTHING


@QmlElement
class ScopeFinder(SessionBound):
    changed = Signal()
    watches = frozenset({"locale", "scope_query"})

    @Property(str, notify=changed)
    def query(self) -> str:
        return str(self._session.get("scope_query")) if self._session else ""

    @Slot(str)
    def search(self, text: str) -> None:
        if self._session is not None:
            self._session.set("scope_query", text[:MAX_QUERY])

    @Property("QVariantList", notify=changed)
    def results(self) -> list[dict[str, Any]]:
        import forms

        text = self.query.strip()
        if not text:
            return []
        locale = str(self._session.get("locale")) if self._session else "zh_CN"
        rows = []
        for item in forms.catalogue_search(text, RESULT_LIMIT):
            need = need_of(item.kind, item.addon_id)
            rows.append({
                "id": item.id,
                "text": item.text,
                "gloss": "" if locale == "zh_CN" else item.en,
                "need": need.value,
                "needTitle": pick(forms.addon(item.addon_id).title, locale) if item.addon_id else "",
            })
        return rows

    @Property(bool, notify=changed)
    def searched(self) -> bool:
        return bool(self.query.strip())
