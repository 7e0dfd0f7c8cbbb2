"""Every definition the terminal knows, loaded once, checked together, then shared.

Loading is lazy (first use) and cached: the kiosk's first frame does not wait for it, and the
backend pays it once per process. `load_definitions(root)` loads another tree for the technician's
check of an edited definition without touching the cached one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .catalogue import Catalogue, load_catalogue
from .errors import DefinitionError, UnknownAddOn, UnknownService
from .loader import load_addon, load_service
from .messages import shown
from .model import AddOn, Service
from .rules.cross import RULE_FIELDS

PACKAGE_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Definitions:
    services: tuple[Service, ...]
    addons: tuple[AddOn, ...]
    catalogue: Catalogue
    service_by_id: dict[str, Service]
    addon_by_id: dict[str, AddOn]


def load_definitions(root: Path = PACKAGE_DIR) -> Definitions:
    """Load services/, addons/ and catalogue/ under `root`; raise DefinitionError on any fault."""
    services = sorted((load_service(p, RULE_FIELDS)
                       for p in sorted((root / "services").glob("*.toml"))), key=lambda s: s.order)
    service_ids = frozenset(s.id for s in services)
    if len(service_ids) != len(services) or not services:
        raise DefinitionError(root / "services", "ids", "no services, or a service id repeats")
    addons = sorted((load_addon(p, RULE_FIELDS, service_ids)
                     for p in sorted((root / "addons").glob("*.toml"))), key=lambda a: a.order)
    addon_ids = frozenset(a.id for a in addons)
    if len(addon_ids) != len(addons):
        raise DefinitionError(root / "addons", "ids", "an add-on id repeats")
    catalogue = load_catalogue(root / "catalogue", addon_ids, service_ids)
    triggered = {item.addon_id for item in catalogue.items if item.addon_id}
    for addon in addons:
        if addon.id not in triggered:
            raise DefinitionError(root / "addons" / f"{addon.id}.toml", "id",
                                  "no catalogue item triggers this add-on")
    return Definitions(tuple(services), tuple(addons), catalogue,
                       {s.id: s for s in services}, {a.id: a for a in addons})


@cache
def current() -> Definitions:
    """The package's own definitions, loaded on first use."""
    return load_definitions()


def services() -> list[Service]:
    """Every service in the order the terminal lists them."""
    return list(current().services)


def service(service_id: str) -> Service:
    found = current().service_by_id.get(service_id) if isinstance(service_id, str) else None
    if found is None:
        raise UnknownService(f"no service {shown(service_id)!r}")
    return found


def addons() -> list[AddOn]:
    return list(current().addons)


def addon(addon_id: str) -> AddOn:
    found = current().addon_by_id.get(addon_id) if isinstance(addon_id, str) else None
    if found is None:
        raise UnknownAddOn(f"no add-on {shown(addon_id)!r}")
    return found
