"""Bilingual text and the problem a rule reports.

Every string a citizen can read comes from here in both languages, zh_CN first, because the
terminal shows whichever the applicant chose and the backend stores both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """One piece of user-facing wording in Simplified Chinese and English."""

    zh: str
    en: str

    def format(self, **params: object) -> Text:
        return Text(self.zh.format(**params), self.en.format(**params))


@dataclass(frozen=True)
class Problem:
    """One reason an answer would be refused.

    `field` is a path into the application ("name", "shareholders[2].id_number",
    "addons.food_business.premises_area"); `code` is stable and documented in README.md so the
    kiosk and the backend can react to it without parsing the wording.
    """

    field: str
    code: str
    zh: str
    en: str

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "zh": self.zh, "en": self.en}
