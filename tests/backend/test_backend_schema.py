"""Migrations and housekeeping on both databases: upgrade, downgrade, upgrade again; old
nonces forgotten; the final veto level is a setting."""

from __future__ import annotations

from datetime import datetime, timedelta

from alembic import command
from alembic.config import Config
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from backend import review
from backend.clock import utcnow
from backend.db import MIGRATIONS, make_engine, migrate
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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


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
