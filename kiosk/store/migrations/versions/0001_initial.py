"""The store's first schema: applications, outbox, print jobs, audit events.

Revision ID: 0001
Revises:
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
        "applications",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("number", sa.String(48), nullable=False, unique=True),
        sa.Column("service", sa.String(64), nullable=False),
        sa.Column("confirmed_at", sa.Float, nullable=False),
        sa.Column("sealed", sa.LargeBinary, nullable=True),
        sa.Column("purged_at", sa.Float, nullable=True),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("application_id", sa.String(36), sa.ForeignKey("applications.id"),
                  nullable=False, unique=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.Float, nullable=False),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("http_status", sa.Integer, nullable=True),
        sa.Column("delivered_at", sa.Float, nullable=True),
        sa.Column("reason_sealed", sa.LargeBinary, nullable=True),
    )
    op.create_index("ix_outbox_state_due", "outbox", ["state", "next_attempt_at"])
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("application_id", sa.String(36), sa.ForeignKey("applications.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("flag_reason", sa.String(200), nullable=True),
        sa.Column("reprint_of", sa.Integer, sa.ForeignKey("print_jobs.id"), nullable=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_print_jobs_state", "print_jobs", ["state"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("application_id", sa.String(36), nullable=True),
        sa.Column("job_id", sa.Integer, nullable=True),
        sa.Column("detail", sa.String(200), nullable=True),
    )


def downgrade() -> None:
    for table in ("audit_events", "print_jobs", "outbox", "applications"):
        op.drop_table(table)
