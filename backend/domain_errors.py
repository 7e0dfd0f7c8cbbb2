"""What the domain (review, decisions, lookups) refuses, as domain errors.

The domain says what went wrong (a code and the text in both languages) and what kind of
refusal it is; it knows nothing of HTTP. The routes' error handler maps the kind to a status
(backend/app.py, ``DOMAIN_STATUS``).
"""

from __future__ import annotations

from wire import Message


class DomainError(Exception):
    """A refusal with a stable code and a bilingual message."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(code)
        self.message = Message(code=code, zh=zh, en=en)

    @property
    def code(self) -> str:
        return self.message.code


class Conflict(DomainError):
    """The case is not in a state that allows this (already decided, needs something first)."""


class OutOfReach(DomainError):
    """The actor may not act on this case (it sits above their level)."""


class NotFound(DomainError):
    """No such thing, or nothing the actor may see (the two are not told apart)."""


class TooManyAttempts(DomainError):
    """Too many wrong proofs for one application: wait before trying again."""
