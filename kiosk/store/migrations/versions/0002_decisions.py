"""The backend's decision per application, so the relay can poll until it is final.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("decision_status", sa.String(16), nullable=True))
        batch.add_column(sa.Column("decision_sealed", sa.LargeBinary, nullable=True))
        batch.add_column(sa.Column("decision_checked_at", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("decision_checked_at")
        batch.drop_column("decision_sealed")
        batch.drop_column("decision_status")
