"""One Session owns a visit's data; wiping is one call and leaves nothing behind."""

from dataclasses import fields

import pytest

from kiosk.journey import ApplicationDraft, Signature
from kiosk.session import Session, SessionData


def test_wipe_resets_every_field_and_tells_listeners(qapp):
    session = Session("zh_CN")
    heard = []
    session.wiped.connect(lambda: heard.append("wiped"))
    values = {"locale": "en_US", "large_text": True, "high_contrast": True,
              "service_id": "limited_company", "scope_query": "餐饮",
              "draft": ApplicationDraft("limited_company")}
    values["draft"].applicant.name = "陈志明"
    values["draft"].signatures["X"] = Signature("陈志明", [[(0.1, 0.2), (0.5, 0.6)]])
    assert set(values) == {f.name for f in fields(SessionData)}, "a new field needs a value here"
    for name, value in values.items():
        session.set(name, value)
    assert not session.is_pristine()
    session.wipe()
    assert session.is_pristine()
    assert session.data == SessionData(locale="zh_CN")
    assert heard == ["wiped"]
    assert session.data.draft is None      # answers and signature strokes gone with the visit


def test_only_known_fields(qapp):
    with pytest.raises(AttributeError):
        Session().set("id_number", "x")
