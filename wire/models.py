"""The JSON shapes of the /v1 sync API (pydantic). The application body itself is
forms.Application.to_json(); everything else a terminal and the backend exchange is here."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field


class Message(BaseModel):
    """Every refusal the API gives: a stable code and the text in both languages, zh_CN first."""

    code: str
    zh: str
    en: str


class WireProblem(BaseModel):
    """One of forms' validation problems, field by field, exactly as the terminal shows it."""

    field: str
    code: str
    zh: str
    en: str


class ProblemReport(BaseModel):
    """Body of a 422: the application was not accepted; nothing was stored."""

    code: str = "invalid-application"
    zh: str
    en: str
    problems: list[WireProblem]


class ApplicationStatus(StrEnum):
    RECEIVED = "received"
    APPROVED = "approved"
    IN_REVIEW = "in-review"
    RETURNED = "returned"
    REJECTED = "rejected"


class AddOnOutcomeKind(StrEnum):
    PERMIT_ISSUED = "permit-issued"
    FILED = "filed"
    PENDING = "pending"
    RETURNED = "returned"  # the registration was returned for correction; decided with it
    REFUSED = "refused"


class AddOnOutcome(BaseModel):
    addon_id: str
    outcome: AddOnOutcomeKind
    number: str | None = None
    valid_until: date | None = None


class LicenceData(BaseModel):
    """What the printed business licence carries, in one shape for every printer.

    The scope comes as the catalogue wording of each item, general and licensed apart, in the
    applicant's order: a printer lays them out as it needs and never parses a joined string.
    ``scope_wording()`` joins them with the standard clauses, whose wording forms owns
    (forms.licence: 经营范围规范表述目录's closing clauses).
    """

    credit_code: str
    name: str
    entity_type_zh: str
    entity_type_en: str
    representative: str
    registered_capital: str | None = None
    address: str
    scope_general: list[str] = Field(default_factory=list)
    scope_licensed: list[str] = Field(default_factory=list)
    # 登记机关: the registering authority printed beside its seal.
    authority_zh: str
    authority_en: str
    # 成立日期 (a new entity's registration date, Beijing) and the date printed under the seal.
    established_on: date
    issued_on: date
    # 营业期限: None = long-term (长期), the default for these registrations.
    term_until: date | None = None
    verify_url: str

    def scope_wording(self) -> tuple[str, str]:
        """(general, licensed) paragraphs as the licence prints them, with forms' clauses."""
        from forms.licence import GENERAL_CLAUSE, LICENSED_CLAUSE

        general = f"一般项目：{'；'.join(self.scope_general)}{GENERAL_CLAUSE}" if self.scope_general else ""
        licensed = (
            f"许可项目：{'；'.join(self.scope_licensed)}{LICENSED_CLAUSE}" if self.scope_licensed else ""
        )
        return general, licensed

    def term_text(self) -> tuple[str, str]:
        """营业期限 in both languages."""
        if self.term_until is None:
            return "长期", "Long-term"
        return f"至{self.term_until:%Y年%m月%d日}", f"Until {self.term_until.isoformat()}"


class ApplicationDecision(BaseModel):
    """GET /v1/applications/{id} and the answer to POST: where the application stands."""

    id: str
    status: ApplicationStatus
    reasons: list[Message] = Field(default_factory=list)
    received_at: datetime
    decided_at: datetime | None = None
    licence: LicenceData | None = None
    addons: list[AddOnOutcome] = Field(default_factory=list)


class DeviceHealth(BaseModel):
    """One device's status as a value: ready, paper-near-end, paper-out, cover-open, offline..."""

    name: str = Field(max_length=64)
    status: str = Field(max_length=64)
    detail: str | None = Field(default=None, max_length=500)


class HeartbeatSnapshot(BaseModel):
    """A terminal's health, sent every minute or so; the fleet view keeps the latest one."""

    devices: list[DeviceHealth] = Field(default_factory=list, max_length=32)
    outbox_depth: int = Field(ge=0)
    parked: int = Field(default=0, ge=0)
    versions: dict[str, str] = Field(default_factory=dict, max_length=32)
    disk_free_bytes: int | None = Field(default=None, ge=0)
    recent_errors: list[Annotated[str, Field(max_length=500)]] = Field(
        default_factory=list, max_length=20
    )


class FleetEntry(BaseModel):
    kiosk_id: str
    enabled: bool
    last_seen_at: datetime | None
    stale: bool
    snapshot: HeartbeatSnapshot | None


class FleetView(BaseModel):
    generated_at: datetime
    stale_after_seconds: int
    kiosks: list[FleetEntry]


class LicenceVerification(BaseModel):
    """The public page behind the licence QR code: only what the licence face already shows."""

    credit_code: str
    name: str
    status: str
    established_on: date


class ApplicationLookup(BaseModel):
    """The applicant's proof for reading an application another terminal sent (come back and
    print): the application number from the receipt and the last 6 characters of the ID number
    of the applicant (operator, investor or legal representative)."""

    application_id: str = Field(min_length=1, max_length=64)
    id_number_tail: str = Field(min_length=6, max_length=6)


class BackendHealth(BaseModel):
    """GET /v1/health (no signature): for a technician's check and a terminal's clock check."""

    status: str
    database: str
    server_time: datetime
    max_clock_skew_seconds: int
