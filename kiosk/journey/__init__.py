"""The registration journey as plain Python (no Qt): the draft a citizen fills in, the stages
built from the chosen service, signatures, and the submission interface. The Qt adapter in
kiosk/ui/viewmodels only forwards taps here, so every decision is unit-tested without a screen.
"""

from .draft import Applicant, ApplicationDraft
from .flow import Blocked, RegistrationJourney
from .signature import Signature, signature_problems
from .stages import COMPONENTS, Stage, StageKind, build_stages
from .submission import Submission, SubmissionUnavailable

__all__ = [
    "COMPONENTS", "Applicant", "ApplicationDraft", "Blocked", "RegistrationJourney", "Signature",
    "Stage", "StageKind", "Submission", "SubmissionUnavailable", "build_stages",
    "signature_problems",
]
