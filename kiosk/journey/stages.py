"""The journey as a list of stages, rebuilt from the draft whenever an answer changes what is
asked (the scope offers add-ons, an add-on is accepted, a shareholder joins and must sign).

Order: identify the applicant, the service's steps (the scope field taken out), business scope,
the add-on offer (if the scope triggers any), each accepted add-on's steps, declarations, one
signature per signer, review, confirm. Each stage has a stable `key`, so the journey keeps its
place when the list is rebuilt. `COMPONENTS` is the one map from stage kind to QML component.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import forms

from .draft import ApplicationDraft


class StageKind(enum.StrEnum):
    IDENTIFY = "identify"
    STEP = "step"
    SCOPE = "scope"
    ADDON_OFFER = "addon_offer"
    ADDON_STEP = "addon_step"
    DECLARATIONS = "declarations"
    SIGNATURE = "signature"
    REVIEW = "review"
    CONFIRM = "confirm"


# Stage kind -> the QML component (module Kiosk.Journey) that draws it. No other list exists.
COMPONENTS: dict[StageKind, str] = {
    StageKind.IDENTIFY: "FieldsStage",
    StageKind.STEP: "FieldsStage",
    StageKind.SCOPE: "ScopeStage",
    StageKind.ADDON_OFFER: "AddOnOfferStage",
    StageKind.ADDON_STEP: "FieldsStage",
    StageKind.DECLARATIONS: "DeclarationsStage",
    StageKind.SIGNATURE: "SignatureStage",
    StageKind.REVIEW: "ReviewStage",
    StageKind.CONFIRM: "ConfirmStage",
}

IDENTIFY_TITLE = forms.Text("您是谁", "Who is applying")
SCOPE_TITLE = forms.Text("经营范围", "Business scope")
OFFER_TITLE = forms.Text("一并申请许可", "Permits with this application")
DECLARATIONS_TITLE = forms.Text("确认事项", "Declarations")
SIGN_TITLE = forms.Text("{name} 签名", "Signature: {name}")
# The applicant's own questions; answers go to draft.applicant and are checked by the rules of
# the service's representative fields of the same type.
IDENTIFY_FIELDS = (
    forms.Field("name", "person_name", forms.Text("您的姓名", "Your name"),
                forms.Text("与身份证上的姓名一致。", "As on your ID card.")),
    forms.Field("id_number", "resident_id", forms.Text("您的身份证号码", "Your ID number"),
                forms.Text("18 位，最后一位可能是 X。", "18 characters; the last may be X.")),
    forms.Field("mobile", "mobile", forms.Text("您的手机号码", "Your mobile number"),
                forms.Text("用于接收办理结果短信。", "We text the decision to this number.")),
)
REVIEW_TITLE = forms.Text("核对", "Check your answers")
CONFIRM_TITLE = forms.Text("确认", "Confirm")


@dataclass(frozen=True)
class Stage:
    """One screen of the journey.

    `step_id` is what forms.validate_step takes ("company", "addons.food_business",
    "declarations"); `fields` are the definition's fields drawn on this screen; `addon_id` says
    whose answers they are (None: the service's); `signer` is the signer key of a signature.
    """

    key: str
    kind: StageKind
    title: forms.Text
    step_id: str | None = None
    fields: tuple[forms.Field, ...] = ()
    addon_id: str | None = None
    signer: str | None = None

    @property
    def component(self) -> str:
        return COMPONENTS[self.kind]

    def owns(self, field_path: str) -> bool:
        """Whether a problem at `field_path` is about a field drawn on this stage."""
        if self.kind is StageKind.IDENTIFY:
            return field_path.startswith("applicant.")
        if self.kind is StageKind.SIGNATURE:
            return field_path == f"signatures.{self.signer}"
        if self.kind is StageKind.DECLARATIONS:
            return field_path == "declarations" or field_path.startswith("declarations.")
        prefix = f"addons.{self.addon_id}." if self.addon_id else ""
        if self.addon_id and not field_path.startswith(prefix):
            return False
        head = field_path[len(prefix):].split(".", 1)[0].split("[", 1)[0]
        return any(f.id == head for f in self.fields)


@dataclass(frozen=True)
class Signer:
    key: str          # the ID number, upper-cased: one person signs once
    name: str


def representative_fields(svc: forms.Service) -> tuple[forms.Field, ...]:
    """The person_name, resident_id and mobile fields of the step naming the representative
    (licence.representative), which the applicant's details prefill."""
    rep = svc.licence.representative if svc.licence else None
    for step in svc.steps:
        if any(f.id == rep for f in step.fields):
            name = next(f for f in step.fields if f.id == rep)
            rest = [next((f for f in step.fields if f.type == t), None)
                    for t in ("resident_id", "mobile")]
            return tuple(f for f in (name, *rest) if f is not None)
    return ()


def signers(draft: ApplicationDraft) -> list[Signer]:
    """Everyone who signs, in turn: the applicant, the representative if someone else, then each
    natural-person shareholder not yet listed (they sign the articles; a corporate shareholder
    signs by its own seal at the counter, which this terminal cannot take)."""
    people: list[tuple[str, str]] = [(draft.applicant.id_number, draft.applicant.name)]
    svc = draft.service
    rep = representative_fields(svc)
    if len(rep) >= 2:
        people.append((_text(draft.answers.get(rep[1].id)), _text(draft.answers.get(rep[0].id))))
    holders_id = svc.licence.shareholders if svc.licence else None
    holders = draft.answers.get(holders_id) if holders_id else None
    for entry in holders if isinstance(holders, list) else []:
        if isinstance(entry, dict) and entry.get("kind", "person") == "person":
            people.append((_text(entry.get("id_number")), _text(entry.get("name"))))
    out: dict[str, Signer] = {}
    for number, name in people:
        key = number.replace(" ", "").upper()
        if key and name and key not in out:
            out[key] = Signer(key, name)
    return list(out.values())


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def build_stages(draft: ApplicationDraft) -> list[Stage]:
    svc = draft.service
    stages = [Stage("identify", StageKind.IDENTIFY, IDENTIFY_TITLE, fields=IDENTIFY_FIELDS)]
    scope_field: forms.Field | None = None
    scope_step = None
    for step in svc.steps:
        shown = tuple(f for f in step.fields if f.type != "scope")
        if len(shown) != len(step.fields):
            scope_field = next(f for f in step.fields if f.type == "scope")
            scope_step = step.id
        if shown:
            stages.append(Stage(f"step.{step.id}", StageKind.STEP, step.title, step.id, shown))
    if scope_field is not None:
        stages.append(Stage("scope", StageKind.SCOPE, SCOPE_TITLE, scope_step, (scope_field,)))
    if draft.offers():
        stages.append(Stage("offer", StageKind.ADDON_OFFER, OFFER_TITLE))
    for addon in draft.accepted_addons():
        for step in addon.steps:
            stages.append(Stage(f"addons.{addon.id}.{step.id}", StageKind.ADDON_STEP, step.title,
                                f"addons.{addon.id}", step.fields, addon.id))
    stages.append(Stage("declarations", StageKind.DECLARATIONS, DECLARATIONS_TITLE,
                        "declarations"))
    for signer in signers(draft):
        stages.append(Stage(f"sign.{signer.key}", StageKind.SIGNATURE,
                            SIGN_TITLE.format(name=signer.name), signer=signer.key))
    stages.append(Stage("review", StageKind.REVIEW, REVIEW_TITLE))
    stages.append(Stage("confirm", StageKind.CONFIRM, CONFIRM_TITLE))
    return stages
