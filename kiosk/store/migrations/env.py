"""Alembic environment of the terminal's store (not the backend's): run from
kiosk.store.database.migrate(), which hands over a connection."""

from __future__ import annotations

from alembic import context

from kiosk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable from the alembic CLI
    raise SystemExit("the store migrates itself when opened (kiosk.store.database.migrate)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
