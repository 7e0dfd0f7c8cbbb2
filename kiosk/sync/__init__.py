"""Sync with the backend: the outbox relay (own thread, httpx), its backoff and signing seam."""

from .backoff import Backoff
from .relay import Decision, OutboxRelay, Pass
from .signing import KeyFileSigner, RequestSigner

__all__ = ["Backoff", "Decision", "KeyFileSigner", "OutboxRelay", "Pass", "RequestSigner"]
