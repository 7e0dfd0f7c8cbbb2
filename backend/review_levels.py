"""The review ladder of Nanhai's "veto moved up" (否决上提) reform, lowest first."""

from __future__ import annotations

from enum import StrEnum


class ReviewLevel(StrEnum):
    WINDOW = "window"
    SECTION = "section"
    DEPARTMENT = "department"
    DISTRICT = "district"

    @property
    def rank(self) -> int:
        return LADDER.index(self)

    def next_up(self) -> ReviewLevel | None:
        """The level a rejection proposed here is sent to; None at the top."""
        i = self.rank + 1
        return LADDER[i] if i < len(LADDER) else None


LADDER: tuple[ReviewLevel, ...] = (
    ReviewLevel.WINDOW,
    ReviewLevel.SECTION,
    ReviewLevel.DEPARTMENT,
    ReviewLevel.DISTRICT,
)

LEVEL_NAMES_ZH = {
    ReviewLevel.WINDOW: "窗口",
    ReviewLevel.SECTION: "科室",
    ReviewLevel.DEPARTMENT: "局领导",
    ReviewLevel.DISTRICT: "区级",
}
