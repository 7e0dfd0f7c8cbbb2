"""Deciding an application: approve at once (秒批) where every rule allows, else to review.

Automatic approval needs all four: the name is free in the district's register, the name holds
no word that needs a regulator's approval, the scope is all standard catalogue wording, and no
add-on needs an inspection. Granting claims the name, issues the credit code and the add-on
numbers, all inside the caller's transaction, so a crash half-way leaves nothing issued.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import forms
from backend import forms_bridge, name_register
from backend.clock import beijing_date
from backend.credit_codes import issue_credit_code
from backend.models import AddOnRecord, ApplicationRecord, Licence, ReviewStep
from backend.permits import UnknownAddOn, addon_rule, issue_number
from backend.review_levels import LADDER
from backend.settings import Settings
from backend.steps import SYSTEM, record_step
from wire import AddOnOutcomeKind, ApplicationStatus, Message


def name_taken(name: str) -> Message:
    return Message(
        code="name-taken",
        zh=f"名称「{name}」已被登记，需要人工核名。",
        en=f"The name {name} is already registered; a reviewer must check it.",
    )


def reasons_for_review(
    session: Session, application: forms.Application, name: str | None
) -> list[Message]:
    """Why a person must look at this application (the one place these are worked out).

    [] = every rule passes and the name is to be claimed outright: grant() then asks the name
    register by claiming it (one statement instead of a look-up and then the claim), and a
    taken name comes back as its reason. When another rule already holds the application back,
    the register is asked here, so the reviewer sees every reason at once."""
    reasons = rule_reasons(application, name)
    if reasons and name and name_register.is_taken(session, name):
        reasons.insert(0, name_taken(name))
    return reasons


def rule_reasons(application: forms.Application, name: str | None) -> list[Message]:
    """The rules that need no database: approval words, standard scope, add-ons."""
    reasons: list[Message] = []
    for word in name_register.words_needing_approval(name or ""):
        reasons.append(
            Message(
                code="name-needs-approval",
                zh=f"名称含有「{word.word}」，须经{word.authority_zh}前置审批，转人工审核。",
                en=f"The name contains “{word.word}”, which needs prior approval by "
                f"{word.authority_en}; sent to review.",
            )
        )
    scope = forms_bridge.scope_ids(application)
    if forms_bridge.non_standard_scope(scope):
        reasons.append(
            Message(
                code="scope-not-standard",
                zh="经营范围含有非规范表述，转人工审核。",
                en="The business scope holds wording outside the standard catalogue; "
                "sent to review.",
            )
        )
    for addon_id in forms_bridge.chosen_addons(application):
        reasons.extend(_addon_reasons(addon_id, set(scope)))
    return reasons


def _addon_reasons(addon_id: str, scope: set[str]) -> list[Message]:
    try:
        rule = addon_rule(addon_id)
    except UnknownAddOn:
        return [
            Message(
                code="addon-unknown",
                zh=f"后台暂不能自动办理许可事项「{addon_id}」，转人工审核。",
                en=f"The backend has no rule for the add-on {addon_id}; sent to review.",
            )
        ]
    if not rule.needs_inspection(scope):
        return []
    title = forms.addon(addon_id).title
    return [
        Message(
            code="inspection-needed",
            zh=f"「{title.zh}」须现场核查后发证，转人工审核。",
            en=f"The {title.en} needs an on-site inspection before it is issued; sent to review.",
        )
    ]


def decide(
    session: Session,
    record: ApplicationRecord,
    application: forms.Application,
    particulars: forms.LicenceParticulars,
    settings: Settings,
    now: datetime,
) -> None:
    """First decision on a new application: approve at once or queue at the window."""
    reasons = reasons_for_review(session, application, particulars.name or None)
    if not reasons:
        reasons = grant(session, record, application, particulars, settings, now)
    if reasons:
        _queue_for_review(session, record, application, reasons, now)
        return
    record_step(
        record,
        level="auto",
        actor=SYSTEM,
        action="approve",
        reason="all automatic-approval rules passed",
        at=now,
    )


def _queue_for_review(
    session: Session,
    record: ApplicationRecord,
    application: forms.Application,
    reasons: list[Message],
    now: datetime,
) -> None:
    record.status = ApplicationStatus.IN_REVIEW
    record.reasons = [r.model_dump() for r in reasons]
    record.held_for = list(record.reasons)
    # Each earlier return of this applicant's application for this service puts the
    # resubmission one level higher: the level that checked the return sees the correction.
    returns = earlier_returns(session, record.applicant_key)
    record.review_level = LADDER[min(returns, len(LADDER) - 1)].value
    for addon_id in forms_bridge.chosen_addons(application):
        record.addons.append(AddOnRecord(addon_id=addon_id, outcome=AddOnOutcomeKind.PENDING))
    record_step(
        record,
        level="auto",
        actor=SYSTEM,
        action="queue",
        reason="; ".join(r.code for r in reasons)
        + (f"; {returns} earlier return(s): starts at {record.review_level}" if returns else ""),
        at=now,
    )


def earlier_returns(session: Session, applicant_key: str | None) -> int:
    """How many times applications of this applicant and service were returned."""
    if applicant_key is None:
        return 0
    statement = (
        select(func.count())
        .select_from(ReviewStep)
        .join(ApplicationRecord, ApplicationRecord.id == ReviewStep.application_id)
        .where(ApplicationRecord.applicant_key == applicant_key, ReviewStep.action == "return")
    )
    return session.connection().execute(statement).scalar_one()


def no_longer_valid(problems: list[forms.Problem]) -> Message:
    """The stored answers fail today's rules (a rule changed since it was received)."""
    codes = ", ".join(sorted({p.code for p in problems}))
    return Message(
        code="no-longer-valid",
        zh=f"该申请不再符合现行登记规则（{codes}）。",
        en=f"The application no longer passes the current rules ({codes}).",
    )


