"""Initial schema: terminals, nonces, staff tokens, applications, licences, add-ons, review
steps, the name register and serial counters.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kiosks",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime()),
        sa.Column("last_snapshot", sa.Text()),
    )
    op.create_table(
        "seen_nonces",
        sa.Column("kiosk_id", sa.String(64), primary_key=True),
        sa.Column("nonce", sa.String(64), primary_key=True),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_seen_nonces_seen_at", "seen_nonces", ["seen_at"])
    op.create_table(
        "staff_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("service_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("review_level", sa.String(20)),
        sa.Column("rejection_proposed", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime()),
    )
    op.create_index("ix_applications_status", "applications", ["status"])
    op.create_table(
        "licences",
        sa.Column("credit_code", sa.String(18), primary_key=True),
        sa.Column(
            "application_id",
            sa.String(64),
            sa.ForeignKey("applications.id"),
            nullable=False,
            unique=True,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("entity_type_zh", sa.String(50), nullable=False),
        sa.Column("entity_type_en", sa.String(100), nullable=False),
        sa.Column("representative", sa.String(100), nullable=False),
        sa.Column("registered_capital", sa.String(40)),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
    )
    op.create_table(
        "addon_outcomes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "application_id", sa.String(64), sa.ForeignKey("applications.id"), nullable=False
        ),
        sa.Column("addon_id", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("number", sa.String(40), unique=True),
        sa.Column("valid_until", sa.Date()),
        sa.UniqueConstraint("application_id", "addon_id"),
    )
    op.create_table(
        "review_steps",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "application_id", sa.String(64), sa.ForeignKey("applications.id"), nullable=False
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_review_steps_application_id", "review_steps", ["application_id"])
    op.create_table(
        "registered_names",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("application_id", sa.String(64)),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "counters",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "counters",
        "registered_names",
        "review_steps",
        "addon_outcomes",
        "licences",
        "applications",
        "staff_tokens",
        "seen_nonces",
        "kiosks",
    ):
        op.drop_table(table)
