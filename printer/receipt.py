"""The citizen's receipt: from an application summary to a printable document.

It is the one thing a citizen carries away when the licence is not approved on the spot, so it
answers at a glance: which application (number, large), what was applied for, what happens next
and when, and where to look (QR code and address). The applicant's name is masked: receipts get
left on counters.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from printer.escpos.document import Align, Cut, Document, Feed, QrCode, Rule, Text


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str


@dataclass(frozen=True)
class ReceiptSummary:
    """What the kiosk knows about a submitted application, mapped from its own model."""

    site_name: Bilingual
    application_number: str
    services: tuple[Bilingual, ...]
    applicant_name: str  # full name; masked here before it reaches paper
    submitted_at: datetime
    next_steps: Bilingual
    status_url: str
    help_line: str
    add_ons: tuple[Bilingual, ...] = ()
    terminal_id: str = ""


@dataclass(frozen=True)
class ReceiptJob:
    """One receipt to print; the id travels with the result and into the kiosk's records."""

    document: Document
    job_id: str = field(default_factory=lambda: f"R-{uuid.uuid4().hex[:12]}")


def mask_name(name: str) -> str:
    """Keep the first and last character, star the rest: 张三丰 -> 张*丰, 张三 -> 张*.

    Separators in transliterated names (·, space) stay so the shape of the name is kept.
    """
    letters = [i for i, ch in enumerate(name) if ch not in " ·•-"]
    if not letters:
        return ""
    keep = {letters[0]} if len(letters) <= 2 else {letters[0], letters[-1]}
    return "".join(ch if (i in keep or i not in letters) else "*" for i, ch in enumerate(name))


def build_receipt(summary: ReceiptSummary) -> Document:
    s = summary
    blocks: list = [
        Text(s.site_name.zh, bold=True, align=Align.CENTER),
        Text(s.site_name.en, align=Align.CENTER),
        Rule(),
        Text("申请编号 Application No.", align=Align.CENTER),
        Text(s.application_number, width=2, height=2, bold=True, align=Align.CENTER),
        Rule(),
        Text("办理事项 Services", bold=True),
    ]
    for item in s.services:
        blocks += [Text(f"· {item.zh}"), Text(f"  {item.en}")]
    if s.add_ons:
        blocks.append(Text("附加许可 Permits added", bold=True))
        for item in s.add_ons:
            blocks += [Text(f"· {item.zh}"), Text(f"  {item.en}")]
    blocks += [
        Feed(1),
        Text(f"申请人 Applicant: {mask_name(s.applicant_name)}"),
        Text(f"提交时间 Submitted: {s.submitted_at:%Y-%m-%d %H:%M}"),
    ]
    if s.terminal_id:
        blocks.append(Text(f"终端 Terminal: {s.terminal_id}"))
    blocks += [
        Rule(),
        Text("下一步 What happens next", bold=True),
        Text(s.next_steps.zh),
        Text(s.next_steps.en),
        Feed(1),
        QrCode(s.status_url),
        Text("在自助终端扫码查询、打印执照", bold=True, align=Align.CENTER),
        Text("Scan at a kiosk to check and print your licence", align=Align.CENTER),
        Text(s.status_url, align=Align.CENTER),
        Rule(),
        Text(f"咨询电话 Help line: {s.help_line}", align=Align.CENTER),
        Text("请妥善保管本凭条 Please keep this receipt", align=Align.CENTER),
        Cut(),
    ]
    return Document(tuple(blocks))
