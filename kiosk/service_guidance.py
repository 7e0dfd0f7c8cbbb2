"""Who a service is for, what the owner is liable for, and what to bring: shown before starting.

The wording (kiosk/service_guidance.toml, zh and en, each sentence with its article) is the
terminal's, not a rule: forms/ says what a registration asks, this says what helps a person
choose and come prepared. A service forms/ adds without an entry here still appears, with its
description only.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).with_name("service_guidance.toml")


@dataclass(frozen=True)
class Guidance:
    for_whom: str
    liability: str
    bring: tuple[str, ...]


@functools.cache
def _table() -> dict[str, dict]:
    with SOURCE.open("rb") as file:
        return tomllib.load(file)


def guidance(service_id: str, locale: str) -> Guidance | None:
    """The guidance for a service in the session's language, or None where there is none."""
    entry = _table().get(service_id)
    if entry is None:
        return None
    lang = "zh" if locale == "zh_CN" else "en"
    return Guidance(entry[f"for_whom_{lang}"], entry[f"liability_{lang}"],
                    tuple(entry[f"bring_{lang}"]))
