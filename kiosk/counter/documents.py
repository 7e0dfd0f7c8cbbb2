"""What the terminal hands over, made from what the store kept: the receipt and the licence.

The store's print job carries the application as it was confirmed (forms.Application JSON) and,
for a licence, the backend's decision (wire.ApplicationDecision JSON). This module turns them
into printer/ jobs and nothing else: no I/O, no Qt, so a reprint after a restart is the same
paper as the first print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

import forms
from printer import LicenceJob, ReceiptJob, ReprintRequest
from printer.licence.data import LicenceData as PrintedLicence
from printer.receipt import Bilingual, ReceiptSummary, build_receipt
from wire import ApplicationDecision, ApplicationStatus

# GB 32100-2015 digit 2 (the entity category) of an individual business is 2: its licence is
# the individual-business form of the 2019 format (经营者, 组成形式, 经营场所).
INDIVIDUAL_CATEGORY = 2

# 市场主体登记管理条例 (2021) art. 21: a registration that meets the conditions is granted on
# the spot; one that needs checking is decided within 3 working days. The receipt says both.
NEXT_STEPS = Bilingual(
    "符合条件的当场办结；需要核实的，3个工作日内作出决定并短信通知。"
    "办结后凭本凭条申请编号和身份证件号码后6位，可在任一自助终端打印营业执照。",
    "If everything is in order it is decided now; if it must be checked, within 3 working "
    "days, and you get a text message. Then print your licence at any kiosk with this "
    "application number and the last 6 characters of your ID number.",
)


@dataclass(frozen=True)
class Site:
    """Where the terminal stands, as the receipt prints it."""

    name_zh: str
    name_en: str
    terminal_id: str
    help_line: str


def applicant_name(application: dict) -> str:
    """The operator / investor / legal representative: the name the service's licence prints
    as 经营者 or 法定代表人 (forms' LicenceFields.representative)."""
    service = forms.service(str(application.get("service", "")))
    answers = application.get("answers") or {}
    if service.licence is not None:
        value = answers.get(service.licence.representative)
        if isinstance(value, str):
            return value
    return ""


def receipt_job(application: dict, number: str, site: Site, submitted_at: datetime,
                job_id: str) -> ReceiptJob:
    """The citizen's receipt. Its QR holds the application number only, which a terminal's
    scanner reads back on "print my licence"; nothing personal is in the code."""
    service = forms.service(str(application["service"]))
    addons = tuple(Bilingual(forms.addon(a).title.zh, forms.addon(a).title.en)
                   for a in sorted(application.get("addons") or {}))
    summary = ReceiptSummary(
        site_name=Bilingual(site.name_zh, site.name_en),
        application_number=number,
        services=(Bilingual(service.title.zh, service.title.en),),
        add_ons=addons,
        applicant_name=applicant_name(application),
        submitted_at=submitted_at,
        next_steps=NEXT_STEPS,
        status_url=number,
        help_line=site.help_line,
        terminal_id=site.terminal_id,
    )
    return ReceiptJob(build_receipt(summary), job_id=job_id)


def approved_licence(decision: dict | None) -> PrintedLicence | None:
    """The licence to print from a decision, or None when there is none to print yet."""
    if not decision:
        return None
    parsed = ApplicationDecision.model_validate(decision)
    if parsed.status is not ApplicationStatus.APPROVED or parsed.licence is None:
        return None
    return printed_licence(parsed)


def printed_licence(decision: ApplicationDecision) -> PrintedLicence:
    """wire's licence shape -> printer's: lists stay lists, nothing is parsed out of a string."""
    lic = decision.licence
    assert lic is not None
    individual = lic.credit_code[1:2] == str(INDIVIDUAL_CATEGORY)
    return PrintedLicence(
        credit_code=lic.credit_code,
        name=lic.name,
        entity_type=lic.entity_type_zh,
        representative=lic.representative,
        scope_general=tuple(lic.scope_general),
        scope_licensed=tuple(lic.scope_licensed),
        established=lic.established_on,
        address=lic.address,
        authority=lic.authority_zh,
        issued=lic.issued_on,
        verify_url=lic.verify_url,
        kind="individual" if individual else "company",
        registered_capital=None if individual else _yuan(lic.registered_capital),
        term=lic.term_text()[0],
    )


def licence_job(licence: PrintedLicence, stock: str, job_id: str,
                reprint_reason: str | None = None) -> LicenceJob:
    reprint = ReprintRequest(reprint_reason, "applicant-with-proof") if reprint_reason else None
    return LicenceJob(licence, stock=stock, reprint=reprint, job_id=job_id)


def _yuan(text: str | None) -> Decimal | None:
    """The backend sends the registered capital in yuan as a decimal string."""
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None

