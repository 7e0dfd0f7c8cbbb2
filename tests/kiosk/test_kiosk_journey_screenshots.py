"""The screenshot walks show every service and every add-on forms/ defines."""

from __future__ import annotations

import forms
from kiosk.journey_screenshots import WALKS


def test_the_walks_cover_every_service_and_addon():
    assert {service for service, _ in WALKS} == {s.id for s in forms.services()}
    assert {a for _, addons in WALKS for a in addons} == {a.id for a in forms.addons()}


def test_each_walk_is_a_valid_application():
    for service, addons in WALKS:
        sample = forms.samples.valid_application(service, addons=addons, shareholders=2)
        assert forms.validate_application(sample) == []
