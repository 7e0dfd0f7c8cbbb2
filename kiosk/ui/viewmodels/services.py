"""The service list and what a chosen service will ask, straight from forms/ definitions.

forms/ (its TOML definitions and catalogue, about 70 ms to load here) is imported on first use,
which the composition root arranges right after the attract screen's first frame.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, Signal, Slot
from PySide6.QtQml import QmlElement

from .session_bound import SessionBound

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.services")


def pick(text: Any, locale: str) -> str:
    """A forms.Text in the session's language."""
    return str(text.zh if locale == "zh_CN" else text.en)


@QmlElement
class ServiceList(SessionBound):
    changed = Signal()
    watches = frozenset({"locale", "service_id"})

    def _locale(self) -> str:
        return str(self._session.get("locale")) if self._session else "zh_CN"

    @Property("QVariantList", notify=changed)
    def services(self) -> list[dict[str, str]]:
        import forms

        locale = self._locale()
        return [{"id": s.id, "title": pick(s.title, locale), "description": pick(s.description, locale)}
                for s in forms.services()]

    @Slot(str)
    def choose(self, service_id: str) -> None:
        import forms

        try:
            forms.service(service_id)
        except forms.UnknownService:
            log.warning("no service %r", service_id[:40])
            return
        if self._session is not None:
            self._session.set("service_id", service_id)

    @Property(str, notify=changed)
    def chosenId(self) -> str:  # noqa: N802 (QML name)
        return str(self._session.get("service_id")) if self._session else ""

    @Property("QVariantMap", notify=changed)
    def chosen(self) -> dict[str, Any]:
        """Title, description, the titles of its steps and its declarations, for the preview."""
        import forms

        if not self.chosenId:
            return {}
        service = forms.service(self.chosenId)
        locale = self._locale()
        return {
            "id": service.id,
            "title": pick(service.title, locale),
            "description": pick(service.description, locale),
            "steps": [pick(step.title, locale) for step in service.steps],
            "declarations": [pick(d.text, locale) for d in service.declarations],
            **_guidance(service.id, locale),
        }


def _guidance(service_id: str, locale: str) -> dict[str, Any]:
    from kiosk.service_guidance import guidance

    found = guidance(service_id, locale)
    if found is None:
        return {"forWhom": "", "liability": "", "bring": []}
    return {"forWhom": found.for_whom, "liability": found.liability, "bring": list(found.bring)}
