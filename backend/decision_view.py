"""An ApplicationRecord as the wire's ApplicationDecision (what a terminal is told)."""

from __future__ import annotations

from backend.clock import as_utc
from backend.models import ApplicationRecord
from backend.settings import Settings
from wire import AddOnOutcome, ApplicationDecision, LicenceData, Message


def verify_url(settings: Settings, credit_code: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/v1/licences/{credit_code}/verify"


def decision_of(record: ApplicationRecord, settings: Settings) -> ApplicationDecision:
    licence = record.licence
    return ApplicationDecision(
        id=record.id,
        status=record.status,
        reasons=[Message(**r) for r in record.reasons or []],
        received_at=as_utc(record.received_at),
        decided_at=as_utc(record.decided_at),
        licence=None
        if licence is None
        else LicenceData(
            credit_code=licence.credit_code,
            name=licence.name,
            entity_type_zh=licence.entity_type_zh,
            entity_type_en=licence.entity_type_en,
            representative=licence.representative,
            registered_capital=licence.registered_capital,
            address=licence.address,
            scope_general=licence.scope_general,
            scope_licensed=licence.scope_licensed,
            authority_zh=settings.authority_zh,
            authority_en=settings.authority_en,
            established_on=licence.established_on,
            # A new registration's licence is issued the day the entity is established.
            issued_on=licence.established_on,
            term_until=None,
            verify_url=verify_url(settings, licence.credit_code),
        ),
        addons=[
            AddOnOutcome(
                addon_id=a.addon_id, outcome=a.outcome, number=a.number, valid_until=a.valid_until
            )
            for a in record.addons
        ],
    )
