"""Alembic migration environment; run through backend.db.migrate()."""
