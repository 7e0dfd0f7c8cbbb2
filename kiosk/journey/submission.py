"""The one door a confirmed application leaves the terminal by.

The store/outbox issue implements `Submission` (save locally, queue for the backend, print the
receipt). Until then the terminal is built with `SubmissionUnavailable`, and the confirm stage
says plainly that this terminal cannot submit yet: nothing pretends to have sent anything.
"""

from __future__ import annotations

from typing import Protocol

import forms

from .signature import Signature

CANNOT_SUBMIT = forms.Text(
    "本终端暂时无法提交申请。您填写的内容不会被保存或发送；结束后将全部清除。",
    "This terminal cannot submit applications yet. Nothing you entered is saved or sent; "
    "it is all cleared when you finish.",
)


class Submission(Protocol):
    """Takes a finished, valid application and its signatures; returns a receipt number."""

    @property
    def available(self) -> bool: ...

    def submit(self, application: forms.Application, signatures: list[Signature]) -> str: ...


class SubmissionUnavailable:
    """The terminal as built today: it can fill in but not submit."""

    available = False
    reason = CANNOT_SUBMIT

    def submit(self, application: forms.Application, signatures: list[Signature]) -> str:
        raise RuntimeError("this terminal has no submission channel yet")
