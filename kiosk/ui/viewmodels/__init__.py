"""View-models: every decision the screens show, made in Python and testable without a screen.

Importing this package registers the types in the QML module `Kiosk.ViewModels` 1.0.
"""

from .appearance import Appearance
from .application_form import ApplicationForm
from .collect import Collect
from .handover import Handover
from .idle_countdown import IdleCountdown
from .journey import Journey, Screen
from .language import LanguageSwitch
from .scope_finder import ScopeFinder
from .service_mode import ServiceMode
from .services import ServiceList

__all__ = ["Appearance", "ApplicationForm", "Collect", "Handover", "IdleCountdown", "Journey", "LanguageSwitch", "Screen", "ScopeFinder", "ServiceMode",
           "ServiceList"]
