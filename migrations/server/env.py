"""Alembic environment for the central store. Runs in-process on the store's own connection
(app/server/db.py), on SQLite and PostgreSQL alike."""

from __future__ import annotations

from alembic import context

from app.server.schema import metadata

config = context.config
target_metadata = metadata

connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline SQL generation is not used
    raise RuntimeError("central store migrations run in-process (app.server.db.upgrade)")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
