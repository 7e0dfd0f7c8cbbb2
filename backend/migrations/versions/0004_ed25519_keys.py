"""Terminals sign with Ed25519; the backend keeps public keys only. Licences keep their scope
items as lists.

The HMAC keys in kiosks.key are dropped: a copy of the database must not let anyone sign as a
terminal. Every terminal registered before this revision needs a new key file:
``python -m backend add-kiosk ID --rotate`` (its history stays).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kiosk_keys",
        sa.Column("kiosk_id", sa.String(64), sa.ForeignKey("kiosks.id"), primary_key=True),
        sa.Column("key_id", sa.String(16), primary_key=True),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime()),
    )
    with op.batch_alter_table("kiosks") as batch:
        batch.drop_column("key")
    with op.batch_alter_table("licences") as batch:
        batch.add_column(sa.Column("scope_general", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("scope_licensed", sa.JSON(), nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("licences") as batch:
        batch.drop_column("scope_licensed")
        batch.drop_column("scope_general")
    with op.batch_alter_table("kiosks") as batch:
        # The keys are gone: every terminal needs add-kiosk --rotate after a downgrade too.
        batch.add_column(sa.Column("key", sa.LargeBinary(), nullable=True))
    op.drop_table("kiosk_keys")
