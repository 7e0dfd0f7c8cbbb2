"""The journey itself: where the citizen is, what Next, Back, Edit and Cancel do.

Every check is forms/' (validate_step, validate_field) or the signature rule; this module only
decides which problems belong to the screen shown, and where to go. Nothing here knows Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import forms

from .draft import ApplicationDraft
from .signature import Signature, signature_problems
from .stages import Stage, StageKind, build_stages, representative_fields, signers
from .submission import Submission, SubmissionUnavailable

UNDECIDED = forms.Text("请对每项许可选择“一并申请”或“暂不申请”。",
                       "Please choose Apply now or Not now for each permit.")
FIX_HERE = forms.Text("请先更正标出的内容，才能继续。",
                      "Please correct what is marked before you go on.")
FIX_ELSEWHERE = forms.Text("请先更正“{stage}”中的内容，才能继续。",
                           "Please correct “{stage}” before you go on.")


@dataclass(frozen=True)
class Blocked:
    """Why Next did not move: problems on this screen (first one gets focus), or the stage that
    holds a problem found now (a cross-field rule about an earlier answer)."""

    problems: list[forms.Problem]
    message: forms.Text
    elsewhere: str | None = None      # key of the stage to fix, when not this one


@dataclass
class RegistrationJourney:
    """One visit's journey over `draft`. `submission` is the terminal's one way out."""

    draft: ApplicationDraft
    submission: Submission = field(default_factory=SubmissionUnavailable)
    _key: str = "identify"
    _returning: bool = False              # editing from review: Next goes back to review
    problems: dict[str, list[forms.Problem]] = field(default_factory=dict)  # key -> shown

    @property
    def stages(self) -> list[Stage]:
        return build_stages(self.draft)

    @property
    def stage(self) -> Stage:
        stages = self.stages
        return next((s for s in stages if s.key == self._key), stages[0])

    @property
    def index(self) -> int:
        return next((i for i, s in enumerate(self.stages) if s.key == self.stage.key), 0)

    @property
    def returning(self) -> bool:
        return self._returning

    def can_go_back(self) -> bool:
        return self.index > 0

    # --- answering -------------------------------------------------------------------------

    def set_applicant(self, name: str, value: str) -> None:
        if getattr(self.draft.applicant, name) != value:
            setattr(self.draft.applicant, name, value)
            self.draft.signatures.clear()

    def answer(self, addon_id: str | None, field_id: str, value: object) -> None:
        self.draft.set_answer(addon_id, field_id, value)

    def decide(self, addon_id: str, accept: bool) -> None:
        self.draft.addon_decisions[addon_id] = accept

    def tick(self, declaration_id: str, confirmed: bool) -> None:
        (self.draft.declarations.add if confirmed else self.draft.declarations.discard)(
            declaration_id)

    def signature(self, signer: str) -> Signature:
        signed = self.draft.signatures.get(signer)
        if signed is None:
            person = next(s for s in signers(self.draft) if s.key == signer)
            signed = self.draft.signatures[signer] = Signature(person.name)
        return signed

    def field_problems(self, stage: Stage, field_id: str) -> list[forms.Problem]:
        """Problems of one field as the citizen leaves it (forms.validate_field)."""
        if stage.kind is StageKind.IDENTIFY:
            return self._identify_problems(only=field_id)
        answers = self.draft.answers_for(stage.addon_id)
        path = f"addons.{stage.addon_id}.{field_id}" if stage.addon_id else field_id
        return forms.validate_field(self.draft.service_id, path, answers.get(field_id), answers)

    # --- checking a stage ------------------------------------------------------------------

    def check(self, stage: Stage) -> list[forms.Problem]:
        """Every problem that stops the citizen leaving `stage` (this screen's and earlier ones')."""
        kind = stage.kind
        if kind is StageKind.IDENTIFY:
            return self._identify_problems()
        if kind is StageKind.ADDON_OFFER:
            undecided = [o for o in self.draft.offers() if o.addon.id not in
                         self.draft.addon_decisions]
            return [forms.Problem(f"offer.{o.addon.id}", "offer.undecided", UNDECIDED.zh,
                                  UNDECIDED.en) for o in undecided]
        if kind is StageKind.SIGNATURE:
            return signature_problems(self.draft.signatures.get(stage.signer or ""),
                                      f"signatures.{stage.signer}")
        if stage.step_id is None:
            return []
        found = forms.validate_step(self.draft.to_application(), stage.step_id)
        later = {s.key for s in self.stages[self._index_of(stage) + 1:]}
        return [p for p in found if not any(self._stage_of(p, s) for s in later)]

    def _identify_problems(self, only: str | None = None) -> list[forms.Problem]:
        svc = self.draft.service
        rep = {f.type: f for f in representative_fields(svc)}
        stage = self.stages[0]
        problems: list[forms.Problem] = []
        for f in stage.fields:
            if only is not None and f.id != only:
                continue
            target = rep.get(f.type)
            value = getattr(self.draft.applicant, f.id)
            if target is None:
                continue
            for p in forms.validate_field(svc.id, target.id, value, {}):
                # forms quotes the representative's label; this screen asks "your" name.
                problems.append(forms.Problem(
                    f"applicant.{f.id}", p.code, p.zh.replace(target.label.zh, f.label.zh),
                    p.en.replace(target.label.en, f.label.en)))
        return problems

    def _index_of(self, stage: Stage) -> int:
        return next(i for i, s in enumerate(self.stages) if s.key == stage.key)

    def _stage_of(self, problem: forms.Problem, key: str) -> bool:
        stage = next(s for s in self.stages if s.key == key)
        return stage.owns(problem.field)

    def owner_of(self, problem: forms.Problem) -> Stage | None:
        return next((s for s in self.stages if s.owns(problem.field)), None)

    # --- moving ----------------------------------------------------------------------------

    def next(self) -> Blocked | None:
        """Leave this stage if it is complete; else say why and keep the citizen here."""
        stage = self.stage
        problems = self.check(stage)
        here = [p for p in problems if stage.owns(p.field) or self.owner_of(p) is None]
        self.problems[stage.key] = here
        if problems:
            if here:
                return Blocked(here, FIX_HERE)
            owner = self.owner_of(problems[0])
            assert owner is not None
            self.problems[owner.key] = [p for p in problems if owner.owns(p.field)]
            return Blocked(problems, FIX_ELSEWHERE.format(stage=owner.title), owner.key)
        if stage.kind is StageKind.IDENTIFY:
            self._prefill_representative()
        stages = self.stages
        if self._returning:
            self._key = self._first_incomplete(stages) or "review"
            self._returning = self._key != "review"
            return None
        position = self._index_of(stage)
        if position + 1 < len(stages):
            self._key = stages[position + 1].key
        return None

    def back(self) -> None:
        """One stage back; every answer stays. Back from an edit returns to review."""
        if self._returning:
            self._returning = False
            self._key = "review"
            return
        position = self.index
        if position > 0:
            self._key = self.stages[position - 1].key

    def edit(self, field_path: str) -> bool:
        """From review, open the stage holding `field_path` (forms.step_of), then back."""
        if self.stage.kind is not StageKind.REVIEW:
            return False
        step_id = forms.step_of(self.draft.service_id, field_path)
        if step_id is None:
            return False
        target = next((s for s in self.stages if s.step_id == step_id and s.owns(field_path)),
                      None) or next((s for s in self.stages if s.step_id == step_id), None)
        if target is None:
            return False
        self._key, self._returning = target.key, True
        return True

    def go_to(self, key: str) -> None:
        """Open an earlier stage named by a Blocked (or the progress header)."""
        keys = [s.key for s in self.stages]
        if key in keys and keys.index(key) <= self.index:
            self._key = key

    def _first_incomplete(self, stages: list[Stage]) -> str | None:
        for s in stages:
            if s.kind in (StageKind.REVIEW, StageKind.CONFIRM):
                return None
            if self.check(s):
                return s.key
        return None

    def _prefill_representative(self) -> None:
        rep = representative_fields(self.draft.service)
        for f in rep:
            value = {"person_name": self.draft.applicant.name,
                     "resident_id": self.draft.applicant.id_number,
                     "mobile": self.draft.applicant.mobile}.get(f.type, "")
            if value and not self.draft.answers.get(f.id):
                self.draft.set_answer(None, f.id, value)

    # --- leaving ---------------------------------------------------------------------------

    def has_something_to_lose(self) -> bool:
        return self.draft.has_something_to_lose()

    def ready(self) -> list[forms.Problem]:
        """What still stops submission: forms' whole-application check and every signature."""
        problems = forms.validate_application(self.draft.to_application())
        for s in self.stages:
            if s.kind is StageKind.SIGNATURE:
                problems += self.check(s)
        return problems

    def prepared(self) -> tuple[forms.Application, list] | None:
        """The finished application and its signatures, or None when it cannot be submitted."""
        if self.stage.kind is not StageKind.CONFIRM or self.ready():
            return None
        keys = [s.signer for s in self.stages if s.kind is StageKind.SIGNATURE]
        return self.draft.to_application(), [self.draft.signatures[k] for k in keys if k]

    def confirm(self):
        """Hand the finished application to the submission; None when the terminal cannot."""
        prepared = self.prepared()
        if prepared is None or not self.submission.available:
            return None
        return self.submission.submit(*prepared)
