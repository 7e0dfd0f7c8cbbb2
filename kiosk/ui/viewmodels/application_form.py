"""The Qt face of the registration journey: forwards taps to kiosk.journey and shows its state.

Everything decided lives in kiosk.journey (plain Python, unit-tested); this adapter turns it
into properties and list models for QML, in the session's language. The draft lives in the
Session, so a wipe (finish, cancel, idle, crash) takes it, and this adapter drops its journey.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.emit import emit

from .field_models import PERSON_KEYS, FieldListModel, PersonListModel, PlainListModel
from .services import pick
from .session_bound import SessionBound

if TYPE_CHECKING:
    import forms
    from kiosk.journey import RegistrationJourney, Stage, Submission

QML_IMPORT_NAME = "Kiosk.ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.form")


@QmlElement
class ApplicationForm(SessionBound):
    changed = Signal()          # the stage shown, its title, progress, the message
    finished = Signal()         # the citizen tapped Finish on the confirm stage
    submitted = Signal(object)  # (application, signatures): the citizen tapped Submit
    cardChanged = Signal()  # noqa: N815 (QML name): the ID-card reader's word on the identify stage
    focusProblem = Signal(str)  # noqa: N815 (QML name): field id of the first problem on Next
    watches = frozenset({"locale"})

    def __init__(self, session=None, submission: Submission | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self._submission = submission
        self._card_reader = False
        self._card_message: tuple[str, str] | None = None
        self._journey: RegistrationJourney | None = None
        self._message: forms.Text | None = None
        self._fields = FieldListModel(self)
        self._persons: dict[str, PersonListModel] = {}
        self._offers = PlainListModel(("addonId", "title", "reason", "decision"), self)
        self._declarations = PlainListModel(("declarationId", "text", "confirmed"), self)
        self._review = PlainListModel(("path", "section", "label", "shown"), self)
        self.changed.connect(self._refresh)
        self.changed.connect(self.cardChanged)  # the card's message follows the language
        if session is not None:
            session.wiped.connect(self._forget)

    # --- life ------------------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        """Start filling in the chosen service: a fresh draft in the session."""
        from kiosk.journey import ApplicationDraft, RegistrationJourney, SubmissionUnavailable

        if self._session is None or not self._session.get("service_id"):
            return
        draft = ApplicationDraft(str(self._session.get("service_id")))
        self._session.set("draft", draft)
        self._journey = RegistrationJourney(draft, self._submission or SubmissionUnavailable())
        self._message = None
        self._persons.clear()
        self._fields.sync([], "fieldId")
        emit(self.changed)

    def _forget(self) -> None:
        self._journey = None
        self._message = None
        self._persons.clear()
        self._refresh()

    @property
    def journey(self) -> RegistrationJourney | None:
        return self._journey

    def _locale(self) -> str:
        return str(self._session.get("locale")) if self._session else "zh_CN"

    def _t(self, text: Any) -> str:
        return pick(text, self._locale()) if text is not None else ""

    # --- what is shown ---------------------------------------------------------------------

    @Property(bool, notify=changed)
    def active(self) -> bool:
        return self._journey is not None

    @Property(str, notify=changed)
    def stageKey(self) -> str:  # noqa: N802
        return self._journey.stage.key if self._journey else ""

    @Property(str, notify=changed)
    def stageKind(self) -> str:  # noqa: N802
        return self._journey.stage.kind.value if self._journey else ""

    @Property(str, notify=changed)
    def component(self) -> str:
        """The QML component (module Kiosk.Journey) for this stage; Python owns the table."""
        return self._journey.stage.component if self._journey else ""

    @Property(str, notify=changed)
    def title(self) -> str:
        return self._t(self._journey.stage.title) if self._journey else ""

    @Property(int, notify=changed)
    def position(self) -> int:
        return self._journey.index + 1 if self._journey else 0

    @Property(int, notify=changed)
    def count(self) -> int:
        return len(self._journey.stages) if self._journey else 0

    @Property("QStringList", notify=changed)
    def stageTitles(self) -> list[str]:  # noqa: N802
        return [self._t(s.title) for s in self._journey.stages] if self._journey else []

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._t(self._message)

    @Property(bool, notify=changed)
    def returning(self) -> bool:
        return bool(self._journey and self._journey.returning)

    @Property(bool, notify=changed)
    def canSubmit(self) -> bool:  # noqa: N802
        return bool(self._journey and self._journey.submission.available)

    @Property(str, notify=changed)
    def cannotSubmit(self) -> str:  # noqa: N802
        from kiosk.journey.submission import CANNOT_SUBMIT

        # Both languages whatever the UI language: nobody should think it was sent.
        return "" if self.canSubmit else f"{CANNOT_SUBMIT.zh}\n\n{CANNOT_SUBMIT.en}"

    @Property(QObject, constant=True)
    def fields(self) -> FieldListModel:
        return self._fields

    @Property(QObject, constant=True)
    def offers(self) -> PlainListModel:
        return self._offers

    @Property(QObject, constant=True)
    def declarations(self) -> PlainListModel:
        return self._declarations

    @Property(QObject, constant=True)
    def review(self) -> PlainListModel:
        return self._review

    def has_something_to_lose(self) -> bool:
        return bool(self._journey and self._journey.has_something_to_lose())

    def can_go_back(self) -> bool:
        return bool(self._journey and (self._journey.can_go_back() or self._journey.returning))

    # --- taps --------------------------------------------------------------------------------

    @Slot(result=bool)
    def next(self) -> bool:
        """Leave the stage; False (with a message and focus on the first problem) if it cannot."""
        if self._journey is None:
            return False
        blocked = self._journey.next()
        self._message = blocked.message if blocked else None
        emit(self.changed)
        if blocked and blocked.problems and not blocked.elsewhere:
            first = blocked.problems[0].field
            emit(self.focusProblem, _field_id(first))
        return blocked is None

    @Slot()
    def finish(self) -> None:
        emit(self.finished)

    @Slot(result=bool)
    def submit(self) -> bool:
        """Submit (confirm stage): the application goes to the counter through `submitted`."""
        if self._journey is None or not self.canSubmit:
            return False
        prepared = self._journey.prepared()
        if prepared is None:
            return False
        emit(self.submitted, prepared)
        return True

    # --- the ID-card reader (kiosk.ui.viewmodels.identity_devices) ------------------------

    @Property(bool, notify=cardChanged)
    def cardReader(self) -> bool:  # noqa: N802
        """A card reader is fitted: the identify stage offers the card before typing."""
        return self._card_reader

    @Property(str, notify=cardChanged)
    def cardMessage(self) -> str:  # noqa: N802
        if self._card_message is None:
            return ""
        zh, en = self._card_message
        return zh if self._locale() == "zh_CN" else en

    def set_card_reader(self, fitted: bool) -> None:
        self._card_reader = fitted
        emit(self.cardChanged)

    def set_card_message(self, message: tuple[str, str] | None) -> None:
        self._card_message = message
        emit(self.cardChanged)

    def fill_from_card(self, name: str, id_number: str) -> None:
        """The card's name and number, as if typed: the applicant checks them before Next."""
        if self._journey is None or self._journey.stage.kind.value != "identify":
            return
        self.setValue("name", name)
        self.setValue("id_number", id_number)

    def set_submission(self, submission: Submission) -> None:
        """The counter is ready (after start-up): later drafts can be submitted."""
        self._submission = submission
        if self._journey is not None:
            self._journey.submission = submission
        emit(self.changed)

    @Slot()
    def back(self) -> None:
        if self._journey is not None:
            self._journey.back()
            self._message = None
            emit(self.changed)

    @Slot(str)
    def edit(self, path: str) -> None:
        if self._journey is not None and self._journey.edit(path):
            self._message = None
            emit(self.changed)

    @Slot(str, "QVariant")
    def setValue(self, field_id: str, value: Any) -> None:  # noqa: N802
        """Store an answer as it is typed or tapped; its problem clears until the field is left."""
        j = self._journey
        if j is None:
            return
        stage = j.stage
        if stage.kind.value == "identify":
            j.set_applicant(field_id, "" if value is None else str(value))
        else:
            field = next((f for f in stage.fields if f.id == field_id), None)
            j.answer(stage.addon_id, field_id, _typed(field, _plain(value)))
        j.problems.get(stage.key, [])[:] = [p for p in j.problems.get(stage.key, [])
                                            if _field_id(p.field) != field_id]
        self._sync_fields()

    @Slot(str)
    def leave(self, field_id: str) -> None:
        """The field lost focus: show forms' problems beside it now."""
        j = self._journey
        if j is None:
            return
        found = j.field_problems(j.stage, field_id)
        rest = [p for p in j.problems.get(j.stage.key, []) if _field_id(p.field) != field_id]
        j.problems[j.stage.key] = rest + found
        self._sync_fields()

    @Slot(str, bool)
    def decide(self, addon_id: str, accept: bool) -> None:
        if self._journey is not None:
            self._journey.decide(addon_id, accept)
            self._message = None
            emit(self.changed)

    @Slot(str, bool)
    def tick(self, declaration_id: str, confirmed: bool) -> None:
        if self._journey is not None:
            self._journey.tick(declaration_id, confirmed)
            self._sync_declarations()

    @Slot(float, float, bool)
    def stroke(self, x: float, y: float, new_stroke: bool) -> None:
        """A finger point on the signature pad, in the pad's unit square."""
        j = self._journey
        if j is not None and j.stage.signer:
            j.signature(j.stage.signer).add_point(x, y, new_stroke=new_stroke)

    @Slot(result="QVariantList")
    def strokes(self) -> list[list[list[float]]]:
        j = self._journey
        signed = j.draft.signatures.get(j.stage.signer or "") if j else None
        return [[[x, y] for x, y in s] for s in signed.strokes] if signed else []

    @Slot()
    def clearSignature(self) -> None:  # noqa: N802
        j = self._journey
        if j is not None and j.stage.signer:
            j.signature(j.stage.signer).clear()
            self._message = None
            emit(self.changed)

    @Slot(result="QVariantList")
    def chosenScope(self) -> list[dict[str, str]]:  # noqa: N802
        """The scope items chosen so far, in the visit's language, for the scope stage."""
        from kiosk.journey.review import _item

        j = self._journey
        if j is None:
            return []
        items = [i for i in (_item(v) for v in j.draft.scope_ids()) if i is not None]
        zh = self._locale() == "zh_CN"
        return [{"id": i.id, "text": i.text if zh else f"{i.en} ({i.text})"} for i in items]

    @Slot(str, bool)
    def chooseScope(self, item_id: str, chosen: bool) -> None:  # noqa: N802
        j = self._journey
        if j is None or j.stage.kind.value != "scope":
            return
        ids = [i for i in j.draft.scope_ids() if i != item_id] + ([item_id] if chosen else [])
        self.setValue(j.stage.fields[0].id, ids)
        self.leave(j.stage.fields[0].id)

    # --- persons -----------------------------------------------------------------------------

    @Slot(str, result=QObject)
    def persons(self, field_id: str) -> PersonListModel:
        model = self._persons.get(field_id)
        if model is None:
            model = self._persons[field_id] = PersonListModel(self)
        self._sync_persons(field_id)
        return model

    @Slot(str)
    def addPerson(self, field_id: str) -> None:  # noqa: N802
        people = self._people(field_id)
        field = self._field(field_id)
        entry: dict[str, object] = {"kind": "person", "name": "", "id_number": ""}
        if field is not None and field.with_contribution:
            entry["contribution"] = ""
        if field is not None and field.roles:
            entry["role"] = field.roles[0].value
        self.setValue(field_id, [*people, entry])
        self._sync_persons(field_id)

    @Slot(str, int)
    def removePerson(self, field_id: str, index: int) -> None:  # noqa: N802
        people = self._people(field_id)
        if 0 <= index < len(people):
            self.setValue(field_id, people[:index] + people[index + 1:])
            self._sync_persons(field_id)

    @Slot(str, int, str, str)
    def setPerson(self, field_id: str, index: int, role: str, value: str) -> None:  # noqa: N802
        people = self._people(field_id)
        key = PERSON_KEYS.get(role)
        if key is None or not 0 <= index < len(people):
            return
        people[index] = {**people[index], key: value}
        self.setValue(field_id, people)
        self._sync_persons(field_id)

    def _people(self, field_id: str) -> list[dict[str, object]]:
        j = self._journey
        value = j.draft.answers_for(j.stage.addon_id).get(field_id) if j else None
        return [dict(p) for p in value if isinstance(p, dict)] if isinstance(value, list) else []

    def _field(self, field_id: str) -> forms.Field | None:
        j = self._journey
        return next((f for f in j.stage.fields if f.id == field_id), None) if j else None

    # --- keeping the models current ----------------------------------------------------------

    def _refresh(self) -> None:
        self._sync_fields()
        self._sync_offers()
        self._sync_declarations()
        self._sync_review()
        for field_id in self._persons:
            self._sync_persons(field_id)

    def _sync_fields(self) -> None:
        j = self._journey
        if j is None:
            self._fields.sync([], "fieldId")
            return
        stage = j.stage
        shown = {_field_id(p.field): self._t(p) for p in reversed(j.problems.get(stage.key, []))}
        answers = (vars(j.draft.applicant) if stage.kind.value == "identify"
                   else j.draft.answers_for(stage.addon_id))
        rows = [{
            "fieldId": f.id, "kind": f.type, "label": self._t(f.label), "help": self._t(f.help),
            "value": answers.get(f.id), "problem": shown.get(f.id, ""), "required": f.required,
            "allowCompanies": f.allow_companies, "withContribution": f.with_contribution,
            "options": [{"value": o.value, "label": self._t(o.label)} for o in f.options]
            or [{"value": o.value, "label": self._t(o.label)} for o in f.roles],
        } for f in stage.fields if f.visible(answers)]
        self._fields.sync(rows, "fieldId")

    def _sync_persons(self, field_id: str) -> None:
        model = self._persons.get(field_id)
        if model is None:
            return
        j = self._journey
        problems = j.problems.get(j.stage.key, []) if j else []
        rows = []
        for i, p in enumerate(self._people(field_id)):
            mine = [q for q in problems if q.field.startswith(f"{field_id}[{i}]")]
            rows.append({"name": p.get("name", ""), "idNumber": p.get("id_number", ""),
                         "kind": p.get("kind", "person"), "contribution": p.get("contribution", ""),
                         "role": p.get("role", ""), "problem": self._t(mine[0]) if mine else "",
                         "_key": i})
        model.sync(rows, "_key")

    def _sync_offers(self) -> None:
        j = self._journey
        offers = j.draft.offers() if j else []
        decisions = j.draft.addon_decisions if j else {}
        self._offers.sync([{
            "addonId": o.addon.id, "title": self._t(o.addon.title), "reason": self._t(o.reason),
            "decision": {True: "accept", False: "decline"}.get(decisions.get(o.addon.id), ""),
        } for o in offers], "addonId")

    def _sync_declarations(self) -> None:
        j = self._journey
        rows = []
        if j is not None:
            needed = list(j.draft.service.declarations) + [
                d for a in j.draft.accepted_addons() for d in a.declarations]
            rows = [{"declarationId": d.id, "text": self._t(d.text),
                     "confirmed": d.id in j.draft.declarations} for d in needed]
        self._declarations.sync(rows, "declarationId")

    def _sync_review(self) -> None:
        from kiosk.journey.review import review_rows

        j = self._journey
        rows = [] if j is None or j.stage.kind.value != "review" else [
            {"path": r.path, "section": self._t(r.section), "label": self._t(r.label),
             "shown": self._t(r.shown)} for r in review_rows(j.draft)]
        self._review.sync(rows, "path")

    def stage(self) -> Stage | None:
        return self._journey.stage if self._journey else None


def _field_id(path: str) -> str:
    """"addons.food_business.premises_area" -> "premises_area"; "shareholders[1].name" ->
    "shareholders"; "applicant.name" -> "name"."""
    head = path.split(".")
    if head[0] == "addons" and len(head) > 2:
        head = head[2:]
    elif head[0] == "applicant" and len(head) > 1:
        head = head[1:]
    return head[0].split("[", 1)[0]


def _typed(field: forms.Field | None, value: Any) -> Any:
    """An integer field answers an int: typed digits (full-width too: int() reads them) become
    one; anything else stays text, so forms can say what is wrong with it."""
    if field is not None and field.type == "integer":
        if isinstance(value, str) and value.strip().isdecimal():
            return int(value.strip())
        if isinstance(value, float) and value.is_integer():
            return int(value)
    return value


def _plain(value: Any) -> Any:
    """QML hands over a JS object or array as a QJSValue (PySide6 6.11) or already converted
    (6.12); either way the journey gets plain Python containers."""
    if hasattr(value, "toVariant"):
        value = value.toVariant()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
