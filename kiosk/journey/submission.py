"""The one door a confirmed application leaves the terminal by.

`kiosk.counter.Counter` implements `Submission` (keep locally, queue for the backend, print the
receipt). Until the counter is open (the store and printers open just after the first frame),
or when it could not open, the terminal runs with `SubmissionUnavailable`, and the confirm stage
says plainly that this terminal cannot submit: nothing pretends to have sent anything.
"""

from __future__ import annotations

from typing import Protocol

import forms

from .signature import Signature

CANNOT_SUBMIT = forms.Text(
    "本终端暂时无法提交申请，请到服务窗口办理。您填写的内容不会被保存或发送；结束后将全部清除。",
    "This terminal cannot submit applications just now; please go to the service counter. "
    "Nothing you entered is saved or sent; it is all cleared when you finish.",
)


class Submitted(Protocol):
    """What a submission answers: the application's id and the number on its receipt."""

    id: str
    number: str
    receipt_job_id: int


class Submission(Protocol):
    """Takes a finished, valid application and its signatures; keeps it and queues its receipt."""

    @property
    def available(self) -> bool: ...

    def submit(self, application: forms.Application, signatures: list[Signature]) -> Submitted: ...


class SubmissionUnavailable:
    """A terminal whose counter is not open: it can fill in but not submit."""

    available = False
    reason = CANNOT_SUBMIT

    def submit(self, application: forms.Application, signatures: list[Signature]) -> Submitted:
        raise RuntimeError("this terminal's counter is not open")
