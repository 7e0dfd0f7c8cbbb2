"""Migrations and housekeeping on both databases: upgrade, downgrade, upgrade again; old
nonces forgotten; the final veto level is a setting."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from backend import review
from backend.clock import utcnow
from backend.db import make_engine, migrate, run_alembic
from backend.models import ApplicationRecord, SeenNonce
from backend.review_levels import ReviewLevel
from backend.steps import Actor
from backend.terminal_auth import NoncePruner

TABLES = {
    "kiosks",
    "seen_nonces",
    "staff_tokens",
    "applications",
    "licences",
    "addon_outcomes",
    "review_steps",
    "registered_names",
    "counters",
}


def _alembic(engine, action: str, target: str) -> None:
    run_alembic(engine, action, target)


def test_migrations_go_down_and_up_again(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    _alembic(engine, "downgrade", "base")
    assert not TABLES & set(inspect(engine).get_table_names())
    migrate(engine)
    migrate(engine)  # idempotent: a restart runs it again
    assert set(inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def test_old_nonces_are_forgotten_recent_ones_kept(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    now = utcnow()
    with Session(engine) as session, session.begin():
        session.add(SeenNonce(kiosk_id="P", nonce="old" * 6, seen_at=now - timedelta(seconds=601)))
        session.add(SeenNonce(kiosk_id="P", nonce="new" * 6, seen_at=now - timedelta(seconds=30)))
    with Session(engine) as session, session.begin():
        NoncePruner(max_skew_seconds=300).prune_if_due(session, now)
    with Session(engine) as session:
        kept = session.scalars(select(SeenNonce.nonce).where(SeenNonce.kiosk_id == "P")).all()
    assert kept == ["new" * 6]
    engine.dispose()


def _in_review(session: Session) -> ApplicationRecord:
    record = ApplicationRecord(
        id="veto-setting",
        kiosk_id="K",
        body_hash="0" * 64,
        body="{}",
        service_id="individual_business",
        status="in-review",
        review_level="window",
        rejection_proposed=False,
        reasons="[]",
        received_at=utcnow(),
        steps=[],
        addons=[],
    )
    session.add(record)
    return record


def test_a_shorter_ladder_makes_the_section_final(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    at = datetime(2026, 11, 30, 9, 0)
    with Session(engine) as session, session.begin():
        record = _in_review(session)
        for level in (ReviewLevel.WINDOW, ReviewLevel.SECTION):
            review.reject(
                record,
                level=level,
                actor=Actor(id=f"staff:{level.value}", name=level.value),
                reason="no premises",
                at=at,
                final_level=ReviewLevel.SECTION,
            )
        assert record.status == "rejected"
        assert [s.action for s in record.steps] == ["propose-rejection", "reject"]
    with Session(engine) as session:
        count = session.scalar(
            select(func.count())
            .select_from(ApplicationRecord)
            .where(ApplicationRecord.status == "rejected", ApplicationRecord.id == "veto-setting")
        )
    assert count == 1
    engine.dispose()


def test_upgrade_carries_old_rows_through_0002_to_0004(database_url):
    """Rows written by the first schema survive the upgrade: per-category counters become one
    sequence above both, duplicate staff names get their staff id appended, text reasons become
    JSON, and the shared HMAC keys are gone (public keys only)."""
    from sqlalchemy import text

    engine = make_engine(database_url)
    _alembic(engine, "downgrade", "base")
    _alembic(engine, "upgrade", "0001")
    now = utcnow()
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO counters (name, value) VALUES ('uscc:440605:1', 7), ('uscc:440605:2', 12)")
        )
        for token_hash in ("a" * 64, "b" * 64):
            connection.execute(
                text(
                    "INSERT INTO staff_tokens (token_hash, name, role, enabled, created_at) "
                    "VALUES (:h, '王丽', 'window', true, :t)"
                ),
                {"h": token_hash, "t": now},
            )
        connection.execute(
            text(
                "INSERT INTO kiosks (id, key, enabled, created_at) VALUES ('OLD', :k, true, :t)"
            ),
            {"k": b"\x01" * 32, "t": now},
        )
        connection.execute(
            text(
                "INSERT INTO applications (id, kiosk_id, body_hash, body, service_id, status, "
                "rejection_proposed, reasons, received_at) VALUES ('old-app', 'OLD', :h, '{}', "
                "'individual_business', 'in-review', false, :r, :t)"
            ),
            {"h": "0" * 64, "r": '[{"code": "name-taken", "zh": "名称已被登记", "en": "taken"}]', "t": now},
        )
    migrate(engine)
    with Session(engine) as session:
        counters = dict(session.execute(text("SELECT name, value FROM counters")).all())
        assert counters == {"uscc:9440605": 12}
        staff = session.execute(text("SELECT staff_id, name FROM staff_tokens ORDER BY staff_id")).all()
        assert [s.staff_id for s in staff] == ["staff:aaaaaaaaaaaa", "staff:bbbbbbbbbbbb"]
        assert len({s.name for s in staff}) == 2
        record = session.get(ApplicationRecord, "old-app")
        assert record.reasons[0]["code"] == "name-taken" and record.held_for == []
    assert "key" not in {c["name"] for c in inspect(engine).get_columns("kiosks")}
    engine.dispose()
