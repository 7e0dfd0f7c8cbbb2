"""One organisation-code sequence per issuing authority instead of one per category.

Before this revision company n and individual business n shared an organisation code. The new
counter "uscc:9<division>" starts above the highest serial either old counter issued, so no code
issued from now on repeats an old one; the old counters are removed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.Integer))


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(counters.c.name, counters.c.value).where(counters.c.name.like("uscc:%:%"))
    ).all()
    highest: dict[str, int] = {}
    for name, value in rows:
        _, division, _category = name.split(":")
        highest[division] = max(highest.get(division, 0), value)
    for division, value in highest.items():
        connection.execute(sa.insert(counters).values(name=f"uscc:9{division}", value=value))
    connection.execute(sa.delete(counters).where(counters.c.name.like("uscc:%:%")))


def downgrade() -> None:
    # The per-category counters cannot be recovered; both restart above the shared one.
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(counters.c.name, counters.c.value).where(counters.c.name.like("uscc:9%"))
    ).all()
    for name, value in rows:
        division = name.removeprefix("uscc:9")
        for category in (1, 2):
            connection.execute(
                sa.insert(counters).values(name=f"uscc:{division}:{category}", value=value)
            )
    connection.execute(sa.delete(counters).where(counters.c.name.like("uscc:9%")))
