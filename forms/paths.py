"""Field paths ("shareholders[2].id_number", "addons.food_business.premises_area") and the
screen each belongs to, so a review screen can send the applicant back to the right step."""

from __future__ import annotations

import re

from .definitions import current

FIELD_PATH = re.compile(r"(?:addons\.(\w{1,64})\.)?(\w{1,64})(?:\[(\d{1,3})\](?:\.(\w{1,32}))?)?")
# Problems about the application as a whole ("service", "schema_version", "") have no step.
WHOLE = ("", "service", "schema_version", "answers", "addons", "step")


def step_of(service_id: str, field_path: str) -> str | None:
    """The step id (as validate_step takes it) where the answer at `field_path` is given:
    a service step id, "addons.<id>", or "declarations"; None if no step holds it."""
    defs = current()
    svc = defs.service_by_id.get(service_id) if isinstance(service_id, str) else None
    if svc is None or not isinstance(field_path, str) or field_path in WHOLE:
        return None
    if field_path == "declarations" or field_path.startswith("declarations."):
        return "declarations"
    head = field_path.split(".", 2)
    if head[0] == "addons" and len(head) >= 2:
        found = defs.addon_by_id.get(head[1])
        return f"addons.{found.id}" if found is not None and svc.id in found.services else None
    field_id = re.split(r"[.\[]", field_path, maxsplit=1)[0]
    for step in svc.steps:
        if any(f.id == field_id for f in step.fields):
            return step.id
    return None
