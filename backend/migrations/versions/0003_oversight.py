"""Review oversight and audit: stable staff ids, JSON reasons, returns checked by the level
above, the reference of a held-back approval, the applicant key, and the audit trail.

Existing staff get "staff:" + the first 12 characters of their token hash; a duplicated name
gets its staff id appended so the new unique index holds.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    with op.batch_alter_table("staff_tokens") as batch:
        batch.add_column(sa.Column("staff_id", sa.String(40)))
    staff = sa.table(
        "staff_tokens",
        sa.column("token_hash", sa.String),
        sa.column("staff_id", sa.String),
        sa.column("name", sa.String),
    )
    seen: set[str] = set()
    for token_hash, name in connection.execute(
        sa.select(staff.c.token_hash, staff.c.name).order_by(staff.c.token_hash)
    ).all():
        staff_id = f"staff:{token_hash[:12]}"
        unique_name = name if name not in seen else f"{name[:80]} ({staff_id})"
        seen.add(unique_name)
        connection.execute(
            sa.update(staff)
            .where(staff.c.token_hash == token_hash)
            .values(staff_id=staff_id, name=unique_name)
        )
    with op.batch_alter_table("staff_tokens") as batch:
        batch.alter_column("staff_id", existing_type=sa.String(40), nullable=False)
        batch.create_unique_constraint("uq_staff_tokens_staff_id", ["staff_id"])
        batch.create_unique_constraint("uq_staff_tokens_name", ["name"])

    with op.batch_alter_table("applications") as batch:
        batch.alter_column(
            "reasons",
            existing_type=sa.Text(),
            type_=sa.JSON(),
            existing_nullable=False,
            postgresql_using="reasons::json",
        )
        batch.add_column(sa.Column("held_for", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column(
                "return_check_pending", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch.add_column(sa.Column("applicant_key", sa.String(64)))
        batch.create_index("ix_applications_applicant_key", ["applicant_key"])

    with op.batch_alter_table("review_steps") as batch:
        batch.add_column(
            sa.Column("actor_name", sa.String(100), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("reference", sa.String(200)))

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(40), nullable=False),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    op.create_index("ix_audit_events_target", "audit_events", ["target"])


def downgrade() -> None:
    op.drop_table("audit_events")
    with op.batch_alter_table("review_steps") as batch:
        batch.drop_column("reference")
        batch.drop_column("actor_name")
    with op.batch_alter_table("applications") as batch:
        batch.drop_index("ix_applications_applicant_key")
        batch.drop_column("applicant_key")
        batch.drop_column("return_check_pending")
        batch.drop_column("held_for")
        batch.alter_column(
            "reasons", existing_type=sa.JSON(), type_=sa.Text(), postgresql_using="reasons::text"
        )
    with op.batch_alter_table("staff_tokens") as batch:
        batch.drop_constraint("uq_staff_tokens_name", type_="unique")
        batch.drop_constraint("uq_staff_tokens_staff_id", type_="unique")
        batch.drop_column("staff_id")
