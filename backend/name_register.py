"""The district's name register and the words a name may carry only with approval."""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.clock import utcnow
from backend.db import insert_if_absent
from backend.models import RegisteredName

APPROVAL_WORDS_FILE = Path(__file__).parent / "data" / "approval_words.toml"


def normalise_name(name: str | None) -> str:
    """NFKC folds full-width brackets and digits, so （佛山市南海区） and (佛山市南海区) match."""
    return unicodedata.normalize("NFKC", name or "").strip()


@dataclass(frozen=True)
class ApprovalWord:
    word: str
    authority_zh: str
    authority_en: str


@cache
def approval_words() -> tuple[ApprovalWord, ...]:
    data = tomllib.loads(APPROVAL_WORDS_FILE.read_text(encoding="utf-8"))
    return tuple(ApprovalWord(**entry) for entry in data["word"])


def words_needing_approval(name: str) -> list[ApprovalWord]:
    name = normalise_name(name)
    return [w for w in approval_words() if w.word in name]


def is_taken(session: Session, name: str) -> bool:
    found = (
        session.connection()
        .execute(select(RegisteredName.name).where(RegisteredName.name == normalise_name(name)))
        .first()
    )
    return found is not None


def claim(session: Session, name: str, application_id: str) -> bool:
    """Enter the name in the register; False when another approval got there first."""
    return insert_if_absent(
        session,
        RegisteredName,
        name=normalise_name(name),
        application_id=application_id,
        registered_at=utcnow(),
    )
