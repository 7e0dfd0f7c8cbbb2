"""The few facts the backend reads out of a forms.Application, in one place.

Everything else about an application (its rules, its licence wording) is asked of forms itself,
so a terminal and the backend can never disagree on what an answer means.
"""

from __future__ import annotations

import hashlib
import unicodedata

import forms


def scope_ids(application: forms.Application) -> list[str]:
    """The catalogue ids chosen in the service's scope field, in the applicant's order."""
    service = forms.service(application.service)
    for step in service.steps:
        for field in step.fields:
            if field.type == "scope":
                chosen = application.answers.get(field.id) or []
                return [str(item) for item in chosen] if isinstance(chosen, list) else []
    return []


def applicant_id_number(application: forms.Application) -> str | None:
    """The applicant's resident ID number (the service's first ``resident_id`` field),
    normalised: full-width digits folded (NFKC), spaces dropped, a final x upper-cased."""
    service = forms.service(application.service)
    for step in service.steps:
        for field in step.fields:
            if field.type == "resident_id":
                value = application.answers.get(field.id)
                if isinstance(value, str) and value.strip():
                    return normalise_id_number(value)
                return None
    return None


def normalise_id_number(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value).split()).upper()


def applicant_key(application: forms.Application) -> str | None:
    """Service + applicant, hashed: finds an applicant's earlier returns for the same service."""
    number = applicant_id_number(application)
    if number is None:
        return None
    return hashlib.sha256(f"{application.service}|{number}".encode()).hexdigest()


def chosen_addons(application: forms.Application) -> list[str]:
    """Ids of the permit add-ons applied for together with the registration."""
    return sorted(str(addon_id) for addon_id in application.addons)


def scope_lists(application: forms.Application) -> tuple[list[str], list[str]]:
    """(general, licensed) catalogue wording of the chosen items, in the applicant's order,
    repeats dropped: the lists the licence shape carries (wire.LicenceData)."""
    general: list[str] = []
    licensed: list[str] = []
    for item_id in dict.fromkeys(scope_ids(application)):
        item = forms.scope_item(item_id)
        (licensed if item.kind == "licensed" else general).append(item.text)
    return general, licensed


def non_standard_scope(ids: list[str]) -> list[str]:
    """Chosen ids that are not in the standard catalogue (forms refuses them too; belt and
    braces, because a catalogue update may reach the terminals before the backend)."""
    unknown = []
    for item_id in ids:
        try:
            forms.scope_item(item_id)
        except (KeyError, LookupError):
            unknown.append(item_id)
    return unknown
