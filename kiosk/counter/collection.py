"""Come back and print: ask the backend where an application stands, with the applicant's proof.

`POST /v1/applications/lookup` with the receipt's application number and the last 6 characters
of the applicant's ID number (wire.ApplicationLookup). Any terminal may ask about any
application, only with that proof; the backend answers a wrong proof and an unknown number
alike and locks a number after repeated wrong proofs. Every answer here is a value with a
bilingual message; nothing raises to the screen.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

import httpx

from forms import Text
from kiosk.sync.signing import RequestSigner
from wire import ApplicationDecision, ApplicationStatus, parse_number

log = logging.getLogger("kiosk.collect")

LOOKUP = "/v1/applications/lookup"


class Found(StrEnum):
    APPROVED = "approved"  # a licence to print
    NOT_YET = "not-yet"  # received or in review
    RETURNED = "returned"  # returned for correction
    REJECTED = "rejected"
    BAD_NUMBER = "bad-number"  # not an application number (checked before asking)
    BAD_TAIL = "bad-tail"  # not 6 characters of an ID number (checked before asking)
    NO_MATCH = "no-match"  # unknown number or wrong proof: the backend does not say which
    LOCKED = "locked"  # too many wrong proofs for this number
    UNREACHABLE = "unreachable"  # no answer from the backend


MESSAGES: dict[Found, Text] = {
    Found.APPROVED: Text("已核准，正在为您打印营业执照。", "Approved: your licence is being printed."),
    Found.NOT_YET: Text("申请仍在审核中，办结后会短信通知您，届时再来打印。",
                        "Your application is still being reviewed. You will get a text message "
                        "when it is decided; come back then to print your licence."),
    Found.RETURNED: Text("申请被退回修改，原因如下。请按原因修改后重新申请。",
                         "Your application was returned for correction, for the reasons below. "
                         "Please correct it and apply again."),
    Found.REJECTED: Text("申请未予核准，原因如下。", "Your application was not approved, for the reasons below."),
    Found.BAD_NUMBER: Text("申请编号应为回执上的 12 位字母数字，例如 9F1C-2B7E-4D0A。",
                           "The application number is the 12 letters and digits on your receipt, "
                           "for example 9F1C-2B7E-4D0A."),
    Found.BAD_TAIL: Text("请输入身份证件号码的最后 6 位（数字或 X）。",
                         "Enter the last 6 characters of the ID number (digits or X)."),
    Found.NO_MATCH: Text("申请编号或身份证件号码后 6 位不正确，请核对回执后重试。",
                         "The application number or the last 6 characters of the ID number do not "
                         "match; check the receipt and try again."),
    Found.LOCKED: Text("该申请编号核验失败次数过多，请一小时后再试或到窗口办理。",
                       "Too many wrong attempts for this application number; try again in an hour "
                       "or ask at the counter."),
    Found.UNREACHABLE: Text("暂时无法连接登记系统，请稍后再试。您的申请不受影响。",
                            "The registration system cannot be reached just now; please try again "
                            "later. Your application is not affected."),
}

BY_STATUS = {
    ApplicationStatus.APPROVED: Found.APPROVED,
    ApplicationStatus.RECEIVED: Found.NOT_YET,
    ApplicationStatus.IN_REVIEW: Found.NOT_YET,
    ApplicationStatus.RETURNED: Found.RETURNED,
    ApplicationStatus.REJECTED: Found.REJECTED,
}


@dataclass(frozen=True)
class Lookup:
    found: Found
    decision: ApplicationDecision | None = None
    reasons: tuple[Text, ...] = field(default=())

    @property
    def message(self) -> Text:
        return MESSAGES[self.found]


def id_tail(text: str) -> str | None:
    """What a citizen typed as "the last 6 characters" -> 6 characters, or None. Full-width
    digits, spaces and a lower-case x are the same proof (GB 11643: the last character may be X)."""
    folded = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if len(folded) != 6 or not folded[:5].isdigit() or not (folded[5].isdigit() or folded[5] == "X"):
        return None
    return folded


class Collection:
    def __init__(self, base_url: str, signer: RequestSigner, timeout_seconds: float = 10.0) -> None:
        self._prefix = httpx.URL(base_url).path.rstrip("/")
        self._client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout_seconds)
        self._signer = signer

    def close(self) -> None:
        self._client.close()

    def look_up(self, number_text: str, tail_text: str) -> Lookup:
        number = parse_number(number_text)
        if number is None:
            return Lookup(Found.BAD_NUMBER)
        tail = id_tail(tail_text)
        if tail is None:
            return Lookup(Found.BAD_TAIL)
        body = json.dumps({"application_id": number, "id_number_tail": tail}).encode()
        headers = {"Content-Type": "application/json",
                   **self._signer.headers("POST", self._prefix + LOOKUP, body)}
        try:
            response = self._client.post(LOOKUP, content=body, headers=headers)
        except httpx.TransportError as fault:
            log.warning("lookup of %s: %s", number, type(fault).__name__)
            return Lookup(Found.UNREACHABLE)
        if response.status_code == 429:
            return Lookup(Found.LOCKED)
        if response.status_code == 404:
            return Lookup(Found.NO_MATCH)
        if response.status_code != 200:
            log.warning("lookup of %s: HTTP %d", number, response.status_code)
            return Lookup(Found.UNREACHABLE)
        try:
            decision = ApplicationDecision.model_validate_json(response.content)
        except ValueError:
            log.warning("lookup of %s: the answer is not a decision", number)
            return Lookup(Found.UNREACHABLE)
        reasons = tuple(Text(r.zh, r.en) for r in decision.reasons)
        return Lookup(BY_STATUS[decision.status], decision, reasons)
