"""'Find your business activity': catalogue search, and what each entry needs before trading.

For each catalogue entry the finder says plainly whether the business may trade on the licence
alone, needs a filing, or needs a permit — and whether this terminal can add that permit or
filing to the application (forms/ names an add-on) or the applicant must go to the department.

Searching runs while the person types. On the pinyin keyboard the letters typed so far
("cyfw") are not yet text: they are the field's pre-edit, shown underlined above the candidate
bar until a candidate is picked. Pinyin initials are exactly what the catalogue searches by, so
the field hands its pre-edit here too (`typing`), and the search uses committed text plus the
pre-edit's letters (the pinyin engine's syllable separators dropped: "c'y'f'w" -> "cyfw").
"""

from __future__ import annotations

import enum
import re
from typing import Any

from PySide6.QtCore import Property, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.emit import emit
from kiosk.session import Session

from .services import pick
from .session_bound import SessionBound

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

MAX_QUERY = 40  # the longest catalogue wording is 36 characters
RESULT_LIMIT = 20
_NOT_A_LETTER = re.compile(r"[^A-Za-z]+")


def effective_query(committed: str, preedit: str) -> str:
    """What to search for: the committed text and the pinyin letters still being typed."""
    return (committed.strip() + _NOT_A_LETTER.sub("", preedit))[:MAX_QUERY]


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
    # The results change with the pre-edit too, the query does not: re-notifying `query` while
    # pinyin is being typed would re-set the field's text, and that drops the pre-edit.
    resultsChanged = Signal()  # noqa: N815 (QML name)
    watches = frozenset({"locale", "scope_query"})

    _preedit = ""

    def _bind_session(self, session: Session) -> None:
        super()._bind_session(session)
        session.wiped.connect(self._forget_preedit)
        self.changed.connect(self.resultsChanged)

    def _forget_preedit(self) -> None:
        self._preedit = ""

    @Property(str, notify=changed)
    def query(self) -> str:
        """The committed text (what the field shows as text; part of the session)."""
        return str(self._session.get("scope_query")) if self._session else ""

    @Slot(str)
    def search(self, text: str) -> None:
        self.typing(text, "")

    @Slot(str, str)
    def typing(self, committed: str, preedit: str) -> None:
        """Every change of the field: its committed text and the pinyin still being typed."""
        letters = _NOT_A_LETTER.sub("", preedit)
        if letters != self._preedit:
            self._preedit = letters
            emit(self.resultsChanged)
        if self._session is not None:
            self._session.set("scope_query", committed[:MAX_QUERY])

    def _effective(self) -> str:
        return effective_query(self.query, self._preedit)

    def _matches(self) -> list[Any]:
        import forms

        text = self._effective()
        # One more than shown, to know whether the list was cut.
        return forms.catalogue_search(text, RESULT_LIMIT + 1) if text else []

    @Property(bool, notify=resultsChanged)
    def capped(self) -> bool:
        """More entries matched than are shown: the screen says so and asks for more letters."""
        return len(self._matches()) > RESULT_LIMIT

    @Property(int, constant=True)
    def limit(self) -> int:
        return RESULT_LIMIT

    @Property("QVariantList", notify=resultsChanged)
    def results(self) -> list[dict[str, Any]]:
        import forms

        locale = str(self._session.get("locale")) if self._session else "zh_CN"
        rows = []
        for item in self._matches()[:RESULT_LIMIT]:
            need = need_of(item.kind, item.addon_id)
            rows.append({
                "id": item.id,
                "text": item.text,
                "gloss": "" if locale == "zh_CN" else item.en,
                "need": need.value,
                "needTitle": pick(forms.addon(item.addon_id).title, locale) if item.addon_id else "",
            })
        return rows

    @Property(bool, notify=resultsChanged)
    def searched(self) -> bool:
        return bool(self._effective())
