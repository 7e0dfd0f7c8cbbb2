"""Exceptions forms raises. All are ValueError so callers can catch one family."""

from __future__ import annotations

from pathlib import Path


class DefinitionError(ValueError):
    """A service, add-on or catalogue file is broken; it names the file, the place and the problem.

    Raised at load time so a broken definition never reaches a screen.
    """

    def __init__(self, path: Path | str, where: str, problem: str) -> None:
        super().__init__(f"{path}: {where}: {problem}")
        self.path, self.where, self.problem = str(path), where, problem


class UnknownService(ValueError, LookupError):
    """No service has this id. Also a LookupError so `except LookupError` catches it, but never
    a KeyError: a mistyped id is bad input, not a missing dict key."""


class UnknownAddOn(ValueError, LookupError):
    """No add-on has this id."""


class UnknownScopeItem(ValueError, LookupError):
    """No catalogue entry has this id."""


class ApplicationFormatError(ValueError):
    """An application's JSON has the wrong shape; the message is bilingual (zh, then en)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


class InvalidApplication(ValueError):
    """An application that fails validation was used where a valid one is needed."""

    def __init__(self, problems: list) -> None:
        codes = ", ".join(sorted({p.code for p in problems}))
        super().__init__(f"application is not valid ({len(problems)} problems: {codes})")
        self.problems = problems
