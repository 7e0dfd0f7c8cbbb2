"""The automatic-approval rules as functions (the HTTP paths are in test_backend_applications)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from backend import forms_bridge
from backend.db import make_engine, migrate
from backend.decisions import reasons_for_review
from backend.name_register import normalise_name, words_needing_approval
from backend.permits import addon_rule
from forms import samples


def test_scope_outside_the_catalogue_needs_a_person(tmp_path):
    # forms refuses unknown items at the terminal; the backend checks again because a catalogue
    # update can reach the terminals before it reaches the backend.
    application = samples.valid_application("individual_business")
    application.answers["scope"] = ["daily_goods_sales", "item_added_after_backend_release"]
    assert forms_bridge.non_standard_scope(forms_bridge.scope_ids(application)) == [
        "item_added_after_backend_release"
    ]
    engine = make_engine(f"sqlite:///{tmp_path / 'rules.sqlite3'}")
    migrate(engine)
    with Session(engine) as session:
        codes = [r.code for r in reasons_for_review(session, application, "佛山市南海区甲乙店")]
    engine.dispose()
    assert codes == ["scope-not-standard"]


def test_full_width_brackets_match_the_register():
    assert (
        normalise_name("佛山市南海区甲乙（佛山）贸易有限公司")
        == "佛山市南海区甲乙(佛山)贸易有限公司"
    )


def test_approval_words_name_their_authority():
    [word] = words_needing_approval("佛山市南海区甲乙医院有限公司")
    assert word.word == "医院" and word.authority_zh == "卫生健康部门"
    assert words_needing_approval("佛山市南海区甲乙百货店") == []


def test_every_forms_addon_has_a_backend_rule():
    import forms

    for addon in forms.addons():
        rule = addon_rule(addon.id)
        assert rule.outcome in {"permit", "filing"}
        assert (rule.years is not None) == (rule.outcome == "permit")


def test_catering_makes_the_food_permit_need_an_inspection():
    rule = addon_rule("food_business")
    assert rule.needs_inspection({"catering_services"})
    assert not rule.needs_inspection({"food_sales"})
