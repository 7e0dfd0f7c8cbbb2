"""forms: what a registration asks and what makes an answer valid. Pure Python, no Qt.

Service and add-on definitions are TOML data (services/, addons/), the business-scope catalogue is
data (catalogue/); this package loads and checks them, validates answers with bilingual problems,
offers permit add-ons from the chosen scope, and derives what the licence shows. See README.md.
"""

from .application import SCHEMA_VERSION, Application
from .catalogue import ScopeItem
from .definitions import addon, addons, load_definitions, service, services
from .errors import (
    ApplicationFormatError,
    DefinitionError,
    InvalidApplication,
    UnknownAddOn,
    UnknownScopeItem,
    UnknownService,
)
from .licence import LicenceParticulars, ScopeWording, licence_particulars, licence_scope_text
from .model import AddOn, Condition, Declaration, Field, Option, Service, Step
from .offers import AddOnOffer, offered_addons
from .paths import step_of
from .prepare import prepare
from .search import catalogue_search, scope_item
from .shares import Shareholding, shareholdings
from .text import Problem, Text
from .validation import validate_application, validate_field, validate_step

__all__ = [
    "SCHEMA_VERSION", "AddOn", "AddOnOffer", "Application", "ApplicationFormatError", "Condition",
    "Declaration", "DefinitionError", "Field", "InvalidApplication", "LicenceParticulars",
    "Option", "Problem", "ScopeItem", "ScopeWording", "Service", "Shareholding", "Step", "Text",
    "UnknownAddOn", "UnknownScopeItem", "UnknownService", "addon", "addons", "catalogue_search",
    "licence_particulars", "licence_scope_text", "load_definitions", "offered_addons", "prepare",
    "samples",
    "scope_item", "service", "services", "shareholdings", "step_of", "validate_application",
    "validate_field", "validate_step",
]


def __getattr__(name: str) -> object:
    # samples (test and demo data) loads on first use: the terminal's start-up never needs it.
    if name == "samples":
        import importlib

        return importlib.import_module(".samples", __name__)
    raise AttributeError(f"module 'forms' has no attribute {name!r}")