def grant_stored(
    session: Session, record: ApplicationRecord, settings: Settings, now: datetime
) -> list[Message]:
    """A reviewer's approval: re-validate the stored answers as of the (Beijing) day they were
    received — a date rule must not turn on waiting time — then grant as at once."""
    try:
        application = forms.Application.from_json(json.loads(record.body))
        particulars = forms.licence_particulars(application, today=beijing_date(record.received_at))
    except forms.InvalidApplication as exc:
        return [no_longer_valid(exc.problems)]
    except forms.ApplicationFormatError as exc:
        return [Message(code="no-longer-valid", zh=exc.zh, en=exc.en)]
    return grant(session, record, application, particulars, settings, now)


def grant(
    session: Session,
    record: ApplicationRecord,
    application: forms.Application,
    particulars: forms.LicenceParticulars,
    settings: Settings,
    now: datetime,
) -> list[Message]:
    """Issue the licence and add-on numbers; returns reasons when the name was lost to a
    concurrent approval (then nothing else was issued: the name is claimed first)."""
    name = particulars.name or ""
    if name and not name_register.claim(session, name, record.id):
        return [name_taken(name)]
    code = issue_credit_code(session, particulars.entity_category, settings.division_code)
    general, licensed = forms_bridge.scope_lists(application)
    capital = particulars.registered_capital
    # Through the relationship: the record then knows its licence without a reload.
    record.licence = Licence(
        credit_code=code,
        name=name,
        entity_type_zh=particulars.entity_type.zh,
        entity_type_en=particulars.entity_type.en,
        representative=particulars.representative,
        registered_capital=None if capital is None else str(capital),
        address=particulars.address,
        scope=particulars.scope.full,
        scope_general=general,
        scope_licensed=licensed,
        established_on=beijing_date(now),
        status="valid",
    )
    _issue_addons(session, record, application, settings, now)
    record.status = ApplicationStatus.APPROVED
    record.decided_at = now
    record.reasons = []
    record.rejection_proposed = False
    return []


def _issue_addons(
    session: Session,
    record: ApplicationRecord,
    application: forms.Application,
    settings: Settings,
    now: datetime,
) -> None:
    """A reviewer's approval covers the inspection the automatic path could not do."""
    scope = set(forms_bridge.scope_ids(application))
    existing = {a.addon_id: a for a in record.addons}
    for addon_id in forms_bridge.chosen_addons(application):
        outcome = existing.get(addon_id)
        if outcome is None:
            outcome = AddOnRecord(addon_id=addon_id, outcome=AddOnOutcomeKind.PENDING)
            record.addons.append(outcome)
        try:
            rule = addon_rule(addon_id)
        except UnknownAddOn:
            continue  # stays pending: the district issues it by hand
        issued = issue_number(session, rule, settings.division_code, scope, beijing_date(now))
        outcome.number = issued.number
        outcome.valid_until = issued.valid_until
        outcome.outcome = (
            AddOnOutcomeKind.PERMIT_ISSUED if rule.outcome == "permit" else AddOnOutcomeKind.FILED
        )
