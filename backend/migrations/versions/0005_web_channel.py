"""The web channel: server-side drafts of applications filled in a browser, and on every
application the channel it came through and whether the applicant's identity was checked.

A terminal reads the resident ID card (real-name check) before it sends anything; the web form
cannot, so a web application is stored with identity_checked = false and its licence prints only
at a terminal after proof (issue 15). Existing rows all came from terminals.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(
            sa.Column("channel", sa.String(16), nullable=False, server_default="terminal")
        )
        batch.add_column(
            sa.Column("identity_checked", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_index("ix_applications_received_at", "applications", ["received_at"])
    op.create_table(
        "web_drafts",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("application_id", sa.String(64), nullable=False, unique=True),
        sa.Column("service_id", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False, server_default="zh"),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False, index=True),
        sa.Column("submitted_at", sa.DateTime()),
    )


def downgrade() -> None:
    op.drop_table("web_drafts")
    op.drop_index("ix_applications_received_at", "applications")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("identity_checked")
        batch.drop_column("channel")
