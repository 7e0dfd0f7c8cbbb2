"""A scripted citizen for the plain journey: answers each stage from a forms sample."""

from __future__ import annotations

import math

import forms
from kiosk.journey import ApplicationDraft, RegistrationJourney, StageKind
from kiosk.journey.stages import representative_fields


def scribble(journey: RegistrationJourney, signer: str) -> None:
    """A plausible hand signature: two strokes of waves across most of the pad."""
    sig = journey.signature(signer)
    sig.clear()
    for stroke in range(2):
        for i in range(30):
            sig.add_point(0.1 + 0.4 * stroke + i * 0.012, 0.5 + 0.2 * math.sin(i / 2.5),
                          new_stroke=i == 0)


def answer_stage(journey: RegistrationJourney, sample: forms.Application) -> None:
    stage = journey.stage
    if stage.kind is StageKind.IDENTIFY:
        rep = representative_fields(journey.draft.service)
        journey.set_applicant("name", str(sample.answers[rep[0].id]))
        journey.set_applicant("id_number", str(sample.answers[rep[1].id]))
        journey.set_applicant("mobile", "13800000000")
    elif stage.kind in (StageKind.STEP, StageKind.SCOPE):
        for f in stage.fields:
            if f.id in sample.answers:
                journey.answer(None, f.id, sample.answers[f.id])
    elif stage.kind is StageKind.ADDON_OFFER:
        for offer in journey.draft.offers():
            journey.decide(offer.addon.id, offer.addon.id in sample.addons)
    elif stage.kind is StageKind.ADDON_STEP:
        answers = sample.addons[stage.addon_id]
        for f in stage.fields:
            if f.id in answers:
                journey.answer(stage.addon_id, f.id, answers[f.id])
    elif stage.kind is StageKind.DECLARATIONS:
        for d in sample.declarations:
            journey.tick(d, True)
    elif stage.kind is StageKind.SIGNATURE:
        scribble(journey, stage.signer)


def walk_to(journey: RegistrationJourney, sample: forms.Application, kind: StageKind) -> list[str]:
    """Answer and press Next until a stage of `kind` shows; the keys visited, in order."""
    visited = []
    for _ in range(60):
        visited.append(journey.stage.key)
        if journey.stage.kind is kind:
            return visited
        answer_stage(journey, sample)
        blocked = journey.next()
        assert blocked is None, (journey.stage.key, blocked)
    raise AssertionError(f"never reached {kind}: {visited}")


def journey_for(service_id: str, addons: tuple[str, ...] = (), shareholders: int = 1
                ) -> tuple[RegistrationJourney, forms.Application]:
    sample = forms.samples.valid_application(service_id, addons=addons, shareholders=shareholders)
    return RegistrationJourney(ApplicationDraft(service_id)), sample
